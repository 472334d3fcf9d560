import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createSealingSessionRepo, resealAll } from '@/utils/db/sealing-session-repo';
import { createKeyring, KEY_RECORD_KEY } from '@/utils/crypto/keyring';
import { encryptText } from '@/utils/crypto/passphrase';
import { createDropBox, dropOpen, dropSeal, openDropBox } from '@/utils/crypto/drop-box';
import { foldDrafts, openSession } from '@/utils/crypto/sealed-session';
import { createSealLock } from '@/utils/crypto/seal-lock';
import { fakeSession } from '../../support/records';
import { memoryArea } from '../../support/memory-area';

const PASS = 'correct horse battery';
const EARLIER = 'Asked about the promotion panel';

/** One browser: its storage areas and IndexedDB, and a page (panel or dashboard) opened on it. */
async function browserWith(sessions: Array<{ id: string; notes?: string }>) {
  const db = await openAttuneDb(new IDBFactory());
  const raw = createIdbSessionRepo(db);
  for (const s of sessions) await raw.ensure(fakeSession({ id: s.id, notes: s.notes ?? '' }));
  const local = memoryArea();
  const session = memoryArea();
  const exclusive = createSealLock();
  const page = (writer: string) => {
    const keyring = createKeyring({ local, session, iterations: 1_000 });
    return { keyring, repo: createSealingSessionRepo(raw, keyring, { writer, exclusive }) };
  };
  return { db, raw, local, page };
}

