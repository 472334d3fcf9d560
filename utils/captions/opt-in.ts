import { storedValue } from '../storage-area';

/**
 * storage.session: the mentor turned captions on for this session, so a panel reopened during the
 * call reads them again. Gone when the browser quits; never kept with the session.
 */
export const captionsOptIn = (sessionId: string) => storedValue(`captions:${sessionId}`, (raw) => raw === true);
