// The digest job: each subscription's digest, once per period. The run is claimed (recorded) before posting, marked
// posted after; a run left pending by a process that died is reconciled by asking the platform whether the post is
// there, so a crash between posting and recording never posts twice. A missed period goes out on return if it is
// still the current one; older ones are skipped and logged.

import { CronExpressionParser } from 'cron-parser';
import { composeDigest } from '../domain/digest.ts';
import { resolveHealthSettings } from '../domain/health-settings.ts';
import { pickLocale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';
import type { Logger } from '../logger.ts';
import { digestReply } from '../replies/digest-reply.ts';
import { formatDayIn } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import type { DigestSubscription, Store, WorkspaceStore } from '../store/store.ts';
import { type Poster, PostUnconfirmedError } from './poster.ts';

/** How long a process may hold a run before others take it as abandoned. */
export const LEASE_MS = 2 * 60_000;

export interface DigestJobDeps {
  store: Store;
  poster: Poster;
  clock: () => Date;
  logger: Logger;
  /** Names this process in leases (host and pid). */
  owner: string;
}

/** The period a scheduled slot stands for, in the subscription's own time: "2026-11-30T09:00". */
export function periodKeyOf(slot: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(slot);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The schedule's last slot at or before `now`, the one before it, and the next one. */
export function slotsAround(cron: string, timeZone: string, now: Date): { previous: Date; earlier: Date; next: Date } {
  const after = CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1), tz: timeZone });
  const previous = after.prev().toDate();
  const earlier = after.prev().toDate();
  const next = CronExpressionParser.parse(cron, { currentDate: now, tz: timeZone }).next().toDate();
  return { previous, earlier, next };
}

/** The digest a subscription would post now, as a reply. */
export async function subscriptionDigest(
  ws: WorkspaceStore,
  subscription: DigestSubscription,
  now: Date,
): Promise<Reply> {
  const workspace = await ws.workspaceSettings.get();
  const input = await ws.digestData.read(subscription.filter, now, resolveHealthSettings(workspace.healthSettings), {
    platform: subscription.platform,
    id: subscription.channelId,
  });
  // A channel has no language of its own: the digest is in the workspace's.
  const locale = pickLocale(workspace.locale);
  return digestReply(composeDigest(input), {
    title: t(locale, 'digest.title', { kind: 'now', day: formatDayIn(now, subscription.timeZone, locale) }),
    timeZone: subscription.timeZone,
    locale,
  });
}

export type RunResult = 'posted' | 'reconciled' | 'busy' | 'done' | 'failed';

export async function runSubscriptionDigest(
  deps: DigestJobDeps,
  subscription: DigestSubscription,
  slot: Date,
): Promise<RunResult> {
  const ws = deps.store.forWorkspace(subscription.workspaceId);
  const periodKey = periodKeyOf(slot, subscription.timeZone);
  const now = deps.clock();
  const claim = await ws.digestRuns.claim(subscription.id, periodKey, deps.owner, now, LEASE_MS);
  if (claim.kind === 'busy' || claim.kind === 'done') return claim.kind;
  const target = { platform: subscription.platform, channelId: subscription.channelId };
  const key = `${subscription.id}:${periodKey}`;
  const log = { subscription: subscription.id, period: periodKey };
  if (claim.kind === 'recovered') {
    // The run was left pending by a process that died, or failed (perhaps after the platform took the post).
    const found = await deps.poster.find(target, subscription.workspaceId, key, claim.run.startedAt);
    if (found === 'unknown' && claim.was === 'pending') {
      // Posting again could post twice; not posting could miss one. A second post in a channel is worse.
      deps.logger.warn(
        log,
        'a digest run was interrupted and the platform cannot tell whether it was posted; not posting again',
      );
      await ws.digestRuns.markPosted(claim.run.id, null, now, 'interrupted; not confirmed by the platform');
      return 'reconciled';
    }
    if (found && found !== 'unknown') {
      await ws.digestRuns.markPosted(claim.run.id, found, now, 'posted before an interruption; found on the platform');
      deps.logger.info(log, 'found the digest posted before an interruption; recorded it');
      return 'reconciled';
    }
  }
  try {
    const reply = await subscriptionDigest(ws, subscription, now);
    const posted = await deps.poster.post(target, subscription.workspaceId, reply, key);
    await ws.digestRuns.markPosted(claim.run.id, posted, deps.clock());
    deps.logger.info(log, 'posted a digest');
    return 'posted';
  } catch (error) {
    if (error instanceof PostUnconfirmedError) {
      // The platform may have taken it: a run marked failed would post it again at the next start.
      deps.logger.warn({ ...log, err: error }, 'a digest may have been posted; not confirmed by the platform');
      await ws.digestRuns.markPosted(
        claim.run.id,
        null,
        deps.clock(),
        `not confirmed by the platform: ${error.message}`,
      );
      return 'reconciled';
    }
    deps.logger.error({ ...log, err: error }, 'a digest could not be posted');
    await ws.digestRuns.markFailed(claim.run.id, error instanceof Error ? error.message : String(error));
    return 'failed';
  }
}

/**
 * Each subscription's last slot goes out now if it was missed and is still the current period (the next slot has
 * not come yet); the slot before it, if it was missed too, is recorded as skipped and logged. At start every
 * unfinished run is retried; the minutely sweep leaves failed ones alone (a channel that refuses posts would be
 * asked every minute) and only takes over runs whose process died.
 */
export async function catchUpDigests(
  deps: DigestJobDeps,
  subscriptions: DigestSubscription[],
  options: { retryFailed: boolean } = { retryFailed: true },
): Promise<void> {
  const now = deps.clock();
  for (const subscription of subscriptions) {
    try {
      const { previous, earlier } = slotsAround(subscription.cron, subscription.timeZone, now);
      if (previous < subscription.createdAt) continue;
      const ws = deps.store.forWorkspace(subscription.workspaceId);
      const earlierKey = periodKeyOf(earlier, subscription.timeZone);
      if (earlier >= subscription.createdAt && !(await ws.digestRuns.find(subscription.id, earlierKey))) {
        deps.logger.warn(
          { subscription: subscription.id, period: earlierKey },
          'a digest was missed long ago; skipping it',
        );
        await ws.digestRuns.markSkipped(subscription.id, earlierKey, 'missed while kam-bot was not running', now);
      }
      const run = await ws.digestRuns.find(subscription.id, periodKeyOf(previous, subscription.timeZone));
      const unfinished =
        !run ||
        (run.status === 'pending' && run.leaseUntil !== null && run.leaseUntil <= now) ||
        (run.status === 'failed' && options.retryFailed);
      if (unfinished) await runSubscriptionDigest(deps, subscription, previous);
    } catch (error) {
      deps.logger.error({ err: error, subscription: subscription.id }, 'catching up a digest failed');
    }
  }
}
