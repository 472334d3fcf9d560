export interface MoveRequest {
  text: string;
  context: string[];
}

export type ParsedMoveRequest = { ok: true; value: MoveRequest } | { ok: false; problem: string };

/**
 * One JSON Lines request of the listening-moves CLI: `{"context": [...], "text": "..."}`.
 * `context` may be left out (no mentee turns yet); anything else malformed is named.
 */
export function parseMoveRequest(line: string): ParsedMoveRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'not valid JSON; expected {"context": ["mentee turn", ...], "text": "mentor turn"}' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, problem: 'expected a JSON object {"context": [...], "text": "..."}' };
  }
  const record = parsed as Record<string, unknown>;
  if (typeof record.text !== 'string') return { ok: false, problem: '"text" must be a string (the mentor turn)' };
  const context = record.context ?? [];
  if (!Array.isArray(context) || !context.every((t): t is string => typeof t === 'string')) {
    return { ok: false, problem: '"context" must be a list of strings (the mentee turns, oldest first)' };
  }
  return { ok: true, value: { text: record.text, context } };
}
