// `kam digest preview | run` as a person runs them: a real process on the demo portfolio, posting to a fake Slack
// Web API on loopback. The demo is generated relative to the moment it is loaded, so its digest tells the same story
// on any day the tests run.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DigestSubscription, Store, SYSTEM_ACTOR } from '../src/store/store.ts';
import { FakeServer } from './helpers/fake-server.ts';
import { kam } from './helpers/kam-cli.ts';
import { freshDatabaseFile } from './helpers/store.ts';

const RESTRICTED = ['Oakhaven', 'Westerholm'];
const CHANNEL = 'C0DIGEST';
const GONE = 'C0GONE';
const TEAMS_CHANNEL = '19:digest@thread.tacv2';

let database: ReturnType<typeof freshDatabaseFile>;
let fake: FakeServer;
/** Only the database: neither Slack nor Teams is configured. */
let local: Record<string, string>;
/** The database and Slack, at the fake Web API. */
let slack: Record<string, string>;
let tierA: DigestSubscription;
let gone: DigestSubscription;
let teams: DigestSubscription;

/** The lines of one section of a rendered digest, from its heading to the blank line after it. */
function section(text: string, heading: string): string[] {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const body = text.slice(start + heading.length + 2);
  return body.slice(0, body.indexOf('\n\n') < 0 ? undefined : body.indexOf('\n\n')).split('\n');
}

/** The account names of a section's items ("  • 🔴 Corvane Mobility (corvane) — …"). */
function accountsIn(lines: string[]): string[] {
  return lines.flatMap((line) => /^ {2}• (?:\p{Extended_Pictographic} )?(.+?) \([a-z0-9-]+\) —/u.exec(line)?.[1] ?? []);
}

function digestRuns(): { subscriptionId: number; periodKey: string; status: string; error: string | null }[] {
  const sqlite = new BetterSqlite3(database.path, { readonly: true });
  const rows = sqlite
    .prepare('SELECT subscriptionId, periodKey, status, error FROM DigestRun ORDER BY id')
    .all() as ReturnType<typeof digestRuns>;
  sqlite.close();
  return rows;
}

beforeAll(async () => {
  let ts = 1_800_000_000;
  fake = await new FakeServer()
    .on('/api/chat.postMessage', (request) =>
      request.body.channel === GONE
        ? { ok: false, error: 'channel_not_found' }
        : { ok: true, channel: request.body.channel, ts: `${ts++}.000100` },
    )
    .on('/api/conversations.history', () => ({ ok: true, messages: [] }))
    // The Teams connector, at the serviceUrl of the conversation kam-bot was added to.
    .on('/v3/conversations/*', () => ({ id: 'activity-1' }))
    .start();
  database = freshDatabaseFile();
  local = { DATABASE_URL: database.url, DEFAULT_TIME_ZONE: 'Europe/Berlin' };
  slack = {
    ...local,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789',
    SLACK_API_URL: `${fake.url}/api/`,
  };
  const demo = await kam(['demo'], local);
  expect(demo.stdout).toContain('Loaded the demo portfolio');

  // Slack channels subscribed in the local workspace, as after `kam workspaces link console:local slack:T…`.
  const store = await Store.open(database.url);
  const workspace = await store.workspaces.forInstallation('console', 'local');
  if (!workspace) throw new Error('kam demo did not create the local workspace');
  const ws = store.forWorkspace(workspace.id);
  const subscriptions = ws.digestSubscriptions;
  const weekly = { cron: '0 9 * * 1', timeZone: 'Europe/Berlin', createdById: null };
  tierA = await subscriptions.create(
    { ...weekly, platform: 'slack', channelId: CHANNEL, channelName: '#key-accounts', filter: { tier: 'A' } },
    SYSTEM_ACTOR,
  );
  gone = await subscriptions.create({ ...weekly, platform: 'slack', channelId: GONE, filter: {} }, SYSTEM_ACTOR);
  teams = await subscriptions.create(
    { ...weekly, platform: 'teams', channelId: TEAMS_CHANNEL, filter: {} },
    SYSTEM_ACTOR,
  );
  // Where the bot was added in Teams: what it needs to post there later.
  await ws.conversations.remember({
    platform: 'teams',
    externalId: TEAMS_CHANNEL,
    kind: 'channel',
    name: 'Key accounts',
    reference: {
      channelId: 'msteams',
      serviceUrl: `${fake.url}/`,
      bot: { id: '28:kam-bot', name: 'kam-bot' },
      conversation: { id: TEAMS_CHANNEL, conversationType: 'channel', isGroup: true },
    },
  });
  await store.close();
}, 90_000);

