// Requests from Slack and Teams, recorded before they are acknowledged (see InboundRequest in schema.prisma).
// Written on the plain connection in one short statement each: recording sits between a request's arrival and its
// acknowledgement, so it goes first among this process's writes (exclusiveWrite's urgent turn) and never waits
// behind the work of earlier requests.
import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../domain/records.ts';
import { PlainReader } from './plain-reads.ts';
import { prepared } from './prepared.ts';
import { toSqlDate } from './sql-dates.ts';
import { exclusiveWrite } from './transaction.ts';

export type InboundStatus = 'pending' | 'done' | 'failed';

export interface InboundRequest {
  id: number;
  workspaceId: number;
  platform: Platform;
  deliveryKey: string;
  kind: string;
  payload: string;
  status: InboundStatus;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  retryAt: Date | null;
  error: string | null;
  receivedAt: Date;
  completedAt: Date | null;
}

export interface NewInbound {
  workspaceId: number;
  platform: Platform;
  deliveryKey: string;
  kind: string;
  payload: string;
  receivedAt: Date;
}

/** Who holds a lease, until when, and how to tell that a holder is gone before its lease runs out. */
export interface Lease {
  owner: string;
  until: Date;
  /** True when the process named is known to have ended (it died; its lease need not be waited out). */
  isGone(owner: string): boolean;
}

export type Recorded =
  /** First sight: recorded now, leased to this process. */
  | { kind: 'new'; request: InboundRequest }
  /** Seen before and still pending, but its process is gone: leased to this process now, to complete it. */
  | { kind: 'taken_over'; request: InboundRequest }
  /** Seen before: completed, given up on, or being completed by a live process. Nothing more to do. */
  | { kind: 'duplicate'; request: InboundRequest };

const SHAPE = { dates: ['leaseUntil', 'retryAt', 'receivedAt', 'completedAt'] };

