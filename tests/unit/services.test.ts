import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { useCommitmentsStore } from '@/stores/panel/commitments';
import { useSessionStore } from '@/stores/panel/session';
import { openAttuneDb } from '@/utils/db/open';
import { installServices, MissingServiceError } from '@/utils/services';
import { createServices } from '@/utils/create-services';
import { memoryArea } from '../support/memory-area';
import { fakeSession } from '../support/records';

describe('services', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('makes a store used before its page installed its services fail with a sentence naming the service', async () => {
    const commitments = useCommitmentsStore();
    await expect(commitments.load('ses-1', null)).rejects.toThrow(MissingServiceError);
    await expect(commitments.load('ses-1', null)).rejects.toThrow(/"commitments" service is not installed/);
  });

  it('builds every repository over one database, and the stores of that Pinia use them', async () => {
    const db = await openAttuneDb(new IDBFactory());
    const services = createServices({
      db,
      writer: 'panel-1',
      local: memoryArea(),
      session: memoryArea(),
      now: () => 42,
    });
    installServices(services);
    const record = await services.sessions.ensure(fakeSession({ id: 'ses-1' }));
    const session = useSessionStore();
    session.session = record;
    expect(await session.stillStored(services.now())).toBe(true);
    expect((await services.rawSessions.get('ses-1'))?.lastCheckpointAt).toBe(42);
    db.close();
  });

  it('keeps each Pinia’s services apart, and adds to them when installed again', async () => {
    const first = createPinia();
    const second = createPinia();
    installServices({ now: () => 1 }, first);
    installServices({ local: memoryArea() }, first);
    setActivePinia(second);
    await expect(useCommitmentsStore().load('ses-1', null)).rejects.toThrow(MissingServiceError);
    setActivePinia(first);
    const commitments = useCommitmentsStore();
    await expect(commitments.load('ses-1', null)).rejects.toThrow(/"commitments"/);
  });
});
