import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.ts';
import {
  CLOSING_HORIZON_DAYS,
  composeDigest,
  MOST_ACTIVE_COUNT,
  RENEWAL_HORIZON_DAYS,
} from '../../src/domain/digest.ts';
import type {
  Digest,
  DigestAccount,
  DigestInput,
  DigestLine,
  DigestOpportunity,
  DigestTask,
} from '../../src/domain/digest-types.ts';
import { computeHealth, type Health } from '../../src/domain/health.ts';
import { DEFAULT_HEALTH_SETTINGS, resolveHealthSettings } from '../../src/domain/health-settings.ts';
import { calendarDaysBetween, startOfUtcDay } from '../../src/domain/health-time.ts';
import { isoWeekKey } from '../../src/domain/health-trend.ts';
import { type HealthBand, OPEN_STAGES } from '../../src/domain/records.ts';
import { translated } from '../../src/i18n/translate.ts';
import { healthFactsOf, type WorkspaceStore } from '../../src/store/store.ts';
import { scoredHealth } from '../helpers/health.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace } from '../helpers/workspace.ts';

// A Monday morning, when weekly digests go out.
const NOW = new Date('2026-11-30T08:00:00Z');
const DAY = 86_400_000;
/** `offset` calendar days from NOW's day (negative: before), at `hour` UTC. */
const on = (offset: number, hour = 8, minute = 0) => new Date(Date.UTC(2026, 10, 30 + offset, hour, minute));

function health(score: number | null, topReason: string | null = 'the weakest part'): Health {
  return scoredHealth(score, topReason);
}

let nextId = 0;
function account(name: string, overrides: Partial<DigestAccount> = {}): DigestAccount {
  nextId++;
  return {
    id: nextId,
    key: name.toLowerCase().replace(/\s+/g, '-'),
    name,
    tier: 'B',
    ownerName: 'Dana Scully',
    renewalAt: null,
    health: health(85),
    previousWeeks: [],
    lastWeekBand: 'green',
    lastInteractionAt: on(-2),
    notesThisWeek: 0,
    ...overrides,
  };
}

function opportunity(of: DigestAccount, overrides: Partial<DigestOpportunity> = {}): DigestOpportunity {
  return {
    accountId: of.id,
    title: `Deal at ${of.name}`,
    stage: 'propose',
    value: 100_000,
    currency: 'EUR',
    expectedCloseAt: null,
    closedAt: null,
    lossReason: null,
    ...overrides,
  };
}

function task(of: DigestAccount, title: string, dueAt: Date, assigneeName: string | null = 'Dana Scully'): DigestTask {
  return { accountId: of.id, title, dueAt, assigneeName };
}

function digestOf(accounts: DigestAccount[], extra: Partial<Omit<DigestInput, 'accounts'>> = {}): Digest {
  return composeDigest({
    now: NOW,
    settings: DEFAULT_HEALTH_SETTINGS,
    accounts,
    opportunities: [],
    overdueTasks: [],
    ...extra,
  });
}

const keys = (lines: readonly DigestLine[]) => lines.map((line) => line.account.key);

describe('portfolio counts', () => {
  it('counts the bands now and last week', () => {
    const digest = digestOf([
      account('A', { health: health(90), lastWeekBand: 'green' }),
      account('B', { health: health(55), lastWeekBand: 'green' }),
      account('C', { health: health(20), lastWeekBand: 'amber' }),
      account('D', { health: health(null), lastWeekBand: null }),
    ]);
    expect(digest.counts).toEqual({ green: 1, amber: 1, red: 1, unscored: 1 });
    expect(digest.lastWeekCounts).toEqual({ green: 2, amber: 1, red: 0 });
  });

  it('has no last-week counts without any snapshot from last week', () => {
    const digest = digestOf([account('A', { lastWeekBand: null })]);
    expect(digest.lastWeekCounts).toBeNull();
  });
});

