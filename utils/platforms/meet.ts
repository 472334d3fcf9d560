import type { SelectorTable } from './selectors';
import { attrSelector, phraseAlternatives, phrasePattern } from './labels/phrases';
import {
  MEET_CAPTIONS_WORD,
  MEET_ENDED_BY_HOST,
  MEET_JOIN,
  MEET_LEAVE_CALL,
  MEET_LEFT,
  MEET_REJOIN,
  MEET_YOU,
  MEET_YOUR_NAME,
} from './labels/meet';

const BUTTON = 'button, [role="button"]';

// Seen in Google Meet's web UI (2024–2026): the control bar's red "Leave call" button, the
// green room's "Join now" / "Ask to join", the "You left the meeting" screen with "Rejoin".
export const MEET_SELECTORS: SelectorTable = {
  platform: 'meet',
  frames: [],
  // The leave button's jsname first (it does not depend on the UI language), then its label in
  // the other UI languages, then in English (labels/meet.ts).
  inCall: [
    { css: '[jsname="CQylAd"]' },
    { css: attrSelector('button', 'aria-label', '^=', MEET_LEAVE_CALL, 'localised') },
    { css: attrSelector('button', 'aria-label', '^=', MEET_LEAVE_CALL, 'english') },
    { css: '[role="toolbar"] button[aria-label*="leave" i]' },
  ],
  // The Leave button is on screen in the waiting room ("Asking to be let in…") as well; only tiles
  // and the captions button show the host let the user in. Evidence: Vexa-ai/vexa's Meet
  // selectors (admission indicators include [data-participant-id], 2025) and
  // vivek-nexus/transcriptonic (google-meet/index.js, 2025: "When user is waiting in meeting
  // lobby ... the call end icon is visible, but the captions icon is still not visible").
  admitted: [
    { css: '[data-participant-id]' },
    { css: '[data-self-name]' },
    { css: attrSelector(BUTTON, 'aria-label', '*=', MEET_CAPTIONS_WORD, 'localised') },
    { css: attrSelector(BUTTON, 'aria-label', '*=', MEET_CAPTIONS_WORD, 'english') },
  ],
  lobby: [
    { css: BUTTON, text: phrasePattern(MEET_JOIN, 'whole', 'localised') },
    { css: BUTTON, text: phrasePattern(MEET_JOIN, 'whole', 'english') },
    { css: attrSelector('input', 'aria-label', '=', MEET_YOUR_NAME) },
  ],
  // End screens seen in Meet 2024–2026 (Vexa-ai/vexa and Meeting-Baas/meet-teams-bot detect the
  // host ending the call and removal by these headings).
  left: [
    { css: 'h1, h2, [role="heading"]', text: phrasePattern(MEET_LEFT, 'start', 'localised') },
    { css: 'h1, h2, [role="heading"]', text: phrasePattern(MEET_LEFT, 'start', 'english') },
    { css: 'h1, h2, [role="heading"]', text: phrasePattern(MEET_ENDED_BY_HOST, 'start') },
    // The host ending the call or removing you: public Meet bots match these phrases in the end
    // screen's `h1[jsname="r4nke"]` or anywhere on the page (code search, Dec 2026), so any element
    // whose whole text is the phrase counts. Leaf elements only: this runs on every read of a live
    // call page, and an outer element's text is the whole subtree's.
    {
      css: '[role="status"], [role="alert"], div:not(:has(*)), span:not(:has(*))',
      text: phrasePattern(MEET_ENDED_BY_HOST, 'whole'),
    },
    { css: BUTTON, text: phrasePattern(MEET_REJOIN, 'whole') },
  ],
  title: [
    { css: '[data-meeting-title]', from: 'attr', attr: 'data-meeting-title' },
    // "Meet - Weekly mentoring" or "Meet – abc-defg-hij".
    { from: 'document-title', pattern: /^Meet\s*[-–]\s*(.+)$/ },
  ],
  selfName: [
    // The self tile's data-self-name, unless it holds Meet's word for "you" in some UI language
    // rather than a name (labels/meet.ts).
    {
      css: '[data-self-name]',
      from: 'attr',
      attr: 'data-self-name',
      pattern: new RegExp(`^(?!(?:${phraseAlternatives(MEET_YOU)})$)(.+)$`, 'iu'),
    },
    // The account button's label: "Google Account: Jane Doe (jane@example.com)", "Google-Konto:
    // …" in German. Read by its shape in any language: words, a colon, the name, the address in
    // brackets; the button is the link to the account (accounts.google.com), or the label holds an
    // address. The English prefix without an address comes last.
    {
      css: 'a[href*="accounts.google.com"][aria-label], [aria-label*="@"][aria-label*=":"]',
      from: 'attr',
      attr: 'aria-label',
      pattern: /^[^:：(]+[:：]\s*([^(（]+?)\s*[(（][^)）]*@/u,
    },
    {
      css: '[aria-label^="Google Account:" i]',
      from: 'attr',
      attr: 'aria-label',
      pattern: /^Google Account:\s*([^(]+?)\s*(\(|$)/i,
    },
    { css: attrSelector('input', 'aria-label', '=', MEET_YOUR_NAME), from: 'value' },
  ],
  // Meet's tiles carry data-participant-id; the speaking outline has no semantic attribute and its
  // obfuscated class names change between releases, so the data attribute and a plain "speaking"
  // class come first and need checking against live Meet whenever it changes (not yet verified
  // against a live call: the demo call and the fixtures follow this shape).
  participantTiles: ['[data-participant-id]'],
  speaking: [
    // Live tools watch the tile's audio indicator, jscontroller "ES310d", whose class "gjg47c"
    // marks silence (a Meet bot's jsControllerCodes table: microphoneBox = 'ES310d',
    // microphoneStatuses.silence = 'gjg47c'; CrankyHippo/meet-ui-tool snapshot, 2026: the
    // jscontroller rotated from tae9tc to ES310d while the silence class held).
    { css: '[data-participant-id] [jscontroller="ES310d"]:not(.gjg47c)' },
    { css: '[data-participant-id] [jscontroller="tae9tc"]:not(.gjg47c)' },
    { css: '[data-participant-id][data-is-speaking="true"]' },
    { css: '[data-participant-id][data-audio-level]:not([data-audio-level="0"])' },
    { css: '[data-participant-id].speaking' },
  ],
  selfTile: ['[data-self-name]', '[data-participant-id][data-self="true"]'],
};
