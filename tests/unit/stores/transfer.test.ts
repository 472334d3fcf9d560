import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useTransferStore } from '@/stores/panel/transfer';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';

describe('transfer store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('says what an import did only while the session it was made in is shown', async () => {
    const db = await openAttuneDb(new IDBFactory());
    const transfer = useTransferStore();
    installServices({
      sessions: createIdbSessionRepo(db),
      relationships: createIdbRelationshipRepo(db),
      commitments: createIdbCommitmentRepo(db),
    });
    await transfer.importFile('', 'ses-1');
    expect(transfer.reportFor('ses-1').error).toBe('The file is empty. Nothing was imported.');
    expect(transfer.reportFor('ses-2')).toEqual({ message: null, error: null });
    expect(transfer.reportFor(null)).toEqual({ message: null, error: null });
    db.close();
  });
});