describe('needs attention', () => {
  it('lists accounts that turned amber or red this week, or are amber or red without a snapshot last week', () => {
    const digest = digestOf([
      account('green to amber', { health: health(60), lastWeekBand: 'green' }),
      account('green to red', { health: health(30), lastWeekBand: 'green' }),
      account('amber to red', { health: health(35), lastWeekBand: 'amber' }),
      account('new amber', { health: health(50), lastWeekBand: null }),
      account('still red', { health: health(10), lastWeekBand: 'red' }),
      account('still amber', { health: health(45), lastWeekBand: 'amber' }),
      account('red to amber', { health: health(45), lastWeekBand: 'red' }),
      account('amber to green', { health: health(75), lastWeekBand: 'amber' }),
      account('new green', { health: health(75), lastWeekBand: null }),
      account('unscored', { health: health(null), lastWeekBand: 'red' }),
    ]);
    // Red before amber, weakest first within a band.
    expect(keys(digest.needsAttention)).toEqual(['green-to-red', 'amber-to-red', 'new-amber', 'green-to-amber']);
    expect(digest.needsAttention.map((line) => [line.band, line.previousBand])).toEqual([
      ['red', 'green'],
      ['red', 'amber'],
      ['amber', null],
      ['amber', 'green'],
    ]);
  });

  it('gives the top reason, the owner and the trend over the last 8 weeks', () => {
    const digest = digestOf([
      account('Harbourline', {
        tier: 'A',
        ownerName: 'Dana Scully',
        health: health(52, 'no contact for 41 days; tier A expects 14'),
        previousWeeks: [80, 78, 76, 70, null, 66, 60],
        lastWeekBand: 'green',
      }),
    ]);
    expect(digest.needsAttention).toEqual([
      {
        account: {
          id: expect.any(Number),
          key: 'harbourline',
          name: 'Harbourline',
          tier: 'A',
          ownerName: 'Dana Scully',
        },
        band: 'amber',
        previousBand: 'green',
        score: 52,
        reason: 'no contact for 41 days; tier A expects 14',
        trend: expect.objectContaining({ arrow: '↓', delta: -8, sparkline: '▇▇▇▆ ▆▅▅' }),
      },
    ]);
  });

  it('names a gut feel set by hand as the reason', () => {
    const overridden: Health = {
      ...health(30),
      computedScore: 80,
      computedBand: 'green',
      override: { score: 30, reason: 'CFO left', until: null, byName: 'Dana Scully' },
    };
    const digest = digestOf([account('A', { health: overridden, lastWeekBand: 'green' })]);
    expect(translated('en', digest.needsAttention[0]?.reason ?? '')).toBe('gut feel: CFO left');
  });

  it('orders equal scores by name', () => {
    const digest = digestOf([
      account('Zeta', { health: health(50), lastWeekBand: null }),
      account('Alpha', { health: health(50), lastWeekBand: null }),
    ]);
    expect(keys(digest.needsAttention)).toEqual(['alpha', 'zeta']);
  });
});

describe('going quiet', () => {
  it('starts the calendar day after the cadence', () => {
    // Tier A expects contact every 14 days. 2026-11-16 is 14 calendar days before NOW's day, at whatever hour.
    const digest = digestOf([
      account('on cadence', { tier: 'A', lastInteractionAt: on(-14, 0, 1) }),
      account('one day over', { tier: 'A', lastInteractionAt: on(-15, 23, 59) }),
    ]);
    expect(digest.goingQuiet).toEqual([
      expect.objectContaining({ account: expect.objectContaining({ key: 'one-day-over' }), days: 15, cadenceDays: 14 }),
    ]);
  });

  it('counts never contacted as the most overdue, then the most overdue relative to the cadence', () => {
    const digest = digestOf([
      // 90 days on a 60-day cadence (1.5×) is less overdue than 28 days on a 14-day one (2×).
      account('C ninety', { tier: 'C', lastInteractionAt: on(-90) }),
      account('A twenty-eight', { tier: 'A', lastInteractionAt: on(-28) }),
      account('never', { tier: 'C', lastInteractionAt: null }),
      account('B fifty', { tier: 'B', lastInteractionAt: on(-50) }),
      account('fresh', { tier: 'C', lastInteractionAt: on(0) }),
    ]);
    expect(digest.goingQuiet.map((line) => [line.account.key, line.days, line.cadenceDays])).toEqual([
      ['never', null, 60],
      ['a-twenty-eight', 28, 14],
      ['b-fifty', 50, 30],
      ['c-ninety', 90, 60],
    ]);
  });

  it("follows the workspace's cadence", () => {
    const settings = resolveHealthSettings({ cadenceDays: { B: 7 } });
    const digest = composeDigest({
      now: NOW,
      settings,
      accounts: [account('B ten', { tier: 'B', lastInteractionAt: on(-10) })],
      opportunities: [],
      overdueTasks: [],
    });
    expect(digest.goingQuiet.map((line) => [line.account.key, line.days, line.cadenceDays])).toEqual([
      ['b-ten', 10, 7],
    ]);
  });
});

