import { ME_CONTROL_NAME, MYSELF_VIDEO_NAME } from '../platforms/teams';
import type { CaptionSelectorTable } from './selectors';

const AUTHOR = [{ css: '[data-tid="author"]' }];
const TEXT = ['[data-tid="closed-caption-text"]'];

// Seen in Teams on the web. New Teams (2024–2026): live captions in
// `[data-tid="closed-caption-v2-window-wrapper"]`, a virtual list of Fluent UI compact chat
// messages, each with `data-tid="author"` and `data-tid="closed-caption-text"`. Classic Teams
// (2021–2023): `[data-tid="closed-captions-renderer"]` with `.ui-chat__item` rows. The toggle
// lives in the More menu, not the call bar, so "off" is the call bar without a caption window.
export const TEAMS_CAPTIONS: CaptionSelectorTable = {
  platform: 'teams',
  // The framed call of Teams 2024–25 (see TEAMS_SELECTORS.frames).
  frames: ['iframe[id^="experience-container"]'],
  layouts: [
    {
      // teams.live.com and work Teams, 2026 captures: the virtual list is div[role=list] >
      // div[role=listitem] rows, and a row may hold several caption texts under one author, or
      // none (a run of rows under the author written above it). Each caption text is a block,
      // paired with the nearest author before it. Evidence: Zerg00s/Live-Captions-Saver
      // (teams-captions-saver/content_script.js, 2025) reads every
      // [data-tid="closed-caption-text"] in the page and finds its author from there; the
      // row shape per the 2026 teams.live.com captures cited in issue 14.
      ui: 'Teams 2026: every caption text, with its nearest author',
      region: '[data-tid="closed-caption-v2-window-wrapper"], [data-tid="closed-caption-renderer-wrapper"]',
      block: '[data-tid="closed-caption-text"]',
      speaker: [{ css: '[data-tid="author"]', nearest: true }],
      text: [':scope'],
    },
    {
      ui: 'new Teams 2024–2026',
      region: '[data-tid="closed-caption-v2-window-wrapper"], [data-tid="closed-caption-renderer-wrapper"]',
      block: '.fui-ChatMessageCompact',
      speaker: AUTHOR,
      text: TEXT,
    },
    {
      ui: 'new Teams, rows without the Fluent class',
      region: '[data-tid="closed-caption-v2-window-wrapper"], [data-tid="closed-caption-renderer-wrapper"]',
      // Only a child holding a caption: an empty role=list wrapper is not a row.
      block: '[data-tid="closed-caption-v2-virtual-list-content"] > :has([data-tid="closed-caption-text"])',
      speaker: AUTHOR,
      text: TEXT,
    },
    {
      ui: 'classic Teams 2021–2023',
      region: '[data-tid="closed-captions-renderer"]',
      block: '.ui-chat__item',
      speaker: [...AUTHOR, { css: '.ui-chat__message__author' }],
      text: [...TEXT, '.ui-chat__message__content'],
    },
  ],
  // The user's caption author is their own display name, read from Teams' own marks of the user:
  // the myself-video label and the account menu's me-control-displayname (Teams caption savers,
  // 2025–26). Another tile showing that name (a guest copying it) makes it ambiguous.
  selfLabel: [
    { css: '[data-tid="myself-video"][aria-label]', from: 'attr', attr: 'aria-label', pattern: MYSELF_VIDEO_NAME },
    { css: 'span[data-tid="me-control-displayname"]', from: 'text', pattern: ME_CONTROL_NAME },
  ],
  otherTiles: '[data-cid="calling-participant-stream"]:not(:has([data-tid="myself-video"]))',
  // Each caption row is one utterance; Teams rewrites a guest's author from "Unknown user" to
  // their name once it knows it (issue 14's 2026 captures), which is a rename, not a new line.
  renamesInPlace: true,
  captionsOff: [{ css: '[data-tid="hangup-main-btn"], button#hangup-button' }],
};
