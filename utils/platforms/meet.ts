import type { SelectorTable } from './selectors';

// Seen in Google Meet's web UI (2024–2026): the control bar's red "Leave call" button, the
// green room's "Join now" / "Ask to join", the "You left the meeting" screen with "Rejoin".
export const MEET_SELECTORS: SelectorTable = {
  platform: 'meet',
  frames: [],
  inCall: [
    { css: 'button[aria-label^="Leave call" i]' },
    { css: '[role="toolbar"] button[aria-label*="leave" i]' },
    { css: '[jsname="CQylAd"]' },
  ],
  // The Leave button is on screen in the waiting room ("Asking to be let in…") as well; only tiles
  // and the captions button show the host let the user in. Evidence: Vexa-ai/vexa's Meet
  // selectors (admission indicators include [data-participant-id], 2025) and
  // vivek-nexus/transcriptonic (google-meet/index.js, 2025: "When user is waiting in meeting
  // lobby ... the call end icon is visible, but the captions icon is still not visible").
  admitted: [
    { css: '[data-participant-id]' },
    { css: '[data-self-name]' },
    { css: 'button[aria-label*="captions" i], [role="button"][aria-label*="captions" i]' },
  ],
  lobby: [
    {
      css: 'button, [role="button"]',
      text: /^(join now|ask to join|ask to join anyway|join anyway|switch here|join here too)$/i,
    },
    { css: 'input[aria-label="Your name" i]' },
  ],
  // End screens seen in Meet 2024–2026 (Vexa-ai/vexa and Meeting-Baas/meet-teams-bot detect the
  // host ending the call and removal by these headings).
  left: [
    {
      css: 'h1, h2, [role="heading"]',
      text: /^(you left the meeting|you've left the (call|meeting)|the call has ended|you've been removed from the meeting|you were removed from the meeting|your host ended the meeting for everyone)/i,
    },
    // The host ending the call or removing you: public Meet bots match these phrases in the end
    // screen's `h1[jsname="r4nke"]` or anywhere on the page (code search, Dec 2026), so any element
    // whose whole text is the phrase counts. Leaf elements only: this runs on every read of a live
    // call page, and an outer element's text is the whole subtree's.
    {
      css: '[role="status"], [role="alert"], div:not(:has(*)), span:not(:has(*))',
      text: /^(your host ended the meeting for everyone|you were removed from the meeting|you've been removed from the meeting)\.?$/i,
    },
    { css: 'button, [role="button"]', text: /^rejoin$/i },
  ],
  title: [
    { css: '[data-meeting-title]', from: 'attr', attr: 'data-meeting-title' },
    // "Meet - Weekly mentoring" or "Meet – abc-defg-hij".
    { from: 'document-title', pattern: /^Meet\s*[-–]\s*(.+)$/ },
  ],
  selfName: [
    { css: '[data-self-name]', from: 'attr', attr: 'data-self-name', pattern: /^(?!you$)(.+)$/i },
    // The account button's label: "Google Account: Jane Doe (jane@example.com)".
    {
      css: '[aria-label^="Google Account:" i]',
      from: 'attr',
      attr: 'aria-label',
      pattern: /^Google Account:\s*([^(]+?)\s*(\(|$)/i,
    },
    { css: 'input[aria-label="Your name" i]', from: 'value' },
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
