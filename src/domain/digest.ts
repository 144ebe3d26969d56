// The weekly portfolio digest, composed from plain data (DESIGN.md, "Digests"): what changed, what is due, what
// needs someone. Pure: the store reads the input, src/replies/digest-reply.ts shows the result.
import { keyed } from '../i18n/translate.ts';
import type { Digest, DigestAccount, DigestInput, DigestLine } from './digest-types.ts';
import type { Health } from './health.ts';
import { calendarDaysBetween, DAY_MS, startOfUtcDay } from './health-time.ts';
import { trendOf } from './health-trend.ts';
import { type HealthBand, OPEN_STAGES } from './records.ts';

/** Renewals this close are listed. */
export const RENEWAL_HORIZON_DAYS = 60;
/** Open opportunities expected to close this soon are listed. */
export const CLOSING_HORIZON_DAYS = 30;
/** The digest's week: the wins and losses of this many days before `now`. */
export const WEEK_DAYS = 7;
/** How many accounts "most active" names. */
export const MOST_ACTIVE_COUNT = 5;

export const UNASSIGNED = 'unassigned';

/** green 0, amber 1, red 2: a higher rank is worse. */
const BAND_RANK: Record<HealthBand, number> = { green: 0, amber: 1, red: 2 };

const byName = (a: DigestLine, b: DigestLine) => a.account.name.localeCompare(b.account.name);

function lineOf(account: DigestAccount): DigestLine {
  const { id, key, name, tier, ownerName } = account;
  return { account: { id, key, name, tier, ownerName } };
}

/** Why an account is where it is: a gut feel set by hand explains itself better than the weakest component. */
function reasonOf(health: Health): string | null {
  return health.override ? keyed('digest.gutFeel', { reason: health.override.reason }) : health.topReason;
}

export function composeDigest(input: DigestInput): Digest {
  const { now } = input;
  const byId = new Map(input.accounts.map((account) => [account.id, account]));
  return {
    now,
    counts: countsOf(input.accounts),
    lastWeekCounts: lastWeekCountsOf(input.accounts),
    needsAttention: needsAttention(input.accounts),
    goingQuiet: goingQuiet(input),
    renewals: renewals(input.accounts, now),
    closing: closing(input, byId),
    pastClose: pastClose(input, byId),
    unscored: unscored(input.accounts),
    ...winsAndLosses(input, byId),
    overdueByOwner: overdueByOwner(input, byId),
    mostActive: mostActive(input.accounts),
  };
}

function countsOf(accounts: DigestAccount[]): Digest['counts'] {
  const counts = { green: 0, amber: 0, red: 0, unscored: 0 };
  for (const account of accounts) counts[account.health.band ?? 'unscored']++;
  return counts;
}

function lastWeekCountsOf(accounts: DigestAccount[]): Digest['lastWeekCounts'] {
  const counts = { green: 0, amber: 0, red: 0 };
  let any = false;
  for (const account of accounts) {
    if (account.lastWeekBand === null) continue;
    counts[account.lastWeekBand]++;
    any = true;
  }
  return any ? counts : null;
}

/** Amber or red now, and either worse than last week's snapshot or without one (new to the digest). */
function needsAttention(accounts: DigestAccount[]): Digest['needsAttention'] {
  return accounts
    .flatMap((account) => {
      const { band, score } = account.health;
      if (band === null || score === null || band === 'green') return [];
      const previous = account.lastWeekBand;
      if (previous !== null && BAND_RANK[previous] >= BAND_RANK[band]) return [];
      return [
        {
          ...lineOf(account),
          band,
          previousBand: previous,
          score,
          reason: reasonOf(account.health),
          trend: trendOf([...account.previousWeeks, score]),
        },
      ];
    })
    .sort((a, b) => BAND_RANK[b.band] - BAND_RANK[a.band] || a.score - b.score || byName(a, b));
}

/** Longer without contact than the tier expects; never contacted counts as the most overdue of all. */
function goingQuiet(input: DigestInput): Digest['goingQuiet'] {
  const overdueBy = (line: { days: number | null; cadenceDays: number }) =>
    line.days === null ? Number.POSITIVE_INFINITY : line.days / line.cadenceDays;
  return input.accounts
    .flatMap((account) => {
      const cadenceDays = input.settings.cadenceDays[account.tier];
      const days =
        account.lastInteractionAt === null
          ? null
          : Math.max(0, calendarDaysBetween(account.lastInteractionAt, input.now));
      if (days !== null && days <= cadenceDays) return [];
      return [{ ...lineOf(account), days, cadenceDays }];
    })
    .sort((a, b) => {
      const ratio = overdueBy(b) - overdueBy(a);
      // Infinity − Infinity is NaN: two accounts never contacted fall through to the name.
      return (Number.isNaN(ratio) ? 0 : ratio) || byName(a, b);
    });
}

function renewals(accounts: DigestAccount[], now: Date): Digest['renewals'] {
  return accounts
    .flatMap((account) => {
      const renewalAt = account.renewalAt;
      if (renewalAt === null) return [];
      const days = calendarDaysBetween(now, renewalAt);
      if (days < 0 || days > RENEWAL_HORIZON_DAYS) return [];
      return [{ ...lineOf(account), renewalAt, days }];
    })
    .sort((a, b) => a.renewalAt.getTime() - b.renewalAt.getTime() || byName(a, b));
}

