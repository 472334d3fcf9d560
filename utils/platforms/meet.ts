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
  // "Asking to be let in…" shows the Leave button too; admission shows in the participant tiles
  // and the captions button (issue 14; vivek-nexus/transcriptonic waits for the captions button's
  // `closed_caption_off` icon before it counts the meeting as started, 2025).
  admitted: [
    { css: '[data-participant-id]' },
    { css: '[data-self-name]' },
    { css: 'button, [role="button"]', text: /(^|\s)closed_caption(_off)?(\s|$)/ },
  ],
  lobby: [
    // "Ask to join anyway" / "Join anyway": the green room's buttons when camera or microphone is
    // refused; still before admission (evidence: issue 14's list from live Meet bots, 2026).
    { css: 'button, [role="button"]', text: /^(join now|ask to join|switch here|join here too|ask to join anyway|join anyway)$/i },
    { css: 'input[aria-label="Your name" i]' },
  ],
  left: [
    { css: 'h1, [role="heading"]', text: /^(you left the meeting|you've left the (call|meeting)|the call has ended|you've been removed from the meeting)/i },
    // The host ending the call or removing you: public Meet bots match these phrases in the end
    // screen's `h1[jsname="r4nke"]` or anywhere on the page (code search, Dec 2026), so any element
    // whose whole text is the phrase counts.
    { css: 'h1, h2, [role="heading"], [role="status"], div', text: /^(your host ended the meeting for everyone|you were removed from the meeting|you've been removed from the meeting)\.?$/i },
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
    { css: '[aria-label^="Google Account:" i]', from: 'attr', attr: 'aria-label', pattern: /^Google Account:\s*([^(]+?)\s*(\(|$)/i },
    { css: 'input[aria-label="Your name" i]', from: 'value' },
  ],
  // Meet's tiles carry data-participant-id; the speaking outline has no semantic attribute and its
  // obfuscated class names change between releases, so the data attribute and a plain "speaking"
  // class come first and need checking against live Meet whenever it changes (not yet verified
  // against a live call: the demo call and the fixtures follow this shape).
  participantTiles: ['[data-participant-id]'],
  speaking: [
    { css: '[data-participant-id][data-is-speaking="true"]' },
    { css: '[data-participant-id][data-audio-level]:not([data-audio-level="0"])' },
    { css: '[data-participant-id].speaking' },
  ],
  selfTile: ['[data-self-name]', '[data-participant-id][data-self="true"]'],
};
