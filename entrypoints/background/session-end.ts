import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import type { SessionEnding } from '@/utils/call/call-tabs';

/**
 * Ends a call's session in IndexedDB when its tab closed or left the call site: the panel (which
 * usually records the end) closes with the tab. A session already ended is left as it is; on any
 * failure nothing changes (the dashboard still shows it as it was last saved).
 */
export function createSessionEnding(factory: () => IDBFactory = () => indexedDB): SessionEnding {
  return {
    async endSession(sessionId, at) {
      try {
        const db = await openAttuneDb(factory());
        try {
          const sessions = createIdbSessionRepo(db);
          const stored = await sessions.get(sessionId);
          if (stored && stored.endedAt === null)
            await sessions.checkpoint(sessionId, { endedAt: at, lastCheckpointAt: at });
        } finally {
          db.close();
        }
      } catch {
        // Storage unavailable: the session keeps its last checkpoint.
      }
    },
  };
}
