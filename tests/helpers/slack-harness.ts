// kam-bot serving Slack for real (Bolt's receiver on the bot's HTTP server), against a fake Slack Web API on
// loopback, with a helper that signs requests the way Slack does.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { type Running, startServing } from '../../src/serve.ts';
import { Store } from '../../src/store/store.ts';
import { FakeServer } from './fake-server.ts';
import { freshDatabaseFile } from './store.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0A1B2C3D4E';
export const ASKER = 'U07QX3Z9K2M';
export const AUTHOR = 'U07RAJ4ABCD';
export const BOT = { botId: 'B0BOT', botUserId: 'U0BOT' };

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'slack');

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

/** Someone whose Slack is set to German (users.info answers `locale: "de-DE"`). */
export const GERMAN_SPEAKER = 'U07KVOGEL01';

export const PEOPLE: Record<string, { real_name: string; email: string; locale?: string }> = {
  [ASKER]: { real_name: 'Dana Lee', email: 'dana.lee@example.com' },
  [AUTHOR]: { real_name: 'Raj Patel', email: 'raj.patel@example.com' },
  [GERMAN_SPEAKER]: { real_name: 'Katrin Vogel', email: 'katrin.vogel@example.com', locale: 'de-DE' },
};

export interface SlackHarness {
  fake: FakeServer;
  running: Running;
  /** A second store on the same database file, to check what was written. */
  store: Store;
  databasePath: string;
  /** POSTs a signed request to /slack/events. */
  post(
    body: string,
    contentType: string,
    options?: { timestamp?: number; signature?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  command(text: string, overrides?: Record<string, string>): Promise<Response>;
  interactive(payload: unknown): Promise<Response>;
  event(envelope: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The fake Web API: every method kam-bot calls, answering as Slack does (ok: true and the fields it reads). */
function fakeSlack(fake: FakeServer): FakeServer {
  let ts = 1_800_000_000;
  return fake
    .on('/api/auth.test', () => ({ ok: true, user_id: BOT.botUserId, bot_id: BOT.botId, team_id: TEAM }))
    .on('/api/users.info', (request) => {
      const id = String(request.body.user ?? '');
      const { locale, ...person } = PEOPLE[id] ?? {
        real_name: `Person ${id}`,
        email: `${id.toLowerCase()}@example.com`,
      };
      // Slack sends the locale only when include_locale is asked for, as kam-bot does.
      const withLocale = request.body.include_locale === true || request.body.include_locale === 'true';
      return {
        ok: true,
        user: {
          id,
          name: id,
          real_name: person.real_name,
          tz: 'Europe/Berlin',
          profile: { ...person },
          ...(locale && withLocale ? { locale } : {}),
        },
      };
    })
    .on('/api/chat.postMessage', () => ({ ok: true, ts: String(ts++) }))
    .on('/api/chat.postEphemeral', () => ({ ok: true, message_ts: String(ts++) }))
    .on('/api/chat.getPermalink', (request) => ({
      ok: true,
      permalink: `https://acme-eng.slack.com/archives/${request.body.channel}/p${String(request.body.message_ts).replace('.', '')}`,
    }))
    .on('/api/views.open', () => ({ ok: true, view: { id: 'V1' } }))
    .on('/api/views.publish', () => ({ ok: true, view: { id: 'V2' } }))
    .on('/api/conversations.history', () => ({ ok: true, messages: [] }))
    .on('/api/conversations.replies', () => ({ ok: true, messages: [] }))
    .on('/response/*', () => ({ ok: true }));
}

export async function startSlackHarness(): Promise<SlackHarness> {
  const fake = await fakeSlack(new FakeServer()).start();
  const file = freshDatabaseFile();
  const config = loadConfig({
    DATABASE_URL: file.url,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${fake.url}/api/`,
    PORT: '0',
    HOST: '127.0.0.1',
    DEFAULT_TIME_ZONE: 'Europe/Berlin',
  });
  // The scheduler stays off: a test running at 09:00 on a Monday must not meet a real digest tick.
  const running = await startServing(config, silentLogger, { slackBotIdentity: BOT, scheduler: false });
  const store = await Store.open(file.url);
  const post: SlackHarness['post'] = (body, contentType, options = {}) => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${running.url}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': options.signature ?? sign(body, timestamp),
        ...options.headers,
      },
    });
  };
  let responses = 0;
  // Slack gives every command and interaction its own trigger_id; a repeated one is a replay (see replay tests).
  let triggers = 0;
  const freshTrigger = () => `${Date.now()}.${++triggers}.harness${Math.random().toString(16).slice(2, 10)}`;
  return {
    fake,
    running,
    store,
    databasePath: file.path,
    post,
    command(text, overrides = {}) {
      const fields = {
        ...fixture<Record<string, string>>('slash_command.json'),
        command: '/account',
        text,
        response_url: `${fake.url}/response/${++responses}`,
        trigger_id: freshTrigger(),
        ...overrides,
      };
      return post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
    },
    interactive(payload) {
      return post(
        new URLSearchParams({
          payload: JSON.stringify({ ...(payload as Record<string, unknown>), trigger_id: freshTrigger() }),
        }).toString(),
        'application/x-www-form-urlencoded',
      );
    },
    event(envelope, headers = {}) {
      return post(JSON.stringify(envelope), 'application/json', { headers });
    },
    async close() {
      await running.stop();
      await store.close();
      await fake.stop();
      file.remove();
    },
  };
}

/** A `reaction_added` event envelope: `reactor` put :memo: (or `reaction`) on the message at `channel`/`ts`. */
export function reactionEnvelope(eventId: string, channel: string, ts: string, reaction = 'memo') {
  return {
    ...fixture<Record<string, unknown>>('event_reaction_added.json'),
    team_id: TEAM,
    event_id: eventId,
    event: {
      type: 'reaction_added',
      user: ASKER,
      reaction,
      item_user: AUTHOR,
      item: { type: 'message', channel, ts },
      event_ts: `${ts.split('.')[0]}.999999`,
    },
  };
}

/** Everything the bot sent to Slack that Slack would render: messages, ephemerals, response_url posts, views. */
export interface RenderedPayload {
  kind: 'message' | 'modal' | 'home';
  payload: Record<string, unknown>;
}

export function renderedPayloads(fake: FakeServer): RenderedPayload[] {
  return fake.requests.flatMap((request): RenderedPayload[] => {
    if (
      ['/api/chat.postMessage', '/api/chat.postEphemeral'].includes(request.path) ||
      request.path.startsWith('/response/')
    ) {
      return request.body.delete_original ? [] : [{ kind: 'message', payload: request.body }];
    }
    if (request.path === '/api/views.open')
      return [{ kind: 'modal', payload: request.body.view as Record<string, unknown> }];
    if (request.path === '/api/views.publish')
      return [{ kind: 'home', payload: request.body.view as Record<string, unknown> }];
    return [];
  });
}
