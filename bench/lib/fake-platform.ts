// The other end of the wire, in the runner's process: the Slack Web API, Slack's response_url and the Bot Framework
// connector, on loopback. It answers as the real services do (ok: true, ids) and tells the benchmark, at the moment
// a body has fully arrived, that an answer reached it: that moment is where a latency ends.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Arrival {
  method: string;
  path: string;
  raw: string;
  contentType: string;
  /** performance.now() when the body had fully arrived. */
  at: number;
}

/** Parses a Slack Web API form body (JSON-looking fields parsed too) or a JSON body. */
export function bodyOf(arrival: Arrival): Record<string, unknown> {
  if (!arrival.raw) return {};
  if (arrival.contentType.includes('json')) return JSON.parse(arrival.raw) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(arrival.raw)) {
    fields[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return fields;
}

type Answer = Record<string, unknown>;

export class FakePlatform {
  private server: Server | null = null;
  url = '';
  /** Messages the fake "has" in Slack, by channel and ts, for conversations.history. */
  readonly messages = new Map<string, { ts: string; text: string; user: string }>();
  /** Called for every arrival; the benchmark's waiters hang here. */
  onArrival: (arrival: Arrival) => void = () => {};
  readonly counts = new Map<string, number>();
  private ts = 1_900_000_000;
  private activity = 1;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const arrival: Arrival = {
          method: req.method ?? 'GET',
          path: (req.url ?? '/').split('?')[0] ?? '/',
          raw: Buffer.concat(chunks).toString('utf8'),
          contentType: String(req.headers['content-type'] ?? ''),
          at: performance.now(),
        };
        const kind = this.kindOf(arrival.path);
        this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
        let answer: Answer;
        try {
          answer = this.answer(arrival, req);
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: String(error) }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
        this.onArrival(arrival);
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  count(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }

  private kindOf(path: string): string {
    if (path.startsWith('/response/')) return 'response';
    if (path.startsWith('/api/')) return path.slice(5);
    if (path.startsWith('/v3/conversations/')) return path.includes('/members/') ? 'teams.member' : 'teams.activity';
    return path;
  }

  private answer(arrival: Arrival, _req: IncomingMessage): Answer {
    const path = arrival.path;
    switch (path) {
      case '/api/auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH0001' };
      case '/api/users.info': {
        const id = String(bodyOf(arrival).user ?? '');
        return {
          ok: true,
          user: {
            id,
            name: id,
            real_name: `Person ${id}`,
            tz: 'Europe/Berlin',
            profile: { real_name: `Person ${id}` },
          },
        };
      }
      case '/api/chat.postMessage':
        return { ok: true, ts: `${this.ts++}.000100` };
      case '/api/chat.postEphemeral':
        return { ok: true, message_ts: `${this.ts++}.000100` };
      case '/api/chat.getPermalink': {
        const body = bodyOf(arrival);
        return {
          ok: true,
          permalink: `https://bench-corp.slack.com/archives/${body.channel}/p${String(body.message_ts).replace('.', '')}`,
        };
      }
      case '/api/conversations.history': {
        const body = bodyOf(arrival);
        const message = this.messages.get(`${body.channel}/${body.latest}`);
        return { ok: true, messages: message ? [{ type: 'message', ...message }] : [] };
      }
      case '/api/conversations.replies':
        return { ok: true, messages: [] };
      case '/api/views.open':
      case '/api/views.publish':
        return { ok: true, view: { id: 'V1' } };
    }
    if (path.startsWith('/response/')) return { ok: true };
    const member = /\/members\/([^/]+)$/.exec(path);
    if (member) {
      const id = decodeURIComponent(member[1] ?? '');
      return { id, aadObjectId: id, email: 'someone@bench.example', name: 'Someone' };
    }
    if (path.startsWith('/v3/conversations/')) return { id: `sent-${this.activity++}` };
    return { ok: true };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}
