import { AUX_WORDS, startsWithInvitation, WH_WORDS } from './clauses';
import { endsWithTag } from './tags';
import type { QuestionKind } from './types';

const LEADING_STARTS = [
  // A question that opens with a negative presupposes its answer: "isn't the answer to…".
  /^(don't|doesn't|didn't|isn't|aren't|wasn't|weren't|wouldn't|shouldn't|couldn't|won't|can't|haven't|hasn't)\b/,
  /^why (don't|wouldn't|not|can't|won't|didn't) (you|we)?\s*(just)?\b/,
  /^why not\s+\w/,
  /^surely\b/,
  /^(is|isn't) it (true|fair to say|obvious|clear) that\b/,
  /^(would|wouldn't|won't|will) you (not )?agree\b/,
  /^you('d| would) agree\b/,
  /^(do|did) you (not )?think (you|we|it|that) (should|ought|could just|might want|need)\b/,
  /^(would|wouldn't|will|won't|isn't|is|might) it (not )?be (better|best|easier|wiser|smarter|simpler|good|a good idea|helpful|sensible)\b/,
  /^(is|would|will) it (not )?(a good idea|better|best|easier|wiser|smarter|sensible)\b/,
  /^(have|haven't) you (tried|considered|thought about|thought of|looked at)\b/,
  /^(what|how) about (you )?(just )?(trying|asking|doing|talking|telling|going|using|taking|getting|making|giving|starting|letting)\b/,
  /^how about (you|we|trying|asking)\b/,
  /^(shouldn't|couldn't|can't) you (just)?\b/,
  /^(should|could) you not\b/,
  /^(you|we) (should|could|need to|must)\b.*\b(shouldn't|couldn't|don't|right)\b/,
  /^what if you (just|simply|tried|asked|told)\b/,
  /^(do|did) you (really )?(want|need) to (keep|risk|let|lose|waste)\b/,
  /^(is|isn't) (the|your) (real|actual|main|underlying) (problem|issue|reason)\b/,
  /^(are|aren't) you (just|simply|really) (avoiding|afraid|scared|worried|making excuses)\b/,
  /\bjust\b.*\b(instead|already)\b/,
];

// "Could you say more…": polite form, open intent. "Will you tell him?" is not an invitation.
const OPEN_INVITATION =
  /^(could|can|would|will) you (please )?(say|tell (me|us) (about|more|what|how|why|a bit|a little|something)|talk|walk|take me|describe|explain|share|expand|elaborate|give me an example|help me|paint|unpack|fill me in|speak)\b/;
const OPEN_WILLING = /^(would|could) you be (willing|able) to (say|tell|talk|share|describe|explain|expand|walk)\b/;
const CLOSED_WH = [
  /^how (many|much|long|often|old|far|soon|big|late|early)\b/,
  /^(when|when's|whens|what time|what date|what day|which day|which date)\b/,
  /^(what's|whats|what is|what was) (the|your) (name|date|deadline|time|number|budget|title|score|percentage)\b/,
  /^which (one|of (the|these|those) (two|options|ones))\b/,
  /^(who|whose) (is|was|are|were) (your|the|in charge|responsible)\b/,
  // "Where is the office?" asks for a place; "where is your confidence growing?" does not.
  /^where (is|was|are|were) (it|they|he|she|(the|your) \w+)$/,
  /^(how|what)('s| is) (it|that|everything|things) going\b.*\b(well|ok|okay)\b/,
];

function words(clause: string): string[] {
  return clause.split(/[\s,]+/).filter(Boolean);
}

function isTagQuestion(clause: string): boolean {
  // A tag needs a statement before it: "that went well, didn't it".
  return endsWithTag(clause) && !WH_WORDS.has(words(clause)[0] ?? '');
}

export function isLeading(clause: string): boolean {
  return LEADING_STARTS.some((re) => re.test(clause)) || isTagQuestion(clause);
}

/** The kind of one question clause (already known to be a question). */
export function kindOfQuestion(clause: string): Exclude<QuestionKind, 'statement'> {
  if (isLeading(clause)) return 'leading';
  if (OPEN_INVITATION.test(clause) || OPEN_WILLING.test(clause) || startsWithInvitation(clause)) return 'open';
  if (/^(i wonder|i'm curious|i am curious)\b/.test(clause)) return 'open';
  if (/^(what if|what about|how about)\b/.test(clause)) return 'open';
  const first = words(clause)[0] ?? '';
  if (WH_WORDS.has(first)) {
    if (CLOSED_WH.some((re) => re.test(clause))) return 'closed';
    // "which do you prefer, A or B": a pick between given options.
    if (/^which\b/.test(clause) && /\bor\b/.test(clause)) return 'closed';
    return 'open';
  }
  if (AUX_WORDS.has(first)) return 'closed';
  // Question-marked statements ("you finished it?") want a yes or no.
  return 'closed';
}
