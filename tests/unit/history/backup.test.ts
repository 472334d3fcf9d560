import { describe, expect, it } from 'vitest';
import { fakeHistory } from '../../support/fake-history';
import { backupJson, parseBackupJson } from '@/utils/history/backup';
import { ImportError, sessionJson } from '@/utils/export/json';

const history = fakeHistory({ sessions: 20, commitmentsPerSession: 2, relationships: 2, now: Date.UTC(2026, 0, 1) });

describe('backup of everything', () => {
  it('reads back exactly what it wrote', () => {
    expect(parseBackupJson(backupJson(history, 0))).toEqual({ ...history, passphrase: null, extras: null });
  });

  const record = { salt: 'c2FsdA==', iterations: 600_000, check: { iv: 'aXY=', data: 'Y2hlY2s=' } };
  const sealedHistory = {
    ...history,
    sessions: history.sessions.map((s, i) =>
      i === 2 ? { ...s, notes: '', sealed: { iv: 'aXY=', data: 'c2VhbGVk' } } : s,
    ),
  };

  it('carries the passphrase record (no secret) with sealed sessions, and only with them', () => {
    expect(parseBackupJson(backupJson(sealedHistory, 0, record)).passphrase).toEqual(record);
    expect(parseBackupJson(backupJson(sealedHistory, 0, record)).sessions[2]?.sealed).toEqual({
      iv: 'aXY=',
      data: 'c2VhbGVk',
    });
    expect(JSON.parse(backupJson(history, 0, record))).not.toHaveProperty('passphrase');
    expect(parseBackupJson(backupJson(sealedHistory, 0, null)).passphrase).toBeNull();
  });

  it('refuses a backup whose passphrase record is damaged', () => {
    const raw = JSON.parse(backupJson(sealedHistory, 0, record)) as Record<string, unknown>;
    raw.passphrase = { salt: '', iterations: 'many' };
    expect(() => parseBackupJson(JSON.stringify(raw))).toThrow(/passphrase record is damaged.*Nothing was imported/);
  });

  it.each([1, 99_999, 5_000_001, 4_294_967_295])(
    'refuses a passphrase record asking for %i rounds, naming the bounds',
    (iterations) => {
      const raw = JSON.parse(backupJson(sealedHistory, 0, record)) as Record<string, unknown>;
      raw.passphrase = { ...record, iterations };
      expect(() => parseBackupJson(JSON.stringify(raw))).toThrow(/100,000 to 5,000,000.*Nothing was imported/);
    },
  );

  it('says where a damaged backup is wrong, and what, in plain words', () => {
    const raw = JSON.parse(backupJson(history, 0)) as { sessions: Array<Record<string, unknown>> };
    raw.sessions[1]!.startedAt = -5;
    expect(() => parseBackupJson(JSON.stringify(raw))).toThrow(
      'The backup has a problem at “sessions.1.startedAt”: the number is too small. Nothing was imported.',
    );
    delete raw.sessions[1]!.startedAt;
    expect(() => parseBackupJson(JSON.stringify(raw))).toThrow(
      'The backup has a problem at “sessions.1.startedAt”: it is missing. Nothing was imported.',
    );
  });

  it('gives a check’s own words after the place', () => {
    const raw = JSON.parse(backupJson(history, 0)) as { commitments: Array<Record<string, unknown>> };
    raw.commitments[0]!.due = '2026-02-31';
    expect(() => parseBackupJson(JSON.stringify(raw))).toThrow(
      'The backup has a problem at “commitments.0.due”: it is not a real day. Nothing was imported.',
    );
  });

  it('fills in role swaps that older sessions do not have', () => {
    const raw = JSON.parse(backupJson(history, 0)) as { sessions: Array<Record<string, unknown>> };
    delete raw.sessions[0]?.roleSwaps;
    expect(parseBackupJson(JSON.stringify(raw)).sessions[0]?.roleSwaps).toEqual([]);
  });

  it('takes a single session export (the panel’s wrap-up file) as a backup of that one session', () => {
    const session = history.sessions[0]!;
    const relationship = history.relationships.find((r) => r.id === session.relationshipId) ?? null;
    const commitments = history.commitments.filter((c) => c.sessionId === session.id);
    const read = parseBackupJson(
      sessionJson({ session, relationship, commitments, nextCheckIn: null }, Date.UTC(2026, 11, 4)),
    );
    expect(read.sessions).toEqual([session]);
    expect(read.relationships).toEqual(relationship ? [relationship] : []);
    expect(read.commitments).toEqual(commitments);
    expect(read.passphrase).toBeNull();
  });

  it('refuses a single session export with a date out of range, naming the field', () => {
    const session = { ...history.sessions[0]!, startedAt: 1e300 };
    expect(() =>
      parseBackupJson(sessionJson({ session, relationship: null, commitments: [], nextCheckIn: null }, 0)),
    ).toThrow(/problem at “session\.startedAt”/);
  });

  const broken = JSON.parse(backupJson(history, 0)) as { sessions: Array<Record<string, unknown>> };
  if (broken.sessions[3]) broken.sessions[3].startedAt = 'yesterday';
  it.each([
    ['an empty file', '', /empty/],
    ['cut-short JSON', backupJson(history, 0).slice(0, 100), /not valid JSON/],
    [
      'a broken single session export',
      JSON.stringify({ format: 'attune.session', version: 1 }),
      /export has a problem at “session”/,
    ],
    ['something else', JSON.stringify({ hello: 1 }), /not an Attune backup/],
    ['a newer format', JSON.stringify({ format: 'attune.backup', version: 99 }), /newer version/],
    ['a bad record', JSON.stringify(broken), /problem at “sessions\.3\.startedAt”/],
  ])('refuses %s with a sentence that says nothing was imported', (_name, text, pattern) => {
    expect(() => parseBackupJson(text)).toThrow(ImportError);
    expect(() => parseBackupJson(text)).toThrow(pattern);
    expect(() => parseBackupJson(text)).toThrow(/Nothing was imported/);
  });
});
