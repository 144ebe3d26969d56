// Carrying out a plan for contacts, opportunities, notes or users in batches. New records go in through the store's
// bulk inserter, a batch with the users it names and its audit events in one SQLite transaction; changes go
// through Prisma, a batch per transaction. A crash between batches leaves whole rows only, and running the import
// again finishes the job without duplicating anything (the rows already written are unchanged then).
import type { Actor, BulkInserter, RowOrigin, WorkspaceStore } from '../store/store.ts';
import { createUsersFor, type People, type UserSlot } from './people.ts';
import { batches, type ImportSource, type Plan } from './plan.ts';

/** Rows per transaction: large enough to be fast, small enough to let the bot write in between. */
export const BATCH_SIZE = 1_000;

export interface BatchWriter<Create, Update> {
  /** The people a create or an update names, to be written before it. */
  slots(item: Create | Update): (UserSlot | null | undefined)[];
  create(insert: BulkInserter, items: (Create & { line: number })[], origins: RowOrigin[], by: Actor): void;
  update(
    store: WorkspaceStore,
    item: Update & { line: number; id: number },
    origin: RowOrigin,
    by: Actor,
  ): Promise<unknown>;
}

export interface WriteContext {
  source: ImportSource;
  by: Actor;
  people: People | null;
  /** Rows written so far, after each batch. */
  onProgress?: (written: number) => void;
}

export async function writeInBatches<Create, Update>(
  store: WorkspaceStore,
  plan: Plan<Create, Update>,
  writer: BatchWriter<Create, Update>,
  context: WriteContext,
): Promise<{ usersCreated: number }> {
  const { source, by, people } = context;
  let usersCreated = 0;
  let written = 0;
  const done = (count: number) => {
    written += count;
    context.onProgress?.(written);
  };
  for (const batch of batches(plan.creates, BATCH_SIZE)) {
    store.imports.bulk.inOneTransaction((insert) => {
      const pending = people?.unwritten(batch.flatMap((item) => writer.slots(item))) ?? [];
      const ids = insert.users(
        pending.map((entry) => entry.user),
        pending.map((entry) => ({ ...source, line: entry.line })),
        by,
      );
      people?.written(pending, ids);
      usersCreated += pending.length;
      writer.create(
        insert,
        batch,
        batch.map(({ line }) => ({ ...source, line })),
        by,
      );
    });
    done(batch.length);
  }
  for (const batch of batches(plan.updates, BATCH_SIZE)) {
    await store.transaction(
      async (tx) => {
        const slots = batch.flatMap((item) => writer.slots(item));
        if (people) usersCreated += await createUsersFor(people, tx, slots, source, by);
        for (const update of batch) await writer.update(tx, update, { ...source, line: update.line }, by);
      },
      { timeoutMs: 60_000 },
    );
    done(batch.length);
  }
  return { usersCreated };
}
