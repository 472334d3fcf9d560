import { MEET_MATCHES } from '@/utils/platforms/hosts';
import { MEET_SELECTORS } from '@/utils/platforms/meet';
import { startWatchingCallPage } from '@/utils/platforms/start-watching';
import { MEET_CAPTIONS } from '@/utils/captions/meet';
import { answerCaptionRequests } from '@/utils/captions/serve-captions';

export default defineContentScript({
  matches: [...MEET_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => {
    startWatchingCallPage(MEET_SELECTORS, ctx);
    // Captions are read only when the panel asks (opt-in per session).
    answerCaptionRequests(MEET_CAPTIONS, ctx);
  },
});