describe('renewals', () => {
  it(`lists renewals from today to ${RENEWAL_HORIZON_DAYS} days ahead, soonest first`, () => {
    const digest = digestOf([
      account('sixty', { renewalAt: on(60, 23) }),
      account('sixty-one', { renewalAt: on(61, 0) }),
      account('today early', { renewalAt: on(0, 0) }),
      account('yesterday', { renewalAt: on(-1, 23) }),
      account('ten', { renewalAt: on(10) }),
      account('none'),
    ]);
    expect(digest.renewals.map((line) => [line.account.key, line.days])).toEqual([
      ['today-early', 0],
      ['ten', 10],
      ['sixty', 60],
    ]);
  });
});

describe('closing', () => {
  it(`lists open opportunities expected to close from today to ${CLOSING_HORIZON_DAYS} days ahead`, () => {
    const acme = account('Acme');
    const globex = account('Globex');
    const digest = digestOf([acme, globex], {
      opportunities: [
        opportunity(acme, { title: 'thirty', expectedCloseAt: on(30, 22) }),
        opportunity(acme, { title: 'thirty-one', expectedCloseAt: on(31, 1) }),
        opportunity(globex, { title: 'today', stage: 'negotiate', expectedCloseAt: on(0, 1) }),
        opportunity(globex, { title: 'stale', expectedCloseAt: on(-1) }),
        opportunity(globex, { title: 'undated', expectedCloseAt: null }),
        opportunity(globex, { title: 'already won', stage: 'won', expectedCloseAt: on(5), closedAt: on(-30) }),
        opportunity(acme, { title: 'lead', stage: 'lead', expectedCloseAt: on(12) }),
      ],
    });
    expect(digest.closing.map((line) => [line.account.key, line.title, line.days])).toEqual([
      ['globex', 'today', 0],
      ['acme', 'lead', 12],
      ['acme', 'thirty', 30],
    ]);
  });

  it('leaves out opportunities of accounts it was not given (restricted ones)', () => {
    const acme = account('Acme');
    const hidden = account('Hidden');
    const digest = digestOf([acme], {
      opportunities: [
        opportunity(hidden, { expectedCloseAt: on(3) }),
        opportunity(hidden, { stage: 'won', closedAt: on(-1) }),
      ],
      overdueTasks: [task(hidden, 'Secret', on(-3))],
    });
    expect([digest.closing, digest.wins, digest.overdueByOwner]).toEqual([[], [], []]);
  });
});

describe('wins and losses', () => {
  it('lists what closed in the 7 days before now, newest first', () => {
    const acme = account('Acme');
    const digest = digestOf([acme], {
      opportunities: [
        opportunity(acme, { title: 'seven days ago', stage: 'won', closedAt: new Date(NOW.getTime() - 7 * DAY) }),
        opportunity(acme, { title: 'yesterday', stage: 'won', closedAt: on(-1) }),
        // 7 calendar days ago but before this hour: last week's digest reported it.
        opportunity(acme, { title: 'seven days and a minute', stage: 'won', closedAt: on(-7, 7, 59) }),
        opportunity(acme, { title: 'eight days ago', stage: 'won', closedAt: on(-8) }),
        opportunity(acme, { title: 'lost', stage: 'lost', closedAt: on(-3), lossReason: 'price' }),
        opportunity(acme, { title: 'lost long ago', stage: 'lost', closedAt: on(-20), lossReason: 'timing' }),
        opportunity(acme, { title: 'open', stage: 'propose', expectedCloseAt: on(-2) }),
      ],
    });
    expect(digest.wins.map((line) => line.title)).toEqual(['yesterday', 'seven days ago']);
    expect(digest.losses).toEqual([
      expect.objectContaining({ title: 'lost', reason: 'price', value: 100_000, currency: 'EUR', closedAt: on(-3) }),
    ]);
  });
});

