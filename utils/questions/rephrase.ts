import type { QuestionKind } from './types';

interface Rewrite {
  match: RegExp;
  open: (m: RegExpExecArray) => string;
}

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().replace(/[?.!,]+$/, '');

// Specific rewrites first; each turns the closed or leading form into an invitation to say more.
const REWRITES: Rewrite[] = [
  { match: /\b(did|does|do|has|have|is|was) (it|that|the [\w\s]+?|your [\w\s]+?|things) (go|going|gone|went) (well|ok|okay|badly|to plan)\b/, open: (m) => `How did ${clean(m[2])} go?` },
  { match: /^(are|were|do|did) you (feel(ing)? )?(happy|ok|okay|worried|confident|nervous|comfortable|sure|pleased|stressed|anxious|excited) (with|about) (.+)$/, open: (m) => `How do you feel about ${clean(m[6])}?` },
  { match: /^(are|were) you (happy|ok|okay|worried|confident|nervous|comfortable|sure|pleased|stressed|anxious|excited)\b/, open: () => 'How are you feeling about it?' },
  { match: /^(don't|do) you (not )?think (that )?(.+)$/, open: (m) => `What do you make of ${clean(m[4]).startsWith('you ') ? 'that option' : 'that'}?` },
  { match: /^(wouldn't|would|won't|will) you (not )?agree (that )?(.+)$/, open: () => 'How do you see it?' },
  { match: /^why (don't|not|wouldn't) (you )?(just )?(.+)$/, open: () => 'What options do you see?' },
  { match: /^(wouldn't|would|isn't|is|might) it (not )?be (better|best|easier|wiser|good|a good idea|helpful) to (.+)$/, open: () => 'What would make each option work for you?' },
  { match: /^(have|haven't) you (tried|considered|thought about|thought of|looked at) (.+)$/, open: () => 'What have you considered so far?' },
  { match: /^(do|did) you (want|need|plan|intend) to (.+)$/, open: (m) => `What would you like to do about ${clean(m[3]).split(' ').slice(0, 4).join(' ')}?` },
  { match: /^(did|have|has) (you|they|he|she) (tell|told|talk(ed)?|speak|spoken|ask(ed)?|mention(ed)?) (to )?(.+)$/, open: (m) => `How did the conversation with ${clean(m[8]).split(' ').slice(0, 3).join(' ')} go?` },
  { match: /^(do|does|did) (you|they|it) (like|enjoy|love|hate) (.+)$/, open: (m) => `What is it like for ${m[2] === 'you' ? 'you' : clean(m[2])} with ${clean(m[4])}?` },
  { match: /^how (many|much|long|often)\b/, open: () => 'Tell me more about what that looks like for you.' },
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
  const tagless = clause.replace(/,?\s*(isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't)\s+\w+$/, '');
  if (tagless !== clause) return 'How do you see it?';
  for (const { match, open } of REWRITES) {
    const m = match.exec(clause);
    if (m) return open(m);
  }
  return FALLBACK[kind];
}