/** Open opportunities with a close date `daysOf` keeps (null: left out), earliest close first. */
function openByClose(
  input: DigestInput,
  byId: Map<number, DigestAccount>,
  daysOf: (close: Date) => number | null,
): Digest['closing'] {
  return input.opportunities
    .flatMap((opportunity) => {
      const account = byId.get(opportunity.accountId);
      const expectedCloseAt = opportunity.expectedCloseAt;
      if (!account || expectedCloseAt === null || !OPEN_STAGES.includes(opportunity.stage)) return [];
      const days = daysOf(expectedCloseAt);
      if (days === null) return [];
      const { title, value, currency } = opportunity;
      return [{ ...lineOf(account), title, value, currency, expectedCloseAt, days }];
    })
    .sort(
      (a, b) =>
        a.expectedCloseAt.getTime() - b.expectedCloseAt.getTime() || byName(a, b) || a.title.localeCompare(b.title),
    );
}

/** Expected to close from today to CLOSING_HORIZON_DAYS ahead; `days` until then. */
function closing(input: DigestInput, byId: Map<number, DigestAccount>): Digest['closing'] {
  return openByClose(input, byId, (close) => {
    const days = calendarDaysBetween(input.now, close);
    return days < 0 || days > CLOSING_HORIZON_DAYS ? null : days;
  });
}

/** Still open after the day it was expected to close (the date, or the deal, needs a look); `days` since then. */
function pastClose(input: DigestInput, byId: Map<number, DigestAccount>): Digest['pastClose'] {
  return openByClose(input, byId, (close) => {
    const days = calendarDaysBetween(close, input.now);
    return days > 0 ? days : null;
  });
}

function unscored(accounts: DigestAccount[]): Digest['unscored'] {
  return accounts
    .flatMap((account) =>
      account.health.score === null ? [{ ...lineOf(account), missing: account.health.missing }] : [],
    )
    .sort((a, b) => a.account.tier.localeCompare(b.account.tier) || byName(a, b));
}

function winsAndLosses(input: DigestInput, byId: Map<number, DigestAccount>): Pick<Digest, 'wins' | 'losses'> {
  const wins: Digest['wins'] = [];
  const losses: Digest['losses'] = [];
  const weekStart = input.now.getTime() - WEEK_DAYS * DAY_MS;
  for (const opportunity of input.opportunities) {
    const account = byId.get(opportunity.accountId);
    const closedAt = opportunity.closedAt;
    if (!account || closedAt === null) continue;
    // The week is the 7 × 24 hours before `now`, not 7 calendar days: digests sent at the same hour every week then
    // each report a close exactly once. One stamped a little ahead of our clock counts as this week's.
    if (closedAt.getTime() < weekStart) continue;
    const { title, value, currency } = opportunity;
    if (opportunity.stage === 'won') wins.push({ ...lineOf(account), title, value, currency, closedAt });
    if (opportunity.stage === 'lost') {
      losses.push({ ...lineOf(account), title, value, currency, reason: opportunity.lossReason, closedAt });
    }
  }
  const newestFirst = (a: { closedAt: Date } & DigestLine, b: { closedAt: Date } & DigestLine) =>
    b.closedAt.getTime() - a.closedAt.getTime() || byName(a, b);
  return { wins: wins.sort(newestFirst), losses: losses.sort(newestFirst) };
}

function overdueByOwner(input: DigestInput, byId: Map<number, DigestAccount>): Digest['overdueByOwner'] {
  const startOfToday = startOfUtcDay(input.now);
  const groups = new Map<string, Digest['overdueByOwner'][number]['tasks']>();
  for (const task of input.overdueTasks) {
    const account = byId.get(task.accountId);
    // Due today is not overdue yet (as in the follow-through score).
    if (!account || task.dueAt.getTime() >= startOfToday) continue;
    const owner = task.assigneeName ?? UNASSIGNED;
    const tasks = groups.get(owner) ?? [];
    tasks.push({
      ...lineOf(account),
      title: task.title,
      dueAt: task.dueAt,
      days: calendarDaysBetween(task.dueAt, input.now),
    });
    groups.set(owner, tasks);
  }
  return [...groups]
    .map(([owner, tasks]) => ({
      owner,
      tasks: tasks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || byName(a, b)),
    }))
    .sort((a, b) => b.tasks.length - a.tasks.length || a.owner.localeCompare(b.owner));
}

function mostActive(accounts: DigestAccount[]): Digest['mostActive'] {
  // The first few of a stable sort, kept while walking the accounts once: sorting thousands to name five cost more
  // than the rest of the section. A newcomer goes after its equals, as the stable sort would leave it.
  const top: Digest['mostActive'] = [];
  for (const account of accounts) {
    if (account.notesThisWeek <= 0) continue;
    const line = { ...lineOf(account), notes: account.notesThisWeek };
    let at = top.length;
    while (at > 0 && compareActive(line, top[at - 1] as (typeof top)[number]) < 0) at--;
    if (at < MOST_ACTIVE_COUNT) top.splice(at, 0, line);
    if (top.length > MOST_ACTIVE_COUNT) top.pop();
  }
  return top;
}

function compareActive(a: Digest['mostActive'][number], b: Digest['mostActive'][number]): number {
  return b.notes - a.notes || byName(a, b);
}