describe('overdue follow-ups', () => {
  it('groups them by assignee, most first, oldest due first', () => {
    const acme = account('Acme');
    const globex = account('Globex');
    const digest = digestOf([acme, globex], {
      overdueTasks: [
        task(acme, 'Dana recent', on(-1), 'Dana Scully'),
        task(globex, 'Fox', on(-4), 'Fox Mulder'),
        task(acme, 'Dana oldest', on(-20), 'Dana Scully'),
        task(globex, 'Nobody', on(-2), null),
        task(globex, 'Dana middle', on(-5), 'Dana Scully'),
        task(acme, 'Fox old', on(-9), 'Fox Mulder'),
        // Due today is not overdue yet.
        task(acme, 'Due today', on(0, 0), 'Walter Skinner'),
      ],
    });
    expect(
      digest.overdueByOwner.map((group) => [group.owner, group.tasks.map((t) => [t.account.key, t.title, t.days])]),
    ).toEqual([
      [
        'Dana Scully',
        [
          ['acme', 'Dana oldest', 20],
          ['globex', 'Dana middle', 5],
          ['acme', 'Dana recent', 1],
        ],
      ],
      [
        'Fox Mulder',
        [
          ['acme', 'Fox old', 9],
          ['globex', 'Fox', 4],
        ],
      ],
      ['unassigned', [['globex', 'Nobody', 2]]],
    ]);
  });
});

describe('most active', () => {
  it(`names the ${MOST_ACTIVE_COUNT} accounts with the most notes this week, ties by name`, () => {
    const digest = digestOf([
      account('F', { notesThisWeek: 2 }),
      account('E', { notesThisWeek: 2 }),
      account('A', { notesThisWeek: 9 }),
      account('Quiet', { notesThisWeek: 0 }),
      account('D', { notesThisWeek: 2 }),
      account('B', { notesThisWeek: 4 }),
      account('C', { notesThisWeek: 2 }),
    ]);
    expect(digest.mostActive.map((line) => [line.account.key, line.notes])).toEqual([
      ['a', 9],
      ['b', 4],
      ['c', 2],
      ['d', 2],
      ['e', 2],
    ]);
  });

  it('is empty in a week without notes', () => {
    expect(digestOf([account('A')]).mostActive).toEqual([]);
  });
});