describe('notes written while the passphrase is locked', () => {
  it('are stored encrypted at once, shown to the page that wrote them, and joined to the sealed notes after unlocking', async () => {
    const { db, raw, page } = await browserWith([{ id: 's1', notes: EARLIER }]);
    const panel = page('panel');
    const key = await panel.keyring.enable(PASS, PASS);
    await resealAll(['s1'], raw, key);
    await panel.keyring.lock();

    const written = await panel.repo.checkpoint('s1', { notes: 'She wants a stretch project', lastCheckpointAt: 10 });
    // The panel keeps showing what it wrote (not the sealed notes, which it cannot read).
    expect(written?.notes).toBe('She wants a stretch project');
    const stored = await db.get('sessions', 's1');
    expect(JSON.stringify(stored)).not.toMatch(/stretch|promotion/);
    expect(stored?.lockedDrafts).toHaveLength(1);

    // Typing on replaces this page's draft rather than adding another.
    await panel.repo.checkpoint('s1', { notes: 'She wants a stretch project by March', lastCheckpointAt: 11 });
    expect((await db.get('sessions', 's1'))?.lockedDrafts).toHaveLength(1);

    // Another page, also locked, sees nothing of it.
    expect((await page('dashboard').repo.get('s1'))?.notes).toBe('');

    await panel.keyring.unlock(PASS);
    expect((await panel.repo.get('s1'))?.notes).toBe(`${EARLIER}\n\nShe wants a stretch project by March`);
  });

  it('keeps what two panels wrote while locked, in the order it was written, and folds it in at the next write', async () => {
    const { db, raw, page } = await browserWith([{ id: 's1', notes: EARLIER }]);
    const a = page('a');
    const b = page('b');
    const key = await a.keyring.enable(PASS, PASS);
    await resealAll(['s1'], raw, key);
    await a.keyring.lock();
    await b.repo.checkpoint('s1', { notes: 'second', lastCheckpointAt: 20 });
    await a.repo.checkpoint('s1', { notes: 'first', lastCheckpointAt: 15 });
    expect((await db.get('sessions', 's1'))?.lockedDrafts).toHaveLength(2);

    await a.keyring.unlock(PASS);
    const whole = `${EARLIER}\n\nfirst\n\nsecond`;
    expect((await a.repo.get('s1'))?.notes).toBe(whole);
    // The panel, now showing the whole notes, saves them: one sealed copy, drafts gone, nothing twice.
    await a.repo.checkpoint('s1', { notes: `${whole}\nmore`, lastCheckpointAt: 30 });
    const stored = await db.get('sessions', 's1');
    expect(stored?.lockedDrafts).toBeUndefined();
    expect((await a.repo.get('s1'))?.notes).toBe(`${whole}\nmore`);
  });

  it('a panel still sending its draft after the unlock adds to the notes, never replaces them', async () => {
    const { raw, page } = await browserWith([{ id: 's1', notes: EARLIER }]);
    const panel = page('panel');
    const key = await panel.keyring.enable(PASS, PASS);
    await resealAll(['s1'], raw, key);
    await panel.keyring.lock();
    await panel.repo.checkpoint('s1', { notes: 'draft', lastCheckpointAt: 5 });
    await panel.keyring.unlock(PASS);
    // The box had not been refreshed yet: it sends the draft with more typed on.
    await panel.repo.checkpoint('s1', { notes: 'draft and more', lastCheckpointAt: 6 });
    expect((await panel.repo.get('s1'))?.notes).toBe(`${EARLIER}\n\ndraft and more`);
  });

  it('a draft folded in by the page that turned the passphrase off keeps growing without repeating', async () => {
    const { db, raw, page } = await browserWith([{ id: 's1', notes: EARLIER }]);
    const panel = page('panel');
    const dashboard = page('dashboard');
    const key = await dashboard.keyring.enable(PASS, PASS);
    await resealAll(['s1'], raw, key);
    await dashboard.keyring.lock();
    await panel.repo.checkpoint('s1', { notes: 'typed while locked', lastCheckpointAt: 5 });
    await dashboard.keyring.unlock(PASS);
    const result = await resealAll(['s1'], raw, key, { open: true, dropKey: await dashboard.keyring.dropKey() });
    expect(result).toEqual({ changed: 1, unreadable: [] });
    await dashboard.keyring.disable();
    expect((await db.get('sessions', 's1'))?.notes).toBe(`${EARLIER}\n\ntyped while locked`);

    await panel.repo.checkpoint('s1', { notes: 'typed while locked, then more', lastCheckpointAt: 6 });
    expect((await db.get('sessions', 's1'))?.notes).toBe(`${EARLIER}\n\ntyped while locked, then more`);
  });

  it('a new call while locked: the first notes are kept encrypted, and a restored session keeps its words', async () => {
    const { db, page } = await browserWith([]);
    const panel = page('panel');
    await panel.keyring.enable(PASS, PASS);
    await panel.keyring.lock();
    await panel.repo.ensure(fakeSession({ id: 'new', notes: '' }));
    await panel.repo.checkpoint('new', { notes: 'First thoughts', lastCheckpointAt: 3 });
    await panel.repo.ensure(fakeSession({ id: 'restored', notes: 'Put back while locked' }));
    expect(JSON.stringify(await db.getAll('sessions'))).not.toMatch(/First thoughts|Put back/);
    await panel.keyring.unlock(PASS);
    expect((await panel.repo.get('new'))?.notes).toBe('First thoughts');
    expect((await panel.repo.get('restored'))?.notes).toBe('Put back while locked');
  });

  it('a passphrase from before drop boxes: locked writes are refused with the sentence, and the next unlock adds a drop box', async () => {
    const { local, raw, page } = await browserWith([{ id: 's1', notes: EARLIER }]);
    const panel = page('panel');
    const key = await panel.keyring.enable(PASS, PASS);
    await resealAll(['s1'], raw, key);
    const record = local.data.get(KEY_RECORD_KEY) as Record<string, unknown>;
    delete record.dropBox;
    await panel.keyring.lock();
    await expect(panel.repo.checkpoint('s1', { notes: 'lost?', lastCheckpointAt: 4 })).rejects.toMatchObject({
      failure: 'locked',
    });
    await panel.keyring.unlock(PASS);
    expect(await panel.keyring.dropBox()).not.toBeNull();
    await panel.keyring.lock();
    await panel.repo.checkpoint('s1', { notes: 'kept now', lastCheckpointAt: 5 });
    await panel.keyring.unlock(PASS);
    expect((await panel.repo.get('s1'))?.notes).toBe(`${EARLIER}\n\nkept now`);
  });
});

