// Nothing acknowledged is lost: each front end records a request before acknowledging it (store/inbound.ts), runs
// it here, and the request is complete once its effect is saved. A request this process does not finish (it died,
// or it is stopping, or Slack was unreachable) stays pending; recovery runs it again, here or in the next process,
// through the same code it took the first time. Runs are leased, so two processes never run the same request.
import type { Platform } from '../domain/records.ts';
import type { Logger } from '../logger.ts';
import { ownerIsGone, PROCESS_OWNER } from '../process-owner.ts';
import type { Store } from '../store/store.ts';
import {
  completingRequest,
  completionOf,
  type InboundRequest,
  type Lease,
  type NewInbound,
  type Recorded,
} from '../store/store.ts';

/** How long a run holds its request before another process may take it; renewed while the run goes on. */
export const LEASE_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
/** Recovery looks for requests left pending this often (and once at start). */
export const RECOVERY_EVERY_MS = 10_000;
/** A completion that keeps failing for a passing reason is given up after this long. */
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** Finished requests are kept this long, to recognise a redelivery or a replay. */
const KEEP_FINISHED_MS = 24 * 60 * 60_000;

/** What a front end's code tells about the run of one request. */
export interface InboundHandle {
  readonly requestId: number | null;
  /** The request was received before, by this process or one that is gone, and is being run again. */
  readonly recovered: boolean;
  /** Runs the request's effect: its first saved write completes the request (in the same transaction). */
  effect<T>(work: () => Promise<T>): Promise<T>;
  /** Not completed this time, for a passing reason: run it again later. */
  retryLater(reason: unknown): void;
  /** Cannot be completed (the message is gone, say): give up, with the reason. */
  fail(reason: string): void;
}

/** For requests that are not recorded (menus' option lists) and for code run outside a request. */
export const UNRECORDED: InboundHandle = {
  requestId: null,
  recovered: false,
  effect: (work) => work(),
  retryLater: () => {},
  fail: () => {},
};

class RunningRequest implements InboundHandle {
  retry: string | null = null;
  failure: string | null = null;
  /** Marked when the effect's transaction marked the request complete; then nothing is left to record. */
  readonly completion;

  constructor(
    readonly request: InboundRequest,
    readonly recovered: boolean,
  ) {
    this.completion = completionOf(request.id);
  }

  get requestId(): number {
    return this.request.id;
  }

  effect<T>(work: () => Promise<T>): Promise<T> {
    return completingRequest(this.completion, work);
  }

  retryLater(reason: unknown): void {
    this.retry = reason instanceof Error ? reason.message : String(reason);
  }

  fail(reason: string): void {
    this.failure = reason;
  }
}

export type Replay = (
  request: InboundRequest,
  run: (work: (handle: InboundHandle) => Promise<void>) => Promise<void>,
) => Promise<void>;

export interface InboundRuntimeOptions {
  store: Store;
  logger: Logger;
  clock?: () => Date;
  owner?: string;
}

