import { MAX_UTTERANCE_TEXT } from './limits';
import type { Utterance } from './types';

/** The last place at or before `limit` to cut `text`: after a sentence, else at a space, else at the limit. */
function cutAt(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentence > limit / 2) return sentence + 1;
  const space = window.lastIndexOf(' ');
  return space > limit / 2 ? space : limit;
}

/**
 * An utterance too long for one message, as consecutive parts of the same speaker's turn, each
 * within `maxChars`, cut between sentences or words, its time shared out by length. A caption
 * stream that never pauses (Teams, a long monologue) would otherwise be refused whole.
 */
export function splitLongUtterance(utterance: Utterance, maxChars = MAX_UTTERANCE_TEXT): Utterance[] {
  if (utterance.text.length <= maxChars) return [utterance];
  const parts: string[] = [];
  let rest = utterance.text;
  while (rest.length > maxChars) {
    const cut = cutAt(rest, maxChars);
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const span = utterance.endedAt - utterance.startedAt;
  let start = utterance.startedAt;
  let done = 0;
  return parts.map((text, i) => {
    done += text.length;
    const end = i === parts.length - 1 ? utterance.endedAt : utterance.startedAt + Math.round((span * done) / total);
    const part = { ...utterance, text, startedAt: start, endedAt: end };
    start = end;
    return part;
  });
}
