import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake endpoint answers the next request. */
export type Behaviour =
  | { kind: 'reply'; content: string; chunkSize?: number }
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  | { kind: 'reject-json-schema'; then: string }
  | { kind: 'hang' }
  /** Streams the first `sentChars` characters of `content`, then stays open and silent (a stalled model). */
  | { kind: 'stall'; content: string; sentChars: number }
  /** Streams `content` a chunk every `everyMs`: a slow model that never stalls for long. */
  | { kind: 'trickle'; content: string; chunkSize: number; everyMs: number }
  | { kind: 'drop' };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    stream?: boolean;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string };
  };
}

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat completions API, streaming
 * included, and can be told to fail in each way a real endpoint does. Tests drive the real
 * `openai` SDK against it.
 */
export async function startOpenAiServer() {
  const requests: RecordedRequest[] = [];
  const queue: Behaviour[] = [];
  let fallback: Behaviour = { kind: 'status', status: 500, message: 'no behaviour queued' };

  const chunk = (content: string | null, finish: string | null) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'test-model',
      choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
    })}\n\n`;

  function streamReply(res: ServerResponse, content: string, size: number) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (let i = 0; i < content.length; i += size) res.write(chunk(content.slice(i, i + size), null));
    res.write(chunk(null, 'stop'));
    res.end('data: [DONE]\n\n');
  }

  function fail(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { message, type: 'test_error', code: null } }));
  }

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as RecordedRequest['body'];
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url !== '/v1/chat/completions') return fail(res, 404, 'not found');
      const behaviour = queue.shift() ?? fallback;
      switch (behaviour.kind) {
        case 'reply':
          return streamReply(res, behaviour.content, behaviour.chunkSize ?? 16);
        case 'status':
          return fail(res, behaviour.status, behaviour.message ?? `status ${behaviour.status}`, behaviour.headers);
        case 'reject-json-schema':
          if (body.response_format?.type === 'json_schema') {
            queue.unshift(behaviour);
            return fail(res, 400, 'response_format json_schema is not supported');
          }
          return streamReply(res, behaviour.then, 16);
        case 'hang':
          return; // never answers: the client's timeout must fire
        case 'stall':
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
          res.write(chunk(behaviour.content.slice(0, behaviour.sentChars), null));
          return; // the stream stays open with nothing more: the client's idle timeout must fire
        case 'trickle': {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
          const { content, chunkSize, everyMs } = behaviour;
          let at = 0;
          const timer = setInterval(() => {
            if (res.destroyed) return clearInterval(timer);
            if (at >= content.length) {
              clearInterval(timer);
              res.write(chunk(null, 'stop'));
              return res.end('data: [DONE]\n\n');
            }
            res.write(chunk(content.slice(at, at + chunkSize), null));
            at += chunkSize;
          }, everyMs);
          return;
        }
        case 'drop':
          return req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    next(...behaviours: Behaviour[]) {
      queue.push(...behaviours);
    },
    always(behaviour: Behaviour) {
      fallback = behaviour;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type OpenAiServer = Awaited<ReturnType<typeof startOpenAiServer>>;
