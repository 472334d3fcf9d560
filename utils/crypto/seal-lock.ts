/**
 * One lock for everything that reads and rewrites protected fields, and for every passphrase
 * change, held across all of Attune's pages (panels and dashboards): `navigator.locks` where the
 * page has it. Without it (Node, tests) the lock is this module's queue, which covers one page.
 */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export const SEAL_LOCK_NAME = 'attune-passphrase';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function createSealLock(
  locks: LockManagerLike | undefined = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks,
): Exclusive {
  if (locks) return (work) => locks.request(SEAL_LOCK_NAME, work);
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}
