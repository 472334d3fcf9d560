import { ZOOM_PARTICIPANT_ROWS } from '../platforms/zoom';
import { attrSelector } from '../platforms/labels/phrases';
import { ZOOM_LEAVE, ZOOM_SELF_ROW, ZOOM_SHOW_CAPTIONS } from '../platforms/labels/zoom';
import type { CaptionSelectorTable, SpeakerRule } from './selectors';

// Seen in Zoom's web client (app.zoom.us/wc/…, often inside the same-origin
// `iframe#webclient`), 2024–2026: captions are drawn over the video in
// `.live-transcription-subtitle__overlay-container`; each line is `#live-transcription-subtitle`
// with the speaker's avatar image and a `.live-transcription-subtitle__item` span. Zoom puts no
// ARIA on them. The speaker's name is only on the avatar (its alt), when Zoom sets it; without
// it the speaker is "" and the panel attributes the line by other means. Zoom reuses a line for
// the next sentence, which the transcript builder treats as a new utterance.
// When the caption avatar's alt is empty (2026: alt="" and aria-hidden), the name is found on the
// video tile showing the same picture: `img.video-avatar__avatar-img` carries the participant's
// name in its alt, the tile's footer in `.video-avatar__avatar-footer span` or
// `.video-avatar__avatar-name`. Evidence: a public multi-platform caption-saving extension's Zoom
// script matches `#live-transcription-subtitle > img`'s src against `.video-avatar__avatar-img`
// and takes that image's alt (2024–25); aws-samples/amazon-transcribe-live-meeting-assistant and
// Vexa-ai/vexa read tile names from `.video-avatar__avatar-footer span` / `__avatar-name` (2025–26).
const NAME_FROM_TILES: SpeakerRule = {
  css: 'img[src]',
  attr: 'src',
  viaTiles: {
    img: 'img.video-avatar__avatar-img',
    tile: '.video-avatar__avatar, [class*="__video-frame"]',
    name: ['.video-avatar__avatar-footer span', '.video-avatar__avatar-name'],
  },
};

export const ZOOM_CAPTIONS: CaptionSelectorTable = {
  platform: 'zoom',
  frames: ['iframe#webclient'],
  layouts: [
    {
      ui: 'Zoom web client 2024–2026',
      region: '.live-transcription-subtitle__overlay-container',
      block: '#live-transcription-subtitle, .live-transcription-subtitle__box',
      speaker: [{ css: 'img[alt]', attr: 'alt' }, { css: '[class*="speaker-name"]' }, NAME_FROM_TILES],
      text: ['.live-transcription-subtitle__item'],
      needsText: true,
    },
    {
      ui: 'Zoom web client, wrapper only',
      region: '.lt-subtitle-wrap, [class*="live-transcription-subtitle__overlay"]',
      block: '[class*="live-transcription-subtitle__box"], [id="live-transcription-subtitle"]',
      speaker: [{ css: 'img[alt]', attr: 'alt' }, NAME_FROM_TILES],
      text: ['[class*="live-transcription-subtitle__item"]'],
      // Zoom leaves an empty `.lt-subtitle-wrap` on the page with captions off (issue 14, 2026
      // captures): captions are on only once words appear, and an empty wrapper is never latched
      // onto, so the real overlay is still found when it shows up.
      needsText: true,
    },
  ],
  // Zoom marks the user "(me)" in the participants list; a line under that full name is theirs.
  // Zoom's tiles carry no self marker, so a guest using the very same name cannot be told apart:
  // two rows or gallery tiles under one name make its lines no one's for certain.
  participantRows: ZOOM_PARTICIPANT_ROWS,
  selfLabel: [{ css: '[role="listitem"], [role="treeitem"], .participants-li', from: 'text', pattern: ZOOM_SELF_ROW }],
  captionsOff: [
    { css: attrSelector('button, [role="button"]', 'aria-label', '*=', ZOOM_SHOW_CAPTIONS) },
    // Without the host's permission there is no captions button at all: in the call, no overlay means off.
    { css: '.footer__leave-btn' },
    { css: attrSelector('button', 'aria-label', '=', ZOOM_LEAVE) },
  ],
};