export class InboundRuntime {
  /** Each request running now, with the promise of its run. */
  private readonly running = new Map<RunningRequest, Promise<void>>();
  private readonly replays = new Map<Platform, Replay>();
  private readonly clock: () => Date;
  private readonly owner: string;
  private renewTimer: NodeJS.Timeout | null = null;
  private recoveryTimer: NodeJS.Timeout | null = null;
  private recovering: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: InboundRuntimeOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.owner = options.owner ?? PROCESS_OWNER;
  }

  private lease(): Lease {
    return { owner: this.owner, until: new Date(this.clock().getTime() + LEASE_MS), isGone: ownerIsGone };
  }

  /** Records a request on arrival, before it is acknowledged. */
  record(input: Omit<NewInbound, 'receivedAt'>): Promise<Recorded> {
    return this.options.store.inbound.record({ ...input, receivedAt: this.clock() }, this.lease());
  }

  /** How a platform runs a recorded request again: the same code as on arrival, with nothing to acknowledge. */
  onReplay(platform: Platform, replay: Replay): void {
    this.replays.set(platform, replay);
  }

  /** Runs a recorded request, then records how it ended: complete, to be retried, or given up. */
  run(request: InboundRequest, recovered: boolean, work: (handle: InboundHandle) => Promise<void>): Promise<void> {
    const run = new RunningRequest(request, recovered);
    const done = (async () => {
      try {
        await work(run);
      } catch (error) {
        // Front ends answer their own failures; what reaches here was not a passing one.
        run.failure ??= error instanceof Error ? error.message : String(error);
        this.options.logger.error({ err: error, request: request.id, kind: request.kind }, 'a request failed');
      } finally {
        this.running.delete(run);
        await this.settle(run);
      }
    })();
    this.running.set(run, done);
    this.keepRenewing();
    return done;
  }

  private async settle(run: RunningRequest): Promise<void> {
    const { request } = run;
    const now = this.clock();
    const log = { request: request.id, kind: request.kind, attempts: request.attempts + 1 };
    try {
      if (run.retry !== null && now.getTime() - request.receivedAt.getTime() < GIVE_UP_AFTER_MS) {
        const retryAt = new Date(now.getTime() + retryDelayMs(request.attempts));
        if (await this.options.store.inbound.retryLater(request.id, run.retry, retryAt))
          this.options.logger.warn(
            { ...log, reason: run.retry, retryAt },
            'a request could not be completed yet; it will be tried again',
          );
      } else if (run.retry !== null || run.failure !== null) {
        const reason = run.failure ?? `gave up after ${request.attempts + 1} attempts: ${run.retry}`;
        await this.options.store.inbound.fail(request.id, reason, now);
        this.options.logger.warn({ ...log, reason }, 'a request could not be completed; gave up on it');
      } else if (!run.completion.marked) {
        await this.options.store.inbound.complete(request.id, now);
      }
    } catch (error) {
      // Still pending: recovery runs it again once the lease is out, and its effect is saved at most once.
      this.options.logger.error({ err: error, ...log }, 'could not record how a request ended');
    }
  }

  private keepRenewing(): void {
    if (this.renewTimer || this.stopped) return;
    this.renewTimer = setInterval(() => {
      if (this.running.size === 0) {
        if (this.renewTimer) clearInterval(this.renewTimer);
        this.renewTimer = null;
        return;
      }
      const ids = [...this.running.keys()].map((run) => run.requestId);
      this.options.store.inbound.renew(ids, this.lease()).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'could not renew the leases of running requests');
      });
    }, RENEW_EVERY_MS);
    this.renewTimer.unref();
  }

  /** Looks for requests left pending now and then, starting now. */
  startRecovery(everyMs = RECOVERY_EVERY_MS): Promise<void> {
    const first = this.recoverNow();
    this.recoveryTimer = setInterval(() => void this.recoverNow(), everyMs);
    this.recoveryTimer.unref();
    return first;
  }

  /** Runs again every request left pending that nobody is running (once at a time). */
  recoverNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.recovering ??= this.recoverPending().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  private async recoverPending(): Promise<void> {
    try {
      const due = await this.options.store.inbound.due(this.clock(), this.lease());
      for (const request of due) {
        const replay = this.replays.get(request.platform);
        if (!replay || this.stopped) {
          await this.options.store.inbound.release([request.id], this.owner, this.clock());
          continue;
        }
        this.options.logger.info(
          { request: request.id, kind: request.kind, receivedAt: request.receivedAt },
          'completing a request that was received but not finished',
        );
        await replay(request, (work) => this.run(request, true, work));
      }
      await this.options.store.inbound.purge(new Date(this.clock().getTime() - KEEP_FINISHED_MS));
    } catch (error) {
      this.options.logger.error({ err: error }, 'recovering pending requests failed');
    }
  }

  /** Requests running now. */
  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Stops recovering and waits up to `timeoutMs` for the running requests to finish; those that do not are let
   * go, so the next process completes them at once.
   */
  async drain(timeoutMs: number): Promise<{ finished: number; unfinished: number }> {
    this.stopped = true;
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    const started = this.running.size;
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<'time'>((resolve) => {
      timer = setTimeout(() => resolve('time'), timeoutMs);
    });
    // Runs may start while others end (a request that was mid-way through the door): wait for those too.
    while (this.running.size > 0) {
      const ended = await Promise.race([Promise.allSettled([...this.running.values()]), timeUp]);
      if (ended === 'time') break;
    }
    clearTimeout(timer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    const left = [...this.running.keys()].map((run) => run.requestId);
    if (left.length > 0) await this.options.store.inbound.release(left, this.owner, this.clock());
    return { finished: Math.max(0, started - left.length), unfinished: left.length };
  }
}

/** 30 s, 1 min, 2 min, … at most an hour between attempts. */
function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** attempts, 60 * 60_000);
}
