import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import { useSessionStore } from '@/stores/panel/session';
import { useSummaryStore } from '@/stores/shared/summary';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createSummaryClient } from '@/utils/summary/client';
import { SUMMARY_SETTINGS_KEY } from '@/utils/summary/settings';
import type { SummaryMaterial } from '@/utils/summary/types';
import { startOpenAiServer, type OpenAiServer } from '../../support/openai-server';
import { fakeSession, fakeSummaryMaterial } from '../../support/records';
import { memoryArea } from '../../support/memory-area';

const material: SummaryMaterial = fakeSummaryMaterial({
  agenda: 'Delegation; call me on +44 20 7946 0958 or priya@example.com',
  notes: 'Priya rewrote a report at midnight.',
  commitments: [{ owner: 'Priya Shah', action: 'Hand the budget review to Sam', due: '2026-11-27' }],
});
const reply = JSON.stringify({
  themes: ['Delegation'],
  insights: ['“I couldn’t leave it alone.”'],
  agreedActions: [],
  nextFocus: 'The handover.',
});
const KEY = 'sk-test-secret-42';

let server: OpenAiServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());

async function setup(grant = true) {
  const db = await openAttuneDb(new IDBFactory());
  const sessions = createIdbSessionRepo(db);
  const session = useSessionStore();
  installServices({ sessions, relationships: createIdbRelationshipRepo(db) });
  session.session = await sessions.ensure(fakeSession());
  const area = memoryArea();
  const asked: string[][] = [];
  const removed: string[][] = [];
  const held = new Set<string>();
  const summary = useSummaryStore();
  installServices({
    local: area,
    permissions: {
      request: async ({ origins = [] }) => {
        asked.push(origins);
        if (grant) for (const o of origins) held.add(o);
        return grant;
      },
      contains: async ({ origins = [] }) => origins.every((o) => held.has(o)),
      remove: async ({ origins = [] }) => (removed.push(origins), origins.forEach((o) => held.delete(o)), true),
    },
  });
  await summary.connect({
    createClient: (endpoint) => createSummaryClient({ endpoint, timeoutMs: 3_000, maxRetries: 0 }),
  });
  return { summary, session, sessions, area, asked, removed, held };
}

const on = () => ({ enabled: true, baseURL: server.baseURL, model: 'test-model', apiKey: KEY });

