// Health as commands show it: computed live from the store, with the trend from weekly snapshots.
import { computeHealth, type Health } from '../domain/health.ts';
import { type HealthSettings, resolveHealthSettings } from '../domain/health-settings.ts';
import { isoWeekKey, TREND_WEEKS, type Trend, trendOf } from '../domain/health-trend.ts';
import type { Account } from '../domain/records.ts';
import { healthFactsOf, scoringFactsOf } from '../store/store.ts';
import type { CommandContext } from './context.ts';

const DAY_MS = 86_400_000;
/** Activity older than this does not move the score (see health-components.ts). */
export const HEALTH_WINDOW_DAYS = 90;

export function healthSettingsOf(ctx: CommandContext): HealthSettings {
  return resolveHealthSettings(ctx.workspace.healthSettings);
}

/** The ISO weeks before this one, oldest first: where the trend's earlier points come from. */
export function previousWeeks(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    isoWeekKey(new Date(now.getTime() - (count - index) * 7 * DAY_MS)),
  );
}

async function overrideAuthors(ctx: CommandContext, accounts: readonly Account[]): Promise<Map<number, string>> {
  const ids = accounts.flatMap((account) => (account.healthOverride?.byId ? [account.healthOverride.byId] : []));
  const users = await ctx.store.users.byIds(ids);
  return new Map([...users].map(([id, user]) => [id, user.displayName]));
}

/** Health of many accounts at once: five queries, whatever their number. */
export async function healthOfMany(ctx: CommandContext, accounts: readonly Account[]): Promise<Map<number, Health>> {
  const now = ctx.now();
  const settings = healthSettingsOf(ctx);
  // Tallied, not listed: a portfolio's notes, contacts and follow-ups never become objects (health-scoring.ts).
  const activity = ctx.store.healthFacts.tallied(now);
  const names = await overrideAuthors(ctx, accounts);
  return new Map(
    accounts.map((account) => [
      account.id,
      computeHealth(scoringFactsOf(account, activity.get(account.id), now, names), now, settings),
    ]),
  );
}

export interface AccountHealth {
  health: Health;
  trend: Trend;
  /** Weekly scores, oldest first, ending with today's. */
  weekly: (number | null)[];
}

export async function healthOf(ctx: CommandContext, account: Account): Promise<AccountHealth> {
  const now = ctx.now();
  const activity = ctx.store.healthFacts.read(new Date(now.getTime() - HEALTH_WINDOW_DAYS * DAY_MS), account.id);
  const names = await overrideAuthors(ctx, [account]);
  const health = computeHealth(healthFactsOf(account, activity.get(account.id), names), now, healthSettingsOf(ctx));
  const weeks = previousWeeks(now, TREND_WEEKS - 1);
  const snapshots = new Map(
    (await ctx.store.snapshots.history(account.id, weeks)).map((snapshot) => [snapshot.periodKey, snapshot.score]),
  );
  const weekly = [...weeks.map((week) => snapshots.get(week) ?? null), health.score];
  return { health, trend: trendOf(weekly), weekly };
}
