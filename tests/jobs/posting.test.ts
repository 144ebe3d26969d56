// Posting from jobs through the platforms' real clients: Slack's Web API client waits out a 429's Retry-After and
// keeps to one message per second per channel; Teams' proactive posts back off when the Bot Connector throttles;
// due-day reminders reach the assignee once, at 08:00 in their own time zone.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSubscriptionDigest, subscriptionDigest } from '../../src/jobs/digest-job.ts';
import { PostUnconfirmedError } from '../../src/jobs/poster.ts';
import { sendTaskReminders } from '../../src/jobs/reminders.ts';
import { silentLogger } from '../../src/logger.ts';
import { postingClient, SlackPoster } from '../../src/platforms/slack/poster.ts';
import { TeamsPoster } from '../../src/platforms/teams/poster.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { type DigestSubscription, SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { subscribeWeekly } from '../helpers/digest-subscription.ts';
import { Answer, FakeServer } from '../helpers/fake-server.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { cardsIn, connector, startTeamsHarness, TENANT, type TeamsHarness } from '../helpers/teams-harness.ts';

const reply: Reply = { tone: 'info', audience: 'channel', summary: 'Weekly digest', blocks: [] };

describe('the Slack poster', () => {
  let fake: FakeServer;
  let db: TestDatabase;
  let poster: SlackPoster;

  beforeEach(async () => {
    fake = await new FakeServer().start();
    db = await openTestStore();
    poster = new SlackPoster(postingClient('xoxb-test', `${fake.url}/api/`, silentLogger), db.store);
  });
  afterEach(async () => {
    await fake.stop();
    await db.close();
  });

  const arrivals = () => {
    const times: number[] = [];
    return { times, handler: () => times.push(Date.now()) };
  };

  it('waits as long as a 429 Retry-After says, then posts once', async () => {
    const seen = arrivals();
    let calls = 0;
    fake.on('/api/chat.postMessage', () => {
      seen.handler();
      calls++;
      return calls === 1
        ? new Answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' })
        : { ok: true, ts: '1700000000.000200' };
    });
    const posted = await poster.post({ platform: 'slack', channelId: 'C1' }, 1, reply, 'key-1');
    expect(posted).toEqual({ platform: 'slack', channel: 'C1', id: '1700000000.000200' });
    expect(seen.times).toHaveLength(2);
    expect((seen.times[1] ?? 0) - (seen.times[0] ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps one message per second in a channel', async () => {
    const seen = arrivals();
    fake.on('/api/chat.postMessage', (request) => {
      if (request.body.channel === 'C1') seen.handler();
      return { ok: true, ts: '1.1' };
    });
    await poster.post({ platform: 'slack', channelId: 'C1' }, 1, reply, 'a');
    await poster.post({ platform: 'slack', channelId: 'C2' }, 1, reply, 'b');
    await poster.post({ platform: 'slack', channelId: 'C1' }, 1, reply, 'c');
    expect(seen.times).toHaveLength(2);
    expect((seen.times[1] ?? 0) - (seen.times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });
});

describe('the Teams poster', () => {
  let h: TeamsHarness;
  let ws: WorkspaceStore;
  const TEAM_CHANNEL = '19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2';

  beforeAll(async () => {
    h = await startTeamsHarness();
    const workspace = await h.store.workspaces.ensureInstallation('teams', TENANT, {
      name: 'Contoso',
      timeZone: 'Europe/Berlin',
    });
    ws = h.store.forWorkspace(workspace.id);
    expect((await h.post(h.activity('conversation_update_bot_added_to_team'))).status).toBe(200);
  });
  afterAll(() => h.close());

  it('backs off when the Bot Connector answers 429, then posts once', async () => {
    let calls = 0;
    h.fake.on('/v3/conversations/*', () => {
      calls++;
      return calls <= 2 ? new Answer(429, { error: { code: 'TooManyRequests' } }) : { id: 'activity-7' };
    });
    const waits: number[] = [];
    const poster = new TeamsPoster(
      h.running.teams as never,
      h.store,
      silentLogger,
      async (ms) => {
        waits.push(ms);
      },
      0,
    );
    const posted = await poster.post({ platform: 'teams', channelId: TEAM_CHANNEL }, ws.workspaceId, reply);
    expect(posted).toEqual({ platform: 'teams', channel: TEAM_CHANNEL, id: 'activity-7' });
    expect(calls).toBe(3);
    // Exponential: the second wait is about twice the first.
    expect(waits).toHaveLength(2);
    expect(waits[1] ?? 0).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
  });

  it('waits as long as the connector’s Retry-After says, when it says, then posts once', async () => {
    const arrivals: number[] = [];
    h.fake.on('/v3/conversations/*', () => {
      arrivals.push(Date.now());
      return arrivals.length === 1
        ? new Answer(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' })
        : { id: 'a-8' };
    });
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const poster = new TeamsPoster(h.running.teams as never, h.store, silentLogger, sleep, 0);
    await poster.post({ platform: 'teams', channelId: TEAM_CHANNEL }, ws.workspaceId, reply);
    // The poster waits (botbuilder's pipeline, which also retried 5xx blindly, no longer retries these sends).
    expect(arrivals).toHaveLength(2);
    expect(waits).toEqual([1_000]);
  });

  it('does not post twice when the connector took the post but answered 500; the run is posted, unconfirmed', async () => {
    let calls = 0;
    h.fake.on('/v3/conversations/*', () => {
      calls++;
      return new Answer(500, { error: { code: 'ServiceError' } });
    });
    const poster = new TeamsPoster(h.running.teams as never, h.store, silentLogger, async () => {}, 0);
    await expect(poster.post({ platform: 'teams', channelId: TEAM_CHANNEL }, ws.workspaceId, reply)).rejects.toThrow(
      PostUnconfirmedError,
    );
    expect(calls).toBe(1);

    calls = 0;
    const subscription = await subscribeWeekly(ws, 'teams', TEAM_CHANNEL);
    const deps = { store: h.store, poster, clock: () => new Date(), logger: silentLogger, owner: 'test:1' };
    const slot = new Date('2026-11-30T08:00:00Z');
    expect(await runSubscriptionDigest(deps, subscription, slot)).toBe('reconciled');
    expect(calls).toBe(1);
    const run = await ws.digestRuns.find(subscription.id, '2026-11-30T09:00');
    expect(run).toMatchObject({ status: 'posted' });
    expect(run?.error).toContain('not confirmed by the platform');
    // A restart does not post it again.
    expect(await runSubscriptionDigest(deps, subscription, slot)).toBe('done');
    expect(calls).toBe(1);
    await ws.digestSubscriptions.remove(subscription.id, SYSTEM_ACTOR);
  });

  it('gives up with the error when the connector refuses outright', async () => {
    h.fake.on('/v3/conversations/*', () => new Answer(403, { error: { code: 'BotNotInConversationRoster' } }));
    const poster = new TeamsPoster(h.running.teams as never, h.store, silentLogger, async () => {});
    await expect(poster.post({ platform: 'teams', channelId: TEAM_CHANNEL }, ws.workspaceId, reply)).rejects.toThrow();
  });

  it('posts a digest subscribed in a channel thread as a new post in that channel', async () => {
    h.fake.on('/v3/conversations/*', connector());
    const spoken = h.activity('channel_message_mention', {
      text: '<at>NotesBot</at> account digest subscribe weekly mon 09:00',
      id: 'msg-digest',
    });
    expect((await h.post(spoken)).status).toBe(200);
    const [subscription] = await ws.digestSubscriptions.list({ platform: 'teams' });
    const channel = '19:6848757105754c8981c67612732d9aa7@thread.tacv2';
    expect(subscription).toMatchObject({ channelId: channel, cron: '0 9 * * 1', timeZone: 'Europe/Berlin' });
    h.fake.requests.length = 0;
    const poster = new TeamsPoster(h.running.teams as never, h.store, silentLogger, async () => {}, 0);
    const deps = { store: h.store, poster, clock: () => new Date(), logger: silentLogger, owner: 'test:1' };
    expect(await runSubscriptionDigest(deps, subscription as DigestSubscription, new Date())).toBe('posted');
    const [post] = h.sent();
    expect(post?.path).toBe(`/v3/conversations/${encodeURIComponent(channel)}/activities`);
    expect(post?.body.replyToId).toBeUndefined();
    expect(JSON.stringify(cardsIn(post?.body)[0])).toContain('Account health digest');
  });

  it('says it cannot post to a conversation it was never added to', async () => {
    const poster = new TeamsPoster(h.running.teams as never, h.store, silentLogger, async () => {});
    await expect(
      poster.post({ platform: 'teams', channelId: '19:unknown@thread.tacv2' }, ws.workspaceId, reply),
    ).rejects.toThrow('kam-bot has not been added to Teams conversation 19:unknown@thread.tacv2');
  });
});

describe('task reminders', () => {
  let fake: FakeServer;
  let db: TestDatabase;
  let ws: WorkspaceStore;
  let poster: SlackPoster;

  beforeEach(async () => {
    fake = await new FakeServer().on('/api/chat.postMessage', () => ({ ok: true, ts: '1.1' })).start();
    db = await openTestStore();
    const workspace = await db.store.workspaces.ensureInstallation('slack', 'T1', {
      name: 'acme',
      timeZone: 'Europe/Berlin',
    });
    ws = db.store.forWorkspace(workspace.id);
    poster = new SlackPoster(postingClient('xoxb-test', `${fake.url}/api/`, silentLogger), db.store, 0);
    const account = await ws.accounts.create({ key: 'acme', name: 'Acme Corporation' }, SYSTEM_ACTOR);
    const berlin = await ws.users.ensureFromIdentity({
      platform: 'slack',
      externalId: 'U0BERLIN',
      displayName: 'Dana',
      timeZone: 'Europe/Berlin',
    });
    const newYork = await ws.users.ensureFromIdentity({
      platform: 'slack',
      externalId: 'U0NEWYORK',
      displayName: 'Ryan',
      timeZone: 'America/New_York',
    });
    const dueMonday = new Date('2026-11-30T00:00:00Z');
    for (const [title, assigneeId, dueAt] of [
      ['Send the renewal quote', berlin.id, dueMonday],
      ['Call procurement', newYork.id, dueMonday],
      ['Not due yet', berlin.id, new Date('2026-12-01T00:00:00Z')],
      ['Nobody’s task', null, dueMonday],
    ] as const) {
      await ws.tasks.add({ accountId: account.id, title, assigneeId, dueAt }, SYSTEM_ACTOR);
    }
  });
  afterEach(async () => {
    await fake.stop();
    await db.close();
  });

  const sweep = (iso: string) =>
    sendTaskReminders({ store: db.store, poster, clock: () => new Date(iso), logger: silentLogger });
  const dms = () => fake.calls('/api/chat.postMessage').map((call) => [call.body.channel, call.body.text]);

  it('reach each assignee once, from 08:00 on the due day in their own time zone', async () => {
    expect(await sweep('2026-11-30T06:05:00Z')).toBe(0); // 07:05 in Berlin
    expect(await sweep('2026-11-30T07:05:00Z')).toBe(1); // 08:05 in Berlin, 02:05 in New York
    expect(dms()).toEqual([['U0BERLIN', 'Due today: Send the renewal quote']]);
    expect(await sweep('2026-11-30T08:05:00Z')).toBe(0);
    expect(await sweep('2026-11-30T13:05:00Z')).toBe(1); // 08:05 in New York
    expect(dms()).toEqual([
      ['U0BERLIN', 'Due today: Send the renewal quote'],
      ['U0NEWYORK', 'Due today: Call procurement'],
    ]);
    expect(await sweep('2026-11-30T22:05:00Z')).toBe(0);
  });

  it('skip tasks done before the day', async () => {
    const [task] = await ws.tasks.list({ assigneeId: undefined });
    const quote = (await ws.tasks.list()).find((t) => t.title === 'Send the renewal quote') ?? task;
    if (!quote) throw new Error('the task is missing');
    await ws.tasks.complete(quote.id, SYSTEM_ACTOR, new Date('2026-11-29T10:00:00Z'));
    expect(await sweep('2026-11-30T07:05:00Z')).toBe(0);
    expect(dms()).toEqual([]);
  });
});

describe('a subscription’s digest', () => {
  it('is the digest of its own workspace and filter', async () => {
    const db = await openTestStore();
    try {
      const workspace = await db.store.workspaces.ensureInstallation('slack', 'T1', {
        name: 'acme',
        timeZone: 'Europe/Berlin',
      });
      const ws = db.store.forWorkspace(workspace.id);
      await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR);
      await ws.accounts.create({ key: 'globex', name: 'Globex', tier: 'C' }, SYSTEM_ACTOR);
      const other = await db.store.workspaces.ensureInstallation('slack', 'T2', { name: 'other', timeZone: 'UTC' });
      await db.store.forWorkspace(other.id).accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR);
      const subscription = await ws.digestSubscriptions.create(
        {
          platform: 'slack',
          channelId: 'C1',
          cron: '0 9 * * 1',
          timeZone: 'Europe/Berlin',
          filter: { tier: 'A' },
          createdById: null,
        },
        SYSTEM_ACTOR,
      );
      const digest = JSON.stringify(await subscriptionDigest(ws, subscription, new Date('2026-11-30T08:00:00Z')));
      expect(digest).toContain('Account health digest');
      expect(digest).toContain('1 without enough data');
      expect(digest).not.toContain('Initech');
    } finally {
      await db.close();
    }
  });
});
