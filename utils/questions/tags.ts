/** Tag endings that turn a statement into a question wanting agreement: "…, didn't it", "…, right". */
export const TAG_ENDING =
  /,?\s*(isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't|hadn't)\s+(it|you|they|he|she|we|there|that|i)$/;
export const TAG_WORD_ENDING = /,\s*(right|yeah|correct|surely|true|no)$/;

// After a negative statement the tag is positive: "that's not your job, is it".
const POSITIVE_TAG_ENDING =
  /,?\s*(is|are|was|were|do|does|did|will|would|can|could|should|have|has)\s+(it|you|they|he|she|we|there|that|i)$/;
const NEGATION = /\b(not|never|no|n't)\b|n't\b/;

export function endsWithTag(clause: string): boolean {
  if (clause.split(/\s+/).length < 4) return false;
  if (TAG_ENDING.test(clause) || TAG_WORD_ENDING.test(clause)) return true;
  const m = POSITIVE_TAG_ENDING.exec(clause);
  return m !== null && NEGATION.test(clause.slice(0, m.index));
}