afterAll(async () => {
  await fake?.stop();
  database?.remove();
});

describe('kam digest preview', () => {
  it("prints the local workspace's digest, restricted accounts left out", async () => {
    const result = await kam(['digest', 'preview'], local);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Digest preview · \d{4}-\d{2}-\d{2}\n {2}Green: +16 \(-2\)\n/);
    expect(accountsIn(section(result.stdout, 'Needs attention'))).toEqual([
      'Corvane Mobility',
      'Falkvik Pharma',
      'Brasca Telecom',
    ]);
    expect(section(result.stdout, 'Needs attention')[0]).toContain('red ↓');
    expect(accountsIn(section(result.stdout, 'Wins this week'))).toEqual([
      'Kestrel Pharmaceuticals',
      'Nordwind Americas',
    ]);
    for (const name of RESTRICTED) expect(result.stdout).not.toContain(name);
  });

  it("prints a subscription's digest as it would be posted, with the subscription's filter", async () => {
    const result = await kam(['digest', 'preview', '--subscription', String(tierA.id)], local);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Account health digest · \d{4}-\d{2}-\d{2}\n/);
    // Tier A only: Corvane (B) and Brasca (C) turned too, but are not this channel's.
    expect(accountsIn(section(result.stdout, 'Needs attention'))).toEqual(['Falkvik Pharma']);
    for (const name of RESTRICTED) expect(result.stdout).not.toContain(name);
  });

  it('answers an unknown subscription with one sentence and exit code 1', async () => {
    const result = await kam(['digest', 'preview', '--subscription', '999'], local);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `There is no digest subscription 999; the subscriptions are #${tierA.id}, #${gone.id}, #${teams.id}.\n`,
    );
  });
});

