import type { SelectorTable } from './selectors';
import { attrSelector, phrasePattern } from './labels/phrases';
import {
  ZOOM_ENDED,
  ZOOM_IS_SPEAKING,
  ZOOM_JOIN,
  ZOOM_LEAVE,
  ZOOM_SELF_ROW,
  ZOOM_TOPIC,
  ZOOM_YOUR_NAME,
} from './labels/zoom';

/**
 * Lists that show each participant once: the participants panel's rows (`.participants-li`, each
 * with `.participants-item__display-name`, read for rosters by public Zoom web bots and
 * caption savers, 2024–26) and gallery view's tiles. Two of them under the user's name mean a
 * guest joined under it (issue 14). Speaker view is left out: its filmstrip repeats the main tile.
 */
export const ZOOM_PARTICIPANT_ROWS = [
  '.participants-li, #participants-ul [role="listitem"], [role="list"][aria-label="Participants" i] > [role="listitem"]',
  '.gallery-video-container__video-frame',
];

// Seen in Zoom's web client (app.zoom.us/wc/…): the client is often rendered inside a
// same-origin `iframe#webclient`; the footer has a "Leave"/"End" button, the preview screen a
// name field and a "Join" button, and a dialog says when the host ended the meeting.
export const ZOOM_SELECTORS: SelectorTable = {
  platform: 'zoom',
  frames: ['iframe#webclient'],
  // Class names and ids first (the same in every UI language), then the words in the other UI
  // languages, then in English (labels/zoom.ts).
  inCall: [
    { css: '.footer__leave-btn' },
    { css: attrSelector('button', 'aria-label', '=', ZOOM_LEAVE, 'localised') },
    { css: attrSelector('button', 'aria-label', '=', ZOOM_LEAVE, 'english') },
    { css: '[role="toolbar"] button', text: phrasePattern(ZOOM_LEAVE, 'whole') },
  ],
  lobby: [
    { css: 'input#input-for-name' },
    { css: '.preview-join-button' },
    { css: 'button', text: phrasePattern(ZOOM_JOIN, 'whole', 'localised') },
    { css: 'button', text: phrasePattern(ZOOM_JOIN, 'whole', 'english') },
    { css: attrSelector('input', 'aria-label', '=', ZOOM_YOUR_NAME) },
    // The waiting room (host has not admitted us yet) is a lobby, not a call we cannot see:
    // `.waiting-room-container` > `.wr-information` / `.wr-topic` / `.wr-tip`, read in public
    // Zoom web-client bots (Selenium/Playwright waiting-room checks, code search, Dec 2026).
    { css: '.waiting-room-container, .wr-information' },
  ],
  left: [
    { css: '.zm-modal-body-title', text: phrasePattern(ZOOM_ENDED, 'anywhere') },
    {
      css: '[role="dialog"], [role="alertdialog"], h1, [role="heading"]',
      text: phrasePattern(ZOOM_ENDED, 'anywhere', 'localised'),
    },
    {
      css: '[role="dialog"], [role="alertdialog"], h1, [role="heading"]',
      text: phrasePattern(ZOOM_ENDED, 'anywhere', 'english'),
    },
    { css: '.zm-modal-body-title', text: /ended/i },
  ],
  title: [
    { css: '[data-meeting-topic]', from: 'attr', attr: 'data-meeting-topic' },
    { css: '.meeting-info-container__topic', from: 'text' },
    {
      css: attrSelector('[aria-label]', 'aria-label', '^=', ZOOM_TOPIC),
      from: 'attr',
      attr: 'aria-label',
      pattern: new RegExp(`${phrasePattern(ZOOM_TOPIC, 'start').source}\\s*[:：]?\\s*(.+)$`, 'iu'),
    },
  ],
  selfName: [
    { css: 'input#input-for-name', from: 'value' },
    { css: attrSelector('input', 'aria-label', '=', ZOOM_YOUR_NAME), from: 'value' },
    // The participants list marks the local user as "Jane Doe (Me)", "(Host, ich)", … (labels/zoom.ts).
    { css: '[role="listitem"], [role="treeitem"], .participants-li', from: 'text', pattern: ZOOM_SELF_ROW },
  ],
  // Zoom's speaker view shows the active speaker in its own container; gallery view and the
  // filmstrip mark the speaking tile with an "--active" modifier. Since late 2025 speaker view is
  // `.single-main-container__video-frame` (and `.single-suspension-container__video-frame` for
  // some layouts), the main tile being whoever Zoom picked as the active speaker; in a 1:1 it
  // does not change (evidence: Vexa-ai/vexa's Zoom speaker selectors and its 0.12.17 notes,
  // "Zoom served the bot a single-tile layout; added selector .single-main-container__video-frame",
  // 2026; Meeting-Baas/meet-teams-bot's Zoom frame selectors, 2026).
  participantTiles: [
    '.video-avatar__avatar',
    '.speaker-active-container__video-frame',
    '.speaker-bar-container__video-frame',
    '.gallery-video-container__video-frame',
    '.single-main-container__video-frame',
    '.single-suspension-container__video-frame',
  ],
  speaking: [
    { css: attrSelector('[aria-label]', 'aria-label', '*=', ZOOM_IS_SPEAKING) },
    { css: '.speaker-active-container__video-frame' },
    // The filmstrip above a shared screen: the speaking tile gains the `--active` modifier and
    // loses it when they stop (Zoom's own voice detection; read in public Zoom web bots, Dec 2026;
    // Vexa-ai/vexa puts it first because the main tile may be pinned).
    { css: '.speaker-bar-container__video-frame--active' },
    { css: '.gallery-video-container__video-frame--active' },
    // Late-2025 speaker view, only with the filmstrip of other participants on the page: in a 1:1
    // the main tile never changes, so it is no sign of who speaks (issue 14).
    { css: 'body:has(.speaker-bar-container__video-frame) .single-main-container__video-frame' },
    // The user's own voice shows only in the footer: the audio button (button.join-audio-container__btn,
    // in Meeting-Baas/meet-teams-bot's and Vexa-ai/vexa's Zoom selectors, 2025–26) draws a level
    // meter that rises while the microphone hears speech (issue 14's 2026 captures). The meter's own
    // class is not in any public source found: any element in the button whose class names an
    // audio level and whose inline style gives it height counts.
    {
      css: '.join-audio-container__btn [class*="audio-level" i], .join-audio-container__btn [class*="volume-level" i]',
      inlineRing: true,
      self: true,
    },
  ],
  // Zoom marks no tile as the user's own: a tile is theirs when its name is, in full, the name
  // Zoom marks "(me)" in the participants list (selfName above). Tile names: the footer span or
  // the avatar name (Vexa-ai/vexa, aws-samples/amazon-transcribe-live-meeting-assistant, 2025–26).
  selfTile: [],
  tileName: ['.video-avatar__avatar-footer span', '.video-avatar__avatar-name', 'img.video-avatar__avatar-img'],
  participantRows: ZOOM_PARTICIPANT_ROWS,
};
