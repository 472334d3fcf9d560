import { stripLeadingFillers } from './normalise';
import { endsWithTag } from './tags';

// Captions drop apostrophes: "whats", "hows".
const WH = [
  'what',
  "what's",
  'whats',
  'how',
  "how's",
  'hows',
  'why',
  'where',
  "where's",
  'wheres',
  'when',
  "when's",
  'whens',
  'who',
  "who's",
  'whos',
  'which',
  'whose',
  'whom',
];
const AUX = [
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'am',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'have',
  'has',
  'had',
  'may',
  'might',
  'must',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "can't",
  "couldn't",
  "won't",
  "wouldn't",
  "shouldn't",
  "haven't",
  "hasn't",
];
const SUBJECTS = [
  'you',
  'i',
  'we',
  'they',
  'he',
  'she',
  'it',
  'that',
  'this',
  'there',
  'your',
  'the',
  'anyone',
  'someone',
  'anything',
  'everyone',
  'people',
];
const PRONOUNS = new Set(['you', 'i', "i'm", 'im', 'we', 'they', 'he', 'she', "you're", "we're", "they're"]);
const INVITATIONS = [
  'tell me',
  'tell us',
  'describe',
  'walk me through',
  'talk me through',
  'take me through',
  'say more',
  'explain',
  'share',
  'give me an example',
  'help me understand',
  'paint a picture',
  'talk about',
  'i wonder',
  "i'm curious",
  'i am curious',
  'expand on',
  'elaborate',
  'fill me in',
];

export const WH_WORDS = new Set(WH);
export const AUX_WORDS = new Set(AUX);

function firstWords(clause: string, n: number): string[] {
  return clause
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, n);
}

export function startsWithInvitation(clause: string): boolean {
  // "I wonder." alone is musing; "I wonder how she saw it" invites an answer.
  if (/^(i wonder|i'm curious|i am curious)$/.test(clause)) return false;
  return INVITATIONS.some((p) => clause === p || clause.startsWith(`${p} `) || clause.startsWith(`${p},`));
}

/** Whether a clause, stripped of fillers, is shaped like a question. */
export function looksLikeQuestion(clause: string, hadQuestionMark: boolean): boolean {
  const [w1, w2] = firstWords(clause, 2);
  if (!w1) return false;
  // "What you said stuck with me", "when I started…": a wh-word without inversion opens a statement.
  // "Why not, it's worth a try" answers rather than asks.
  if (/^why not,/.test(clause)) return hadQuestionMark;
  if (WH_WORDS.has(w1)) return hadQuestionMark || w2 === undefined || !PRONOUNS.has(w2);
  if (AUX_WORDS.has(w1) && w2 !== undefined) {
    // Sentences rarely open with an auxiliary unless they ask; "do"/"have" can start an imperative.
    if (SUBJECTS.includes(w2) || hadQuestionMark || (w1 !== 'do' && w1 !== 'have' && firstWords(clause, 3).length >= 3))
      return true;
  }
  if (startsWithInvitation(clause)) return true;
  if (/^(why not\s+\w|how about|what about|what if|surely)/.test(clause)) return true;
  if (endsWithTag(clause)) return true;
  return hadQuestionMark;
}

// Where a second question starts inside one sentence: after "and/or/then/also/plus"
// ("what happened and did you tell anyone"), or at an inverted wh-question that follows a
// statement in unpunctuated captions ("that sounds tough how are you coping").
const INNER_QUESTION_START = new RegExp(
  [
    String.raw`(?:,\s*|\s+)(?=(?:and|or|then|also|plus)\s+(?:\w+\s+)?(?:what|how|why|where|when|who|which|did|do|does|is|are|was|were|can|could|will|would|should|have|has)\b)`,
    String.raw`(?:,\s*|\s+)(?=(?:what|how|why|where|when|who|which)(?:'s|s|\s+(?:is|are|was|were|do|does|did|can|could|would|will|should|have|has))\s+(?:you|we|they|he|she|it|that|this|i)\b)`,
  ].join('|'),
);

export interface Clause {
  text: string;
  question: boolean;
}

/**
 * Splits a turn into clauses: at sentence ends, and inside a sentence where a new question
 * starts after "and", "or", "then", "also" or a comma ("what happened, and did you tell anyone").
 */
export function splitClauses(normalised: string): Clause[] {
  const out: Clause[] = [];
  const sentences = normalised.match(/[^.?!]+[.?!]*/g) ?? [];
  for (const raw of sentences) {
    const hadMark = raw.trim().endsWith('?');
    const body = raw.replace(/[.?!]+$/, '').trim();
    if (!body) continue;
    const pieces = body.split(INNER_QUESTION_START);
    pieces.forEach((piece, i) => {
      const text = stripLeadingFillers(piece.trim());
      if (!text) return;
      const last = i === pieces.length - 1;
      const question = looksLikeQuestion(text, last && hadMark);
      // "or" followed by an auxiliary continues a choice ("is it a or is it b") rather than a new question.
      if (i > 0 && /^or\b/.test(piece.trim()) && out.length > 0) {
        const prev = out[out.length - 1];
        if (prev) prev.text = `${prev.text} ${piece.trim()}`;
        return;
      }
      out.push({ text, question });
    });
  }
  return out;
}
