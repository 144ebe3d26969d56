// Everything a digest needs, read for a subscription's filter in a handful of queries whatever the portfolio's
// size: accounts with their live health and last weeks' snapshots, opportunities, overdue follow-ups.
// Restricted accounts are never read: digests are posted where people outside the account team may read them.
import type BetterSqlite3 from 'better-sqlite3';
import type { DigestAccount, DigestInput, DigestOpportunity, DigestTask } from '../domain/digest-types.ts';
import { computeHealth } from '../domain/health.ts';
import type { HealthSettings } from '../domain/health-settings.ts';
import { isoWeekKey } from '../domain/health-trend.ts';
import { normalize } from '../domain/normalize.ts';
import type { Account, HealthBand, OpportunityStage, Platform } from '../domain/records.ts';
import { AccountRepository } from './accounts.ts';
import type { DigestFilter } from './digests.ts';
import { HealthFactsReader, healthFactsOf } from './health-facts.ts';
import { HealthSnapshotRepository } from './health-snapshots.ts';
import type { Db } from './prisma.ts';
import { fromSqlDate, toSqlDate } from './sql-dates.ts';

const DAY_MS = 86_400_000;
const HEALTH_WINDOW_DAYS = 90;
const WEEK_DAYS = 7;
const TREND_PAST_WEEKS = 7;

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export class DigestReader {
  constructor(
    private readonly db: Db,
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  /** The accounts a filter selects (never restricted or archived ones). */
  async accounts(filter: DigestFilter, channel: { platform: Platform; id: string } | null): Promise<Account[]> {
    const all = (await new AccountRepository(this.db, this.sqlite, this.workspaceId).list()).filter(
      (account) => account.visibility === 'open',
    );
    let selected = all;
    if (filter.linkedToChannel) {
      const link = channel
        ? await this.db.channelLink.findFirst({
            where: { workspaceId: this.workspaceId, platform: channel.platform, channelId: channel.id },
          })
        : null;
      const root = link?.accountId ?? -1;
      selected = selected.filter((account) => account.id === root || account.parentId === root);
    }
    if (filter.ownerId !== undefined) selected = selected.filter((account) => account.ownerId === filter.ownerId);
    if (filter.tier) selected = selected.filter((account) => account.tier === filter.tier);
    if (filter.region) {
      const region = normalize(filter.region);
      selected = selected.filter((account) => normalize(account.region ?? '') === region);
    }
    if (filter.accountIds?.length) {
      const wanted = new Set(filter.accountIds);
      selected = selected.filter((account) => wanted.has(account.id));
    }
    return selected;
  }

  async read(
    filter: DigestFilter,
    now: Date,
    settings: HealthSettings,
    channel: { platform: Platform; id: string } | null = null,
  ): Promise<DigestInput> {
    const accounts = await this.accounts(filter, channel);
    const ids = new Set(accounts.map((account) => account.id));
    const weekAgo = new Date(now.getTime() - WEEK_DAYS * DAY_MS);
    const activity = new HealthFactsReader(this.sqlite, this.workspaceId).read(
      new Date(now.getTime() - HEALTH_WINDOW_DAYS * DAY_MS),
    );
    const weeks = Array.from({ length: TREND_PAST_WEEKS }, (_, index) =>
      isoWeekKey(new Date(now.getTime() - (TREND_PAST_WEEKS - index) * WEEK_DAYS * DAY_MS)),
    );
    const snapshots = await new HealthSnapshotRepository(this.db, this.workspaceId).forPeriods(weeks);
    const byAccountWeek = new Map(
      snapshots.map((snapshot) => [`${snapshot.accountId}:${snapshot.periodKey}`, snapshot]),
    );
    const names = this.userNames();
    const lastWeek = weeks[weeks.length - 1] ?? '';

    const digestAccounts: DigestAccount[] = accounts.map((account) => {
      const seen = activity.get(account.id);
      const facts = healthFactsOf(account, seen, names);
      return {
        id: account.id,
        key: account.key,
        name: account.name,
        tier: account.tier,
        ownerName: account.ownerId === null ? null : (names.get(account.ownerId) ?? null),
        renewalAt: account.renewalAt,
        health: computeHealth(facts, now, settings),
        previousWeeks: weeks.map((week) => byAccountWeek.get(`${account.id}:${week}`)?.score ?? null),
        lastWeekBand: (byAccountWeek.get(`${account.id}:${lastWeek}`)?.band as HealthBand | undefined) ?? null,
        lastInteractionAt: facts.lastInteractionAt,
        notesThisWeek: (seen?.notes ?? []).filter((note) => note.occurredAt >= weekAgo && note.occurredAt <= now)
          .length,
      };
    });
    return {
      now,
      settings,
      accounts: digestAccounts,
      opportunities: this.opportunities(weekAgo).filter((opp) => ids.has(opp.accountId)),
      overdueTasks: this.overdueTasks(startOfUtcDay(now), names).filter((task) => ids.has(task.accountId)),
    };
  }

  private userNames(): Map<number, string> {
    const rows = this.sqlite
      .prepare('SELECT id, displayName FROM User WHERE workspaceId = ?')
      .all(this.workspaceId) as { id: number; displayName: string }[];
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** Open opportunities, and those closed since `since`. */
  private opportunities(since: Date): DigestOpportunity[] {
    const rows = this.sqlite
      .prepare(
        `SELECT accountId, title, stage, value, currency, expectedCloseAt, closedAt, lossReason FROM Opportunity
         WHERE workspaceId = ? AND (stage IN ('lead', 'qualify', 'propose', 'negotiate') OR closedAt >= ?)`,
      )
      .all(this.workspaceId, toSqlDate(since)) as (Omit<DigestOpportunity, 'expectedCloseAt' | 'closedAt' | 'stage'> & {
      stage: OpportunityStage;
      expectedCloseAt: string | null;
      closedAt: string | null;
    })[];
    return rows.map((row) => ({
      ...row,
      expectedCloseAt: fromSqlDate(row.expectedCloseAt),
      closedAt: fromSqlDate(row.closedAt),
    }));
  }

  private overdueTasks(today: Date, names: Map<number, string>): DigestTask[] {
    const rows = this.sqlite
      .prepare(
        `SELECT accountId, title, dueAt, assigneeId FROM Task
         WHERE workspaceId = ? AND doneAt IS NULL AND dueAt IS NOT NULL AND dueAt < ?`,
      )
      .all(this.workspaceId, toSqlDate(today)) as {
      accountId: number;
      title: string;
      dueAt: string;
      assigneeId: number | null;
    }[];
    return rows.map((row) => ({
      accountId: row.accountId,
      title: row.title,
      dueAt: fromSqlDate(row.dueAt),
      assigneeName: row.assigneeId === null ? null : (names.get(row.assigneeId) ?? null),
    }));
  }
}
