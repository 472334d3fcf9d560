import type { SessionSummary } from './types';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The summary with the placeholders that stood for names while it was made ("the mentee") put
 * back as the names they hid, so that what is stored and shown, and a commitment added from it,
 * names people. `names` maps each placeholder to its name, e.g. { 'the mentee': 'Priya Shah' }.
 * An owner that is only a placeholder becomes the name; inside sentences, every whole-word use.
 */
export function restoreNames(summary: SessionSummary, names: Record<string, string>): SessionSummary {
  const pairs = Object.entries(names).filter(([placeholder, name]) => placeholder.trim() && name.trim());
  if (pairs.length === 0) return summary;
  const patterns = pairs
    .sort((a, b) => b[0].length - a[0].length)
    .map(
      ([placeholder, name]) =>
        [new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(placeholder)}(?![\\p{L}\\p{N}])`, 'giu'), name] as const,
    );
  const put = (text: string) => patterns.reduce((out, [pattern, name]) => out.replace(pattern, name), text);
  return {
    themes: summary.themes.map(put),
    insights: summary.insights.map(put),
    agreedActions: summary.agreedActions.map((a) => ({ ...a, owner: put(a.owner).trim(), action: put(a.action) })),
    nextFocus: put(summary.nextFocus),
  };
}
