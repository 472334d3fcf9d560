// Words that open spoken sentences without changing what is asked ("so, okay, what happened").
const FILLERS = new Set([
  'so',
  'okay',
  'ok',
  'right',
  'um',
  'umm',
  'uh',
  'uhh',
  'er',
  'erm',
  'well',
  'yeah',
  'yes',
  'alright',
  'hmm',
  'mm',
  'mhm',
  'like',
  'and',
  'but',
  'now',
  'look',
  'anyway',
  'sure',
  'great',
  'cool',
  'oh',
]);
const FILLER_PHRASES = [
  'you know',
  'i mean',
  'let me ask',
  'can i ask',
  'i want to ask',
  "i'd like to ask",
  'i was wondering',
  'quick question',
  'one more thing',
];

// Captions often drop the apostrophe of a contraction. Only forms that are not words themselves.
const CONTRACTIONS: Record<string, string> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  couldnt: "couldn't",
  havent: "haven't",
  hasnt: "hasn't",
  youre: "you're",
  theyre: "they're",
  im: "i'm",
  ive: "i've",
  youve: "you've",
  thats: "that's",
};

/** Lower case, straight apostrophes, single spaces, no caption noise. */
export function normaliseText(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u201c\u201d"]/g, '')
      .replace(/[^\p{L}\p{N}'?.!,;:\s-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\b[a-z]+\b/g, (w) => CONTRACTIONS[w] ?? w)
      // False starts repeat a word: "what, what did he say", "how- how do you".
      .replace(/\b([\p{L}']+)(?:[\s,-]+\1\b)+/gu, '$1')
      .trim()
  );
}

/** Drops fillers and false starts ("what- what did", "so so how") from the front of a clause. */
export function stripLeadingFillers(clause: string): string {
  let out = clause.replace(/^[\s,;:.-]+/, '');
  for (let guard = 0; guard < 12; guard += 1) {
    const before = out;
    for (const phrase of FILLER_PHRASES) {
      if (out.startsWith(`${phrase} `) || out.startsWith(`${phrase},`)) out = out.slice(phrase.length);
    }
    out = out.replace(/^[\s,;:.-]+/, '');
    const first = /^([\p{L}']+)[\s,.-]+/u.exec(out);
    if (first?.[1] && FILLERS.has(first[1])) out = out.slice(first[0].length);
    // A false start repeats the first word: "what what did you", "how- how do you".
    const repeat = /^([\p{L}']+)[\s,-]+\1\b/u.exec(out);
    if (repeat?.[1]) out = out.slice(repeat[1].length);
    out = out.replace(/^[\s,;:.-]+/, '');
    if (out === before) break;
  }
  return out;
}
