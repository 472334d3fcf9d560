import { TEAMS_MATCHES } from '@/utils/platforms/hosts';
import { TEAMS_SELECTORS } from '@/utils/platforms/teams';
import { startWatchingCallPage } from '@/utils/platforms/start-watching';
import { TEAMS_CAPTIONS } from '@/utils/captions/teams';
import { answerCaptionRequests } from '@/utils/captions/serve-captions';

export default defineContentScript({
  matches: [...TEAMS_MATCHES],
  // Teams 2024–25 may host the call in iframe[id^="experience-container"]: when that frame is of
  // another origin than the page, only a script inside it can read the call (utils/platforms/frame-role.ts).
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => {
    startWatchingCallPage(TEAMS_SELECTORS, ctx);
    // Captions are read only when the panel asks (opt-in per session).
    answerCaptionRequests(TEAMS_CAPTIONS, ctx);
  },
});
