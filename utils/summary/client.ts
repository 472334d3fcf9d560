import type OpenAIClient from 'openai';
import { SummaryError } from './errors';
import { parseSummary, SUMMARY_JSON_SCHEMA } from './parse';
import type { SummaryRequest } from './prompt';
import type { SessionSummary, SummaryEndpoint } from './types';

export interface SummaryClientOptions {
  endpoint: SummaryEndpoint;
  /** Until the server answers at all (the SDK's own timeout). */
  timeoutMs?: number;
  /** Longest silence allowed inside the stream: restarted by every chunk, so a slow model is fine and a stalled one is not. */
  idleTimeoutMs?: number;
  /** The whole summary, however the stream behaves. */
  deadlineMs?: number;
  /** One retry covers a passing rate limit or a dropped connection; more would keep the user waiting. */
  maxRetries?: number;
  fetch?: typeof fetch;
}

export interface SummariseOptions {
  /** Called with the reply so far, as it streams in. */
  onText?: (textSoFar: string) => void;
  signal?: AbortSignal;
  /** The day the summary is made, from which a due like "Friday" is read. By default, now. */
  now?: Date;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_IDLE_TIMEOUT_MS = 20_000;
const DEFAULT_DEADLINE_MS = 180_000;

type OpenAI = typeof OpenAIClient;
let sdk: Promise<OpenAI> | null = null;
/** The SDK is loaded when a summary is first asked for, not with the panel: most sessions never need it. */
function loadSdk(): Promise<OpenAI> {
  sdk ??= import('openai').then((module) => module.default);
  return sdk;
}

function failureOf(error: unknown, OpenAI: OpenAI): SummaryError {
  if (error instanceof SummaryError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new SummaryError('cancelled');
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new SummaryError('timeout');
  if (error instanceof OpenAI.APIConnectionError) return new SummaryError('offline');
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError)
    return new SummaryError('bad-key');
  if (error instanceof OpenAI.RateLimitError) return new SummaryError('rate-limit');
  if (error instanceof OpenAI.NotFoundError) return new SummaryError('model-not-found');
  if (error instanceof OpenAI.InternalServerError) return new SummaryError('server');
  if (error instanceof OpenAI.APIError) return new SummaryError('refused');
  return new SummaryError('malformed');
}

/**
 * Makes session summaries through any OpenAI-compatible chat completions endpoint (OpenAI, or a
 * local model server), streaming the reply and checking its shape before anyone sees it.
 */
export function createSummaryClient({
  endpoint,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
  deadlineMs = DEFAULT_DEADLINE_MS,
  maxRetries = 1,
  fetch,
}: SummaryClientOptions) {
  const open = (OpenAI: OpenAI) =>
    new OpenAI({
      baseURL: endpoint.baseURL,
      // Local servers need no key; the SDK insists on a string.
      apiKey: endpoint.apiKey || 'no-key',
      timeout: timeoutMs,
      maxRetries,
      // The key is the user's own, typed into their own browser: there is no server to hide it on.
      dangerouslyAllowBrowser: true,
      ...(fetch ? { fetch } : {}),
    });

  async function stream(
    client: OpenAIClient,
    request: SummaryRequest,
    format: 'json_schema' | 'json_object',
    options: SummariseOptions & { onChunk: () => void },
  ): Promise<string> {
    const response_format =
      format === 'json_schema'
        ? {
            type: 'json_schema' as const,
            json_schema: { name: 'session_summary', strict: true, schema: SUMMARY_JSON_SCHEMA },
          }
        : { type: 'json_object' as const };
    const chunks = await client.chat.completions.create(
      { model: endpoint.model, messages: request.messages, stream: true, temperature: 0.2, response_format },
      { signal: options.signal },
    );
    let text = '';
    for await (const chunk of chunks) {
      options.onChunk();
      const delta = chunk.choices[0]?.delta?.content ?? '';
      if (!delta) continue;
      text += delta;
      options.onText?.(text);
    }
    return text;
  }

  let client: OpenAIClient | null = null;
  async function summarise(request: SummaryRequest, options: SummariseOptions = {}): Promise<SessionSummary> {
    const OpenAI = await loadSdk();
    client ??= open(OpenAI);
    // One signal for the request: the user's Cancel, a stream silent for too long, or the deadline.
    // Which of them stopped it is what the user is told, whatever error the aborted stream throws.
    const stopper = new AbortController();
    let stoppedFor: 'cancelled' | 'timeout' | null = null;
    const stop = (why: 'cancelled' | 'timeout') => {
      stoppedFor ??= why;
      stopper.abort();
    };
    const onCancel = () => stop('cancelled');
    if (options.signal?.aborted) stop('cancelled');
    options.signal?.addEventListener('abort', onCancel, { once: true });
    let idle = setTimeout(() => stop('timeout'), idleTimeoutMs + timeoutMs);
    const deadline = setTimeout(() => stop('timeout'), deadlineMs);
    const onChunk = () => {
      clearTimeout(idle);
      idle = setTimeout(() => stop('timeout'), idleTimeoutMs);
    };
    const streaming = { onText: options.onText, signal: stopper.signal, onChunk };
    try {
      let text: string;
      try {
        text = await stream(client, request, 'json_schema', streaming);
      } catch (error) {
        // Servers without structured output reject json_schema with a 400: ask for plain JSON.
        if (!(error instanceof OpenAI.BadRequestError) || stoppedFor) throw error;
        text = await stream(client, request, 'json_object', streaming);
      }
      if (stoppedFor) throw new SummaryError(stoppedFor);
      return parseSummary(text, options.now ?? new Date());
    } catch (error) {
      throw stoppedFor ? new SummaryError(stoppedFor) : failureOf(error, OpenAI);
    } finally {
      clearTimeout(idle);
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onCancel);
    }
  }

  return { summarise };
}

export type SummaryClient = ReturnType<typeof createSummaryClient>;
