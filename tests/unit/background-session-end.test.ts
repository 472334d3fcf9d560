import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createSessionEnding } from '@/entrypoints/background/session-end';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { newSessionRecord } from '@/utils/call/new-session';
import type { TabCallState } from '@/utils/messaging';

const tab: TabCallState & { sessionId: string } = {
  tabId: 1,
  platform: 'meet',
  snapshot: { platform: 'meet', state: 'in-call', title: 'Weekly', selfName: null, controlsFound: true },
  sessionId: 'ses-1',
  callStartedAt: 1_000,
  callEndedAt: null,
  updatedAt: 1_000,
};

async function storedSession(factory: IDBFactory, id: string) {
  const db = await openAttuneDb(factory);
  try {
    return await createIdbSessionRepo(db).get(id);
  } finally {
    db.close();
  }
}

describe('createSessionEnding', () => {
  it('ends a running session in IndexedDB, keeping what it holds', async () => {
    const factory = new IDBFactory();
    const db = await openAttuneDb(factory);
    await createIdbSessionRepo(db).ensure({ ...newSessionRecord(tab, 1_000), agenda: 'CV' });
    db.close();
    await createSessionEnding(() => factory).endSession('ses-1', 70_000);
    expect(await storedSession(factory, 'ses-1')).toMatchObject({ endedAt: 70_000, agenda: 'CV' });
  });

  it('leaves a session that already ended, and creates none that is missing', async () => {
    const factory = new IDBFactory();
    const db = await openAttuneDb(factory);
    await createIdbSessionRepo(db).ensure({ ...newSessionRecord(tab, 1_000), endedAt: 50_000 });
    db.close();
    const ending = createSessionEnding(() => factory);
    await ending.endSession('ses-1', 70_000);
    await ending.endSession('ses-2', 70_000);
    expect((await storedSession(factory, 'ses-1'))?.endedAt).toBe(50_000);
    expect(await storedSession(factory, 'ses-2')).toBeNull();
  });
});
