// The one place that knows when jobs run. Every cron registration is here: each digest subscription on its own
// schedule and time zone, the weekly health snapshots, the hourly reminder sweep, a nightly refresh of SQLite's
// table statistics, and a minutely sync that picks up subscriptions added or removed in chat (by any process). Each tick is wrapped so one failure is logged and the
// schedule goes on; stop() ends them all.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';
import type { DigestSubscription, Store } from '../store/store.ts';
import { catchUpDigests, type DigestJobDeps, runSubscriptionDigest } from './digest-job.ts';
import { recordWeeklySnapshots } from './health-snapshots.ts';
import type { Poster } from './poster.ts';
import { sendTaskReminders } from './reminders.ts';

export const SNAPSHOT_CRON = '0 2 * * 1';
export const REMINDER_CRON = '5 * * * *';
export const SYNC_CRON = '* * * * *';
export const STATISTICS_CRON = '30 3 * * *';

export interface SchedulerDeps {
  store: Store;
  poster: Poster;
  clock: () => Date;
  logger: Logger;
  owner: string;
}

function signature(subscription: DigestSubscription): string {
  return `${subscription.cron}|${subscription.timeZone}|${subscription.paused}`;
}

export class Scheduler {
  private readonly fixed: ScheduledTask[] = [];
  private readonly digests = new Map<number, { task: ScheduledTask; signature: string }>();
  private readonly jobDeps: DigestJobDeps;
  /** Jobs running now: stopping waits for them (a digest half-posted is reconciled, but better finished). */
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: SchedulerDeps) {
    this.jobDeps = { ...deps };
  }

  private guarded(name: string, work: (date: Date) => Promise<unknown>) {
    return async (context: { date: Date }) => {
      const run = (async () => {
        try {
          await work(context.date);
        } catch (error) {
          this.deps.logger.error({ err: error, job: name }, 'a scheduled job failed');
        }
      })();
      this.running.add(run);
      await run.finally(() => this.running.delete(run));
    };
  }

  /** Registers every job and catches up what was missed while kam-bot was not running. */
  async start(): Promise<void> {
    this.fixed.push(
      cron.schedule(
        SNAPSHOT_CRON,
        this.guarded('health-snapshots', () => this.snapshots()),
        {
          name: 'health-snapshots',
          timezone: 'UTC',
          noOverlap: true,
        },
      ),
      cron.schedule(
        REMINDER_CRON,
        this.guarded('reminders', () => sendTaskReminders(this.deps)),
        {
          name: 'reminders',
          timezone: 'UTC',
          noOverlap: true,
        },
      ),
      cron.schedule(
        STATISTICS_CRON,
        this.guarded('statistics', () => this.deps.store.refreshStatistics()),
        { name: 'statistics', timezone: 'UTC', noOverlap: true },
      ),
      cron.schedule(
        SYNC_CRON,
        this.guarded('sync', () => this.sweep()),
        { name: 'digest-sync', noOverlap: true },
      ),
    );
    const subscriptions = await this.sync();
    await catchUpDigests(this.jobDeps, subscriptions);
  }

  /** Each minute: pick up subscriptions changed in chat, and take over runs left behind by a process that died. */
  private async sweep(): Promise<void> {
    const subscriptions = await this.sync();
    await catchUpDigests(this.jobDeps, subscriptions, { retryFailed: false });
  }

  /** Makes the registered digest schedules match the subscriptions in the database. */
  async sync(): Promise<DigestSubscription[]> {
    const subscriptions = await this.deps.store.allDigestSubscriptions();
    const wanted = new Map(subscriptions.map((subscription) => [subscription.id, subscription]));
    for (const [id, registered] of this.digests) {
      const subscription = wanted.get(id);
      if (!subscription || signature(subscription) !== registered.signature) {
        await registered.task.destroy();
        this.digests.delete(id);
      }
    }
    for (const subscription of subscriptions) {
      if (this.digests.has(subscription.id)) continue;
      const task = cron.schedule(
        subscription.cron,
        this.guarded(`digest-${subscription.id}`, (date) => runSubscriptionDigest(this.jobDeps, subscription, date)),
        { name: `digest-${subscription.id}`, timezone: subscription.timeZone, noOverlap: true },
      );
      this.digests.set(subscription.id, { task, signature: signature(subscription) });
    }
    return subscriptions;
  }

  private async snapshots(): Promise<void> {
    const now = this.deps.clock();
    for (const workspace of await this.deps.store.workspaces.list()) {
      await recordWeeklySnapshots(this.deps.store.forWorkspace(workspace.id), workspace, now);
    }
  }

  /** The digest schedule registered for a subscription (for tests and diagnostics). */
  digestTask(subscriptionId: number): ScheduledTask | undefined {
    return this.digests.get(subscriptionId)?.task;
  }

  /** Ends every schedule, then waits for the jobs still running. */
  async stop(): Promise<void> {
    for (const task of [...this.fixed, ...[...this.digests.values()].map((entry) => entry.task)]) await task.destroy();
    this.fixed.length = 0;
    this.digests.clear();
    await Promise.allSettled([...this.running]);
  }
}
