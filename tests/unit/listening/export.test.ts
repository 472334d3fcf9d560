import { describe, expect, it } from 'vitest';
import { backupJson, parseBackupJson } from '@/utils/history/backup';
import { parseSessionJson, sessionJson } from '@/utils/export/json';
import { EMPTY_MOVE_COUNTS } from '@/utils/listening/follow';
import type { SessionExport } from '@/utils/export/types';
import { fakeHistory } from '../../support/fake-history';
import { fakeSession, fakeSessionExport } from '../../support/records';

const NOW = Date.UTC(2026, 2, 3, 12, 0, 0);
const moves = {
  counts: { ...EMPTY_MOVE_COUNTS, restating: 2, advice: 1, open: 3 },
  turns: [{ at: NOW - 60_000, move: 'restating' as const }],
};
const data: SessionExport = fakeSessionExport({ session: fakeSession({ moves }) });

describe('listening moves in exports and backups', () => {
  it('round-trips the moves in the JSON export', () => {
    expect(parseSessionJson(sessionJson(data, NOW)).session.moves).toEqual(moves);
  });

  it('reads an export made before moves were counted, without moves', () => {
    const old = JSON.parse(sessionJson(data, NOW)) as { session: Record<string, unknown> };
    delete old.session.moves;
    expect(parseSessionJson(JSON.stringify(old)).session.moves).toBeUndefined();
  });

  it('refuses an export whose moves are damaged, with a sentence naming where', () => {
    const bad = JSON.parse(sessionJson(data, NOW)) as { session: { moves: { turns: Array<{ move: string }> } } };
    bad.session.moves.turns[0] = { move: 'shouting' };
    expect(() => parseSessionJson(JSON.stringify(bad))).toThrow(
      /problem at “session\.moves\.turns\.0.*Nothing was imported/,
    );
  });

  it('keeps the moves in a backup of everything', () => {
    const history = fakeHistory({ sessions: 3, commitmentsPerSession: 0, relationships: 1, now: NOW });
    const withMoves = { ...history, sessions: history.sessions.map((s, i) => (i === 1 ? { ...s, moves } : s)) };
    expect(parseBackupJson(backupJson(withMoves, NOW)).sessions[1]?.moves).toEqual(moves);
  });
});
