// kam-bot serving Teams for real (teams-ai on botbuilder's CloudAdapter at /api/messages), with a fake Bot
// Connector on loopback standing in at the activities' serviceUrl and recording every reply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { type Running, type ServeOptions, startServing } from '../../src/serve.ts';
import { Store } from '../../src/store/store.ts';
import { FakeServer, type Handler, type Recorded } from './fake-server.ts';
import { freshDatabaseFile } from './store.ts';

export const TENANT = '5f0e1d2c-3b4a-4958-8776-a1b2c3d4e5f6';
export const DANA_AAD = '7faf8ab2-3d56-4244-b585-20c8a42ed2b8';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'teams');

export type Activity = Record<string, unknown> & { serviceUrl?: string; value?: Record<string, unknown> };

export function teamsFixture(name: string): Activity {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Activity;
}

export interface TeamsHarness {
  fake: FakeServer;
  running: Running;
  store: Store;
  databasePath: string;
  /** The fixture with its serviceUrl on the fake connector and the given fields changed. */
  activity(name: string, changes?: Record<string, unknown>): Activity;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Activities the bot sent to the connector (replies and proactive posts). */
  sent(): (Recorded & { body: { type?: string; attachments?: { contentType: string; content: unknown }[] } })[];
  close(): Promise<void>;
}

/** The fake Bot Connector's conversations API: member lookups, and an id for every activity sent. */
export function connector(): Handler {
  let id = 1;
  return (request) => {
    const member = /\/members\/([^/]+)$/.exec(request.path);
    if (member) {
      const userId = decodeURIComponent(member[1] ?? '');
      // Teams answers with the member's AAD id and email; the name comes from the activity.
      return {
        id: userId,
        aadObjectId: `aad-${userId.slice(-8)}`,
        email: `${userId.slice(-4).toLowerCase()}@example.com`,
      };
    }
    return { id: `sent-${id++}` };
  };
}

export async function startTeamsHarness(
  env: Record<string, string> = {},
  options: ServeOptions = {},
): Promise<TeamsHarness> {
  const fake = await new FakeServer().on('/v3/conversations/*', connector()).start();
  const file = freshDatabaseFile();
  const config = loadConfig({
    DATABASE_URL: file.url,
    HOST: '127.0.0.1',
    PORT: '0',
    DEFAULT_TIME_ZONE: 'Europe/Berlin',
    ...(env.TEAMS_APP_ID ? {} : { TEAMS_ALLOW_UNAUTHENTICATED: '1' }),
    ...env,
  });
  const running = await startServing(config, silentLogger, { scheduler: false, ...options });
  const store = await Store.open(file.url);
  const serviceUrl = `${fake.url}/`;
  let activities = 0;
  return {
    fake,
    running,
    store,
    databasePath: file.path,
    activity(name, changes = {}) {
      // Teams gives every activity its own id; the same id again is a redelivery (see the replay tests).
      return { ...teamsFixture(name), id: `${Date.now()}${++activities}`, serviceUrl, ...changes };
    },
    post(activity, headers = {}) {
      return fetch(`${running.url}/api/messages`, {
        method: 'POST',
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
        headers: { 'content-type': 'application/json', ...headers },
      });
    },
    sent() {
      return fake.requests.filter(
        (request) => request.method === 'POST' && /\/activities/.test(request.path),
      ) as ReturnType<TeamsHarness['sent']>;
    },
    async close() {
      await running.stop();
      await store.close();
      await fake.stop();
      file.remove();
    },
  };
}

/** The Adaptive Cards in what the bot sent or answered. */
export function cardsIn(body: unknown): unknown[] {
  const found: unknown[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.contentType === 'application/vnd.microsoft.card.adaptive') found.push(record.content);
    else if (record.type === 'application/vnd.microsoft.card.adaptive' && record.value) found.push(record.value);
    for (const child of Object.values(record)) visit(child);
  };
  visit(body);
  return found;
}
