// The benchmark's client: node:http with a keep-alive agent, as the performance floors were measured, and requests
// prepared (bodies built, Slack signatures computed) before any timing starts.
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { BenchContext } from './context.ts';

/** A keep-alive agent per server process: a port reused by the next scenario's server never meets old sockets. */
const agents = new Map<string, Agent>();

function agentFor(url: URL): Agent {
  let agent = agents.get(url.host);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 30_000 });
    agents.set(url.host, agent);
  }
  return agent;
}

/** Forgets the server's connections (call when its process has stopped). */
export function forget(baseUrl: string): void {
  const host = new URL(baseUrl).host;
  agents.get(host)?.destroy();
  agents.delete(host);
}

/** Requests sent again after the server closed a kept-alive connection as it was reused (should stay 0). */
export let resends = 0;

export interface Prepared {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface Response {
  status: number;
  body: string;
}

/** Sends `prepared`; through `agent` when given (a burst needs more sockets than the shared agent keeps). */
export async function send(baseUrl: string, prepared: Prepared, agent?: Agent): Promise<Response> {
  try {
    return await sendOnce(baseUrl, prepared, agent);
  } catch (error) {
    // A kept-alive socket closed by the server just as it was reused: the request never reached the handler.
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    resends++;
    return sendOnce(baseUrl, prepared, agent);
  }
}

function sendOnce(baseUrl: string, prepared: Prepared, agent?: Agent): Promise<Response> {
  const url = new URL(prepared.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: agent ?? agentFor(url),
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...prepared.headers, 'content-length': Buffer.byteLength(prepared.body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(prepared.body);
  });
}

export async function get(baseUrl: string, path: string): Promise<Response> {
  const response = await fetch(new URL(path, baseUrl));
  return { status: response.status, body: await response.text() };
}

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';

/** A request to /slack/events signed the way Slack signs it. */
export function signedSlack(body: string, contentType: string, extra: Record<string, string> = {}): Prepared {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    path: '/slack/events',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...extra,
    },
  };
}

/** `/account <text>` typed by the benchmark's member in #general, its answer expected at /response/<id>. */
export function signedSlashCommand(ctx: Pick<BenchContext, 'meta' | 'fake'>, text: string, id: string): Prepared {
  const fields = {
    token: 'bench-verification-token',
    team_id: ctx.meta.slackTeamId,
    team_domain: 'bench-corp',
    channel_id: 'C0BENCHGEN1',
    channel_name: 'general',
    user_id: ctx.meta.member.slackId,
    user_name: ctx.meta.member.login,
    command: '/account',
    text,
    api_app_id: 'A0BENCHAPP',
    is_enterprise_install: 'false',
    response_url: `${ctx.fake.url}/response/${id}`,
    trigger_id: `${id}.1234567890.bench`,
  };
  return signedSlack(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
}
