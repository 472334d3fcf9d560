import type { CaptionSelectorTable } from './selectors';

// Structural and language-independent first: the focusable region (vivek-nexus/transcriptonic,
// its content script's `transcriptSelectors.ariaBased`, 2025), the region's jscontroller; the
// English label last (Meet's localised labels are not yet collected from evidence).
const MEET_REGION = [
  'div[role="region"][tabindex="0"]',
  'div[jscontroller="KPn5nb"]',
  '[role="region"][aria-label="Captions" i]',
].join(', ');

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
      // A button child ("Jump to bottom") or a child holding a button is not a turn: Meet's caption
      // blocks hold only the avatar, the name and the words.
      block: ':scope > :not(button):not([role="button"]):not(:has(button)):not(:has([role="button"]))',
      speaker: [{ css: ':scope > :first-child' }],
      text: [':scope > :last-child'],
    },
  ],
  captionsOff: [
    { css: 'button[aria-label^="Turn on captions" i], [role="button"][aria-label^="Turn on captions" i]' },
    // The button's icon ligature does not depend on the UI language. The icon itself is
    // aria-hidden (never "shown" to the reader), so the button that holds it is matched instead
    // (evidence: vivek-nexus/transcriptonic's content script reads the "closed_caption_off" ligature, 2025).
    { css: 'button, [role="button"]', text: /(^|\s)closed_caption_off(\s|$)/ },
  ],
};
