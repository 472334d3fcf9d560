import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbHistoryRepo, readFingerprint } from '@/utils/db/history-repo';
import { fakeHistory } from '../../support/fake-history';

const history = fakeHistory({ sessions: 30, commitmentsPerSession: 2, relationships: 3, now: Date.UTC(2026, 0, 1) });
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

async function seeded() {
  const db = await openAttuneDb(new IDBFactory());
  const repo = createIdbHistoryRepo(db);
  await repo.merge(history);
  return { db, repo };
}

describe('history repo', () => {
  it('merges without duplicates: a second merge adds nothing and keeps what is there', async () => {
    const db = await openAttuneDb(new IDBFactory());
    const repo = createIdbHistoryRepo(db);
    const total = history.relationships.length + history.sessions.length + history.commitments.length;
    expect(await repo.merge(history)).toEqual({ added: total, kept: 0 });
    const edited = { ...history, sessions: history.sessions.map((s) => ({ ...s, notes: 'changed' })) };
    expect(await repo.merge(edited)).toEqual({ added: 0, kept: total });
    expect((await db.get('sessions', 'ses-0'))?.notes).toBe(history.sessions[0]?.notes);
  });

  it('changes its fingerprint when a session is saved, a commitment written, or either removed', async () => {
    const { db, repo } = await seeded();
    const before = await repo.fingerprint();
    expect(await repo.fingerprint()).toBe(before);
    const open = history.commitments.find((c) => c.status === 'open');
    if (!open) throw new Error('no open commitment');
    const newest = Math.max(...history.commitments.map((c) => c.updatedAt));
    await db.put('commitments', { ...open, status: 'done', updatedAt: newest + 1 });
    const afterDone = await repo.fingerprint();
    expect(afterDone).not.toBe(before);
    const session = history.sessions[0];
    if (!session) throw new Error('no session');
    await db.put('sessions', { ...session, lastCheckpointAt: Date.UTC(2030, 0, 1) });
    const afterSave = await repo.fingerprint();
    expect(afterSave).not.toBe(afterDone);
    const oldest = history.commitments.find((c) => c.updatedAt < newest);
    if (!oldest) throw new Error('no older commitment');
    await db.delete('commitments', oldest.id);
    const afterRemoval = await repo.fingerprint();
    expect(afterRemoval).not.toBe(afterSave);
    await db.delete('sessions', 'ses-9');
    expect(await repo.fingerprint()).not.toBe(afterRemoval);
  });

  it('says in its fingerprint how many sessions and commitments it counted, and when the newest session was saved', async () => {
    const { db, repo } = await seeded();
    const newest = Math.max(...history.sessions.map((s) => s.lastCheckpointAt));
    const written = Math.max(...history.commitments.map((c) => c.updatedAt));
    expect(readFingerprint(await repo.fingerprint())).toEqual({
      sessions: history.sessions.length,
      commitments: history.commitments.length,
      lastSavedAt: newest,
      lastWrittenAt: written,
    });
    const session = history.sessions[4];
    if (!session) throw new Error('no session');
    await db.put('sessions', { ...session, lastCheckpointAt: newest + 5_000 });
    expect(readFingerprint(await repo.fingerprint())?.lastSavedAt).toBe(newest + 5_000);
    expect(readFingerprint('not a fingerprint')).toBeNull();
    expect(readFingerprint('1:2:3:x')).toBeNull();
    // An older Attune's fingerprint, with five parts: not read, so the digest is rebuilt once.
    expect(readFingerprint('1:2:3:4:5')).toBeNull();
  });

  it('lists every session, those saved since a moment, and reads some of them in full', async () => {
    const { db, repo } = await seeded();
    expect((await repo.sessionIds()).sort()).toEqual(history.sessions.map((s) => s.id).sort());
    const newest = Math.max(...history.sessions.map((s) => s.lastCheckpointAt));
    const session = history.sessions[7];
    if (!session) throw new Error('no session');
    await db.put('sessions', { ...session, lastCheckpointAt: newest + 1 });
    expect(await repo.sessionIdsSavedSince(newest + 1)).toEqual([session.id]);
    expect((await repo.sessionIdsSavedSince(0)).length).toBe(history.sessions.length);
    const read = await repo.getSessions([session.id, 'no-such-session', 'ses-0']);
    expect(read.map((s) => s.id)).toEqual([session.id, 'ses-0']);
    expect(read[0]?.lastCheckpointAt).toBe(newest + 1);
  });

  it('reads the commitments written since a moment, and every commitment of some sessions', async () => {
    const { db, repo } = await seeded();
    const newest = Math.max(...history.commitments.map((c) => c.updatedAt));
    const reviewed = history.commitments.find((c) => c.status === 'open');
    if (!reviewed) throw new Error('no open commitment');
    await db.put('commitments', { ...reviewed, status: 'done', updatedAt: newest + 1 });
    expect((await repo.commitmentsWrittenSince(newest + 1)).map((c) => c.id)).toEqual([reviewed.id]);
    const of = await repo.commitmentsOfSessions(['ses-2', 'ses-5', 'no-such-session']);
    expect(byId(of).map((c) => c.id)).toEqual(
      byId(history.commitments.filter((c) => c.sessionId === 'ses-2' || c.sessionId === 'ses-5')).map((c) => c.id),
    );
  });

  it('deletes a session with its commitments and hands back what it removed', async () => {
    const { db, repo } = await seeded();
    const removed = await repo.deleteSessions(['ses-3']);
    expect(removed.sessions.map((s) => s.id)).toEqual(['ses-3']);
    expect(byId(removed.commitments)).toEqual(byId(history.commitments.filter((c) => c.sessionId === 'ses-3')));
    expect(await db.get('sessions', 'ses-3')).toBeUndefined();
    expect(await db.getAllFromIndex('commitments', 'by-session', 'ses-3')).toEqual([]);
    await repo.merge(removed);
    expect(await db.get('sessions', 'ses-3')).toEqual(history.sessions[3]);
  });

  it('deletes a relationship with its sessions and commitments, leaving the others', async () => {
    const { db, repo } = await seeded();
    const removed = await repo.deleteRelationship('rel-1');
    expect(removed.relationships.map((r) => r.id)).toEqual(['rel-1']);
    expect(removed.sessions).toHaveLength(history.sessions.filter((s) => s.relationshipId === 'rel-1').length);
    expect(await db.count('sessions')).toBe(history.sessions.filter((s) => s.relationshipId !== 'rel-1').length);
    expect(await db.count('commitments')).toBe(history.commitments.filter((c) => c.relationshipId !== 'rel-1').length);
  });

  it('deletes everything and can put it all back', async () => {
    const { repo } = await seeded();
    const removed = await repo.deleteAll();
    expect(await repo.readAll()).toEqual({ relationships: [], sessions: [], commitments: [] });
    await repo.merge(removed);
    const back = await repo.readAll();
    expect(byId(back.sessions)).toEqual(byId(history.sessions));
    expect(byId(back.commitments)).toEqual(byId(history.commitments));
  });

  it('reads a store in chunks, every record once', async () => {
    const { repo } = await seeded();
    const seen: string[] = [];
    let chunks = 0;
    await repo.forEachChunk('commitments', 7, (records) => {
      chunks += 1;
      seen.push(...records.map((r) => r.id));
    });
    expect(chunks).toBe(Math.ceil(history.commitments.length / 7));
    expect(seen.sort()).toEqual(history.commitments.map((c) => c.id).sort());
  });

  it('finds sessions that started before a moment', async () => {
    const { repo } = await seeded();
    const cutoff = history.sessions[10]?.startedAt ?? 0;
    expect((await repo.sessionIdsStartedBefore(cutoff)).sort()).toEqual(
      history.sessions
        .filter((s) => s.startedAt < cutoff)
        .map((s) => s.id)
        .sort(),
    );
  });
});
