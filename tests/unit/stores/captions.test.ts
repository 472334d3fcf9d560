import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useCaptionsStore } from '@/stores/panel/captions';
import { useSessionStore } from '@/stores/panel/session';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { fakeSession } from '../../support/records';
import { memoryArea } from '../../support/memory-area';

async function setup(reachable = true) {
  const db = await openAttuneDb(new IDBFactory());
  const sessions = createIdbSessionRepo(db);
  const session = useSessionStore();
  installServices({ sessions, relationships: createIdbRelationshipRepo(db) });
  session.session = await sessions.ensure(fakeSession());
  const requests: Array<[number, boolean]> = [];
  const area = memoryArea();
  const captions = useCaptionsStore();
  installServices({ requestCaptions: async (tabId, read) => (requests.push([tabId, read]), reachable), session: area });
  return { captions, sessions, requests, area };
}

// Meet's "You": the caption reader marks it as the user's from Meet's self tile (markSelf).
const line = (speaker: string, text: string, at: number) => ({
  speaker,
  text,
  at,
  endedAt: at + 1,
  ...(speaker === 'You' ? { self: true } : {}),
});

describe('captions store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the “captions are off” status the call page sends while the request to read is still under way', async () => {
    const { captions } = await setup();
    // The content script answers the request with its status before the request itself settles.
    installServices({
      requestCaptions: async () => {
        captions.receiveStatus('off');
        return true;
      },
      session: memoryArea(),
    });
    await captions.setReading(7, 'ses-1', true);
    expect(captions.status).toBe('off');
    await captions.setReading(7, 'ses-1', false);
    expect(captions.status).toBeNull();
  });

  it('reads nothing until turned on, then counts only the mentor’s questions', async () => {
    const { captions, sessions, requests } = await setup();
    await captions.receiveUtterances([line('You', 'did you tell him', 1)], ['Alex Morgan']);
    expect(captions.transcript).toEqual([]);
    await captions.setReading(7, 'ses-1', true);
    expect(requests).toEqual([[7, true]]);
    await captions.receiveUtterances(
      [
        line('You', 'what happened next', 2),
        line('Priya Shah', 'what do you mean?', 3),
        line('Alex Morgan', 'did you tell him', 4),
      ],
      ['Alex Morgan'],
    );
    expect(captions.transcript).toHaveLength(3);
    expect((await sessions.get('ses-1'))?.questionTallies).toEqual({ open: 1, closed: 1, leading: 0, stacked: 0 });
    expect(captions.flagged).toMatchObject({ kind: 'closed', text: 'did you tell him' });
    expect((await sessions.get('ses-1'))?.transcript).toBeNull();
  });

  it('counts no question under a name two participants show, keeps the lines, and names the name', async () => {
    const { captions, sessions } = await setup();
    await captions.setReading(7, 'ses-1', true);
    expect(captions.sharedName).toBeNull();
    await captions.receiveUtterances(
      [
        { ...line('Alex Morgan', 'did you tell him', 2), sharedName: true },
        line('Alex Morgan', 'what happened next', 3),
      ],
      ['Alex Morgan'],
    );
    expect(captions.transcript.map((l) => l.sharedName)).toEqual([true, undefined]);
    expect((await sessions.get('ses-1'))?.questionTallies).toEqual({ open: 1, closed: 0, leading: 0, stacked: 0 });
    expect(captions.flagged).toBeNull();
    expect(captions.sharedName).toBe('Alex Morgan');
  });

  it('keeps the transcript with the session only when asked, and drops it again', async () => {
    const { captions, sessions } = await setup();
    await captions.setReading(7, 'ses-1', true);
    await captions.receiveUtterances([line('Priya Shah', 'Delegation, I think.', 1)], []);
    await captions.setKeepTranscript(true);
    await captions.receiveUtterances([line('You', 'Say more?', 2)], []);
    expect((await sessions.get('ses-1'))?.transcript?.map((l) => l.text)).toEqual([
      'Delegation, I think.',
      'Say more?',
    ]);
    await captions.setKeepTranscript(false);
    expect((await sessions.get('ses-1'))?.transcript).toBeNull();
    expect(captions.transcript).toHaveLength(2);
  });

  it('reads again after the panel reopens, if it was on for this session', async () => {
    const first = await setup();
    await first.captions.setReading(7, 'ses-1', true);
    setActivePinia(createPinia());
    const again = useCaptionsStore();
    const requests: Array<[number, boolean]> = [];
    installServices({
      requestCaptions: async (tabId, read) => (requests.push([tabId, read]), true),
      session: first.area,
    });
    await again.resume(7, 'ses-1', null);
    expect(requests).toEqual([[7, true]]);
    expect(again.reading).toBe(true);
  });

  it('says so when the call page cannot be reached', async () => {
    const { captions } = await setup(false);
    await captions.setReading(7, 'ses-1', true);
    expect(captions.reading).toBe(false);
    expect(captions.error).toMatch(/could not reach the call page/);
  });

  it('joins the kept transcript read after an unlock to what it heard while locked, in order, none twice, and keeps on keeping', async () => {
    const { captions } = await setup();
    // Opened locked: nothing saved was readable, and the panel heard two lines since.
    await captions.resume(1, 'ses-1', null);
    captions.transcript = [line('Priya', 'Later words', 50), line('You', 'And you?', 60)];
    captions.mergeSaved([line('You', 'Earlier question?', 10), line('Priya', 'Later words', 50)]);
    expect(captions.keepTranscript).toBe(true);
    expect(captions.transcript.map((l) => l.text)).toEqual(['Earlier question?', 'Later words', 'And you?']);
    captions.mergeSaved(null);
    expect(captions.transcript).toHaveLength(3);
  });
});
