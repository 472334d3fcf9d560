import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createSealingSessionRepo, resealAll } from '@/utils/db/sealing-session-repo';
import { createKeyring } from '@/utils/crypto/keyring';
import { PassphraseError } from '@/utils/crypto/passphrase';
import { fakeSession, fakeStoredSummary } from '../../support/records';
import { memoryArea } from '../../support/memory-area';

const SECRET = 'Priya is thinking of leaving the company';
const summary = fakeStoredSummary({ themes: ['Leaving'], nextFocus: 'Options', model: 'm' });

async function setup() {
  const db = await openAttuneDb(new IDBFactory());
  const raw = createIdbSessionRepo(db);
  const local = memoryArea();
  const session = memoryArea();
  const keyring = createKeyring({ local, session, iterations: 1_000 });
  const sealed = createSealingSessionRepo(raw, keyring);
  await raw.ensure(fakeSession({ id: 's1', notes: SECRET }));
  await raw.ensure(fakeSession({ id: 's2', notes: 'Second session' }));
  return { db, raw, sealed, keyring, local, session };
}

describe('sessions under a passphrase', () => {
  it('passes everything through while no passphrase is set', async () => {
    const { raw, sealed } = await setup();
    await sealed.checkpoint('s1', { notes: 'Plain', lastCheckpointAt: 2 });
    expect((await raw.get('s1'))?.notes).toBe('Plain');
    expect((await raw.get('s1'))?.sealed).toBeUndefined();
  });

  it('stores notes, transcript and summary only encrypted, and reads them back opened', async () => {
    const { db, raw, sealed, keyring } = await setup();
    const key = await keyring.enable('correct horse battery', 'correct horse battery');
    expect((await resealAll(['s1', 's2'], raw, key)).changed).toBe(2);
    await sealed.checkpoint('s1', {
      summary,
      transcript: [{ speaker: 'You', text: SECRET, at: 1, endedAt: 2 }],
      lastCheckpointAt: 3,
    });
    const stored = await db.get('sessions', 's1');
    expect(JSON.stringify(stored)).not.toContain('leaving');
    expect(stored).toMatchObject({ notes: '', transcript: null, summary: null });
    const back = await sealed.get('s1');
    expect(back).toMatchObject({ notes: SECRET, summary, transcript: [{ text: SECRET }] });
    expect(back?.sealed).toBeUndefined();
  });

  it('while locked: shows the fields empty, keeps what is sealed, and adds what is written after it', async () => {
    const { db, raw, sealed, keyring } = await setup();
    const key = await keyring.enable('correct horse battery', 'correct horse battery');
    await resealAll(['s1'], raw, key);
    await keyring.lock();
    const locked = await sealed.get('s1');
    expect(locked?.notes).toBe('');
    expect(locked?.sealed).toBeDefined();
    await sealed.checkpoint('s1', { notes: 'added while locked', lastCheckpointAt: 5 });
    expect(JSON.stringify(await db.get('sessions', 's1'))).not.toContain('added while locked');
    // Talk time and the like still save, and the sealed notes stay.
    await sealed.checkpoint('s1', { agenda: 'Career', lastCheckpointAt: 6 });
    expect((await db.get('sessions', 's1'))?.agenda).toBe('Career');
    await keyring.unlock('correct horse battery');
    expect((await sealed.get('s1'))?.notes).toBe(`${SECRET}\n\nadded while locked`);
  });

  it('refuses a wrong passphrase, and a tampered record with a clear sentence', async () => {
    const { db, raw, sealed, keyring } = await setup();
    const key = await keyring.enable('correct horse battery', 'correct horse battery');
    await resealAll(['s1'], raw, key);
    await keyring.lock();
    await expect(keyring.unlock('wrong horse battery')).rejects.toMatchObject({ failure: 'wrong-passphrase' });
    await keyring.unlock('correct horse battery');
    const stored = await db.get('sessions', 's1');
    await db.put('sessions', { ...stored!, sealed: { iv: stored!.sealed!.iv, data: btoa('tampered with') } });
    const error = await sealed.get('s1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassphraseError);
    expect((error as Error).message).toMatch(/damaged/);
  });

  it('keeps two quick writes of sealed fields (notes then summary) both', async () => {
    const { raw, sealed, keyring } = await setup();
    const key = await keyring.enable('correct horse battery', 'correct horse battery');
    await resealAll(['s1'], raw, key);
    await Promise.all([
      sealed.checkpoint('s1', { notes: 'New notes', lastCheckpointAt: 7 }),
      sealed.checkpoint('s1', { summary, lastCheckpointAt: 8 }),
    ]);
    expect(await sealed.get('s1')).toMatchObject({ notes: 'New notes', summary });
  });

  it('opens everything again when the passphrase is turned off', async () => {
    const { db, raw, sealed, keyring } = await setup();
    const key = await keyring.enable('correct horse battery', 'correct horse battery');
    await resealAll(['s1', 's2'], raw, key);
    expect(await resealAll(['s1', 's2'], raw, key, { open: true })).toEqual({ changed: 2, unreadable: [] });
    await keyring.disable();
    expect(await db.get('sessions', 's1')).toMatchObject({ notes: SECRET });
    expect((await db.get('sessions', 's1'))?.sealed).toBeUndefined();
    expect((await sealed.get('s2'))?.notes).toBe('Second session');
  });

  it('refuses two different passphrases typed when turning it on', async () => {
    const { keyring } = await setup();
    await expect(keyring.enable('correct horse battery', 'correct horse batterx')).rejects.toMatchObject({
      failure: 'mismatch',
    });
    expect(await keyring.enabled()).toBe(false);
  });
});
