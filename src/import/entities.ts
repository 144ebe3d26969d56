// Per entity: the row schema, what to read from the store, how to plan and how to write. import.ts runs the same
// steps for every entity through this table.
import type { z } from 'zod';
import type { Actor, WorkspaceStore } from '../store/store.ts';
import { AccountDirectory } from './account-refs.ts';
import { planAccounts, writeAccounts } from './accounts.ts';
import type { ValueFormat } from './cells.ts';
import type { Entity } from './column-names.ts';
import { contactWriter, planContacts } from './contacts.ts';
import { noteWriter, planNotes } from './notes.ts';
import { opportunityWriter, planOpportunities } from './opportunities.ts';
import { People } from './people.ts';
import type { ImportSource, Parsed, Plan } from './plan.ts';
import {
  type AccountRow,
  accountRowSchema,
  type ContactRow,
  contactRowSchema,
  type NoteRow,
  noteRowSchema,
  type OpportunityRow,
  opportunityRowSchema,
  type UserRow,
  UserRowSchema,
} from './rows.ts';
import type { StageNames } from './stages.ts';
import { planUsers, userWriter } from './users.ts';
import { type BatchWriter, writeInBatches } from './write.ts';

export const AMOUNT_FIELDS = ['annualRevenue', 'annualRevenueMillions', 'potential', 'value'];
export const DATE_FIELDS = [
  'renewalAt',
  'archivedAt',
  'lastContactAt',
  'leftAt',
  'expectedCloseAt',
  'closedAt',
  'stageChangedAt',
  'createdAt',
  'occurredAt',
];

export interface PlanContext {
  store: WorkspaceStore;
  format: ValueFormat;
  stages: StageNames;
  /** The currency of amounts that name none (default: the account's, or the workspace's for new accounts). */
  currency: string | undefined;
  now: Date;
  /** Create an account even when one of the same name exists (--allow-duplicates). */
  allowDuplicates?: boolean;
}

export interface WriteOptions {
  source: ImportSource;
  by: Actor;
  onProgress?: (written: number) => void;
}

/** A planned import of one entity, ready to be carried out. */
export interface Prepared {
  plan: Plan<unknown, unknown>;
  /** New users the rows to be written name (owners, authors). */
  usersNeeded: number;
  /** Their names, for the report: an import never adds people silently. */
  newPeople: string[];
  write(options: WriteOptions): Promise<{ usersCreated: number }>;
}

type Planner = (rows: Parsed<never>[], context: PlanContext) => Promise<Prepared>;

function batched<C, U>(
  store: WorkspaceStore,
  plan: Plan<C, U>,
  writer: BatchWriter<C, U>,
  people: People | null,
): Prepared {
  const slots = [...plan.creates, ...plan.updates].flatMap((item) => writer.slots(item));
  return {
    plan,
    usersNeeded: people?.unwritten(slots).length ?? 0,
    newPeople: (people?.unwritten(slots) ?? []).map((entry) => entry.user.displayName),
    write: (options) => writeInBatches(store, plan, writer, { ...options, people }),
  };
}

const PLANNERS: Record<Entity, { schema(context: PlanContext): z.ZodType; plan: Planner }> = {
  accounts: {
    schema: ({ format }) => accountRowSchema(format),
    plan: async (rows, { store, currency, allowDuplicates }) => {
      const people = new People(await store.imports.users());
      const workspace = await store.workspaceSettings.get();
      const plan = planAccounts(
        rows as Parsed<AccountRow>[],
        await store.imports.accounts(),
        people,
        currency ?? workspace.currency,
        allowDuplicates ?? false,
      );
      const owners = [...plan.creates.map((c) => c.data.ownerId), ...plan.updates.map((u) => u.patch.ownerId)];
      return {
        plan,
        usersNeeded: people.unwritten(owners).length,
        newPeople: people.unwritten(owners).map((entry) => entry.user.displayName),
        write: ({ source, by, onProgress }) =>
          writeAccounts(store, plan, people, source, by).then((result) => {
            onProgress?.(plan.creates.length + plan.updates.length);
            return result;
          }),
      };
    },
  },
  contacts: {
    schema: ({ format }) => contactRowSchema(format),
    plan: async (rows, { store }) => {
      const accounts = new AccountDirectory(await store.imports.accounts());
      const plan = planContacts(rows as Parsed<ContactRow>[], await store.imports.contacts(), accounts);
      return batched(store, plan, contactWriter, null);
    },
  },
  opportunities: {
    schema: ({ format, stages }) => opportunityRowSchema(format, stages),
    plan: async (rows, { store, currency, now }) => {
      const accounts = new AccountDirectory(await store.imports.accounts());
      const people = new People(await store.imports.users());
      const existing = await store.imports.opportunities();
      const plan = planOpportunities(rows as Parsed<OpportunityRow>[], existing, accounts, people, { currency, now });
      return batched(store, plan, opportunityWriter, people);
    },
  },
  notes: {
    schema: ({ format }) => noteRowSchema(format),
    plan: async (rows, { store, now }) => {
      const accounts = new AccountDirectory(await store.imports.accounts());
      const people = new People(await store.imports.users());
      const plan = planNotes(rows as Parsed<NoteRow>[], await store.imports.notes(), accounts, people, now);
      return batched(store, plan, noteWriter, people);
    },
  },
  users: {
    schema: () => UserRowSchema,
    plan: async (rows, { store }) => {
      const plan = planUsers(rows as Parsed<UserRow>[], await store.imports.users());
      return batched(store, plan, userWriter, null);
    },
  },
};

export function rowSchemaFor(entity: Entity, context: PlanContext): z.ZodType {
  return PLANNERS[entity].schema(context);
}

export function prepare(entity: Entity, rows: Parsed<unknown>[], context: PlanContext): Promise<Prepared> {
  return PLANNERS[entity].plan(rows as Parsed<never>[], context);
}
