// Digest schedules keep to local time across the daylight-saving changes: "every day at 09:00" in Berlin and New
// York fires at 09:00 there on both sides of the change, whatever that is in UTC.
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { periodKeyOf, slotsAround } from '../../src/jobs/digest-job.ts';
import { Scheduler } from '../../src/jobs/scheduler.ts';
import { silentLogger } from '../../src/logger.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';

const DAILY_AT_NINE = '0 9 * * *';

function localTime(date: Date, timeZone: string): string {
  return date.toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16);
}

/** The next `count` slots after `from`, as cron-parser (catch-up, next-run messages) computes them. */
function slotsFrom(from: Date, timeZone: string, count: number): Date[] {
  const slots: Date[] = [];
  let cursor = from;
  for (let i = 0; i < count; i++) {
    const { next } = slotsAround(DAILY_AT_NINE, timeZone, cursor);
    slots.push(next);
    cursor = next;
  }
  return slots;
}

// 2026: Europe/Berlin springs forward on 29 March and falls back on 25 October; America/New_York on 8 March and
// 1 November.
const CHANGES = [
  {
    zone: 'Europe/Berlin',
    from: '2026-03-27T12:00:00Z',
    utc: ['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z'],
  },
  {
    zone: 'Europe/Berlin',
    from: '2026-10-23T12:00:00Z',
    utc: ['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z'],
  },
  {
    zone: 'America/New_York',
    from: '2026-03-06T20:00:00Z',
    utc: ['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z'],
  },
  {
    zone: 'America/New_York',
    from: '2026-10-30T20:00:00Z',
    utc: ['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z'],
  },
];

describe.each(CHANGES)('daily 09:00 in $zone from $from', ({ zone, from, utc }) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is 09:00 local on each side of the change (cron-parser, used for catch-up)', () => {
    const slots = slotsFrom(new Date(from), zone, 3);
    expect(slots.map((slot) => slot.toISOString())).toEqual(utc);
    expect(slots.map((slot) => localTime(slot, zone).slice(11))).toEqual(['09:00', '09:00', '09:00']);
    expect(slots.map((slot) => periodKeyOf(slot, zone).slice(10))).toEqual(['T09:00', 'T09:00', 'T09:00']);
  });

  it('fires at 09:00 local on each side of the change (node-cron, which runs the schedule)', async () => {
    vi.useFakeTimers({ now: new Date(from), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const fired: string[] = [];
    const task = cron.schedule(DAILY_AT_NINE, (context) => void fired.push(context.date.toISOString()), {
      timezone: zone,
    });
    try {
      await vi.advanceTimersByTimeAsync(3 * 24 * 3_600_000);
      expect(fired.map((date) => date.replace(/\d\d\.\d{3}Z$/, '00.000Z'))).toEqual(utc);
    } finally {
      await task.destroy();
    }
  });
});

describe('the scheduler', () => {
  let db: TestDatabase;
  let scheduler: Scheduler;

  beforeEach(async () => {
    db = await openTestStore();
    scheduler = new Scheduler({
      store: db.store,
      poster: {
        post: () => Promise.reject(new Error('no posts in this test')),
        find: async () => null,
        toPerson: async () => false,
      },
      clock: () => new Date(),
      logger: silentLogger,
      owner: 'test:1',
    });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await scheduler.stop();
    await db.close();
  });

  async function subscribe(cronExpression: string, timeZone: string, channelId = 'C1') {
    const workspace = await db.store.workspaces.ensureInstallation('slack', 'T1', {
      name: 'acme',
      timeZone: 'Europe/Berlin',
    });
    return db.store
      .forWorkspace(workspace.id)
      .digestSubscriptions.create(
        { platform: 'slack', channelId, cron: cronExpression, timeZone, filter: {}, createdById: null },
        SYSTEM_ACTOR,
      );
  }

  it('registers each subscription in its own time zone, at 09:00 local across the change', async () => {
    const berlin = await subscribe('0 9 * * *', 'Europe/Berlin', 'C1');
    const newYork = await subscribe('0 9 * * *', 'America/New_York', 'C2');
    await scheduler.sync();
    vi.useFakeTimers({ now: new Date('2026-03-07T12:00:00Z'), toFake: ['Date'] });
    const berlinRuns = scheduler.digestTask(berlin.id)?.getNextRuns(3) ?? [];
    const newYorkRuns = scheduler.digestTask(newYork.id)?.getNextRuns(3) ?? [];
    expect(newYorkRuns.map((run) => run.toISOString())).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(berlinRuns.map((run) => localTime(run, 'Europe/Berlin'))).toEqual([
      '2026-03-08 09:00',
      '2026-03-09 09:00',
      '2026-03-10 09:00',
    ]);
  });

  it('follows subscriptions added, changed and removed in chat at the next sync', async () => {
    const first = await subscribe('0 9 * * 1', 'Europe/Berlin', 'C1');
    await scheduler.sync();
    expect(scheduler.digestTask(first.id)?.getPattern()).toBe('0 9 * * 1');
    const ws = db.store.forWorkspace(first.workspaceId);
    await ws.digestSubscriptions.remove(first.id, SYSTEM_ACTOR);
    const second = await subscribe('30 8 * * 1-5', 'America/New_York', 'C2');
    await scheduler.sync();
    expect(scheduler.digestTask(first.id)).toBeUndefined();
    expect(scheduler.digestTask(second.id)?.getPattern()).toBe('30 8 * * 1-5');
  });

  it('stops every registration on shutdown', async () => {
    const subscription = await subscribe('0 9 * * 1', 'Europe/Berlin');
    await scheduler.start();
    const task = scheduler.digestTask(subscription.id);
    expect(task?.getStatus()).not.toBe('destroyed');
    const live = [...cron.getTasks().values()].filter((t) => t.getStatus() !== 'destroyed');
    expect(live.length).toBeGreaterThanOrEqual(5);
    expect(live.find((t) => t.name === 'statistics')?.getPattern()).toBe('30 3 * * *');
    await scheduler.stop();
    expect(task?.getStatus()).toBe('destroyed');
    expect(scheduler.digestTask(subscription.id)).toBeUndefined();
    expect([...cron.getTasks().values()].filter((t) => t.getStatus() !== 'destroyed')).toEqual([]);
  });
});
