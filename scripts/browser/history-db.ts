import type { Page } from 'playwright-core';
import type { FakeHistory } from '../../tests/support/fake-history';

/**
 * Writes generated history straight into the extension's IndexedDB from one of its pages. The
 * data crosses as one JSON string: far faster than Playwright serialising thousands of objects.
 */
export async function seedHistory(page: Page, history: FakeHistory): Promise<void> {
  await page.evaluate(
    (json) =>
      new Promise<void>((resolve, reject) => {
        const data = JSON.parse(json) as FakeHistory;
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // A profile where no Attune page has opened the database yet has none of its stores.
          try {
            const tx = db.transaction(['relationships', 'sessions', 'commitments'], 'readwrite');
            for (const r of data.relationships) tx.objectStore('relationships').put(r);
            for (const s of data.sessions) tx.objectStore('sessions').put(s);
            for (const c of data.commitments) tx.objectStore('commitments').put(c);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          } catch (error) {
            db.close();
            reject(error);
          }
        };
      }),
    JSON.stringify(history),
  );
}

/** Everything in the extension's IndexedDB. */
export async function readHistory(page: Page): Promise<FakeHistory> {
  const json = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['relationships', 'sessions', 'commitments']);
          const out: Record<string, unknown[]> = {};
          for (const name of ['relationships', 'sessions', 'commitments']) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (out[name] = req.result as unknown[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  return JSON.parse(json) as FakeHistory;
}
