import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createNotesHandOff } from '@/entrypoints/background/notes-hand-off';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createSealingSessionRepo } from '@/utils/db/sealing-session-repo';
import { createKeyring } from '@/utils/crypto/keyring';
import { parseNotesHandOff } from '@/utils/messaging-schema';
import { fakeSession } from '../support/records';
import { memoryArea } from '../support/memory-area';

const PASS = 'correct horse battery';

async function profile() {
  const factory = new IDBFactory();
  const db = await openAttuneDb(factory);
  await createIdbSessionRepo(db).ensure(fakeSession({ id: 's1', notes: 'Earlier' }));
  const areas = { local: memoryArea(), session: memoryArea() };
  const keyring = createKeyring({ ...areas, iterations: 1_000 });
  return { factory, db, areas, keyring, save: createNotesHandOff(areas, () => factory) };
}

const handOff = (notes: string, sessionId = 's1') => ({
  type: 'notes-hand-off' as const,
  sessionId,
  writer: 'panel-1',
  fields: { notes },
  at: 5,
});

describe('a closing panel’s last notes, stored by the background', () => {
  it('without a passphrase: stored as they are', async () => {
    const { db, save } = await profile();
    expect(await save(handOff('Earlier, and the last words'))).toBe(true);
    expect((await db.get('sessions', 's1'))?.notes).toBe('Earlier, and the last words');
  });

  it('locked: stored encrypted as the panel’s own draft, joined to the notes at the unlock', async () => {
    const { db, keyring, save } = await profile();
    await keyring.enable(PASS, PASS);
    await createSealingSessionRepo(createIdbSessionRepo(db), keyring).checkpoint('s1', {
      notes: 'Earlier',
      lastCheckpointAt: 2,
    });
    await keyring.lock();
    expect(await save(handOff('typed as it closed'))).toBe(true);
    expect(JSON.stringify(await db.get('sessions', 's1'))).not.toContain('typed as it closed');
    await keyring.unlock(PASS);
    expect((await createSealingSessionRepo(createIdbSessionRepo(db), keyring).get('s1'))?.notes).toBe(
      'Earlier\n\ntyped as it closed',
    );
  });

  it('a session that is gone is not made again', async () => {
    const { db, save } = await profile();
    expect(await save(handOff('for nobody', 'deleted'))).toBe(false);
    expect(await db.get('sessions', 'deleted')).toBeUndefined();
  });

  it('refuses a message that is not a hand-off, or is oversized', () => {
    expect(parseNotesHandOff(handOff('fine'))).not.toBeNull();
    expect(parseNotesHandOff({ ...handOff('x'), fields: { notes: 'x'.repeat(100_001) } })).toBeNull();
    expect(parseNotesHandOff({ ...handOff('x'), sessionId: '' })).toBeNull();
    expect(parseNotesHandOff({ type: 'call-snapshot' })).toBeNull();
  });
});
