import { continuesCaption, trimmedPrefix, words, wordsTrimmed } from './merge-text';
import type { CaptionBlock, Utterance } from './types';

/** A caption that has not changed for this long, with a newer block after it, is final. */
export const SETTLE_MS = 2_000;
/** The newest block is final after this long without a change (the speaker stopped). */
export const LAST_BLOCK_SETTLE_MS = 4_000;
/** How many finished utterances are remembered to recognise a block the page draws again. */
const RECENT_UTTERANCES = 8;
/** Shorter captions are too common ("Yes.") to take a repeat of them for a redrawn block. */
const REPLAY_MIN_WORDS = 3;

interface OpenBlock {
  speaker: string;
  /** What scrolled off the front of the block while it was on screen. */
  prefix: string;
  visible: string;
  /** Leading words already given out in an earlier utterance (the block went quiet, then grew). */
  skipWords: number;
  startedAt: number;
  changedAt: number;
}

/** A block that went quiet and was given out while the page still shows it. */
interface SettledBlock {
  speaker: string;
  visible: string;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function fullText(block: OpenBlock): string {
  const all = squash([block.prefix, block.visible].join(' '));
  return block.skipWords === 0 ? all : words(all).slice(block.skipWords).join(' ');
}

function replayKey(speaker: string, text: string): string {
  return `${speaker}\u0000${text.toLowerCase()}`;
}

function otherSpeaker(a: string, b: string): boolean {
  return a !== '' && b !== '' && a !== b;
}

/**
 * Turns the stream of caption readings into a transcript. Captions rewrite themselves while a
 * person speaks and platforms trim long ones; each utterance comes out once, final, in order.
 * Blocks are told apart by `blockId` (one per element the page keeps); an element that is
 * reused for another speaker or an unrelated sentence starts a new utterance, and a block that
 * grows again after it was given out yields only its new words.
 */
export interface TranscriptOptions {
  /**
   * The page never reuses a block for another speaker, so a new name over the same words is a
   * rename (Teams names a guest "Unknown user" first). Off where blocks are reused for the next
   * speaker (Zoom's line, the demo call), who shows before their words.
   */
  renamesInPlace?: boolean;
}

export function createTranscriptBuilder(options: TranscriptOptions = {}) {
  const renames = options.renamesInPlace === true;
  const open = new Map<number, OpenBlock>();
  const order: number[] = [];
  const settled = new Map<number, SettledBlock>();
  const recent: string[] = [];

  function openBlock(blockId: number, speaker: string, visible: string, now: number, skipWords = 0): void {
    open.set(blockId, { speaker, prefix: '', visible, skipWords, startedAt: now, changedAt: now });
    order.push(blockId);
  }

  function finalise(blockId: number): Utterance | null {
    const block = open.get(blockId);
    open.delete(blockId);
    const at = order.indexOf(blockId);
    if (at >= 0) order.splice(at, 1);
    if (!block) return null;
    const text = fullText(block);
    if (!text) return null;
    recent.push(replayKey(block.speaker, block.visible));
    if (recent.length > RECENT_UTTERANCES) recent.shift();
    return { speaker: block.speaker, text, startedAt: block.startedAt, endedAt: block.changedAt };
  }

  /** A reading of a block that was already given out: only words beyond that count. */
  function resume(blockId: number, before: SettledBlock, speaker: string, clean: string, now: number): void {
    // The same words under a new name: the platform renamed the speaker ("Unknown user" → the
    // guest's name), it did not start another utterance.
    if (renames && otherSpeaker(speaker, before.speaker) && clean.startsWith(before.visible)) before.speaker = speaker;
    if (otherSpeaker(speaker, before.speaker) || !continuesCaption(before.visible, clean)) {
      settled.delete(blockId);
      openBlock(blockId, speaker || before.speaker, clean, now);
      return;
    }
    const skip = Math.max(0, words(before.visible).length - wordsTrimmed(before.visible, clean));
    if (words(clean).length <= skip) {
      // A late revision of words already given out: they stay as they were.
      before.visible = clean;
      return;
    }
    settled.delete(blockId);
    openBlock(blockId, speaker || before.speaker, clean, now, skip);
  }

  /**
   * A block that left the page in this reading whose words the new block carries on: the page
   * replaced the element mid-sentence (Zoom redraws its subtitle line), so the new element takes
   * the old one's place instead of starting another, partial, utterance. Short captions must
   * have grown from the old words exactly; longer ones may be revised or trimmed.
   */
  function orphanCarriedOn(speaker: string, clean: string, present: Set<number>): number | null {
    const carriesOn = (before: string, who: string) =>
      !otherSpeaker(speaker, who) &&
      before !== '' &&
      (clean.startsWith(before) || (words(before).length >= REPLAY_MIN_WORDS && continuesCaption(before, clean)));
    for (let i = order.length - 1; i >= 0; i -= 1) {
      const id = order[i]!;
      const block = open.get(id);
      if (!present.has(id) && block && carriesOn(block.visible, block.speaker)) return id;
    }
    for (const [id, before] of settled) if (!present.has(id) && carriesOn(before.visible, before.speaker)) return id;
    return null;
  }

  function moveBlock(from: number, to: number): void {
    const block = open.get(from);
    if (block) {
      open.delete(from);
      open.set(to, block);
      order[order.indexOf(from)] = to;
      return;
    }
    const before = settled.get(from);
    if (before) {
      settled.delete(from);
      settled.set(to, before);
    }
  }

  /** Feeds one reading of the caption area; returns the utterances that became final, in order. */
  function update(blocks: CaptionBlock[], now: number): Utterance[] {
    const done: Utterance[] = [];
    const seen = new Set<number>();
    const present = new Set(blocks.map((b) => b.blockId));
    for (const { blockId, speaker, text } of blocks) {
      seen.add(blockId);
      if (!open.has(blockId) && !settled.has(blockId) && text !== '') {
        const orphan = orphanCarriedOn(speaker, squash(text), present);
        if (orphan !== null) moveBlock(orphan, blockId);
      }
      const block = open.get(blockId);
      // Most blocks are unchanged in a reading; readers hand over squashed text, so compare first.
      if (block && text === block.visible && (speaker === block.speaker || speaker === '')) continue;
      if (!block && text === settled.get(blockId)?.visible && speaker === settled.get(blockId)?.speaker) continue;
      const clean = squash(text);
      if (!block) {
        const before = settled.get(blockId);
        if (before) {
          if (clean !== before.visible || otherSpeaker(speaker, before.speaker))
            resume(blockId, before, speaker, clean, now);
        } else if (words(clean).length >= REPLAY_MIN_WORDS && recent.includes(replayKey(speaker, clean))) {
          // The page drew an utterance we already have again (Teams' list remounts rows).
          settled.set(blockId, { speaker, visible: clean });
        } else {
          openBlock(blockId, speaker, clean, now);
        }
        continue;
      }
      if (clean === block.visible && (speaker === block.speaker || speaker === '')) continue;
      const grew = clean.startsWith(block.visible);
      // Where blocks are never reused (renamesInPlace), a new name over the same words, or the
      // same words grown, is a rename of this block's speaker (Teams' "Unknown user"); elsewhere
      // a new name is a new utterance (Zoom writes the next speaker into the same line).
      if (
        (otherSpeaker(speaker, block.speaker) && !(renames && grew)) ||
        (!grew && !continuesCaption(block.visible, clean))
      ) {
        const utterance = finalise(blockId);
        if (utterance) done.push(utterance);
        openBlock(blockId, speaker || block.speaker, clean, now);
        continue;
      }
      const dropped = grew ? '' : trimmedPrefix(block.visible, clean);
      block.prefix = [block.prefix, dropped].filter(Boolean).join(' ');
      block.visible = clean;
      block.speaker = speaker || block.speaker;
      block.changedAt = now;
    }

    for (const blockId of settled.keys()) if (!seen.has(blockId)) settled.delete(blockId);
    const newestId = order.at(-1);
    for (const blockId of [...order]) {
      const block = open.get(blockId);
      if (!block) continue;
      const gone = !seen.has(blockId);
      const quiet = now - block.changedAt;
      const isSettled = blockId === newestId ? quiet >= LAST_BLOCK_SETTLE_MS : quiet >= SETTLE_MS;
      if (!gone && !isSettled) continue;
      if (!gone) settled.set(blockId, { speaker: block.speaker, visible: block.visible });
      const utterance = finalise(blockId);
      if (utterance) done.push(utterance);
    }
    return done.sort((a, b) => a.startedAt - b.startedAt);
  }

  /** The call ended or captions were turned off: everything still open is final now. */
  function flush(): Utterance[] {
    settled.clear();
    return [...order].map(finalise).filter((u): u is Utterance => u !== null);
  }

  return { update, flush };
}

export type TranscriptBuilder = ReturnType<typeof createTranscriptBuilder>;