describe('kam digest run', () => {
  it('refuses an unknown or malformed subscription without posting', async () => {
    const unknown = await kam(['digest', 'run', '--subscription', '999'], slack);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trimEnd().split('\n')).toEqual([
      `There is no digest subscription 999; the subscriptions are #${tierA.id}, #${gone.id}, #${teams.id}.`,
    ]);
    const malformed = await kam(['digest', 'run', '--subscription', 'weekly'], slack);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toBe('--subscription takes the number of a digest subscription, such as 3.\n');
    expect(fake.calls('/api/chat.postMessage')).toHaveLength(0);
    expect(digestRuns()).toEqual([]);
  });

  it('says which settings are missing when the platform is not configured, and claims nothing', async () => {
    const noSlack = await kam(['digest', 'run', '--subscription', String(tierA.id)], local);
    expect(noSlack.code).toBe(1);
    expect(noSlack.stderr).toBe(
      `#${tierA.id} · #key-accounts (slack): kam-bot is not connected to Slack here; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) to post it.\n`,
    );
    const noTeams = await kam(['digest', 'run', '--subscription', String(teams.id)], slack);
    expect(noTeams.code).toBe(1);
    expect(noTeams.stderr).toContain('not connected to Teams here; set TEAMS_APP_ID and TEAMS_APP_PASSWORD');
    expect(fake.calls('/api/chat.postMessage')).toHaveLength(0);
    expect(digestRuns()).toEqual([]);
  });

  it("posts the current period's digest once; a second run posts nothing", async () => {
    const first = await kam(['digest', 'run', '--subscription', String(tierA.id)], slack);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const posted =
      /^#(\d+) · #key-accounts \(slack\): posted the digest for the period from (\d{4}-\d{2}-\d{2}) 09:00 Europe\/Berlin\.\n$/.exec(
        first.stdout,
      );
    expect(posted?.[1]).toBe(String(tierA.id));
    const periodKey = `${posted?.[2]}T09:00`;
    // The period opened on the last Monday at 09:00 in Berlin: within the past week.
    const opened = new Date(`${posted?.[2]}T09:00:00+01:00`).getTime();
    expect(Date.now() - opened).toBeGreaterThanOrEqual(-3_600_000);
    expect(Date.now() - opened).toBeLessThan(7 * 86_400_000 + 3_600_000);

    const calls = fake.calls('/api/chat.postMessage');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(calls[0]?.body).toMatchObject({
      channel: CHANNEL,
      metadata: { event_type: 'kam_digest', event_payload: { key: `${tierA.id}:${periodKey}` } },
    });
    const message = JSON.stringify(calls[0]?.body.blocks);
    expect(message).toContain('Needs attention');
    expect(message).toContain('Falkvik Pharma');
    expect(message).not.toContain('Corvane Mobility');
    for (const name of RESTRICTED) expect(message).not.toContain(name);
    expect(digestRuns()).toEqual([{ subscriptionId: tierA.id, periodKey, status: 'posted', error: null }]);

    const second = await kam(['digest', 'run', '--subscription', String(tierA.id)], slack);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toBe(
      `#${tierA.id} · #key-accounts (slack): already posted for the period from ${posted?.[2]} 09:00 Europe/Berlin; not posting it again.\n`,
    );
    expect(fake.calls('/api/chat.postMessage')).toHaveLength(1);
    expect(digestRuns()).toHaveLength(1);
  });

  it('runs every subscription: one line each, exit 70 when a post failed', async () => {
    const before = fake.calls('/api/chat.postMessage').length;
    const result = await kam(['digest', 'run'], slack);
    expect(result.code).toBe(70);
    expect(result.stdout).toMatch(new RegExp(`^#${tierA.id} · #key-accounts \\(slack\\): already posted for `));
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('#'));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^#${gone.id} · ${GONE} \\(slack\\): failed to post the digest for the period from .+: An API error occurred: channel_not_found\\.$`,
        ),
      ),
      `#${teams.id} · ${TEAMS_CHANNEL} (teams): kam-bot is not connected to Teams here; set TEAMS_APP_ID and TEAMS_APP_PASSWORD (and TEAMS_TENANT_ID for a single-tenant app) to post it.`,
    ]);
    // One attempt at the channel that is gone; none again at the one already posted.
    const attempts = fake.calls('/api/chat.postMessage').slice(before);
    expect(attempts.map((call) => call.body.channel)).toEqual([GONE]);
    expect(digestRuns().map((run) => [run.subscriptionId, run.status])).toEqual([
      [tierA.id, 'posted'],
      [gone.id, 'failed'],
    ]);
  });

  it('posts to Teams through the connector when Teams is configured', async () => {
    const teamsEnv = { ...local, TEAMS_ALLOW_UNAUTHENTICATED: '1', HOST: '127.0.0.1' };
    const result = await kam(['digest', 'run', '--subscription', String(teams.id)], teamsEnv);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      new RegExp(
        `^#${teams.id} · ${TEAMS_CHANNEL} \\(teams\\): posted the digest for the period from .+ 09:00 Europe/Berlin\\.\\n$`,
      ),
    );
    const sent = fake.requests.filter((request) => request.path.startsWith('/v3/conversations/'));
    expect(sent.map((request) => request.path)).toEqual([
      `/v3/conversations/${encodeURIComponent(TEAMS_CHANNEL)}/activities`,
    ]);
    const card = JSON.stringify(sent[0]?.body.attachments);
    expect(card).toContain('Corvane Mobility');
    for (const name of RESTRICTED) expect(card).not.toContain(name);
    expect(digestRuns().find((run) => run.subscriptionId === teams.id)?.status).toBe('posted');
  });
});
