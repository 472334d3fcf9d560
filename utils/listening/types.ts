/** The active-listening move of one mentor turn. The first three are the question checker's kinds. */
export type ListeningMove =
  'open' | 'closed' | 'leading' | 'restating' | 'summarising' | 'advice' | 'sharing' | 'encouraging' | 'other';

export const LISTENING_MOVES = [
  'open',
  'closed',
  'leading',
  'restating',
  'summarising',
  'advice',
  'sharing',
  'encouraging',
  'other',
] as const satisfies readonly ListeningMove[];

export interface MoveVerdict {
  move: ListeningMove;
  /**
   * What the move was recognised by: for restating and summarising the mentee's words the turn
   * reflects (oldest first); otherwise the phrase that marked the move, or the question asked.
   */
  evidence: string[];
}

export type MoveCounts = Record<ListeningMove, number>;
