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
  participantTiles: ['.video-avatar__avatar', '.speaker-active-container__video-frame', '.gallery-video-container__video-frame'],
  speaking: [
    { css: '[aria-label*="is speaking" i]' },
    { css: '.speaker-active-container__video-frame' },
    { css: '.gallery-video-container__video-frame--active' },
  ],
  selfTile: [],
};