describe('the demo portfolio', () => {
  // Seed 48 (the default), loaded on a Monday: the story the demo tells in its first digest.
  let db: TestDatabase;
  let ws: WorkspaceStore;
  let input: DigestInput;
  let digest: Digest;
  let restrictedKeys: string[];

  beforeAll(async () => {
    db = await openTestStore();
    const t = await createTestWorkspace(db.store);
    ws = t.ws;
    await loadDemo(ws, { now: NOW });
    const all = await ws.accounts.list();
    restrictedKeys = all.filter((account) => account.visibility === 'restricted').map((account) => account.key);
    input = await readInput(ws, NOW);
    digest = composeDigest(input);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
  });

  it('never shows the restricted accounts', () => {
    expect(restrictedKeys.sort()).toEqual(['oakhaven', 'westerholm']);
    const shown = [
      ...digest.needsAttention,
      ...digest.goingQuiet,
      ...digest.renewals,
      ...digest.closing,
      ...digest.wins,
      ...digest.losses,
      ...digest.overdueByOwner.flatMap((group) => group.tasks),
      ...digest.mostActive,
    ].map((line) => line.account.key);
    for (const key of restrictedKeys) expect(shown).not.toContain(key);
    expect(input.accounts.map((a) => a.key)).not.toContain('westerholm');
  });

  it('would show Westerholm Dairy going quiet if restricted accounts were read', async () => {
    const everything = composeDigest(await readInput(ws, NOW, { includeRestricted: true }));
    expect(everything.goingQuiet.find((line) => line.account.key === 'westerholm')).toMatchObject({
      days: 40,
      cadenceDays: 30,
    });
  });

  it('counts 33 open accounts, two fewer green than last week', () => {
    expect(digest.counts).toEqual({ green: 16, amber: 11, red: 6, unscored: 0 });
    expect(digest.lastWeekCounts).toEqual({ green: 18, amber: 10, red: 5 });
  });

  it('flags Corvane (amber to red), Falkvik and Brasca (green to amber); Harbourline was amber already', () => {
    expect(
      digest.needsAttention.map((line) => [
        line.account.name,
        line.previousBand,
        line.band,
        translated('en', line.reason ?? ''),
        line.trend.arrow,
      ]),
    ).toEqual([
      [
        'Corvane Mobility',
        'amber',
        'red',
        'economic buyer Giulia Bianchi (influence 5/5) is negative; no positive contact among 5',
        '↓',
      ],
      ['Falkvik Pharma', 'green', 'amber', '1 of 3 follow-ups overdue, by 4 days', '↓'],
      ['Brasca Telecom', 'green', 'amber', '1 of 2 follow-ups overdue, by 7 days', '↓'],
    ]);
    expect(digest.needsAttention[1]).toMatchObject({
      score: 66,
      trend: expect.objectContaining({ delta: -18 }),
      account: { ownerName: 'Sofia Marchetti' },
    });
    // Every account that is amber or red now and was better (or unknown) a week ago, and no other.
    const rank: Record<HealthBand, number> = { green: 0, amber: 1, red: 2 };
    const turned = input.accounts.filter(
      (a) =>
        a.health.band !== null &&
        a.health.band !== 'green' &&
        (a.lastWeekBand === null || rank[a.lastWeekBand] < rank[a.health.band]),
    );
    expect(keys(digest.needsAttention).sort()).toEqual(turned.map((a) => a.key).sort());
    const harbourline = input.accounts.find((a) => a.key === 'harbourline');
    expect([harbourline?.lastWeekBand, harbourline?.health.band]).toEqual(['amber', 'amber']);
  });

  it('has the dormant and quiet accounts going quiet, most overdue first', () => {
    expect(digest.goingQuiet.map((line) => [line.account.key, line.days])).toEqual([
      ['harbourline-br', 262],
      ['lumara', 253],
      ['belmora', 216],
      ['pelham', 100],
      ['kestrel-mx', 129],
      ['falkvik', 30],
      ['nordwind-pl', 121],
      ['terranza', 95],
      ['marisca', 92],
    ]);
    const beyondCadence = input.accounts.filter(
      (a) =>
        a.lastInteractionAt === null ||
        calendarDaysBetween(a.lastInteractionAt, NOW) > DEFAULT_HEALTH_SETTINGS.cadenceDays[a.tier],
    );
    expect(keys(digest.goingQuiet).sort()).toEqual(beyondCadence.map((a) => a.key).sort());
  });

  it('lists the renewals of the next 60 days, Nordwind Polska first', () => {
    expect(digest.renewals.map((line) => [line.account.key, line.days])).toEqual([
      ['nordwind-pl', 10],
      ['harbourline-br', 20],
      ['rosvik', 35],
      ['paranova', 39],
      ['marisca', 40],
      ['harbourline', 41],
      ['lumara', 45],
      ['istrana', 58],
    ]);
    const due = input.accounts.filter((a) => {
      const days = a.renewalAt === null ? null : calendarDaysBetween(NOW, a.renewalAt);
      return days !== null && days >= 0 && days <= RENEWAL_HORIZON_DAYS;
    });
    expect(keys(digest.renewals).sort()).toEqual(due.map((a) => a.key).sort());
  });

  it('lists the deals closing within 30 days', () => {
    expect(digest.closing.map((line) => [line.account.key, line.title])).toEqual([
      ['solandes', 'Framework agreement 2027'],
      ['nordwind-pl', 'Asset monitoring upgrade Gdańsk'],
      ['kestrel', 'Framework agreement 2027'],
      ['falkvik', 'Spare parts management for the new Bilbao site'],
      ['lindqvar', 'Asset monitoring rollout Västerås'],
      ['rosvik', 'Contract renewal 2027'],
    ]);
    const soon = input.opportunities.filter((o) => {
      if (!OPEN_STAGES.includes(o.stage) || o.expectedCloseAt === null) return false;
      const days = calendarDaysBetween(NOW, o.expectedCloseAt);
      return days >= 0 && days <= CLOSING_HORIZON_DAYS;
    });
    expect(digest.closing.map((line) => line.title).sort()).toEqual(soon.map((o) => o.title).sort());
  });

  it("has this week's wins at Kestrel and Nordwind Americas and the loss at Nordwind France", () => {
    expect(digest.wins.map((line) => [line.account.name, line.title])).toEqual([
      ['Kestrel Pharmaceuticals', 'Group-wide energy analytics standard'],
      ['Nordwind Americas', 'Framework agreement 2027'],
    ]);
    expect(digest.losses.map((line) => [line.account.name, line.title, line.reason])).toEqual([
      ['Nordwind France', 'Energy analytics upgrade Toulouse', 'Budget frozen after the reorganisation.'],
    ]);
  });

  it('groups the 25 overdue follow-ups by person', async () => {
    expect(digest.overdueByOwner.map((group) => [group.owner, group.tasks.length])).toEqual([
      ['Daniel Osei', 5],
      ['Mei Lin Tan', 5],
      ['Sofia Marchetti', 5],
      ['Ryan Caldwell', 4],
      ['Lucía Ferreira', 3],
      ['Katrin Vogel', 2],
      ['Jonas Lindqvist', 1],
    ]);
    // Lumara's renewal proposal, 88 days late, is the oldest of Mei's.
    expect(digest.overdueByOwner[1]?.tasks[0]).toMatchObject({
      account: { key: 'lumara' },
      title: 'Prepare the renewal proposal',
      days: 88,
    });
    const shownIds = new Set(input.accounts.map((a) => a.id));
    const stored = (await ws.tasks.list({ dueBefore: new Date(startOfUtcDay(NOW)) }, 10_000)).filter((t) =>
      shownIds.has(t.accountId),
    );
    expect(digest.overdueByOwner.flatMap((group) => group.tasks)).toHaveLength(stored.length);
  });

  it('names Istrana, with six notes, the most active account this week', () => {
    expect(digest.mostActive.map((line) => [line.account.key, line.notes])).toEqual([
      ['istrana', 6],
      ['harbourline', 4],
      ['nordwind-fr', 4],
      ['paranova', 4],
      ['kestrel', 3],
    ]);
  });
});

