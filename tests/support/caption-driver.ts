/**
 * Plays captions into a fixture page the way the platforms rewrite them: words arrive a few at
 * a time, the last word is sometimes misheard and corrected, a long monologue scrolls off at the
 * front, each speaker change opens a new block and old blocks are removed (or, on Zoom, the same
 * line is rewritten for the next sentence). Used by the unit tests and, bundled into the page, by
 * the benchmark. Plain DOM, no test framework.
 */

/** Where a fixture keeps its caption blocks; written per fixture, apart from Attune's tables. */
export interface CaptionMarkup {
  /** The element new blocks are appended to. */
  list: string;
  /** A block already in the fixture, cloned for each new one. */
  block: string;
  speaker: string;
  /** Set the speaker in this attribute instead of the text (Zoom's avatar alt). */
  speakerAttr?: string;
  text: string;
  /** Zoom rewrites one line for every sentence instead of adding blocks. */
  reuseBlock?: boolean;
  /** Blocks kept on screen before the oldest is removed. */
  maxBlocks: number;
  /** Words shown in a block before its front scrolls off (Infinity: never). */
  windowWords: number;
  /** Words that scroll off at once: platforms trim a line at a time. */
  trimWords: number;
}

export const FIXTURE_MARKUP: Record<string, CaptionMarkup> = {
  'meet-2025': {
    list: '[role="region"][aria-label="Captions"]',
    block: '.nMcdL',
    speaker: '.NWpY1d',
    text: '.ygicle',
    maxBlocks: 2,
    windowWords: 24,
    trimWords: 8,
  },
  'meet-2023': {
    list: '.Mz6pEf',
    block: '.TBMuR',
    speaker: '.zs7s8d',
    text: '.iTTPOb',
    maxBlocks: 2,
    windowWords: 20,
    trimWords: 6,
  },
  'teams-2025': {
    list: '[data-tid="closed-caption-v2-virtual-list-content"]',
    block: '.fui-ChatMessageCompact',
    speaker: '[data-tid="author"]',
    text: '[data-tid="closed-caption-text"]',
    maxBlocks: 12,
    windowWords: Infinity,
    trimWords: 0,
  },
  'teams-classic': {
    list: '.ui-chat',
    block: '.ui-chat__item',
    speaker: '.ui-chat__message__author',
    text: '[data-tid="closed-caption-text"]',
    maxBlocks: 12,
    windowWords: Infinity,
    trimWords: 0,
  },
  'zoom-2025': {
    list: '.lt-subtitle-wrap',
    block: '#live-transcription-subtitle',
    speaker: 'img',
    speakerAttr: 'alt',
    text: '.live-transcription-subtitle__item',
    reuseBlock: true,
    maxBlocks: 1,
    windowWords: 18,
    trimWords: 6,
  },
};

export interface Turn {
  speaker: string;
  words: string[];
}

function mustFind(root: ParentNode, css: string): Element {
  const el = root.querySelector(css);
  if (!el) throw new Error(`fixture has no ${css}`);
  return el;
}

/** The fixture's caption area emptied, with a way to add, write and remove blocks. */
export function createCaptionDriver(doc: Document, markup: CaptionMarkup) {
  const list = mustFind(doc, markup.list);
  const template = mustFind(list, markup.block).cloneNode(true) as Element;
  for (const el of Array.from(list.querySelectorAll(markup.block))) el.remove();

  function setSpeaker(block: Element, speaker: string): void {
    const el = mustFind(block, markup.speaker);
    if (markup.speakerAttr) el.setAttribute(markup.speakerAttr, speaker);
    else el.textContent = speaker;
  }

  return {
    list,
    addBlock(speaker: string): Element {
      const block = template.cloneNode(true) as Element;
      setSpeaker(block, speaker);
      mustFind(block, markup.text).textContent = '';
      list.append(block);
      return block;
    },
    setSpeaker,
    write(block: Element, text: string): void {
      const el = mustFind(block, markup.text);
      // Platforms mostly edit the text node in place; replace it when there is none yet.
      const node = el.firstChild;
      if (node && node.nodeType === 3 && el.childNodes.length === 1) (node as Text).data = text;
      else el.textContent = text;
    },
    blocks(): Element[] {
      return Array.from(list.querySelectorAll(markup.block));
    },
  };
}

export type CaptionDriver = ReturnType<typeof createCaptionDriver>;

/** A misheard version of a word, shown for one update before the recogniser corrects it. */
function misheard(word: string): string {
  return `${word.slice(0, Math.max(1, word.length - 2))}um`;
}

/**
 * The page updates that caption `turns` as the platform would: one function per update, in
 * order. Every `correctEvery`-th word is first shown misheard; `wordsPerUpdate` words arrive
 * at a time.
 */
export function captionUpdates(
  driver: CaptionDriver,
  markup: CaptionMarkup,
  turns: Turn[],
  options: { wordsPerUpdate?: number; correctEvery?: number } = {},
): Array<() => void> {
  const step = Math.max(1, options.wordsPerUpdate ?? 1);
  const correctEvery = options.correctEvery ?? 0;
  const updates: Array<() => void> = [];
  let block: Element | null = null;
  for (const turn of turns) {
    updates.push(() => {
      if (markup.reuseBlock && block) {
        driver.setSpeaker(block, turn.speaker);
        driver.write(block, '');
        return;
      }
      block = driver.addBlock(turn.speaker);
      const shown = driver.blocks();
      for (const old of shown.slice(0, Math.max(0, shown.length - markup.maxBlocks))) old.remove();
    });
    let start = 0;
    for (let end = Math.min(step, turn.words.length); ; end = Math.min(end + step, turn.words.length)) {
      if (end - start > markup.windowWords)
        start += Math.ceil((end - start - markup.windowWords) / markup.trimWords) * markup.trimWords;
      const shown = turn.words.slice(start, end);
      const last = end - 1;
      if (correctEvery > 0 && last > 0 && last % correctEvery === 0) {
        const wrong = [...shown.slice(0, -1), misheard(shown.at(-1) ?? '')].join(' ');
        updates.push(() => block && driver.write(block, wrong));
      }
      const right = shown.join(' ');
      updates.push(() => block && driver.write(block, right));
      if (end === turn.words.length) break;
    }
  }
  return updates;
}

/** Distinct words, so a trimmed block can always be lined up again. */
export function sampleWords(count: number, seed = 1): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'go', 'fi'];
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < count; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(`${syllables[x % syllables.length]}${syllables[(x >> 8) % syllables.length]}${i}`);
  }
  return out;
}
