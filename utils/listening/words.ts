// Words that carry no topic of their own: a restatement shares the mentee's other words.
const STOP_WORDS = new Set(
  (
    "a an the and or but so if then than that this these those it its it's is are was were be been being am do does did done " +
    "have has had having i i'm i've i'd i'll me my mine you you're you've you'd you'll your yours we we're our us " +
    'he she him her his they them their there here what which who whom how why when where to of in on at by for with ' +
    'about from up down out over into just really very too also not no yes yeah okay ok um uh like well all any some ' +
    "more most much many one get got go going can could would should will shall may might must let let's thing things " +
    'feel feels felt think know want way lot bit kind sort actually honestly maybe still again even now because as ' +
    "don't doesn't didn't can't won't isn't aren't wasn't that's what's it'll there's say said make made " +
    'sounds sound seems seem hear hearing heard right mean something everything nothing anything'
  ).split(' '),
);

/** Lower-case word tokens of a caption line, apostrophes kept ("don't"). */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []
  );
}

/**
 * A crude stem so "moved" meets "move" and "promotion" meets "promoted": enough for overlap,
 * cheap enough for every caption line.
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 5) w = w.replace(/(ations?|ions?|ing|ed|ies|es|ly|ment|ness)$/, '');
  else if (w.length > 3) w = w.replace(/(ed|es|s)$/, '');
  return w.replace(/e$/, '').slice(0, 6);
}

/** The stems of a text's topic words, each with the first surface form it came from. */
export function contentStems(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of wordsOf(text)) {
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    const s = stem(word);
    if (!out.has(s)) out.set(s, word.replace(/'s$/, ''));
  }
  return out;
}
