import type { SessionRecord } from '../db/types';
import type { KeyRecord } from './passphrase';
import { openSession, sealSession } from './sealed-session';

/** The same passphrase, set up once: each setup draws its own salt and check. */
export function sameKeyRecord(a: KeyRecord, b: KeyRecord): boolean {
  return a.salt === b.salt && a.iterations === b.iterations && a.check.iv === b.check.iv && a.check.data === b.check.data;
}

/** Sessions sealed with the key `from`, sealed again with `to` (fresh IVs); those not sealed stay as they are. */
export function resealSessions(sessions: readonly SessionRecord[], from: CryptoKey, to: CryptoKey): Promise<SessionRecord[]> {
  return Promise.all(sessions.map(async (s) => (s.sealed ? sealSession(await openSession(s, from), to) : s)));
}
