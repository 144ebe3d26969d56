// Saving one note as the chat platforms do, many times a second: a note with its tags, follow-ups and audit events
// in one SQLite transaction of prepared statements on the plain connection. Through Prisma the same save took ten
// queries in an interactive transaction (~1.5 ms of CPU, and 20 ms once the planner read the tags by the wrong
// index); here it is a few dozen microseconds.
//
// Values are written the way Prisma's adapter writes them (dates as ISO text with +00:00, JSON as text), because
// Prisma reads these rows. The FTS triggers fire as for any insert. The write waits its turn behind the process's
// Prisma transactions (see exclusiveWrite) and takes SQLite's write lock before it looks for an earlier note of the
// same message, so two deliveries of one message, even from two processes, save it once.
import type BetterSqlite3 from 'better-sqlite3';
import type { Note, Task } from '../domain/records.ts';
import type { Actor } from './audit.ts';
import { noteBySource } from './note-rows.ts';
import type { NewNote, SavedNote } from './notes.ts';
import { toSqlDate } from './sql-dates.ts';
import { exclusiveWrite } from './transaction.ts';

interface Statements {
  /** Runs a function in a transaction (better-sqlite3 makes the wrapper; made once, called with each save). */
  inTransaction: BetterSqlite3.Transaction<(save: () => SavedNote) => SavedNote>;
  note: BetterSqlite3.Statement<unknown[]>;
  tag: BetterSqlite3.Statement<unknown[]>;
  task: BetterSqlite3.Statement<unknown[]>;
  audit: BetterSqlite3.Statement<unknown[]>;
}

// Prepared once per connection: a WorkspaceStore, and so this writer's owner, is made for every request.
const prepared = new WeakMap<BetterSqlite3.Database, Statements>();

function statementsOf(sqlite: BetterSqlite3.Database): Statements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = {
      inTransaction: sqlite.transaction((save: () => SavedNote) => save()),
      note: sqlite.prepare(
        `INSERT INTO "Note" (workspaceId, accountId, body, kind, sentiment, authorId, occurredAt, source,
           sourceChannel, sourceMessageId, sourcePermalink, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      tag: sqlite.prepare('INSERT INTO "NoteTag" (workspaceId, noteId, tag) VALUES (?, ?, ?)'),
      task: sqlite.prepare(
        `INSERT INTO "Task" (workspaceId, accountId, title, dueAt, assigneeId, createdById, noteId, createdAt,
           updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      audit: sqlite.prepare(
        `INSERT INTO "AuditEvent" (workspaceId, actorId, action, entity, entityId, origin, details, createdAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    prepared.set(sqlite, statements);
  }
  return statements;
}

/** Saves the note, or returns the one saved before from the same message (`created` false, nothing written). */
export function writeNote(
  sqlite: BetterSqlite3.Database,
  workspaceId: number,
  input: NewNote,
  by: Actor,
): Promise<SavedNote> {
  const s = statementsOf(sqlite);
  const source = input.sourceRef?.source ?? 'console';
  const channel = input.sourceRef?.channel ?? null;
  const messageId = input.sourceRef?.messageId ?? null;
  const save = (): SavedNote => {
    const existing = channel && messageId ? noteBySource(sqlite, workspaceId, source, channel, messageId) : null;
    if (existing) return { ...existing, created: false };
    const now = new Date();
    const at = toSqlDate(now);
    const occurredAt = input.occurredAt ?? now;
    const createdAt = input.createdAt ?? now;
    const note: Note = {
      id: 0,
      accountId: input.accountId,
      body: input.body,
      kind: input.kind ?? 'note',
      sentiment: input.sentiment ?? 'neutral',
      tags: [...new Set((input.tags ?? []).map((tag) => tag.toLowerCase()))].sort(),
      authorId: input.authorId ?? null,
      occurredAt,
      sourceRef: { source, channel, messageId, permalink: input.sourceRef?.permalink ?? null },
      createdAt,
    };
    note.id = Number(
      s.note.run(
        workspaceId,
        note.accountId,
        note.body,
        note.kind,
        note.sentiment,
        note.authorId,
        toSqlDate(occurredAt),
        source,
        channel,
        messageId,
        note.sourceRef.permalink,
        toSqlDate(createdAt),
      ).lastInsertRowid,
    );
    for (const tag of note.tags) s.tag.run(workspaceId, note.id, tag);
    const tasks: Task[] = (input.tasks ?? []).map((task) => {
      const row = {
        accountId: input.accountId,
        title: task.title,
        dueAt: task.dueAt ?? null,
        assigneeId: task.assigneeId ?? input.authorId ?? null,
        createdById: input.authorId ?? null,
        noteId: note.id,
        doneAt: null,
        createdAt: now,
      };
      const id = s.task.run(
        workspaceId,
        row.accountId,
        row.title,
        row.dueAt ? toSqlDate(row.dueAt) : null,
        row.assigneeId,
        row.createdById,
        row.noteId,
        at,
        at,
      ).lastInsertRowid;
      return { id: Number(id), ...row };
    });
    const audit = (action: string, entity: string, entityId: number, details: Record<string, unknown>) =>
      s.audit.run(workspaceId, by.userId, action, entity, entityId, by.origin, JSON.stringify(details), at);
    audit('note.create', 'note', note.id, { accountId: input.accountId, source });
    for (const task of tasks) audit('task.create', 'task', task.id, { noteId: note.id });
    return { note, tasks, created: true };
  };
  // IMMEDIATE: the write lock before the look for an earlier note, so no other connection saves it in between.
  return exclusiveWrite(() => s.inTransaction.immediate(save));
}
