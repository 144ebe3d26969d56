// One digest per subscription and period: two processes at the same minute, a crash between posting and recording,
// a restart after a missed run. Real SQLite files shared by two Store instances (two "processes"), the real Slack
// Web API client talking to a fake Slack on loopback that counts chat.postMessage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchUpDigests, type DigestJobDeps, LEASE_MS, runSubscriptionDigest } from '../../src/jobs/digest-job.ts';
import type { Poster } from '../../src/jobs/poster.ts';
import { Scheduler } from '../../src/jobs/scheduler.ts';
import { silentLogger } from '../../src/logger.ts';
import { postingClient, SlackPoster } from '../../src/platforms/slack/poster.ts';
import { type DigestSubscription, Store, SYSTEM_ACTOR } from '../../src/store/store.ts';
import { subscribeWeekly } from '../helpers/digest-subscription.ts';
import { FakeServer, type Recorded } from '../helpers/fake-server.ts';
import { freshDatabaseFile } from '../helpers/store.ts';

const CHANNEL = 'C0DIGEST01';
const MINUTE = 60_000;
// Monday 30 November 2026, 09:00 in Berlin is 08:00 UTC.
const SLOT = new Date('2026-11-30T08:00:00Z');

let fake: FakeServer;
let file: ReturnType<typeof freshDatabaseFile>;
const stores: Store[] = [];
let subscription: DigestSubscription;

/** Messages Slack accepted, as conversations.history gives them back. */
let accepted: { type: string; ts: string; metadata: unknown }[];
/** When set, chat.postMessage answers with this Slack error instead of posting. */
let refuseWith: string | null;

function fakeSlack(): FakeServer {
  accepted = [];
  refuseWith = null;
  return new FakeServer()
    .on('/api/chat.postMessage', async (request) => {
      if (refuseWith) return { ok: false, error: refuseWith };
      // Slow enough that two processes racing for one run overlap.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const message = {
        type: 'message',
        ts: `${1_764_489_600 + accepted.length}.000100`,
        metadata: request.body.metadata,
      };
      accepted.push(message);
      return { ok: true, ts: message.ts };
    })
    .on('/api/conversations.history', () => ({ ok: true, messages: accepted, has_more: false }));
}

async function openStore(): Promise<Store> {
  const store = await Store.open(file.url);
  stores.push(store);
  return store;
}

function slackPoster(store: Store): SlackPoster {
  return new SlackPoster(postingClient('xoxb-test-token', `${fake.url}/api/`, silentLogger), store, 0);
}

function process(store: Store, clock: () => Date, owner: string, poster: Poster = slackPoster(store)): DigestJobDeps {
  return { store, poster, clock, logger: silentLogger, owner };
}

/** The poster with one of its methods replaced (a class instance cannot simply be spread). */
function replacing(real: Poster, changes: Partial<Poster>): Poster {
  return {
    post: changes.post ?? ((...args) => real.post(...args)),
    find: changes.find ?? ((...args) => real.find(...args)),
    toPerson: changes.toPerson ?? ((...args) => real.toPerson(...args)),
  };
}

const posts = (): Recorded[] => fake.calls('/api/chat.postMessage');

beforeEach(async () => {
  fake = await fakeSlack().start();
  file = freshDatabaseFile();
  const store = await openStore();
  const workspace = await store.workspaces.ensureInstallation('slack', 'T0DIGEST', {
    name: 'digest-test',
    timeZone: 'Europe/Berlin',
  });
  const ws = store.forWorkspace(workspace.id);
  await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR);
  subscription = await subscribeWeekly(ws, 'slack', CHANNEL);
});

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await fake.stop();
  file.remove();
});

/** The run of Monday 30 November's digest. */
async function mondayRun(store: Store) {
  return store.forWorkspace(subscription.workspaceId).digestRuns.find(subscription.id, '2026-11-30T09:00');
}

describe('two processes on one database', () => {
  it('post one digest when both fire at the same minute', async () => {
    const clock = () => new Date(SLOT.getTime() + 200);
    const first = process(await openStore(), clock, 'host-a:1');
    const second = process(await openStore(), clock, 'host-b:2');
    const results = await Promise.all([
      runSubscriptionDigest(first, subscription, SLOT),
      runSubscriptionDigest(second, subscription, SLOT),
    ]);
    // The loser finds the run held (or, on a slow machine, already done); either way it does not post.
    expect(results.filter((result) => result === 'posted')).toHaveLength(1);
    expect(results.filter((result) => result !== 'posted')).toEqual([expect.stringMatching(/^(busy|done)$/)]);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toMatchObject({
      channel: CHANNEL,
      metadata: { event_type: 'kam_digest', event_payload: { key: `${subscription.id}:2026-11-30T09:00` } },
    });
    // The same minute again (a retry, a third process) finds the run done.
    expect(await runSubscriptionDigest(first, subscription, SLOT)).toBe('done');
    expect(posts()).toHaveLength(1);
  });

  it('post one digest when two schedulers start together after the slot was missed', async () => {
    const clock = () => new Date(SLOT.getTime() + 90 * MINUTE);
    const schedulers = [
      new Scheduler(process(await openStore(), clock, 'host-a:1')),
      new Scheduler(process(await openStore(), clock, 'host-b:2')),
    ];
    try {
      await Promise.all(schedulers.map((scheduler) => scheduler.start()));
      expect(posts()).toHaveLength(1);
      expect(JSON.stringify(posts()[0]?.body.blocks)).toContain('Account health digest');
      expect(await mondayRun(stores[0] as Store)).toMatchObject({ status: 'posted' });
    } finally {
      for (const scheduler of schedulers) await scheduler.stop();
    }
  });
});

