import { ZOOM_MATCHES } from '@/utils/platforms/hosts';
import { ZOOM_SELECTORS } from '@/utils/platforms/zoom';
import { startWatchingCallPage } from '@/utils/platforms/start-watching';
import { ZOOM_CAPTIONS } from '@/utils/captions/zoom';
import { answerCaptionRequests } from '@/utils/captions/serve-captions';

export default defineContentScript({
  matches: [...ZOOM_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => {
    startWatchingCallPage(ZOOM_SELECTORS, ctx);
    // Captions are read only when the panel asks (opt-in per session).
    answerCaptionRequests(ZOOM_CAPTIONS, ctx);
  },
});
