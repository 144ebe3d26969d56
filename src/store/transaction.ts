import type { Db, Prisma } from './prisma.ts';
import { unmarkedCompletion } from './request-completion.ts';

/** How long a transaction may run before Prisma aborts it (Prisma's own default is 5 s). */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 10_000;

export interface TransactionOptions {
  timeoutMs?: number;
}

// Prisma 7's transaction client also has $transaction, which opens a savepoint; inside one of our transactions
// a repository must join it instead, so the transactions we open are remembered here.
const open = new WeakSet<object>();

export function isInTransaction(db: Db): boolean {
  return open.has(db);
}

// The store writes on two connections to one file (database.ts). A Prisma transaction holds SQLite's write lock
// across awaits, while a write on the plain connection runs synchronously: had it to wait for that lock, its busy
// timeout would block the event loop the Prisma transaction needs to finish. So both take turns here first.
// A request recorded before it is acknowledged goes first (`urgent`): its acknowledgement must wait for the one
// write running now at most, never for the queued work of earlier requests.
const waiting: { urgent: (() => void)[]; normal: (() => void)[] } = { urgent: [], normal: [] };
let writing = false;

function nextTurn(): void {
  const next = waiting.urgent.shift() ?? waiting.normal.shift();
  if (next) next();
  else writing = false;
}

/** Runs `work` once the write running now, and every write queued before it (unless `urgent`), has ended. */
export function exclusiveWrite<T>(work: () => T | Promise<T>, options: { urgent?: boolean } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const turn = () => {
      let result: Promise<T>;
      try {
        result = Promise.resolve(work());
      } catch (error) {
        result = Promise.reject(error);
      }
      result.then(resolve, reject).finally(nextTurn);
    };
    if (!writing) {
      writing = true;
      turn();
    } else (options.urgent ? waiting.urgent : waiting.normal).push(turn);
  });
}

/**
 * Runs `work` in a new transaction, or inside the caller's when `db` already is one. A new transaction inside a
 * request's effect also marks that request complete (request-completion.ts).
 */
export function inTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (isInTransaction(db) || !('$transaction' in db)) return work(db);
  const completion = unmarkedCompletion();
  return exclusiveWrite(async () => {
    const result = await (db as Extract<Db, { $transaction: unknown }>).$transaction(
      async (tx: Prisma.TransactionClient) => {
        open.add(tx);
        const result = await work(tx);
        if (completion && !completion.marked) {
          await tx.inboundRequest.updateMany({
            where: { id: completion.requestId, status: 'pending' },
            data: { status: 'done', completedAt: new Date(), leaseUntil: null, error: null },
          });
        }
        return result;
      },
      {
        timeout: options.timeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
        maxWait: options.timeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
      },
    );
    if (completion) completion.marked = true;
    return result;
  });
}
