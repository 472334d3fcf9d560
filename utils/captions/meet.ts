import { attrSelector } from '../platforms/labels/phrases';
import { MEET_CAPTIONS_WORD, MEET_TURN_ON_CAPTIONS } from '../platforms/labels/meet';
import type { CaptionSelectorTable } from './selectors';

// The region found without words first: vivek-nexus/transcriptonic
// (extension/content-scripts/google-meet/config.js, 2025) reads Meet's captions from
// div[role="region"][tabindex="0"] in every UI language; the jscontroller and the region's label
// in each UI language ("Untertitel", "Captions": labels/meet.ts) follow as fallbacks.
const MEET_REGION = [
  'div[role="region"][tabindex="0"]',
  'div[jscontroller="KPn5nb"]',
  attrSelector('[role="region"]', 'aria-label', '=', MEET_CAPTIONS_WORD),
].join(', ');
// The region also holds controls, not captions: the "Jump to bottom" button and an empty spacer
// after the last turn (transcriptonic, google-meet/index.js: "the last and last but one are non
// transcript elements"). A block is a child that is no control, holds none, and has text.
const MEET_ANY_BLOCK = ':scope > :not(button, [role="button"], :has(button, [role="button"]), :empty)';

// Seen in Google Meet's web UI. 2024–2026: captions sit in a `role="region"` labelled
// "Captions" (jscontroller KPn5nb); each turn is a block with the avatar and the speaker's
// name above the words. 2022–2023: the region had no role (jsname dsyhDe), blocks were
// `.TBMuR` with `.zs7s8d` names and `.iTTPOb` words. Meet's class names are generated, so the
// last layout reads any region child as a block: its first child names the speaker, its last
// holds the words (the shape of every Meet version so far, and of the demo call).
export const MEET_CAPTIONS: CaptionSelectorTable = {
  platform: 'meet',
  frames: [],
  layouts: [
    {
      ui: 'Meet 2024–2026',
      region: MEET_REGION,
      block: '.nMcdL',
      speaker: [{ css: '.NWpY1d' }, { css: '.KcIKyf' }],
      text: ['.ygicle', '.bh44bd'],
    },
    {
      // Mid-2024–2025: `.a4cQT` holds `.nMcdL` blocks with `.KcIKyf` names and `.bh44bd` words
      // (vivek-nexus/transcriptonic falls back to `.a4cQT` when the role=region is missing, 2025).
      // `.a4cQT` stays on the page with captions off, so it is a region only while it holds a block.
      ui: 'Meet 2024–2025',
      region: '.a4cQT:has(.nMcdL)',
      block: '.nMcdL',
      speaker: [{ css: '.NWpY1d' }, { css: '.KcIKyf' }],
      text: ['.bh44bd', '.ygicle'],
    },
    {
      ui: 'Meet 2022–2023',
      region: 'div[jsname="dsyhDe"], .a4cQT:has(.TBMuR)',
      block: '.TBMuR',
      speaker: [{ css: '.zs7s8d' }],
      text: ['.iTTPOb'],
    },
    {
      ui: 'Meet, any version: region children as blocks',
      region: MEET_REGION,
      block: MEET_ANY_BLOCK,
      speaker: [{ css: ':scope > :first-child' }],
      text: [':scope > :last-child'],
    },
  ],
  // Meet labels the user's own captions with the label its self tile carries in data-self-name
  // ("You", "Du", …; tiles read by data-participant-id and data-self-name in Vexa-ai/vexa's Meet
  // selectors, 2025). A guest whose tile shows that label as their name makes it ambiguous.
  selfLabel: [{ css: '[data-participant-id][data-self-name]', from: 'attr', attr: 'data-self-name' }],
  otherTiles: '[data-participant-id]:not([data-self-name])',
  captionsOff: [
    // The button's icon ligature does not depend on the UI language, so it comes first. The icon
    // itself is aria-hidden (never "shown" to the reader), so the button that holds it is matched
    // (evidence: vivek-nexus/transcriptonic's content script reads the "closed_caption_off" ligature, 2025).
    { css: 'button, [role="button"]', text: /(^|\s)closed_caption_off(\s|$)/ },
    // Then the button's label in the other UI languages, and in English (labels/meet.ts).
    { css: attrSelector('button, [role="button"]', 'aria-label', '^=', MEET_TURN_ON_CAPTIONS, 'localised') },
    { css: attrSelector('button, [role="button"]', 'aria-label', '^=', MEET_TURN_ON_CAPTIONS, 'english') },
  ],
};
