// A request recorded on arrival (inbound.ts) is complete once its effect is saved. The effect's first write
// marks it complete in the same transaction, so a process that dies right after the write leaves a completed
// request, and the process that recovers it never does the write a second time. The scope travels with the async
// work of the request (AsyncLocalStorage), so the repositories need not know about requests.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Completion {
  readonly requestId: number;
  /** Set once a transaction that marked the request complete has committed. */
  marked: boolean;
}

const scope = new AsyncLocalStorage<Completion>();

/** A request's completion, not marked yet: hand it to `completingRequest` and read `marked` after. */
export function completionOf(requestId: number): Completion {
  return { requestId, marked: false };
}

/** Runs a request's effect: the first transaction it commits also marks the request complete. */
export function completingRequest<T>(completion: Completion, effect: () => Promise<T>): Promise<T> {
  return scope.run(completion, effect);
}

/** The request the running code completes, if it has not been marked complete yet. */
export function unmarkedCompletion(): Completion | null {
  const completion = scope.getStore();
  return completion && !completion.marked ? completion : null;
}

/** The statement that marks a request complete, for writers on the plain connection (completedAt, id). */
export const MARK_COMPLETE_SQL = `UPDATE "InboundRequest" SET status = 'done', completedAt = ?, leaseUntil = NULL,
  error = NULL WHERE id = ? AND status = 'pending'`;
