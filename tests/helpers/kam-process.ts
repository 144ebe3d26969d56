// `kam serve` as a real process, to kill at the worst moment and start again on the same database, with a fake
// Slack (and the Teams connector) on loopback that can hold a call until the test lets it go.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Answer, type FakeServer, type Recorded } from './fake-server.ts';
import { PEOPLE, SIGNING_SECRET, sign } from './slack-harness.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KAM = join(ROOT, 'bin', 'kam.js');
export const BOT_TOKEN = 'xoxb-crash-test-token';

/** A promise the test resolves: a fake's answer waits on it. */
export class Gate {
  private release: () => void = () => {};
  readonly opened: Promise<void>;
  constructor() {
    this.opened = new Promise((resolve) => {
      this.release = resolve;
    });
  }
  open(): void {
    this.release();
  }
}

export interface KamProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (its JSON log lines among them). */
  stderr(): string;
  exited: Promise<number | null>;
  /** Waits until the log has a line containing `text`. */
  waitForLog(text: string, timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export async function startKam(env: Record<string, string>): Promise<KamProcess> {
  const child = spawn(process.execPath, [KAM, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DEFAULT_TIME_ZONE: 'Europe/Berlin',
      ...env,
    },
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForLog = (text: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stderr.includes(text)) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`kam never logged “${text}”; it wrote:\n${stderr}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then(() => setTimeout(check, 0));
      check();
    });
  let url: string | undefined;
  try {
    await Promise.race([
      waitForLog('kam-bot is serving'),
      exited.then((code) => {
        throw new Error(`kam serve exited with ${code}:\n${stderr}`);
      }),
    ]);
    url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
    if (!url) throw new Error(`no address in:\n${stderr}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    child,
    stderr: () => stderr,
    exited,
    waitForLog,
    async kill(signal) {
      child.kill(signal);
      return exited;
    },
  };
}

/** The Slack Web API as the capture paths call it, each method answerable by the test (and held at a gate). */
export function fakeSlackApi(fake: FakeServer, overrides: Record<string, (request: Recorded) => unknown> = {}) {
  let ts = 1_900_000_000;
  const methods: Record<string, (request: Recorded) => unknown> = {
    'auth.test': () => ({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0A1B2C3D4E' }),
    'users.info': (request) => {
      const id = String(request.body.user ?? '');
      const person = PEOPLE[id] ?? { real_name: `Person ${id}`, email: `${id.toLowerCase()}@example.com` };
      return { ok: true, user: { id, name: id, real_name: person.real_name, tz: 'Europe/Berlin', profile: person } };
    },
    'chat.postMessage': () => ({ ok: true, ts: String(ts++) }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: String(ts++) }),
    'chat.getPermalink': (request) => ({
      ok: true,
      permalink: `https://acme-eng.slack.com/archives/${request.body.channel}/p${String(request.body.message_ts).replace('.', '')}`,
    }),
    'conversations.history': () => ({ ok: true, messages: [] }),
    'conversations.replies': () => ({ ok: true, messages: [] }),
    ...overrides,
  };
  for (const [method, answer] of Object.entries(methods)) fake.on(`/api/${method}`, answer);
  fake.on('/response/*', () => ({ ok: true }));
  return fake;
}

export { Answer };

/** Signed POSTs to a kam process, the way Slack sends them. */
export function slackClient(url: string) {
  const post = (body: string, contentType: string, headers: Record<string, string> = {}, at = Date.now()) => {
    const timestamp = Math.floor(at / 1000);
    return fetch(`${url}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(body, timestamp, SIGNING_SECRET),
        ...headers,
      },
    });
  };
  return {
    post,
    event: (envelope: unknown, headers: Record<string, string> = {}) =>
      post(JSON.stringify(envelope), 'application/json', headers),
    form: (fields: Record<string, string>) =>
      post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded'),
    interactive: (payload: unknown) =>
      post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'),
  };
}

/** The environment of a kam process serving Slack against `fake`, on the database at `databaseUrl`. */
export function slackEnv(fake: FakeServer, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${fake.url}/api/`,
  };
}
