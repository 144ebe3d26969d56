// Note rows as records: the mapping Prisma's rows and plain-SQL rows share, and the note already saved from a chat
// message read on the plain connection: what a redelivered event or a second click gets back from notes.add,
// without the three Prisma queries (~1.5 ms) it took. tests/store/note-writer.test.ts compares it with Prisma's.
import type BetterSqlite3 from 'better-sqlite3';
import type { Note, NoteSource, Task } from '../domain/records.ts';
import { PlainReader } from './plain-reads.ts';
import type { Prisma } from './prisma.ts';
import { TASK_SHAPE, type TaskRow, toTask } from './tasks.ts';

export const withTags = { tags: { select: { tag: true } } } satisfies Prisma.NoteInclude;
export type NoteRow = Prisma.NoteGetPayload<{ include: typeof withTags }>;

/** A Note row read with plain SQL: dates are text until the reader turns them into Dates. */
export const NOTE_SHAPE = { dates: ['occurredAt', 'createdAt', 'editedAt'] };

export function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    accountId: row.accountId,
    body: row.body,
    kind: row.kind,
    sentiment: row.sentiment,
    tags: row.tags.map((tag) => tag.tag).sort(),
    authorId: row.authorId,
    occurredAt: row.occurredAt,
    sourceRef: {
      source: row.source,
      channel: row.sourceChannel,
      messageId: row.sourceMessageId,
      permalink: row.sourcePermalink,
    },
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

/** The note saved from this message and its follow-ups, or null. */
export function noteBySource(
  sqlite: BetterSqlite3.Database,
  workspaceId: number,
  source: NoteSource,
  channel: string,
  messageId: string,
): { note: Note; tasks: Task[] } | null {
  const plain = new PlainReader(sqlite);
  const row = plain.first<Omit<NoteRow, 'tags'>>(
    'SELECT * FROM "Note" WHERE workspaceId = ? AND source = ? AND sourceChannel = ? AND sourceMessageId = ?',
    NOTE_SHAPE,
    workspaceId,
    source,
    channel,
    messageId,
  );
  if (!row) return null;
  const tags = plain.all<{ tag: string }>('SELECT tag FROM "NoteTag" WHERE noteId = ?', {}, row.id);
  // By account as well: Task has no index on noteId alone, and (workspaceId, accountId, …) finds its few rows.
  const tasks = plain.all<TaskRow>(
    'SELECT * FROM "Task" WHERE workspaceId = ? AND accountId = ? AND noteId = ? ORDER BY id',
    TASK_SHAPE,
    workspaceId,
    row.accountId,
    row.id,
  );
  return { note: toNote({ ...row, tags }), tasks: tasks.map(toTask) };
}
