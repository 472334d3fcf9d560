import { TEAMS_MATCHES } from '@/utils/platforms/hosts';
import { TEAMS_SELECTORS } from '@/utils/platforms/teams';
import { startWatchingCallPage } from '@/utils/platforms/start-watching';

export default defineContentScript({
  matches: [...TEAMS_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => startWatchingCallPage(TEAMS_SELECTORS, ctx),
});
