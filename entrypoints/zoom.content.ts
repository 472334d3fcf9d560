import { ZOOM_MATCHES } from '@/utils/platforms/hosts';
import { ZOOM_SELECTORS } from '@/utils/platforms/zoom';
import { startWatchingCallPage } from '@/utils/platforms/start-watching';

export default defineContentScript({
  matches: [...ZOOM_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => startWatchingCallPage(ZOOM_SELECTORS, ctx),
});