/** The digest's input, read from the store the plain way: every open account (restricted ones left out), scored now. */
async function readInput(
  ws: WorkspaceStore,
  now: Date,
  options: { includeRestricted?: boolean } = {},
): Promise<DigestInput> {
  const settings = resolveHealthSettings((await ws.workspaceSettings.get()).healthSettings);
  const accounts = (await ws.accounts.list()).filter(
    (account) => options.includeRestricted || account.visibility === 'open',
  );
  const names = new Map((await ws.users.list()).map((user) => [user.id, user.displayName]));
  const activity = ws.healthFacts.read(new Date(now.getTime() - 90 * DAY));
  const weeks = [7, 6, 5, 4, 3, 2, 1].map((back) => isoWeekKey(new Date(now.getTime() - back * 7 * DAY)));
  const snapshots = await ws.snapshots.forPeriods(weeks);
  const snapshot = (accountId: number, week: string | undefined) =>
    snapshots.find((s) => s.accountId === accountId && s.periodKey === week);
  const weekStart = now.getTime() - 7 * DAY;

  const opportunities: DigestOpportunity[] = [];
  for (const account of accounts) {
    for (const o of await ws.opportunities.forAccount(account.id)) {
      if (!OPEN_STAGES.includes(o.stage) && (o.closedAt === null || o.closedAt.getTime() < weekStart)) continue;
      const { accountId, title, stage, value, currency, expectedCloseAt, closedAt, lossReason } = o;
      opportunities.push({ accountId, title, stage, value, currency, expectedCloseAt, closedAt, lossReason });
    }
  }
  const overdueTasks = (await ws.tasks.list({ dueBefore: new Date(startOfUtcDay(now)) }, 10_000)).flatMap((t) =>
    t.dueAt === null
      ? []
      : [
          {
            accountId: t.accountId,
            title: t.title,
            dueAt: t.dueAt,
            assigneeName: t.assigneeId === null ? null : (names.get(t.assigneeId) ?? null),
          },
        ],
  );

  return {
    now,
    settings,
    accounts: accounts.map((account) => {
      const facts = healthFactsOf(account, activity.get(account.id), names);
      const notes = activity.get(account.id)?.notes ?? [];
      return {
        id: account.id,
        key: account.key,
        name: account.name,
        tier: account.tier,
        ownerName: account.ownerId === null ? null : (names.get(account.ownerId) ?? null),
        renewalAt: account.renewalAt,
        health: computeHealth(facts, now, settings),
        previousWeeks: weeks.map((week) => snapshot(account.id, week)?.score ?? null),
        lastWeekBand: snapshot(account.id, weeks.at(-1))?.band ?? null,
        lastInteractionAt: facts.lastInteractionAt,
        notesThisWeek: notes.filter((n) => n.occurredAt.getTime() >= weekStart && n.occurredAt <= now).length,
      };
    }),
    opportunities,
    overdueTasks,
  };
}
