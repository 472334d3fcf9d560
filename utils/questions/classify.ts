import { splitClauses } from './clauses';
import { kindOfQuestion } from './kind';
import { normaliseText } from './normalise';
import { openRephrasing } from './rephrase';
import type { QuestionVerdict } from './types';

export type { QuestionKind, QuestionVerdict } from './types';

// Captions can run long; the checker looks at the first part of a turn only.
const MAX_CHARS = 2_000;

/**
 * Whether a turn asks an open, closed or leading question, or none (a statement), and whether it
 * stacks several questions. Works on caption text: no punctuation, lower case, fillers, false
 * starts, and statements before the question. Deterministic and pure; never throws.
 */
export function classifyQuestion(text: string): QuestionVerdict {
  const normalised = normaliseText(typeof text === 'string' ? text.slice(0, MAX_CHARS) : '');
  const questions = splitClauses(normalised).filter((c) => c.question);
  const first = questions[0];
  if (!first) return { kind: 'statement', stacked: false };
  const kind = kindOfQuestion(first.text);
  const stacked = questions.length > 1;
  if (kind === 'open') return { kind, stacked };
  return { kind, stacked, suggestion: openRephrasing(first.text, kind) };
}