describe('a crash between posting and recording', () => {
  it('does not post twice: the process that takes over finds the post on Slack and records it', async () => {
    const crashing = await openStore();
    const real = slackPoster(crashing);
    // The process dies right after Slack took the post: the run stays pending with its lease.
    const dying = replacing(real, {
      post: async (...args) => {
        await real.post(...args);
        return new Promise(() => {});
      },
    });
    void runSubscriptionDigest(
      process(crashing, () => SLOT, 'host-a:1', dying),
      subscription,
      SLOT,
    );
    await expect.poll(() => accepted.length).toBe(1);
    expect(await mondayRun(crashing)).toMatchObject({ status: 'pending', leaseOwner: 'host-a:1' });

    // Before the lease runs out, another process leaves the run alone.
    const restarted = await openStore();
    const soon = process(restarted, () => new Date(SLOT.getTime() + MINUTE), 'host-a:2');
    expect(await runSubscriptionDigest(soon, subscription, SLOT)).toBe('busy');

    // After it, the restarted process reconciles instead of posting again.
    const later = process(restarted, () => new Date(SLOT.getTime() + LEASE_MS + MINUTE), 'host-a:2');
    await catchUpDigests(later, [subscription]);
    expect(posts()).toHaveLength(1);
    expect(fake.calls('/api/conversations.history')).toHaveLength(1);
    expect(await mondayRun(restarted)).toMatchObject({
      status: 'posted',
      messageRef: { platform: 'slack', channel: CHANNEL, id: accepted[0]?.ts },
    });
  });

  it('posts once when the process died before Slack took the post', async () => {
    const crashing = await openStore();
    const dying = replacing(slackPoster(crashing), { post: () => new Promise(() => {}) });
    void runSubscriptionDigest(
      process(crashing, () => SLOT, 'host-a:1', dying),
      subscription,
      SLOT,
    );
    await expect.poll(async () => (await mondayRun(crashing))?.status).toBe('pending');

    const restarted = await openStore();
    const later = process(restarted, () => new Date(SLOT.getTime() + LEASE_MS + MINUTE), 'host-a:2');
    await catchUpDigests(later, [subscription]);
    await catchUpDigests(later, [subscription]);
    expect(posts()).toHaveLength(1);
    expect(await mondayRun(restarted)).toMatchObject({ status: 'posted', leaseOwner: 'host-a:2' });
  });

  it('does not post again when the platform cannot tell whether the interrupted post went out', async () => {
    const crashing = await openStore();
    const dying = replacing(slackPoster(crashing), { post: () => new Promise(() => {}) });
    void runSubscriptionDigest(
      process(crashing, () => SLOT, 'host-a:1', dying),
      subscription,
      SLOT,
    );
    await expect.poll(async () => (await mondayRun(crashing))?.status).toBe('pending');

    const restarted = await openStore();
    const blind = replacing(slackPoster(restarted), { find: async () => 'unknown' as const });
    const later = process(restarted, () => new Date(SLOT.getTime() + LEASE_MS + MINUTE), 'host-a:2', blind);
    expect(await runSubscriptionDigest(later, subscription, SLOT)).toBe('reconciled');
    expect(posts()).toHaveLength(0);
    expect(await mondayRun(restarted)).toMatchObject({
      status: 'posted',
      error: 'interrupted; not confirmed by the platform',
    });
  });
});

describe('runs missed while kam-bot was down', () => {
  it('go out once on return within the same period; the one before is skipped', async () => {
    // Wednesday: Monday's digest is still the current one; the Monday before is too old.
    const wednesday = () => new Date('2026-12-02T15:00:00Z');
    const store = await openStore();
    await catchUpDigests(process(store, wednesday, 'host-a:1'), [subscription]);
    await catchUpDigests(process(store, wednesday, 'host-a:2'), [subscription]);
    expect(posts()).toHaveLength(1);
    const runs = await store.forWorkspace(subscription.workspaceId).digestRuns.forSubscription(subscription.id);
    expect(runs.map((run) => [run.periodKey, run.status]).sort()).toEqual([
      ['2026-11-23T09:00', 'skipped'],
      ['2026-11-30T09:00', 'posted'],
    ]);
    expect(runs.find((run) => run.status === 'skipped')?.error).toBe('missed while kam-bot was not running');
  });

  it('are not invented for periods before the subscription existed', async () => {
    const store = await openStore();
    const ws = store.forWorkspace(subscription.workspaceId);
    const fresh = await subscribeWeekly(ws, 'slack', 'C0NEWCHAN1', new Date('2026-12-01T10:00:00Z'));
    await catchUpDigests(
      process(store, () => new Date('2026-12-02T15:00:00Z'), 'host-a:1'),
      [fresh],
    );
    expect(posts()).toHaveLength(0);
    expect(await ws.digestRuns.forSubscription(fresh.id)).toEqual([]);
  });

  it('a failed post is retried at the next start, and only once it is posted is it done', async () => {
    refuseWith = 'not_in_channel';
    const store = await openStore();
    const clock = () => new Date(SLOT.getTime() + 10 * MINUTE);
    expect(await runSubscriptionDigest(process(store, clock, 'host-a:1'), subscription, SLOT)).toBe('failed');
    expect(await mondayRun(store)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('not_in_channel'),
    });
    // The minutely sweep leaves a failed run alone (it would ask a refusing channel every minute)…
    await catchUpDigests(process(store, clock, 'host-a:1'), [subscription], { retryFailed: false });
    expect(posts()).toHaveLength(1);
    expect(await mondayRun(store)).toMatchObject({ status: 'failed' });
    // …a start retries it.
    refuseWith = null;
    await catchUpDigests(process(store, clock, 'host-a:2'), [subscription]);
    expect(posts()).toHaveLength(2);
    expect(await mondayRun(store)).toMatchObject({ status: 'posted' });
  });
});
