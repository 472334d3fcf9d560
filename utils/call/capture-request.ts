import { storedValue } from '../storage-area';

// Not in messaging.ts: the side panel's first scripts load that module, and this one would bring
// storage-area.ts into them as a chunk of its own (one more request before the first frame).

/** storage.session: set (to the time) when the capture shortcut is pressed on a call tab; the panel focuses its capture line. */
export const captureRequest = (tabId: number) =>
  storedValue(`capture:${tabId}`, (raw): number | null =>
    typeof raw === 'number' && Number.isFinite(raw) ? raw : null,
  );
