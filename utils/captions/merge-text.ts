const MATCH_WORDS = 3;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * How many words scrolled off the front of a caption block between two readings: platforms
 * trim the start of a long monologue while appending to its end. 0 when nothing was trimmed
 * (the block grew, or revised its last words).
 */
export function wordsTrimmed(before: string, now: string): number {
  const a = words(before);
  const b = words(now);
  if (b.length === 0 || a.length === 0) return 0;
  const probe = b.slice(0, Math.min(MATCH_WORDS, b.length)).join(' ').toLowerCase();
  // Already aligned at the start: growth or a revision, not a trim.
  if (a.slice(0, Math.min(MATCH_WORDS, b.length)).join(' ').toLowerCase() === probe) return 0;
  for (let p = 1; p + Math.min(MATCH_WORDS, b.length) <= a.length; p += 1) {
    if (a.slice(p, p + Math.min(MATCH_WORDS, b.length)).join(' ').toLowerCase() === probe) return p;
  }
  return 0;
}

/** The words that scrolled off, to keep in front of what the block shows now. */
export function trimmedPrefix(before: string, now: string): string {
  const n = wordsTrimmed(before, now);
  return n === 0 ? '' : words(before).slice(0, n).join(' ');
}