/** Every inbound request of the database: the platforms record into it for any workspace, recovery reads across. */
export class InboundRequests {
  private readonly reader: PlainReader;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.reader = new PlainReader(sqlite);
  }

  /** Records a delivery, or says what became of the same delivery before. */
  record(input: NewInbound, lease: Lease): Promise<Recorded> {
    return exclusiveWrite(() => this.recordNow(input, lease), { urgent: true });
  }

  private recordNow(input: NewInbound, lease: Lease): Recorded {
    const inserted = prepared(
      this.sqlite,
      `INSERT INTO "InboundRequest" (workspaceId, platform, deliveryKey, kind, payload, status, attempts, leaseOwner,
         leaseUntil, receivedAt) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
       ON CONFLICT (workspaceId, platform, deliveryKey) DO NOTHING`,
    ).run(
      input.workspaceId,
      input.platform,
      input.deliveryKey,
      input.kind,
      input.payload,
      lease.owner,
      toSqlDate(lease.until),
      toSqlDate(input.receivedAt),
    );
    if (inserted.changes === 1) return { kind: 'new', request: this.byId(Number(inserted.lastInsertRowid)) };
    const earlier = this.byKey(input.workspaceId, input.platform, input.deliveryKey);
    if (earlier.status === 'pending' && this.leaseLapsed(earlier, input.receivedAt, lease) && this.take(earlier, lease))
      return { kind: 'taken_over', request: this.byId(earlier.id) };
    return { kind: 'duplicate', request: earlier };
  }

  /** Pending requests nobody is completing (their process died, or their retry is due), oldest first. */
  due(now: Date, lease: Lease, limit = 50): Promise<InboundRequest[]> {
    return exclusiveWrite(() => {
      const candidates = this.reader.all<InboundRequest>(
        `SELECT * FROM "InboundRequest" WHERE status = 'pending' AND (retryAt IS NULL OR retryAt <= ?)
         ORDER BY id LIMIT ?`,
        SHAPE,
        toSqlDate(now),
        limit * 4,
      );
      const taken: InboundRequest[] = [];
      for (const request of candidates) {
        if (taken.length >= limit) break;
        if (this.leaseLapsed(request, now, lease) && this.take(request, lease)) taken.push(this.byId(request.id));
      }
      return taken;
    });
  }

  /** Completed: the request's effect is saved (or it had none). */
  complete(id: number, at: Date): Promise<void> {
    return exclusiveWrite(() => {
      prepared(
        this.sqlite,
        `UPDATE "InboundRequest" SET status = 'done', completedAt = ?, leaseUntil = NULL, error = NULL
         WHERE id = ? AND status = 'pending'`,
      ).run(toSqlDate(at), id);
    });
  }

  /** Given up on, with the reason (kept for the operator). */
  fail(id: number, reason: string, at: Date): Promise<void> {
    return exclusiveWrite(() => {
      prepared(
        this.sqlite,
        `UPDATE "InboundRequest" SET status = 'failed', completedAt = ?, leaseUntil = NULL, error = ?
         WHERE id = ? AND status = 'pending'`,
      ).run(toSqlDate(at), reason.slice(0, 1_000), id);
    });
  }

  /**
   * Not completed this time, for a passing reason: released, and tried again from `retryAt` on. False when the
   * request had completed after all (its effect was saved before the failure).
   */
  retryLater(id: number, reason: string, retryAt: Date): Promise<boolean> {
    return exclusiveWrite(
      () =>
        prepared(
          this.sqlite,
          `UPDATE "InboundRequest" SET attempts = attempts + 1, retryAt = ?, leaseUntil = NULL, error = ?
         WHERE id = ? AND status = 'pending'`,
        ).run(toSqlDate(retryAt), reason.slice(0, 1_000), id).changes === 1,
    );
  }

  /** Extends the leases this process holds on requests it is still completing. */
  renew(ids: readonly number[], lease: Lease): Promise<void> {
    return this.moveLeases(ids, lease.owner, lease.until);
  }

  /** Lets go of requests this process will not finish (it is stopping): the next process may take them at once. */
  release(ids: readonly number[], owner: string, now: Date): Promise<void> {
    return this.moveLeases(ids, owner, now);
  }

  private moveLeases(ids: readonly number[], owner: string, until: Date): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return exclusiveWrite(() => {
      prepared(
        this.sqlite,
        `UPDATE "InboundRequest" SET leaseUntil = ? WHERE leaseOwner = ? AND status = 'pending'
         AND id IN (SELECT value FROM json_each(?))`,
      ).run(toSqlDate(until), owner, JSON.stringify(ids));
    });
  }

  /** Forgets finished requests completed before `before`: long past any redelivery or replay. */
  purge(before: Date): Promise<number> {
    return exclusiveWrite(
      () =>
        prepared(this.sqlite, `DELETE FROM "InboundRequest" WHERE status <> 'pending' AND completedAt < ?`).run(
          toSqlDate(before),
        ).changes,
    );
  }

  find(workspaceId: number, platform: Platform, deliveryKey: string): InboundRequest | null {
    return this.reader.first<InboundRequest>(
      'SELECT * FROM "InboundRequest" WHERE workspaceId = ? AND platform = ? AND deliveryKey = ?',
      SHAPE,
      workspaceId,
      platform,
      deliveryKey,
    );
  }

  private byId(id: number): InboundRequest {
    const found = this.reader.first<InboundRequest>('SELECT * FROM "InboundRequest" WHERE id = ?', SHAPE, id);
    if (!found) throw new Error(`inbound request ${id} vanished`);
    return found;
  }

  private byKey(workspaceId: number, platform: Platform, deliveryKey: string): InboundRequest {
    const found = this.find(workspaceId, platform, deliveryKey);
    if (!found) throw new Error(`inbound request ${platform}:${deliveryKey} vanished`);
    return found;
  }

  private leaseLapsed(request: InboundRequest, now: Date, lease: Lease): boolean {
    if (request.leaseUntil === null || request.leaseUntil <= now) return true;
    return request.leaseOwner !== null && request.leaseOwner !== lease.owner && lease.isGone(request.leaseOwner);
  }

  /** Takes the lease if nobody else did since `request` was read (the condition is the lock). */
  private take(request: InboundRequest, lease: Lease): boolean {
    return (
      prepared(
        this.sqlite,
        `UPDATE "InboundRequest" SET leaseOwner = ?, leaseUntil = ? WHERE id = ? AND status = 'pending'
         AND leaseOwner IS ? AND leaseUntil IS ?`,
      ).run(
        lease.owner,
        toSqlDate(lease.until),
        request.id,
        request.leaseOwner,
        request.leaseUntil === null ? null : toSqlDate(request.leaseUntil),
      ).changes === 1
    );
  }
}