describe('summary store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    server.requests.length = 0;
  });

  it('is off by default and asks for the endpoint’s host when turned on', async () => {
    const { summary, area, asked } = await setup();
    expect(summary.settings.enabled).toBe(false);
    expect(await summary.saveSettings(on())).toBe(true);
    expect(asked).toEqual([['http://127.0.0.1/*']]);
    expect(area.data.get(SUMMARY_SETTINGS_KEY)).toMatchObject({ enabled: true, apiKey: KEY });
  });

  it('stays off, saving nothing, when the browser permission is refused or the endpoint is unsafe', async () => {
    const refused = await setup(false);
    expect(await refused.summary.saveSettings(on())).toBe(false);
    expect(refused.summary.settingsError).toMatch(/needs your permission to reach 127\.0\.0\.1/);
    expect(refused.area.data.size).toBe(0);
    const unsafe = await setup();
    expect(await unsafe.summary.saveSettings({ ...on(), baseURL: 'http://models.example.com/v1' })).toBe(false);
    expect(unsafe.asked).toEqual([]);
  });

  it('keeps the old settings, with a sentence, when they cannot be saved', async () => {
    const { summary } = await setup();
    installServices({
      local: memoryArea({ failWrites: true }),
      permissions: { request: async () => true, contains: async () => true, remove: async () => true },
    });
    await summary.load();
    expect(await summary.saveSettings(on())).toBe(false);
    expect(summary.settingsError).toMatch(/could not save the settings/);
    expect(summary.settings.enabled).toBe(false);
  });

  it('sends nothing without both people’s recorded consent', async () => {
    const { summary } = await setup();
    await summary.saveSettings(on());
    expect(await summary.generate(material)).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('with consent: sends the redacted material, streams, and stores the summary with the session', async () => {
    const { summary, session, sessions } = await setup();
    await summary.saveSettings(on());
    await summary.recordConsent(true, 50);
    summary.redaction.names = true;
    expect(summary.preview(material)).not.toMatch(/priya@example\.com|7946|Priya/);
    server.next({ kind: 'reply', content: reply, chunkSize: 7 });
    expect(await summary.generate(material, () => 99)).toBe(true);
    const sent = server.requests[0]!.body.messages.map((m) => m.content).join('\n');
    expect(sent).toContain('[email]');
    expect(sent).not.toMatch(/Priya|priya@example\.com/);
    expect(summary.writtenChars).toBe(reply.length);
    const saved = await sessions.get('ses-1');
    expect(saved?.summaryConsentAt).toBe(50);
    expect(saved?.summary).toEqual({
      themes: ['Delegation'],
      insights: ['“I couldn’t leave it alone.”'],
      agreedActions: [],
      nextFocus: 'The handover.',
      model: 'test-model',
      madeAt: 99,
      edited: false,
    });
    expect(session.session?.summary?.nextFocus).toBe('The handover.');
  });

  it.each([
    [{ kind: 'status', status: 401 } as const, /did not accept your API key/],
    [{ kind: 'status', status: 429 } as const, /busy/],
    [{ kind: 'reply', content: '{"themes": "not a list"' } as const, /not a usable summary/],
  ])('on %o: a sentence, the session untouched, and it can try again', async (failure, message) => {
    const { summary, sessions } = await setup();
    await summary.saveSettings(on());
    await summary.recordConsent(true, 1);
    server.next(failure);
    expect(await summary.generate(material)).toBe(false);
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(message);
    expect(summary.error).not.toContain(KEY);
    expect((await sessions.get('ses-1'))?.summary).toBeNull();
    server.next({ kind: 'reply', content: reply });
    expect(await summary.generate(material)).toBe(true);
    expect((await sessions.get('ses-1'))?.summary?.themes).toEqual(['Delegation']);
  });

  it('stores names, not the placeholders the model saw, when names were hidden', async () => {
    const { summary, sessions } = await setup();
    await summary.saveSettings(on());
    await summary.recordConsent(true, 1);
    summary.redaction.names = true;
    const hiddenReply = JSON.stringify({
      themes: ['The mentee delegates'],
      insights: [],
      agreedActions: [{ owner: 'the mentee', action: 'Send Sam the budget', due: 'Friday' }],
      nextFocus: 'What the mentor and the mentee agreed.',
    });
    server.next({ kind: 'reply', content: hiddenReply });
    expect(await summary.generate(material, () => new Date(2026, 10, 25, 16).getTime())).toBe(true);
    const saved = (await sessions.get('ses-1'))?.summary;
    expect(saved?.agreedActions).toEqual([{ owner: 'Priya Shah', action: 'Send Sam the budget', due: '2026-11-27' }]);
    expect(saved?.themes).toEqual(['Priya Shah delegates']);
    expect(saved?.nextFocus).toBe('What Alex Morgan and Priya Shah agreed.');
  });

  it('hands back the endpoint’s host permission when summaries are turned off', async () => {
    const { summary, removed, held } = await setup();
    await summary.saveSettings(on());
    expect(held.has('http://127.0.0.1/*')).toBe(true);
    expect(await summary.saveSettings({ ...on(), enabled: false })).toBe(true);
    expect(removed).toEqual([['http://127.0.0.1/*']]);
    expect(held.size).toBe(0);
  });

  it('sends nothing once the browser no longer grants the endpoint', async () => {
    const { summary, session, held } = await setup();
    await summary.saveSettings(on());
    await summary.recordConsent(true, 1);
    held.clear();
    expect(await summary.generate(material)).toBe(false);
    expect(server.requests).toHaveLength(0);
    expect(summary.error).toMatch(/no longer has your permission/);
    expect(session.session?.summary).toBeNull();
  });

  it('stops and saves nothing when consent is withdrawn while the summary is written', async () => {
    const { summary, sessions } = await setup();
    await summary.saveSettings(on());
    await summary.recordConsent(true, 1);
    server.next({ kind: 'trickle', content: reply, chunkSize: 4, everyMs: 40 });
    const pending = summary.generate(material);
    await vi.waitFor(() => expect(summary.writtenChars).toBeGreaterThan(0));
    await summary.recordConsent(false, 2);
    expect(await pending).toBe(false);
    expect(summary.error).toMatch(/consent was withdrawn/);
    expect((await sessions.get('ses-1'))?.summary).toBeNull();
  });

  it('never writes one session’s summary into another that replaced it meanwhile', async () => {
    const { summary, session, sessions } = await setup();
    await summary.saveSettings(on());
    await summary.recordConsent(true, 1);
    server.next({ kind: 'trickle', content: reply, chunkSize: 4, everyMs: 40 });
    const pending = summary.generate(material);
    await vi.waitFor(() => expect(summary.writtenChars).toBeGreaterThan(0));
    session.session = await sessions.ensure(fakeSession({ id: 'ses-2', summaryConsentAt: 5 }));
    expect(await pending).toBe(false);
    expect((await sessions.get('ses-1'))?.summary).toBeNull();
    expect((await sessions.get('ses-2'))?.summary).toBeNull();
  });

  it('saves an edit, marked as edited, and deletes', async () => {
    const { summary, sessions } = await setup();
    await summary.saveEdit(
      { themes: ['Mine'], insights: [], agreedActions: [], nextFocus: 'x', model: 'm', madeAt: 1 },
      5,
    );
    expect((await sessions.get('ses-1'))?.summary).toMatchObject({ themes: ['Mine'], edited: true });
    await summary.remove(6);
    expect((await sessions.get('ses-1'))?.summary).toBeNull();
  });
});
