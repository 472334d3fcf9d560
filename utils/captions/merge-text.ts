const MATCH_WORDS = 3;

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** A word as recognisers revise it: "So," and "so" are the same word. */
function plain(word: string | undefined): string {
  return (word ?? '').toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
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
    if (
      a
        .slice(p, p + Math.min(MATCH_WORDS, b.length))
        .join(' ')
        .toLowerCase() === probe
    )
      return p;
  }
  return 0;
}

/** The words that scrolled off, to keep in front of what the block shows now. */
export function trimmedPrefix(before: string, now: string): string {
  const n = wordsTrimmed(before, now);
  return n === 0 ? '' : words(before).slice(0, n).join(' ');
}

/** Words compared, position by position, to tell a revised caption from a new one. */
const SAME_START_WORDS = 4;

/**
 * Whether `now` is the same caption as `before`, grown, revised or trimmed, rather than a new
 * one written into the same element (Zoom reuses its subtitle line for the next sentence).
 * Recognisers revise single words ("Sue what" → "So what"), so half the first few words in
 * place is enough; a caption of two words or fewer may still be rewritten whole, and a
 * trimmed caption is lined up by `wordsTrimmed`.
 */
export function continuesCaption(before: string, now: string): boolean {
  const a = words(before);
  const b = words(now);
  // Recognisers never revise a caption to nothing: the line was cleared for the next sentence.
  if (b.length === 0) return a.length === 0;
  if (a.length <= 2 || wordsTrimmed(before, now) > 0) return true;
  // Nor do they wipe half of it.
  if (b.length * 2 < a.length) return false;
  const k = Math.min(SAME_START_WORDS, b.length);
  let same = 0;
  for (let i = 0; i < k; i += 1) if (plain(a[i]) === plain(b[i])) same += 1;
  return same * 2 >= k;
}