describe('sealed blobs are bound to their session', () => {
  it('a sealed part copied into another session does not open there', async () => {
    const { db, raw, page } = await browserWith([
      { id: 's1', notes: EARLIER },
      { id: 's2', notes: 'other' },
    ]);
    const dashboard = page('dashboard');
    const key = await dashboard.keyring.enable(PASS, PASS);
    await resealAll(['s1', 's2'], raw, key);
    const s1 = await db.get('sessions', 's1');
    const s2 = await db.get('sessions', 's2');
    await db.put('sessions', { ...s2!, sealed: s1!.sealed });
    await expect(dashboard.repo.get('s2')).rejects.toMatchObject({ failure: 'corrupt' });
    // Stripping the binding mark does not help: the text was authenticated with the id.
    await db.put('sessions', { ...s2!, sealed: { iv: s1!.sealed!.iv, data: s1!.sealed!.data } });
    await expect(dashboard.repo.get('s2')).rejects.toMatchObject({ failure: 'corrupt' });
  });

  it('a draft copied into another session does not open there', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    const box = await createDropBox(key);
    const blob = await dropSeal(box, 'words', 's1');
    const priv = await openDropBox(box, key);
    expect(await dropOpen(priv, blob, 's1')).toBe('words');
    await expect(dropOpen(priv, blob, 's2')).rejects.toMatchObject({ failure: 'corrupt' });
  });

  it('blobs sealed before the binding still open, and are bound when sealed again', async () => {
    const { db, raw, page } = await browserWith([{ id: 's1' }]);
    const dashboard = page('dashboard');
    const key = await dashboard.keyring.enable(PASS, PASS);
    const old = await encryptText(key, JSON.stringify({ notes: EARLIER, transcript: null, summary: null }));
    await db.put('sessions', { ...fakeSession({ id: 's1', notes: '' }), sealed: old });
    expect((await dashboard.repo.get('s1'))?.notes).toBe(EARLIER);
    expect((await resealAll(['s1'], raw, key)).changed).toBe(1);
    expect((await db.get('sessions', 's1'))?.sealed?.boundTo).toBe('id');
    expect((await dashboard.repo.get('s1'))?.notes).toBe(EARLIER);
  });
});

describe('turning off with a damaged session', () => {
  it('opens the others and names the one it could not open', async () => {
    const { db, raw, page } = await browserWith([
      { id: 'a', notes: 'A' },
      { id: 'b', notes: 'B' },
      { id: 'c', notes: 'C' },
    ]);
    const { keyring } = page('dashboard');
    const key = await keyring.enable(PASS, PASS);
    await resealAll(['a', 'b', 'c'], raw, key);
    const b = await db.get('sessions', 'b');
    await db.put('sessions', { ...b!, sealed: { ...b!.sealed!, data: btoa('broken') } });
    expect(await resealAll(['a', 'b', 'c'], raw, key, { open: true })).toEqual({ changed: 2, unreadable: ['b'] });
    expect((await db.get('sessions', 'a'))?.notes).toBe('A');
    expect((await db.get('sessions', 'c'))?.notes).toBe('C');
  });
});

describe('folding drafts', () => {
  it('appends notes in time order, merges transcript lines without repeats, keeps the latest summary', () => {
    const line = (at: number, text: string) => ({ speaker: 'You', text, at, endedAt: at + 1 });
    const summary = (nextFocus: string) => ({
      themes: [],
      insights: [],
      agreedActions: [],
      nextFocus,
      model: 'm',
      madeAt: 1,
      edited: false,
    });
    const folded = foldDrafts({ notes: 'base', transcript: [line(1, 'one')], summary: summary('old') }, [
      { at: 9, fields: { notes: 'late', summary: summary('new') } },
      { at: 2, fields: { notes: 'early', transcript: [line(1, 'one'), line(3, 'three')] } },
      { at: 5, fields: { notes: '   ' } },
    ]);
    expect(folded.notes).toBe('base\n\nearly\n\nlate');
    expect(folded.transcript?.map((l) => l.text)).toEqual(['one', 'three']);
    expect(folded.summary?.nextFocus).toBe('new');
  });

  it('a transcript or summary deleted while locked is deleted at the fold', () => {
    const line = { speaker: 'You', text: 'kept', at: 1, endedAt: 2 };
    const summary = {
      themes: [],
      insights: [],
      agreedActions: [],
      nextFocus: 'x',
      model: 'm',
      madeAt: 1,
      edited: false,
    };
    const folded = foldDrafts({ notes: '', transcript: [line], summary }, [
      { at: 1, fields: { transcript: null, summary: null } },
    ]);
    expect(folded).toEqual({ notes: '', transcript: null, summary: null });
  });

  it('a record that is neither sealed nor has drafts opens as it is', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    const plain = fakeSession({ id: 'p', notes: 'plain' });
    expect(await openSession(plain, key)).toBe(plain);
  });
});
