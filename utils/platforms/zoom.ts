import type { SelectorTable } from './selectors';

// Seen in Zoom's web client (app.zoom.us/wc/…): the client is often rendered inside a
// same-origin `iframe#webclient`; the footer has a "Leave"/"End" button, the preview screen a
// name field and a "Join" button, and a dialog says when the host ended the meeting.
export const ZOOM_SELECTORS: SelectorTable = {
  platform: 'zoom',
  frames: ['iframe#webclient'],
  inCall: [
    { css: 'button[aria-label="Leave" i], button[aria-label="End" i]' },
    { css: '[role="toolbar"] button', text: /^(leave|end)$/i },
    { css: '.footer__leave-btn' },
  ],
  lobby: [
    { css: 'input#input-for-name, input[aria-label="Your name" i]' },
    { css: 'button', text: /^join( audio)?$/i },
    { css: '.preview-join-button' },
    // The waiting room (host has not admitted us yet) is a lobby, not a call we cannot see:
    // `.waiting-room-container` > `.wr-information` / `.wr-topic` / `.wr-tip`, read in public
    // Zoom web-client bots (Selenium/Playwright waiting-room checks, code search, Dec 2026).
    { css: '.waiting-room-container, .wr-information' },
  ],
  left: [
    { css: '[role="dialog"], [role="alertdialog"], h1, [role="heading"]', text: /(meeting has been ended|this meeting has ended|you have left the meeting|you left the meeting)/i },
    { css: '.zm-modal-body-title', text: /ended/i },
  ],
  title: [
    { css: '[data-meeting-topic]', from: 'attr', attr: 'data-meeting-topic' },
    { css: '[aria-label^="Meeting topic" i]', from: 'attr', attr: 'aria-label', pattern: /^Meeting topic:?\s*(.+)$/i },
    { css: '.meeting-info-container__topic', from: 'text' },
  ],
  selfName: [
    { css: 'input#input-for-name, input[aria-label="Your name" i]', from: 'value' },
    // The participants list marks the local user as "Jane Doe (Me)".
    { css: '[role="listitem"], [role="treeitem"]', from: 'text', pattern: /^(.+?)\s*\((?:me|host, me|me, host)\)/i },
  ],
  // Zoom's speaker view shows the active speaker in its own container; gallery view marks the
  // speaking tile with an "--active" modifier. Tiles show the participant's name, which is how the
  // local user's own tile is told apart (Zoom adds no self marker on the tile).
  participantTiles: ['.video-avatar__avatar', '.speaker-active-container__video-frame', '.speaker-bar-container__video-frame', '.gallery-video-container__video-frame'],
  speaking: [
    { css: '[aria-label*="is speaking" i]' },
    { css: '.speaker-active-container__video-frame' },
    // The filmstrip above a shared screen: the speaking tile gains the `--active` modifier and
    // loses it when they stop (Zoom's own voice detection; read in public Zoom web bots, Dec 2026).
    { css: '.speaker-bar-container__video-frame--active' },
    { css: '.gallery-video-container__video-frame--active' },
  ],
  selfTile: [],
};
