// The note already saved from a chat message, read on the plain connection: what a redelivered event or a second
// click gets back from notes.add, without the three Prisma queries (~1.5 ms) it took. Rows come back as Prisma
// would map them (see toNote and toTask), which tests/store/note-writer.test.ts compares.
import type BetterSqlite3 from 'better-sqlite3';
import type { Note, NoteKind, NoteSource, Sentiment, Task } from '../domain/records.ts';
import { fromSqlDate } from './sql-dates.ts';

interface NoteRow {
  id: number;
  accountId: number;
  body: string;
  kind: NoteKind;
  sentiment: Sentiment;
  authorId: number | null;
  occurredAt: string;
  source: NoteSource;
  sourceChannel: string | null;
  sourceMessageId: string | null;
  sourcePermalink: string | null;
  createdAt: string;
}

type TaskRow = Omit<Task, 'dueAt' | 'doneAt' | 'createdAt'> & {
  dueAt: string | null;
  doneAt: string | null;
  createdAt: string;
};

interface Statements {
  note: BetterSqlite3.Statement<unknown[], NoteRow>;
  tags: BetterSqlite3.Statement<unknown[], string>;
  tasks: BetterSqlite3.Statement<unknown[], TaskRow>;
}

const prepared = new WeakMap<BetterSqlite3.Database, Statements>();

function statementsOf(sqlite: BetterSqlite3.Database): Statements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = {
      note: sqlite.prepare(
        `SELECT id, accountId, body, kind, sentiment, authorId, occurredAt, source, sourceChannel, sourceMessageId,
           sourcePermalink, createdAt
         FROM "Note" WHERE workspaceId = ? AND source = ? AND sourceChannel = ? AND sourceMessageId = ?`,
      ),
      tags: sqlite.prepare<unknown[], string>('SELECT tag FROM "NoteTag" WHERE noteId = ?').pluck(),
      // By account as well: Task has no index on noteId alone, and (workspaceId, accountId, …) finds its few rows.
      tasks: sqlite.prepare(
        `SELECT id, accountId, title, dueAt, assigneeId, createdById, noteId, doneAt, createdAt
         FROM "Task" WHERE workspaceId = ? AND accountId = ? AND noteId = ? ORDER BY id`,
      ),
    };
    prepared.set(sqlite, statements);
  }
  return statements;
}

/** The note saved from this message and its follow-ups, or null. */
export function noteBySource(
  sqlite: BetterSqlite3.Database,
  workspaceId: number,
  source: NoteSource,
  channel: string,
  messageId: string,
): { note: Note; tasks: Task[] } | null {
  const s = statementsOf(sqlite);
  const row = s.note.get(workspaceId, source, channel, messageId);
  if (!row) return null;
  const note: Note = {
    id: row.id,
    accountId: row.accountId,
    body: row.body,
    kind: row.kind,
    sentiment: row.sentiment,
    tags: s.tags.all(row.id).sort(),
    authorId: row.authorId,
    occurredAt: fromSqlDate(row.occurredAt),
    sourceRef: {
      source: row.source,
      channel: row.sourceChannel,
      messageId: row.sourceMessageId,
      permalink: row.sourcePermalink,
    },
    createdAt: fromSqlDate(row.createdAt),
  };
  const tasks = s.tasks.all(workspaceId, row.accountId, row.id).map((task) => ({
    ...task,
    dueAt: fromSqlDate(task.dueAt),
    doneAt: fromSqlDate(task.doneAt),
    createdAt: fromSqlDate(task.createdAt),
  }));
  return { note, tasks };
}
