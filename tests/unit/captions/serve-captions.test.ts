// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerCaptionRequests } from '@/utils/captions/serve-captions';
import { MEET_CAPTIONS } from '@/utils/captions/meet';
import { isCaptionsRequest } from '@/utils/messaging';
import { parseExtensionMessage } from '@/utils/messaging-schema';
import { showFixture, settleObservers } from './caption-page';

function contentScript() {
  const invalidated: Array<() => void> = [];
  answerCaptionRequests(MEET_CAPTIONS, { onInvalidated: (cb) => void invalidated.push(cb) });
  return { invalidate: () => invalidated.forEach((cb) => cb()) };
}

const ours = () => ({ id: fakeBrowser.runtime.id });

describe('answerCaptionRequests', () => {
  let sent: unknown[];
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      async (message: unknown) => void sent.push(message),
    );
    showFixture('meet-2025');
  });

  it('reads and sends nothing until the extension asks', async () => {
    contentScript();
    document.querySelectorAll('.ygicle')[1]?.append(' Really.');
    await settleObservers();
    expect(sent).toEqual([]);
  });

  it('sends the status when asked, then finished utterances in the shape the panel validates', async () => {
    const script = contentScript();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'captions-request', read: true }, ours());
    expect(sent).toEqual([{ type: 'caption-status', platform: 'meet', status: 'on' }]);

    await fakeBrowser.runtime.onMessage.trigger({ type: 'captions-request', read: false }, ours());
    const utterances = sent.find((m) => (m as { type: string }).type === 'caption-utterances');
    expect(parseExtensionMessage(utterances)).toEqual({
      type: 'caption-utterances',
      utterances: [
        // Marked from Meet's self tile (data-self-name="You"), not from the word "You".
        {
          speaker: 'You',
          text: 'What would you like to focus on today?',
          at: expect.any(Number),
          endedAt: expect.any(Number),
          self: true,
        },
        {
          speaker: 'Priya Shah',
          text: 'I want to get better at delegating.',
          at: expect.any(Number),
          endedAt: expect.any(Number),
        },
      ],
    });
    script.invalidate();
  });

  it('resends the status to a panel that asks again', async () => {
    const script = contentScript();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'captions-request', read: true }, ours());
    await fakeBrowser.runtime.onMessage.trigger({ type: 'captions-request', read: true }, ours());
    expect(sent).toEqual([
      { type: 'caption-status', platform: 'meet', status: 'on' },
      { type: 'caption-status', platform: 'meet', status: 'on' },
    ]);
    script.invalidate();
  });

  it('ignores requests from anyone but the extension itself', async () => {
    const script = contentScript();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'captions-request', read: true }, { id: 'someone-else' });
    expect(sent).toEqual([]);
    script.invalidate();
  });

  it('stops reading when the content script is invalidated', async () => {
    const script = contentScript();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'captions-request', read: true }, ours());
    script.invalidate();
    const count = sent.length;
    document.querySelectorAll('.ygicle')[1]?.append(' Really.');
    await settleObservers();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'captions-request', read: true }, ours());
    expect(sent.slice(count).filter((m) => (m as { type: string }).type !== 'caption-utterances')).toEqual([]);
  });
});

describe('isCaptionsRequest', () => {
  it.each([
    [{ type: 'captions-request', read: true }, true],
    [{ type: 'captions-request', read: false }, true],
    [{ type: 'captions-request', read: 'yes' }, false],
    [{ type: 'call-snapshot' }, false],
    [null, false],
    ['captions-request', false],
  ])('%j is %s', (raw, ok) => {
    expect(isCaptionsRequest(raw)).toBe(ok);
  });
});

describe('sendCaptionUtterances', () => {
  it('splits a runaway turn and batches a backlog, so that every message passes the panel’s check and no turn is lost', async () => {
    fakeBrowser.reset();
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      async (message: unknown) => void sent.push(message),
    );
    const { sendCaptionUtterances } = await import('@/utils/messaging');
    const long = {
      speaker: 'Guest',
      text: 'On and on without a pause. '.repeat(1_000),
      startedAt: 0,
      endedAt: 600_000,
    };
    const after = Array.from({ length: 150 }, (_, i) => ({
      speaker: 'Priya',
      text: `Reply ${i}.`,
      startedAt: 600_000 + i,
      endedAt: 600_001 + i,
    }));
    await sendCaptionUtterances([long, ...after]);
    expect(sent.length).toBeGreaterThan(1);
    const delivered = sent.map((m) => parseExtensionMessage(m));
    expect(delivered.every((m) => m?.type === 'caption-utterances')).toBe(true);
    const texts = delivered.flatMap((m) => (m?.type === 'caption-utterances' ? m.utterances.map((u) => u.text) : []));
    expect(texts.filter((t) => t.startsWith('Reply'))).toHaveLength(150);
    expect(texts.filter((t) => t.startsWith('On and on')).join(' ').length).toBeGreaterThan(26_000);
  });
});
