// One encoder per table that several writers insert into: the whole row, with the schema's defaults, from what a
// caller gives. The chat note writer, the import's bulk inserts, Prisma's writes and the bench generator all take
// their rows from here, so a default or a rule (tags lower case, once each) is written once. Rows are in the
// store's own types (Date, JSON values, booleans); sqlite-rows.ts turns them into SQLite's values.
import type { Selectable } from 'kysely';
import type { Actor } from './audit.ts';
import type { NewContact } from './contacts.ts';
import type { DB } from './generated/kysely/db.ts';
import type { NewImportedOpportunity } from './imports.ts';
import type { NewNote, NewNoteTask } from './notes.ts';
import type { NewTask } from './tasks.ts';
import type { NewUser } from './users.ts';

/** Every column of a table but its id, each given: a fixed set of columns, so one prepared statement fits all rows. */
export type FullRow<T extends keyof DB> = Omit<Selectable<DB[T]>, 'id'>;

export type NoteSource = Selectable<DB['Note']>['source'];

/** A note's tags as stored: without the `#`, lower case, once each, sorted. */
export function noteTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.replace(/^#/, '').toLowerCase()))].sort();
}

export function noteRow(workspaceId: number, input: NewNote, source: NoteSource, now: Date): FullRow<'Note'> {
  return {
    workspaceId,
    accountId: input.accountId,
    body: input.body,
    kind: input.kind ?? 'note',
    sentiment: input.sentiment ?? 'neutral',
    authorId: input.authorId ?? null,
    occurredAt: input.occurredAt ?? now,
    source: input.sourceRef?.source ?? source,
    sourceChannel: input.sourceRef?.channel ?? null,
    sourceMessageId: input.sourceRef?.messageId ?? null,
    sourcePermalink: input.sourceRef?.permalink ?? null,
    createdAt: input.createdAt ?? now,
    editedAt: null,
  };
}

export function noteTagRows(workspaceId: number, noteId: number, tags: readonly string[]): FullRow<'NoteTag'>[] {
  return noteTags(tags).map((tag) => ({ workspaceId, noteId, tag }));
}

export function taskRow(workspaceId: number, task: NewTask, now: Date): FullRow<'Task'> {
  return {
    workspaceId,
    accountId: task.accountId,
    title: task.title,
    dueAt: task.dueAt ?? null,
    assigneeId: task.assigneeId ?? null,
    createdById: task.createdById ?? null,
    noteId: task.noteId ?? null,
    doneAt: task.doneAt ?? null,
    remindedAt: null,
    createdAt: task.createdAt ?? now,
    updatedAt: now,
  };
}

/** A follow-up written in a note: assigned to whoever it names, else to the note's author. */
export function noteTaskRow(
  workspaceId: number,
  note: { id: number; accountId: number; authorId: number | null },
  task: NewNoteTask,
  now: Date,
): FullRow<'Task'> {
  return taskRow(
    workspaceId,
    {
      accountId: note.accountId,
      title: task.title,
      dueAt: task.dueAt ?? null,
      assigneeId: task.assigneeId ?? note.authorId,
      createdById: note.authorId,
      noteId: note.id,
    },
    now,
  );
}

export function auditEventRow(
  workspaceId: number,
  by: Actor,
  event: { action: string; entity: string; entityId: number | null; details?: unknown },
  at: Date,
): FullRow<'AuditEvent'> {
  return {
    workspaceId,
    actorId: by.userId,
    origin: by.origin,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    details: event.details ?? null,
    createdAt: at,
  };
}

export function userRow(workspaceId: number, user: NewUser, now: Date): FullRow<'User'> {
  return {
    workspaceId,
    displayName: user.displayName,
    email: user.email?.toLowerCase() ?? null,
    role: user.role ?? 'member',
    timeZone: user.timeZone ?? null,
    locale: null,
    deactivated: false,
    createdAt: now,
    updatedAt: now,
  };
}

export function contactRow(workspaceId: number, contact: NewContact, now: Date): FullRow<'Contact'> {
  return {
    workspaceId,
    accountId: contact.accountId,
    name: contact.name,
    title: contact.title ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    buyingRole: contact.buyingRole ?? null,
    influence: contact.influence ?? null,
    relationship: contact.relationship ?? null,
    lastContactAt: contact.lastContactAt ?? null,
    leftAt: contact.leftAt ?? null,
    externalId: contact.externalId ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

export function opportunityRow(
  workspaceId: number,
  opportunity: NewImportedOpportunity,
  now: Date,
): FullRow<'Opportunity'> {
  return {
    workspaceId,
    accountId: opportunity.accountId,
    title: opportunity.title,
    stage: opportunity.stage ?? 'lead',
    value: opportunity.value ?? null,
    currency: opportunity.currency ?? 'EUR',
    expectedCloseAt: opportunity.expectedCloseAt ?? null,
    probability: opportunity.probability ?? null,
    competitors: opportunity.competitors ?? [],
    lossReason: opportunity.lossReason ?? null,
    ownerId: opportunity.ownerId ?? null,
    stageChangedAt: opportunity.stageChangedAt ?? now,
    closedAt: opportunity.closedAt ?? null,
    externalId: opportunity.externalId ?? null,
    createdAt: opportunity.createdAt ?? now,
    updatedAt: now,
  };
}
