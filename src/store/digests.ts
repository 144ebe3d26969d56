// Digest subscriptions, and the runs that make each digest go out exactly once per subscription and period.
//
// A run is claimed before anything is posted: the row (unique per subscription and period) is the intent, with a
// lease naming the process that holds it. Two processes at the same minute: one inserts, the other finds a live
// lease and leaves it. A process that dies between posting and recording leaves a pending run whose lease runs
// out; whoever finds it next asks the platform whether the post went out before posting again.
import type { HealthBand, Platform, Tier } from '../domain/records.ts';
import { NotFoundError } from '../errors.ts';
import { type Actor, AuditLog } from './audit.ts';
import { type Db, isUniqueViolation, type Prisma } from './prisma.ts';
import { inTransaction } from './transaction.ts';

export interface DigestFilter {
  ownerId?: number;
  tier?: Tier;
  region?: string;
  accountIds?: number[];
  /** Only the account linked to the subscription's channel (and its subsidiaries). */
  linkedToChannel?: boolean;
  /** Only accounts in these bands (not used by the scheduler; previews may narrow). */
  bands?: HealthBand[];
}

export interface DigestSubscription {
  id: number;
  workspaceId: number;
  platform: Platform;
  channelId: string;
  channelName: string | null;
  cron: string;
  timeZone: string;
  filter: DigestFilter;
  createdById: number | null;
  paused: boolean;
  createdAt: Date;
}

export interface NewSubscription {
  platform: Platform;
  channelId: string;
  channelName?: string | null;
  cron: string;
  timeZone: string;
  filter: DigestFilter;
  createdById: number | null;
  /** From the caller's clock, so a run is never due for a period before the subscription existed. */
  createdAt?: Date;
}

type SubscriptionRow = Prisma.DigestSubscriptionGetPayload<object>;

function toSubscription(row: SubscriptionRow): DigestSubscription {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    platform: row.platform,
    channelId: row.channelId,
    channelName: row.channelName,
    cron: row.cron,
    timeZone: row.timeZone,
    filter: (row.filter ?? {}) as DigestFilter,
    createdById: row.createdById,
    paused: row.paused,
    createdAt: row.createdAt,
  };
}

export class DigestSubscriptionRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
  ) {}

  async create(input: NewSubscription, by: Actor): Promise<DigestSubscription> {
    return inTransaction(this.db, async (tx) => {
      const row = await tx.digestSubscription.create({
        data: { ...input, filter: input.filter as Prisma.InputJsonValue, workspaceId: this.workspaceId },
      });
      await new AuditLog(tx, this.workspaceId).record(by, 'digest.subscribe', 'digest_subscription', row.id, {
        channel: input.channelId,
        cron: input.cron,
        timeZone: input.timeZone,
      });
      return toSubscription(row);
    });
  }

  async byId(id: number): Promise<DigestSubscription | null> {
    const row = await this.db.digestSubscription.findFirst({ where: { workspaceId: this.workspaceId, id } });
    return row ? toSubscription(row) : null;
  }

  async list(options: { platform?: Platform; channelId?: string } = {}): Promise<DigestSubscription[]> {
    const rows = await this.db.digestSubscription.findMany({
      where: {
        workspaceId: this.workspaceId,
        ...(options.platform ? { platform: options.platform } : {}),
        ...(options.channelId ? { channelId: options.channelId } : {}),
      },
      orderBy: { id: 'asc' },
    });
    return rows.map(toSubscription);
  }

  async remove(id: number, by: Actor): Promise<DigestSubscription> {
    return inTransaction(this.db, async (tx) => {
      const row = await tx.digestSubscription.findFirst({ where: { workspaceId: this.workspaceId, id } });
      if (!row) throw new NotFoundError(`There is no digest subscription ${id}; /account digest list shows them.`);
      await tx.digestSubscription.delete({ where: { id } });
      await new AuditLog(tx, this.workspaceId).record(by, 'digest.unsubscribe', 'digest_subscription', id, {
        channel: row.channelId,
      });
      return toSubscription(row);
    });
  }
}

