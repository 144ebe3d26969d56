// A fake HTTP server on loopback that records every request and answers from per-path handlers: it plays the
// Slack Web API and response_url (and, later, the Teams connector).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  /** JSON bodies parsed; form bodies as an object of fields (JSON-looking fields parsed too). */
  body: Record<string, unknown>;
}

export type Handler = (request: Recorded) => unknown | Promise<unknown>;

/** A handler's answer that is no answer: the connection is dropped after the request was read. */
export const DROP_CONNECTION = Symbol('drop connection');

/** A handler's answer with its own status and headers (a 429 with Retry-After, say). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    fields[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return fields;
}

export class FakeServer {
  readonly requests: Recorded[] = [];
  private readonly handlers = new Map<string, Handler>();
  private server: Server | null = null;
  url = '';

  /** Answers requests to `path` (exact, or a prefix ending in "*"). */
  on(path: string, handler: Handler): this {
    this.handlers.set(path, handler);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        raw += chunk;
      });
      req.on('end', async () => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const recorded: Recorded = {
          method: req.method ?? 'GET',
          path,
          headers: req.headers,
          raw,
          body: parseBody(raw, req.headers['content-type']),
        };
        this.requests.push(recorded);
        const handler =
          this.handlers.get(path) ??
          [...this.handlers].find(([pattern]) => pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1)))?.[1];
        try {
          const answer = handler ? await handler(recorded) : { ok: true };
          if (answer === DROP_CONNECTION) {
            req.socket.destroy();
            return;
          }
          if (answer instanceof Answer) {
            res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
            res.end(JSON.stringify(answer.body));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer ?? { ok: true }));
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: String(error) }));
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  calls(path: string): Recorded[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Waits until `predicate` holds for the recorded requests (polling; fails after `timeoutMs`). */
  async waitFor(predicate: (requests: Recorded[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (!predicate(this.requests)) {
      if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the fake server');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}
