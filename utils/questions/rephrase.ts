import type { QuestionKind } from './types';

interface Rewrite {
  match: RegExp;
  open: (m: RegExpExecArray) => string;
}

// An either/or question offers two answers: a rewrite keeps the first subject, never the choice.
const clean = (s: string | undefined) =>
  (s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/,?\s+or\s+.*$/, '')
    .replace(/[?.!,]+$/, '');

// Words that end the noun phrase a rewrite can reuse ("your manager about the move" → "your manager").
const PHRASE_END = new Set([
  'about',
  'yet',
  'already',
  'that',
  'if',
  'whether',
  'how',
  'what',
  'when',
  'why',
  'to',
  'on',
  'for',
  'regarding',
  'last',
  'this',
  'today',
  'yesterday',
  'again',
  'before',
  'after',
  'and',
  'but',
  'so',
  'in',
  'at',
  'with',
]);
// A phrase that starts like this reads well inside a sentence even though the clause is lower-cased;
// a bare name would not ("with sam"), so the rewrite says "that" instead.
const SAFE_START = /^(the|your|his|her|their|my|our|its|this|that|these|those|him|them|it|me|us|you)\b/;

/** The noun phrase at the start of `words`, up to the first word that ends it; null when there is none worth reusing. */
function nounPhrase(words: string | undefined, maxWords = 4): string | null {
  const taken: string[] = [];
  for (const word of clean(words).split(' ')) {
    if (!word || PHRASE_END.has(word) || taken.length >= maxWords) break;
    taken.push(word);
  }
  const phrase = taken.join(' ');
  return phrase && SAFE_START.test(phrase) ? phrase : null;
}

const PREPOSITION = /^(about|with|to|on|for|into|over|through|at|from)$/;

/** "Do you want to talk about X?" → "What would you like to talk about?"; "… to quit your job?" → "… to do about your job?". */
function wantRewrite(verbPhrase: string | undefined): string {
  const [verb, next, ...rest] = clean(verbPhrase).split(' ');
  if (verb && next && PREPOSITION.test(next)) return `What would you like to ${verb} ${next}?`;
  const object = nounPhrase([next, ...rest].join(' '));
  return object ? `What would you like to do about ${object}?` : 'What would you like to do?';
}
// Specific rewrites first; each turns the closed or leading form into an invitation to say more.
const REWRITES: Rewrite[] = [
  {
    match:
      /\b(did|does|do|has|have|is|was) (it|that|the [\w\s]+?|your [\w\s]+?|things) (go|going|gone|went) (well|ok|okay|badly|to plan)\b/,
    open: (m) => `How did ${clean(m[2])} go?`,
  },
  {
    match:
      /^(are|were|do|did) you (feel(ing)? )?(happy|ok|okay|worried|confident|nervous|comfortable|sure|pleased|stressed|anxious|excited) (with|about) (.+)$/,
    open: (m) => `How do you feel about ${clean(m[6])}?`,
  },
  {
    match:
      /^(are|were) you (happy|ok|okay|worried|confident|nervous|comfortable|sure|pleased|stressed|anxious|excited)\b/,
    open: () => 'How are you feeling about it?',
  },
  {
    match: /^(don't|do) you (not )?think (that )?(.+)$/,
    open: (m) => `What do you make of ${clean(m[4]).startsWith('you ') ? 'that option' : 'that'}?`,
  },
  { match: /^(wouldn't|would|won't|will) you (not )?agree (that )?(.+)$/, open: () => 'How do you see it?' },
  { match: /^why (don't|not|wouldn't) (you )?(just )?(.+)$/, open: () => 'What options do you see?' },
  {
    match: /^(wouldn't|would|isn't|is|might) it (not )?be (better|best|easier|wiser|good|a good idea|helpful) to (.+)$/,
    open: () => 'What would make each option work for you?',
  },
  {
    match: /^(have|haven't) you (tried|considered|thought about|thought of|looked at) (.+)$/,
    open: () => 'What have you considered so far?',
  },
  { match: /^(do|did) you (want|need|plan|intend) to (.+)$/, open: (m) => wantRewrite(m[3]) },
  {
    match: /^(did|have|has) (you|they|he|she) (tell|told|talk(ed)?|speak|spoken|ask(ed)?|mention(ed)?) (to )?(.+)$/,
    open: (m) => {
      const who = nounPhrase(m[8], 3);
      return who ? `How did the conversation with ${who} go?` : 'How did that conversation go?';
    },
  },
  {
    match: /^(do|does|did) (you|they) (like|enjoy|love|hate) (.+)$/,
    open: (m) => `What stands out for ${m[2]} about ${nounPhrase(m[4]) ?? 'it'}?`,
  },
  { match: /^how (many|much|long|often)\b/, open: () => 'What does that look like for you?' },
  { match: /^(when|what time|what date)\b/, open: () => 'How are you thinking about the timing?' },
  { match: /\bor\b/, open: () => 'What options do you see?' },
  { match: /^(can|could) you (.+)$/, open: () => 'What would it take for you to do that?' },
  { match: /^(is|are|was|were) (.+)$/, open: () => 'How do you see it?' },
];

const FALLBACK: Record<'closed' | 'leading', string> = {
  closed: 'What’s your sense of it?',
  leading: 'What do you think?',
};

/** A short open rephrasing of a closed or leading question clause. */
export function openRephrasing(clause: string, kind: Exclude<QuestionKind, 'open' | 'statement'>): string {
  const tagless = clause.replace(
    /,?\s*(isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't)\s+\w+$/,
    '',
  );
  if (tagless !== clause) return 'How do you see it?';
  for (const { match, open } of REWRITES) {
    const m = match.exec(clause);
    if (m) return open(m);
  }
  return FALLBACK[kind];
}
