import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeHistory } from '../../support/fake-history';
import { backupJson, parseBackupJson } from '@/utils/history/backup';
import { createIdbHistoryRepo } from '@/utils/db/history-repo';
import { openAttuneDb } from '@/utils/db/open';
import { UserFacingError } from '@/utils/errors';
import { parseSessionJson, sessionJson } from '@/utils/export/json';
import { BUILT_IN_MODELS } from '@/utils/frameworks';
import { exportModelJson, parseModelJson } from '@/utils/frameworks/model-json';

// A file damaged anywhere (a field gone, of another type, out of range, an entry repeated) is
// refused with a sentence naming where, ending as every refusal of Attune's files does, or it is a
// file this browser can take; a crash half way through an import (a TypeError, a failed write) is
// neither.

const history = fakeHistory({ sessions: 6, commitmentsPerSession: 2, relationships: 2, now: Date.UTC(2026, 0, 1) });
const valid = JSON.parse(backupJson(history, Date.UTC(2026, 0, 2))) as unknown;

const ODD_VALUES: unknown[] = [
  null,
  -1,
  0,
  1e308,
  '',
  'x'.repeat(5_000),
  [],
  {},
  true,
  '2026-13-45',
  [null],
  '__proto__',
  9_007_199_254_740_993,
];

type Path = Array<string | number>;
function everyPath(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => everyPath(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) everyPath(v, [...at, k], out);
  return out;
}

const refusedWithASentence = (e: unknown) => e instanceof UserFacingError && / Nothing was imported\.$/.test(e.message);

/** A repeatable sequence in [0, 1) (a linear congruential generator), so a failure names its case. */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

function damaged(valid: unknown, at: Path, pick: () => number): string {
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at.at(-1)!;
  const how = pick();
  if (how < 0.2) delete parent[last];
  else if (how < 0.3 && Array.isArray(parent)) parent.push(structuredClone(parent[0]));
  else parent[last] = ODD_VALUES[Math.floor(pick() * ODD_VALUES.length)];
  return JSON.stringify(copy);
}

describe('a damaged backup', () => {
  it(
    'is refused with a sentence, or merges (twice, changing nothing the second time)',
    { timeout: 60_000 },
    async () => {
      const paths = everyPath(valid);
      const pick = sequence(20_261_205);
      const unexpected: string[] = [];
      let refused = 0;
      let merged = 0;
      for (let n = 0; n < 1_500; n += 1) {
        const at = paths[Math.floor(pick() * paths.length)]!;
        const text = damaged(valid, at, pick);
        let read;
        try {
          read = parseBackupJson(text);
        } catch (e) {
          if (refusedWithASentence(e)) refused += 1;
          else unexpected.push(`case ${n} at ${at.join('.')}: ${String(e)}`);
          continue;
        }
        const db = await openAttuneDb(new IDBFactory());
        try {
          const repo = createIdbHistoryRepo(db);
          await repo.merge(read);
          const again = await repo.merge(read);
          if (again.added !== 0)
            unexpected.push(`case ${n} at ${at.join('.')}: the second merge added ${JSON.stringify(again)}`);
          merged += 1;
        } catch (e) {
          unexpected.push(`case ${n} at ${at.join('.')}: the merge threw ${String(e)}`);
        } finally {
          db.close();
        }
      }
      expect(unexpected).toEqual([]);
      // Both ways were taken: the damage is not all refused, nor all let through.
      expect(refused).toBeGreaterThan(500);
      expect(merged).toBeGreaterThan(50);
    },
  );
});

describe('a damaged session export or model file', () => {
  const session = history.sessions[0]!;
  const files: Array<[string, string, (text: string) => unknown]> = [
    [
      'session export',
      sessionJson(
        {
          session,
          relationship: history.relationships.find((r) => r.id === session.relationshipId) ?? null,
          commitments: history.commitments.filter((c) => c.sessionId === session.id),
          nextCheckIn: null,
        },
        Date.UTC(2026, 0, 2),
      ),
      parseSessionJson,
    ],
    ...BUILT_IN_MODELS.map((m): [string, string, (text: string) => unknown] => [
      `${m.name} as a model file`,
      exportModelJson(m),
      parseModelJson,
    ]),
  ];

  it.each(files)('the %s is refused with a sentence, or read', (_name, text, read) => {
    const valid = JSON.parse(text) as unknown;
    const paths = everyPath(valid);
    const pick = sequence(5);
    const unexpected: string[] = [];
    let refused = 0;
    for (let n = 0; n < 600; n += 1) {
      const at = paths[Math.floor(pick() * paths.length)]!;
      try {
        read(damaged(valid, at, pick));
      } catch (e) {
        if (refusedWithASentence(e)) refused += 1;
        else unexpected.push(`case ${n} at ${at.join('.')}: ${String(e)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(refused).toBeGreaterThan(300);
  });
});
