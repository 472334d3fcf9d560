import { MEET_MATCHES } from '@/utils/platforms/hosts';
import { MEET_SELECTORS } from '@/utils/platforms/meet';
import { startWatchingCallPage } from '@/utils/platforms/start-watching';

export default defineContentScript({
  matches: [...MEET_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => startWatchingCallPage(MEET_SELECTORS, ctx),
});
