import { wrap } from 'idb';
import { DbError, toDbError } from './errors';
import { DB_VERSION, MIGRATIONS, type UpgradeTx } from './migrations';
import { DB_NAME, type AttuneDb } from './schema';

/**
 * Opens Attune's database, running every migration from the version on disk to `version`.
 * Takes the IDBFactory so tests can pass fake-indexeddb and the browser passes `indexedDB`.
 */
export async function openAttuneDb(factory: IDBFactory, name = DB_NAME, version = DB_VERSION): Promise<AttuneDb> {
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, version);
  } catch (error) {
    throw toDbError(error);
  }
  request.addEventListener('upgradeneeded', (event) => {
    const tx = request.transaction;
    // upgradeneeded always carries its versionchange transaction.
    if (!tx) return;
    const db = wrap(request.result) as AttuneDb;
    const wrappedTx = wrap(tx) as unknown as UpgradeTx;
    // Each migration runs after the one before; only requests on this transaction are awaited,
    // so it stays open until the last one is done.
    let chain: Promise<void> = Promise.resolve();
    for (let v = event.oldVersion; v < version; v += 1) {
      const migrate = MIGRATIONS[v];
      if (migrate) chain = chain.then(() => migrate(db, wrappedTx));
    }
    chain.catch(() => wrappedTx.abort());
  });
  const blocked = new Promise<never>((_, reject) =>
    request.addEventListener('blocked', () => reject(new DbError('blocked'))),
  );
  try {
    const db = (await Promise.race([wrap(request), blocked])) as AttuneDb;
    // Another context upgrading later must not be blocked by this open connection.
    db.addEventListener('versionchange', () => db.close());
    return db;
  } catch (error) {
    throw toDbError(error);
  }
}
