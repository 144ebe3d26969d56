import type { Db, Prisma } from './prisma.ts';

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
let writeQueue: Promise<unknown> = Promise.resolve();

/** Runs `work` once every transaction and plain-connection write of this process queued before it has ended. */
export function exclusiveWrite<T>(work: () => T | Promise<T>): Promise<T> {
  const result = writeQueue.then(work);
  writeQueue = result.catch(() => undefined);
  return result;
}

/** Runs `work` in a new transaction, or inside the caller's when `db` already is one. */
export function inTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (isInTransaction(db) || !('$transaction' in db)) return work(db);
  return exclusiveWrite(() =>
    (db as Extract<Db, { $transaction: unknown }>).$transaction(
      (tx: Prisma.TransactionClient) => {
        open.add(tx);
        return work(tx);
      },
      {
        timeout: options.timeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
        maxWait: options.timeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
      },
    ),
  );
}