/** Every workspace's subscriptions, for the scheduler (which serves all workspaces of one database). */
export async function allSubscriptions(db: Db): Promise<DigestSubscription[]> {
  const rows = await db.digestSubscription.findMany({ where: { paused: false }, orderBy: { id: 'asc' } });
  return rows.map(toSubscription);
}

export interface DigestRun {
  id: number;
  subscriptionId: number;
  periodKey: string;
  status: 'pending' | 'posted' | 'failed' | 'skipped';
  leaseOwner: string | null;
  leaseUntil: Date | null;
  messageRef: unknown;
  error: string | null;
  startedAt: Date;
  postedAt: Date | null;
}

export type Claim =
  /** This process holds the run and nothing was posted for it yet. */
  | { kind: 'fresh'; run: DigestRun }
  /** This process took over a run another left pending: it may have been posted before that process died. */
  | { kind: 'recovered'; run: DigestRun; was: 'pending' | 'failed' }
  /** Another process holds the run right now. */
  | { kind: 'busy'; run: DigestRun }
  /** The run is over: posted or skipped. */
  | { kind: 'done'; run: DigestRun };

type RunRow = Prisma.DigestRunGetPayload<object>;

function toRun(row: RunRow): DigestRun {
  return { ...row, status: row.status as DigestRun['status'], messageRef: row.messageRef as unknown };
}

export class DigestRunRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
  ) {}

  async claim(subscriptionId: number, periodKey: string, owner: string, now: Date, leaseMs: number): Promise<Claim> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    try {
      const row = await this.db.digestRun.create({
        data: {
          workspaceId: this.workspaceId,
          subscriptionId,
          periodKey,
          leaseOwner: owner,
          leaseUntil,
          startedAt: now,
        },
      });
      return { kind: 'fresh', run: toRun(row) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await this.db.digestRun.findUniqueOrThrow({
      where: { subscriptionId_periodKey: { subscriptionId, periodKey } },
    });
    if (existing.status === 'posted' || existing.status === 'skipped') return { kind: 'done', run: toRun(existing) };
    const expired = existing.status === 'failed' || (existing.leaseUntil !== null && existing.leaseUntil <= now);
    if (!expired) return { kind: 'busy', run: toRun(existing) };
    // Take it over only if nobody else did in the meantime (the update's condition is the lock).
    const taken = await this.db.digestRun.updateMany({
      where: {
        id: existing.id,
        status: existing.status,
        leaseOwner: existing.leaseOwner,
        leaseUntil: existing.leaseUntil,
      },
      data: { status: 'pending', leaseOwner: owner, leaseUntil, error: null },
    });
    const run = toRun(await this.db.digestRun.findUniqueOrThrow({ where: { id: existing.id } }));
    if (taken.count === 0) return { kind: 'busy', run };
    return { kind: 'recovered', run, was: existing.status === 'failed' ? 'failed' : 'pending' };
  }

  async markPosted(id: number, messageRef: unknown, at: Date, note?: string): Promise<void> {
    await this.db.digestRun.update({
      where: { id },
      data: {
        status: 'posted',
        messageRef: (messageRef ?? undefined) as Prisma.InputJsonValue | undefined,
        postedAt: at,
        leaseUntil: null,
        error: note ?? null,
      },
    });
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.db.digestRun.update({
      where: { id },
      data: { status: 'failed', error: error.slice(0, 1_000), leaseUntil: null },
    });
  }

  /** Records that a period was missed on purpose (too old to catch up), once. */
  async markSkipped(subscriptionId: number, periodKey: string, reason: string, now: Date): Promise<void> {
    try {
      await this.db.digestRun.create({
        data: {
          workspaceId: this.workspaceId,
          subscriptionId,
          periodKey,
          status: 'skipped',
          error: reason,
          startedAt: now,
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async find(subscriptionId: number, periodKey: string): Promise<DigestRun | null> {
    const row = await this.db.digestRun.findUnique({
      where: { subscriptionId_periodKey: { subscriptionId, periodKey } },
    });
    return row ? toRun(row) : null;
  }

  async forSubscription(subscriptionId: number, limit = 20): Promise<DigestRun[]> {
    const rows = await this.db.digestRun.findMany({
      where: { workspaceId: this.workspaceId, subscriptionId },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.map(toRun);
  }
}
