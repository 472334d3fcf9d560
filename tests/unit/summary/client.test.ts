import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSummaryClient } from '@/utils/summary/client';
import { buildSummaryRequest } from '@/utils/summary/prompt';
import { SummaryError } from '@/utils/summary/errors';
import type { SessionSummary, SummaryMaterial } from '@/utils/summary/types';
import { startOpenAiServer, type OpenAiServer } from '../../support/openai-server';
import { fakeSummaryMaterial } from '../../support/records';

const material: SummaryMaterial = fakeSummaryMaterial();
const summary: SessionSummary = {
  themes: ['Delegation', 'Trust in colleagues'],
  insights: ['“I just couldn’t leave it alone.”'],
  agreedActions: [{ owner: 'Priya', action: 'Hand the budget review to Sam', due: '2026-11-27' }],
  nextFocus: 'How the handover went.',
};
const SECRET_KEY = 'sk-test-very-secret-0123456789';

let server: OpenAiServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function client(timeoutMs = 5_000) {
  return createSummaryClient({
    endpoint: { baseURL: server.baseURL, model: 'test-model', apiKey: SECRET_KEY },
    timeoutMs,
    maxRetries: 0,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<SummaryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SummaryError);
  return error as SummaryError;
}

describe('summary client against a local OpenAI-compatible server', () => {
  it('streams a structured summary and checks its shape', async () => {
    server.next({ kind: 'reply', content: JSON.stringify(summary), chunkSize: 7 });
    const seen: string[] = [];
    const result = await client().summarise(buildSummaryRequest(material, null), { onText: (t) => seen.push(t) });
    expect(result).toEqual(summary);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(JSON.stringify(summary));
    const [request] = server.requests;
    expect(request?.body).toMatchObject({
      model: 'test-model',
      stream: true,
      response_format: { type: 'json_schema' },
    });
    expect(request?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
  });

  it('sends exactly the previewed material, redacted when asked', async () => {
    server.next({ kind: 'reply', content: JSON.stringify(summary) });
    const request = buildSummaryRequest(
      { ...material, notes: 'Call Priya on +44 20 7946 0958 or priya@example.com' },
      { emails: true, phoneNumbers: true, names: { 'Priya Shah': 'the mentee', 'Alex Morgan': 'the mentor' } },
    );
    await client().summarise(request);
    const sent = server.requests[0]?.body.messages.find((m) => m.role === 'user')?.content;
    expect(sent).toBe(request.preview);
    expect(sent).not.toMatch(/Priya|Alex|example\.com|7946/);
    expect(sent).toContain('Call the mentee on [phone] or [email]');
  });

  it('falls back to plain JSON when the server has no structured output', async () => {
    server.next({ kind: 'reject-json-schema', then: '```json\n' + JSON.stringify(summary) + '\n```' });
    expect(await client().summarise(buildSummaryRequest(material, null))).toEqual(summary);
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
  });

  it.each([
    ['a bad key', { kind: 'status', status: 401, message: 'Incorrect API key provided' }, 'bad-key', /API key/],
    [
      'a rate limit',
      { kind: 'status', status: 429, message: 'Rate limit reached', headers: { 'retry-after': '0' } },
      'rate-limit',
      /Wait a minute/,
    ],
    ['a server error', { kind: 'status', status: 503, message: 'overloaded' }, 'server', /on its side/],
    ['an unknown model', { kind: 'status', status: 404, message: 'model not found' }, 'model-not-found', /model name/],
    ['a malformed reply', { kind: 'reply', content: '{"themes": ["only half' }, 'malformed', /not a usable summary/],
    [
      'a reply of the wrong shape',
      { kind: 'reply', content: '{"themes": "not a list"}' },
      'malformed',
      /not a usable summary/,
    ],
    ['a dropped connection', { kind: 'drop' }, 'offline', /could not reach/],
  ] as const)(
    'turns %s into a clear sentence that leaks neither key nor notes',
    async (_name, behaviour, failure, sentence) => {
      server.next(behaviour);
      const error = await failureOf(client().summarise(buildSummaryRequest(material, null)));
      expect(error.failure).toBe(failure);
      expect(error.message).toMatch(sentence);
      expect(error.message).toContain('Your session is unchanged.');
      expect(error.message).not.toContain(SECRET_KEY);
      expect(error.message).not.toContain('midnight');
    },
  );

  it('gives up after its timeout when the server never answers', async () => {
    server.next({ kind: 'hang' });
    const error = await failureOf(client(300).summarise(buildSummaryRequest(material, null)));
    expect(error.failure).toBe('timeout');
  });

  it('says the service is unreachable when nothing listens', async () => {
    const offline = createSummaryClient({
      endpoint: { baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: '' },
      maxRetries: 0,
    });
    expect((await failureOf(offline.summarise(buildSummaryRequest(material, null)))).failure).toBe('offline');
  });

  it('stops when the mentor cancels', async () => {
    server.next({ kind: 'hang' });
    const controller = new AbortController();
    const pending = client().summarise(buildSummaryRequest(material, null), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).failure).toBe('cancelled');
  });

  it('gives up on a stream that stalls midway, however long the first answer took', async () => {
    server.next({ kind: 'stall', content: JSON.stringify(summary), sentChars: 12 });
    const stalled = createSummaryClient({
      endpoint: { baseURL: server.baseURL, model: 'test-model', apiKey: '' },
      timeoutMs: 5_000,
      idleTimeoutMs: 200,
      maxRetries: 0,
    });
    const seen: string[] = [];
    const started = performance.now();
    const error = await failureOf(
      stalled.summarise(buildSummaryRequest(material, null), { onText: (t) => seen.push(t) }),
    );
    expect(error.failure).toBe('timeout');
    expect(seen.at(-1)).toHaveLength(12);
    // Well before the 5 s the SDK would wait for a first answer: the idle timer fired.
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('lets a slow model finish while each chunk comes within the idle time', async () => {
    server.next({ kind: 'trickle', content: JSON.stringify(summary), chunkSize: 40, everyMs: 60 });
    const patient = createSummaryClient({
      endpoint: { baseURL: server.baseURL, model: 'test-model', apiKey: '' },
      idleTimeoutMs: 250,
      maxRetries: 0,
    });
    expect(await patient.summarise(buildSummaryRequest(material, null))).toEqual(summary);
  });

  it('stops at the overall deadline even while chunks keep coming', async () => {
    server.next({ kind: 'trickle', content: JSON.stringify(summary), chunkSize: 1, everyMs: 30 });
    const bounded = createSummaryClient({
      endpoint: { baseURL: server.baseURL, model: 'test-model', apiKey: '' },
      idleTimeoutMs: 1_000,
      deadlineMs: 400,
      maxRetries: 0,
    });
    expect((await failureOf(bounded.summarise(buildSummaryRequest(material, null)))).failure).toBe('timeout');
  });

  it('reports a cancel during the stream as cancelled, not as an unusable answer', async () => {
    server.next({ kind: 'stall', content: JSON.stringify(summary), sentChars: 20 });
    const controller = new AbortController();
    const pending = client().summarise(buildSummaryRequest(material, null), {
      signal: controller.signal,
      onText: () => controller.abort(),
    });
    const error = await failureOf(pending);
    expect(error.failure).toBe('cancelled');
    expect(error.message).toMatch(/cancelled/);
  });

  it('retries once after a rate limit when allowed to', async () => {
    server.next(
      { kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } },
      { kind: 'reply', content: JSON.stringify(summary) },
    );
    const patient = createSummaryClient({
      endpoint: { baseURL: server.baseURL, model: 'test-model', apiKey: SECRET_KEY },
      maxRetries: 1,
    });
    expect(await patient.summarise(buildSummaryRequest(material, null))).toEqual(summary);
    expect(server.requests).toHaveLength(2);
  });
});
