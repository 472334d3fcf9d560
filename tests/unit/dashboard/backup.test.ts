import { describe, expect, it } from 'vitest';
import { fakeHistory } from '../../support/fake-history';
import { backupJson, parseBackupJson } from '@/utils/dashboard/backup';
import { ImportError } from '@/utils/export/json';

const history = fakeHistory({ sessions: 20, commitmentsPerSession: 2, relationships: 2, now: Date.UTC(2026, 0, 1) });

describe('backup of everything', () => {
  it('reads back exactly what it wrote', () => {
    expect(parseBackupJson(backupJson(history, 0))).toEqual(history);
  });

  it('fills in role swaps that older sessions do not have', () => {
    const raw = JSON.parse(backupJson(history, 0)) as { sessions: Array<Record<string, unknown>> };
    delete raw.sessions[0]?.roleSwaps;
    expect(parseBackupJson(JSON.stringify(raw)).sessions[0]?.roleSwaps).toEqual([]);
  });

  const broken = JSON.parse(backupJson(history, 0)) as { sessions: Array<Record<string, unknown>> };
  if (broken.sessions[3]) broken.sessions[3].startedAt = 'yesterday';
  it.each([
    ['an empty file', '', /empty/],
    ['cut-short JSON', backupJson(history, 0).slice(0, 100), /not valid JSON/],
    ['a single session export', JSON.stringify({ format: 'attune.session', version: 1 }), /single session/],
    ['something else', JSON.stringify({ hello: 1 }), /not an Attune backup/],
    ['a newer format', JSON.stringify({ format: 'attune.backup', version: 99 }), /newer version/],
    ['a bad record', JSON.stringify(broken), /problem at “sessions\.3\.startedAt”/],
  ])('refuses %s with a sentence that says nothing was imported', (_name, text, pattern) => {
    expect(() => parseBackupJson(text)).toThrow(ImportError);
    expect(() => parseBackupJson(text)).toThrow(pattern);
    expect(() => parseBackupJson(text)).toThrow(/Nothing was imported/);
  });
});
