import { describe, expect, it } from 'vitest';
import { createTranscriptBuilder, LAST_BLOCK_SETTLE_MS, SETTLE_MS } from '@/utils/captions/transcript';
import { continuesCaption, wordsTrimmed } from '@/utils/captions/merge-text';

const block = (blockId: number, speaker: string, text: string) => ({ blockId, speaker, text });

describe('createTranscriptBuilder', () => {
  it('keeps a caption that grows and revises itself once, final, with its last wording', () => {
    const t = createTranscriptBuilder();
    expect(t.update([block(1, 'Priya', 'I want')], 0)).toEqual([]);
    expect(t.update([block(1, 'Priya', 'I want to get better')], 400)).toEqual([]);
    expect(t.update([block(1, 'Priya', 'I want to get better at delegating.')], 900)).toEqual([]);
    const done = t.update([block(1, 'Priya', 'I want to get better at delegating.')], 900 + LAST_BLOCK_SETTLE_MS);
    expect(done).toEqual([
      { speaker: 'Priya', text: 'I want to get better at delegating.', startedAt: 0, endedAt: 900 },
    ]);
    expect(t.update([block(1, 'Priya', 'I want to get better at delegating.')], 20_000)).toEqual([]);
  });

  it('follows speaker changes and emits turns in the order they were spoken', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Alex', 'What happens when you hand it over?')], 0);
    t.update([block(1, 'Alex', 'What happens when you hand it over?'), block(2, 'Priya', 'I worry')], 1_000);
    const done = t.update(
      [block(1, 'Alex', 'What happens when you hand it over?'), block(2, 'Priya', 'I worry it won’t be right')],
      2_500,
    );
    expect(done.map((u) => u.speaker)).toEqual(['Alex']);
    expect(t.flush()).toEqual([
      { speaker: 'Priya', text: 'I worry it won’t be right', startedAt: 1_000, endedAt: 2_500 },
    ]);
  });

  it('finalises a block as soon as the page removes it', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Alex', 'How did that feel?'), block(2, 'Priya', 'Tired')], 0);
    expect(t.update([block(2, 'Priya', 'Tired, honestly')], 300)).toEqual([
      { speaker: 'Alex', text: 'How did that feel?', startedAt: 0, endedAt: 0 },
    ]);
  });

  it('keeps the start of a long monologue that the platform trimmed from the screen', () => {
    const t = createTranscriptBuilder();
    t.update([block(7, 'Priya', 'one two three four five six')], 0);
    t.update([block(7, 'Priya', 'three four five six seven eight')], 500);
    t.update([block(7, 'Priya', 'six seven eight nine ten')], 1_000);
    expect(t.flush()[0]?.text).toBe('one two three four five six seven eight nine ten');
  });

  it('does not finalise an older block that is still changing', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Alex', 'So'), block(2, 'Priya', 'Yes')], 0);
    expect(t.update([block(1, 'Alex', 'So what'), block(2, 'Priya', 'Yes')], SETTLE_MS - 1)).toEqual([]);
  });

  it('gives only the new words when a block that was given out grows again', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Priya', 'I am not sure.')], 0);
    expect(t.update([block(1, 'Priya', 'I am not sure.')], LAST_BLOCK_SETTLE_MS)).toHaveLength(1);
    t.update([block(1, 'Priya', 'I am not sure. Maybe Sam')], LAST_BLOCK_SETTLE_MS + 500);
    expect(t.flush()).toEqual([
      {
        speaker: 'Priya',
        text: 'Maybe Sam',
        startedAt: LAST_BLOCK_SETTLE_MS + 500,
        endedAt: LAST_BLOCK_SETTLE_MS + 500,
      },
    ]);
  });

  it('keeps words already given out as they were when the platform revises them late', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Priya', 'I am not sure')], 0);
    t.update([block(1, 'Priya', 'I am not sure')], LAST_BLOCK_SETTLE_MS);
    t.update([block(1, 'Priya', 'I am not sure.')], LAST_BLOCK_SETTLE_MS + 100);
    expect(t.flush()).toEqual([]);
  });

  it('starts a new utterance when an element is reused for another speaker', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Jordan', 'I keep saying yes')], 0);
    t.update([block(1, 'Sam', 'Why')], 500);
    t.update([block(1, 'Sam', 'Why is that?')], 900);
    expect(t.flush().map((u) => [u.speaker, u.text])).toEqual([['Sam', 'Why is that?']]);
  });

  it('takes a new name over the same words for a rename, not another utterance (Teams’ “Unknown user”)', () => {
    const t = createTranscriptBuilder({ renamesInPlace: true });
    t.update([block(1, 'Unknown user', 'Thanks for making')], 0);
    expect(t.update([block(1, 'Unknown user', 'Thanks for making time today')], 400)).toEqual([]);
    expect(t.update([block(1, 'Sam Okafor', 'Thanks for making time today')], 800)).toEqual([]);
    expect(t.update([block(1, 'Sam Okafor', 'Thanks for making time today, it helps.')], 1_200)).toEqual([]);
    expect(t.flush()).toEqual([
      { speaker: 'Sam Okafor', text: 'Thanks for making time today, it helps.', startedAt: 0, endedAt: 1_200 },
    ]);
  });

  it('adds no line when a caption already given out is renamed', () => {
    const t = createTranscriptBuilder({ renamesInPlace: true });
    t.update([block(1, 'Unknown user', 'Thanks for making time today.')], 0);
    const done = t.update([block(1, 'Unknown user', 'Thanks for making time today.')], LAST_BLOCK_SETTLE_MS + 10);
    expect(done.map((u) => u.text)).toEqual(['Thanks for making time today.']);
    expect(t.update([block(1, 'Sam Okafor', 'Thanks for making time today.')], LAST_BLOCK_SETTLE_MS + 500)).toEqual([]);
    expect(t.flush()).toEqual([]);
  });

  it('where blocks are reused, a new name shown before its words is the next speaker, not a rename', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Priya', 'I work every weekend.')], 0);
    expect(t.update([block(1, 'Alex', 'I work every weekend.')], 300)).toEqual([
      { speaker: 'Priya', text: 'I work every weekend.', startedAt: 0, endedAt: 0 },
    ]);
    t.update([block(1, 'Alex', 'So')], 600);
    expect(t.flush().map((u) => [u.speaker, u.text])).toEqual([['Alex', 'So']]);
  });

  it('carries a caption on when the page replaces its element mid-sentence (Zoom redraws the line)', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, '', 'I keep saying yes')], 0);
    expect(t.update([block(2, '', 'I keep saying yes to every')], 400)).toEqual([]);
    expect(t.update([block(3, '', 'I keep saying yes to every project.')], 800)).toEqual([]);
    expect(t.flush()).toEqual([
      { speaker: '', text: 'I keep saying yes to every project.', startedAt: 0, endedAt: 800 },
    ]);
  });

  it('still starts a new utterance when a replaced element holds another sentence or another speaker', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Jordan', 'I keep saying yes to every project.')], 0);
    expect(t.update([block(2, 'Jordan', 'Then I stay late.')], 400).map((u) => u.text)).toEqual([
      'I keep saying yes to every project.',
    ]);
    expect(t.update([block(3, 'Sam', 'Then I stay late, why?')], 800).map((u) => u.text)).toEqual([
      'Then I stay late.',
    ]);
  });

  it('gives out the earlier speaker when the element is reused for another', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Jordan', 'I keep saying yes')], 0);
    expect(t.update([block(1, 'Sam', 'Why')], 500)).toEqual([
      { speaker: 'Jordan', text: 'I keep saying yes', startedAt: 0, endedAt: 0 },
    ]);
  });

  it("starts a new utterance when the same speaker's line is cleared for the next sentence", () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Jordan', 'I keep saying yes to every project.')], 0);
    const done = t.update([block(1, 'Jordan', 'I')], 400);
    t.update([block(1, 'Jordan', 'I never say no.')], 800);
    expect([...done, ...t.flush()].map((u) => u.text)).toEqual([
      'I keep saying yes to every project.',
      'I never say no.',
    ]);
  });

  it('does not repeat an utterance the page draws again as a new element', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Ana', 'Talking through the promotion case.')], 0);
    expect(t.update([], 100)).toHaveLength(1);
    t.update([block(2, 'Ana', 'Talking through the promotion case.')], 200);
    expect(t.flush()).toEqual([]);
  });

  it('drops blocks that never had any words', () => {
    const t = createTranscriptBuilder();
    t.update([block(1, 'Alex', '   ')], 0);
    expect(t.flush()).toEqual([]);
  });
});

describe('continuesCaption', () => {
  it.each([
    ['so what happened next', 'So, what happened next?', true],
    ['sue what happened next', 'so what happened next then', true],
    ['I keep saying yes to every project.', 'I', false],
    ['I keep saying yes to every project.', 'Why is that the case for you?', false],
    ['a b c d e', 'c d e f g', true],
    ['Hi', 'Hello there', true],
    ['Okay', '', false],
  ])('between "%s" and "%s" is %s', (before, now, same) => {
    expect(continuesCaption(before, now)).toBe(same);
  });
});

describe('wordsTrimmed', () => {
  it.each([
    ['a b c d e', 'a b c d e f', 0],
    ['a b c d e', 'c d e f g', 2],
    ['we could try it', 'we could try this instead', 0],
    ['', 'a b', 0],
    ['a b c', 'x y z', 0],
  ])('between "%s" and "%s" is %d', (before, now, n) => {
    expect(wordsTrimmed(before, now)).toBe(n);
  });
});
