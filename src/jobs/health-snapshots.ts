// Weekly health snapshots: the source of every trend. `recordWeeklySnapshots` is the weekly job (the scheduler runs
// it); `backfillSnapshots` estimates the weeks before there were snapshots, from the dated records (the demo uses it).
import { computeHealth } from '../domain/health.ts';
import { factsAsOf } from '../domain/health-history.ts';
import { resolveHealthSettings } from '../domain/health-settings.ts';
import { isoWeekKey } from '../domain/health-trend.ts';
import type { Workspace } from '../domain/records.ts';
import { historyFactsOf, scoringFactsOf, type WorkspaceStore } from '../store/store.ts';

const DAY_MS = 86_400_000;

/** Records this week's health of every account in the workspace; a second run in the same week replaces it. */
export async function recordWeeklySnapshots(store: WorkspaceStore, workspace: Workspace, now: Date): Promise<number> {
  const settings = resolveHealthSettings(workspace.healthSettings);
  const accounts = await store.accounts.list();
  const activity = store.healthFacts.tallied(now);
  const periodKey = isoWeekKey(now);
  for (const account of accounts) {
    const health = computeHealth(scoringFactsOf(account, activity.get(account.id), now), now, settings);
    if (health.score === null || health.band === null) continue;
    await store.snapshots.record({
      accountId: account.id,
      periodKey,
      score: health.score,
      band: health.band,
      components: health.components,
      computedAt: now,
    });
  }
  return accounts.length;
}

/**
 * Snapshots for the `weeks` weeks before `now`, as the records say those weeks stood (see factsAsOf: an estimate).
 * Computed scores only: a manual override is today's opinion, not the past's.
 */
export async function backfillSnapshots(
  store: WorkspaceStore,
  workspace: Workspace,
  now: Date,
  weeks: number,
): Promise<number> {
  const settings = resolveHealthSettings(workspace.healthSettings);
  const accounts = await store.accounts.list();
  const activity = store.healthFacts.read(new Date(0));
  let recorded = 0;
  for (const account of accounts) {
    const history = historyFactsOf({ ...account, healthOverride: null }, activity.get(account.id));
    for (let week = weeks; week >= 1; week--) {
      const at = new Date(now.getTime() - week * 7 * DAY_MS);
      const health = computeHealth(factsAsOf(history, at), at, settings);
      if (health.score === null || health.band === null) continue;
      await store.snapshots.record({
        accountId: account.id,
        periodKey: isoWeekKey(at),
        score: health.score,
        band: health.band,
        components: health.components,
        computedAt: at,
      });
      recorded++;
    }
  }
  return recorded;
}
