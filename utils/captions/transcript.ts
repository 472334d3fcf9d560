import { trimmedPrefix } from './merge-text';
import type { CaptionBlock, Utterance } from './types';

/** A caption that has not changed for this long, with a newer block after it, is final. */
export const SETTLE_MS = 2_000;
/** The newest block is final after this long without a change (the speaker stopped). */
export const LAST_BLOCK_SETTLE_MS = 4_000;

interface OpenBlock {
  speaker: string;
  /** What scrolled off the front of the block while it was on screen. */
  prefix: string;
  visible: string;
  startedAt: number;
  changedAt: number;
}

function fullText(block: OpenBlock): string {
  return [block.prefix, block.visible].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Turns the stream of caption readings into a transcript. Captions rewrite themselves while a
 * person speaks and platforms trim long ones; each utterance comes out once, final, in order.
 */
export function createTranscriptBuilder() {
  const open = new Map<number, OpenBlock>();
  const order: number[] = [];

  function finalise(blockId: number): Utterance | null {
    const block = open.get(blockId);
    open.delete(blockId);
    order.splice(order.indexOf(blockId), 1);
    if (!block) return null;
    const text = fullText(block);
    return text ? { speaker: block.speaker, text, startedAt: block.startedAt, endedAt: block.changedAt } : null;
  }

  /** Feeds one reading of the caption area; returns the utterances that became final, in order. */
  function update(blocks: CaptionBlock[], now: number): Utterance[] {
    const seen = new Set<number>();
    for (const { blockId, speaker, text } of blocks) {
      seen.add(blockId);
      const clean = text.replace(/\s+/g, ' ').trim();
      const block = open.get(blockId);
      if (!block) {
        open.set(blockId, { speaker, prefix: '', visible: clean, startedAt: now, changedAt: now });
        order.push(blockId);
        continue;
      }
      if (clean === block.visible && speaker === block.speaker) continue;
      const dropped = trimmedPrefix(block.visible, clean);
      block.prefix = [block.prefix, dropped].filter(Boolean).join(' ');
      block.visible = clean;
      block.speaker = speaker || block.speaker;
      block.changedAt = now;
    }

    const done: Utterance[] = [];
    const newestId = order.at(-1);
    for (const blockId of [...order]) {
      const block = open.get(blockId);
      if (!block) continue;
      const gone = !seen.has(blockId);
      const quiet = now - block.changedAt;
      const settled = blockId === newestId ? quiet >= LAST_BLOCK_SETTLE_MS : quiet >= SETTLE_MS;
      if (gone || settled) {
        const utterance = finalise(blockId);
        if (utterance) done.push(utterance);
      }
    }
    return done.sort((a, b) => a.startedAt - b.startedAt);
  }

  /** The call ended or captions were turned off: everything still open is final now. */
  function flush(): Utterance[] {
    return [...order].map(finalise).filter((u): u is Utterance => u !== null);
  }

  return { update, flush };
}

export type TranscriptBuilder = ReturnType<typeof createTranscriptBuilder>;
