// Saving notes as the chat platforms do, many times a second: a note with its tags, follow-ups and audit events,
// all or nothing, as prepared statements on the plain connection. Through Prisma the same save took ten queries in
// an interactive transaction (~1.5 ms of CPU, and 20 ms while the planner read the tags by the wrong index). Saves
// asked for at the same time share one transaction, each in a savepoint of its own: at a million notes the commit
// (WAL frames, the FTS segment it writes) cost more than the statements, and in the capture benchmark sharing it
// raised notes/s by about a quarter.
//
// Rows come from rows.ts, as for the other writers of these tables. The FTS triggers fire as for any insert. The write waits its turn behind the process's
// Prisma transactions (see exclusiveWrite) and takes SQLite's write lock before it looks for an earlier note of the
// same message, so two deliveries of one message, even from two processes, save it once.
import type BetterSqlite3 from 'better-sqlite3';
import { contactsNamedIn } from '../domain/note-text.ts';
import type { Task } from '../domain/records.ts';
import type { Actor } from './audit.ts';
import { noteBySource, toNote } from './note-rows.ts';
import type { NewNote, SavedNote } from './notes.ts';
import { MARK_COMPLETE_SQL, unmarkedCompletion } from './request-completion.ts';
import { auditEventRow, noteRow, noteTagRows, noteTags, noteTaskRow } from './rows.ts';
import { toSqlDate } from './sql-dates.ts';
import { insertRow, insertRows } from './sqlite-rows.ts';
import { exclusiveWrite } from './transaction.ts';

interface Statements {
  /** A batch of saves in one transaction, and each save in a savepoint (better-sqlite3 nests them so). */
  batch: BetterSqlite3.Transaction<(work: () => Outcome[]) => Outcome[]>;
  one: BetterSqlite3.Transaction<(save: () => SavedNote) => SavedNote>;
  complete: BetterSqlite3.Statement<unknown[]>;
  contacts: BetterSqlite3.Statement<unknown[]>;
  touch: BetterSqlite3.Statement<unknown[]>;
}

// Prepared once per connection: a WorkspaceStore, and so this writer's owner, is made for every request.
const prepared = new WeakMap<BetterSqlite3.Database, Statements>();

function statementsOf(sqlite: BetterSqlite3.Database): Statements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = {
      batch: sqlite.transaction((work: () => Outcome[]) => work()),
      one: sqlite.transaction((save: () => SavedNote) => save()),
      complete: sqlite.prepare(MARK_COMPLETE_SQL),
      contacts: sqlite.prepare(
        'SELECT id, name FROM "Contact" WHERE workspaceId = ? AND accountId = ? AND leftAt IS NULL',
      ),
      // Only ever forward: an old note saved late does not move a newer touch back.
      touch: sqlite.prepare(
        `UPDATE "Contact" SET lastContactAt = ?, updatedAt = ?
           WHERE workspaceId = ? AND id = ? AND (lastContactAt IS NULL OR unixepoch(lastContactAt) < unixepoch(?))`,
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
  // The request this note completes, if any (request-completion.ts): marked in the note's own savepoint.
  const completion = unmarkedCompletion();
  const save = (): SavedNote => {
    if (completion) s.complete.run(toSqlDate(new Date()), completion.requestId);
    const existing = channel && messageId ? noteBySource(sqlite, workspaceId, source, channel, messageId) : null;
    if (existing) return { ...existing, created: false };
    const now = new Date();
    const at = toSqlDate(now);
    const row = noteRow(workspaceId, input, 'console', now);
    const tags = noteTags(input.tags);
    const id = insertRow(sqlite, 'Note', row);
    const note = toNote({ ...row, id, tags: tags.map((tag) => ({ tag })) });
    insertRows(sqlite, 'NoteTag', noteTagRows(workspaceId, id, tags));
    // "Met Ute Hoffmann: …" is a contact with Ute Hoffmann; a note dated ahead of now is no touch yet.
    const occurredAt = row.occurredAt;
    if (occurredAt.getTime() <= now.getTime()) {
      const people = s.contacts.all(workspaceId, note.accountId) as { id: number; name: string }[];
      for (const person of contactsNamedIn(note.body, people)) {
        s.touch.run(toSqlDate(occurredAt), at, workspaceId, person.id, toSqlDate(occurredAt));
      }
    }
    const tasks: Task[] = (input.tasks ?? []).map((task) => {
      const taskRow = noteTaskRow(workspaceId, note, task, now);
      const { workspaceId: _, remindedAt: __, updatedAt: ___, ...fields } = taskRow;
      return { id: insertRow(sqlite, 'Task', taskRow), ...fields };
    });
    const audit = (action: string, entity: string, entityId: number, details: Record<string, unknown>) =>
      insertRow(sqlite, 'AuditEvent', auditEventRow(workspaceId, by, { action, entity, entityId, details }, now));
    audit('note.create', 'note', note.id, { accountId: input.accountId, source: row.source });
    for (const task of tasks) audit('task.create', 'task', task.id, { noteId: note.id });
    return { note, tasks, created: true };
  };
  return new Promise((resolve, reject) => {
    let batch = batches.get(sqlite);
    if (!batch) {
      const mine: Pending[] = [];
      batches.set(sqlite, mine);
      // Saves asked for until the event loop comes round share one transaction (group commit): one commit's
      // WAL frames, page writes and FTS segment for all of them, where each used to pay for its own. (A test that
      // fakes timers must leave setImmediate real, or notes.add never settles.)
      setImmediate(() => {
        batches.delete(sqlite);
        void exclusiveWrite(() => commit(s, mine));
      });
      batch = mine;
    }
    batch.push({
      save,
      resolve: (saved) => {
        if (completion) completion.marked = true;
        resolve(saved);
      },
      reject,
    });
  });
}

interface Pending {
  save: () => SavedNote;
  resolve: (saved: SavedNote) => void;
  reject: (error: unknown) => void;
}

const batches = new WeakMap<BetterSqlite3.Database, Pending[]>();

type Outcome = { saved: SavedNote } | { error: unknown };

function commit(s: Statements, batch: readonly Pending[]): void {
  let outcomes: Outcome[];
  try {
    // IMMEDIATE: the write lock before the look for an earlier note, so no other connection saves it in between.
    // Each save in a savepoint of its own (a nested better-sqlite3 transaction): one that fails takes only itself.
    outcomes = s.batch.immediate(() =>
      batch.map((item) => {
        try {
          return { saved: s.one(item.save) };
        } catch (error) {
          return { error };
        }
      }),
    );
  } catch (error) {
    for (const item of batch) item.reject(error);
    return;
  }
  outcomes.forEach((outcome, index) => {
    const item = batch[index];
    if ('saved' in outcome) item?.resolve(outcome.saved);
    else item?.reject(outcome.error);
  });
}
