import type BetterSqlite3 from 'better-sqlite3';
import type { Note, NoteKind, NoteSourceRef, Sentiment, Task } from '../domain/records.ts';
import { NotFoundError } from '../errors.ts';
import { type Actor, AuditLog } from './audit.ts';
import { NOTE_SHAPE, type NoteRow, toNote, withTags } from './note-rows.ts';
import { writeNote } from './note-writer.ts';
import { listParam, plainReader } from './plain-reads.ts';
import { type Db, isUniqueViolation, type Prisma, prismaRow } from './prisma.ts';
import { noteRow, noteTags, noteTaskRow } from './rows.ts';
import { toTask } from './tasks.ts';
import { inTransaction, isInTransaction } from './transaction.ts';

export interface NewNoteTask {
  title: string;
  dueAt?: Date | null;
  assigneeId?: number | null;
}

export interface NewNote {
  accountId: number;
  body: string;
  kind?: NoteKind;
  sentiment?: Sentiment;
  /** Without the `#`; stored lower case, once each. */
  tags?: string[];
  authorId?: number | null;
  occurredAt?: Date;
  /** When it was recorded, for imports and the demo; now by default. */
  createdAt?: Date;
  sourceRef?: Partial<NoteSourceRef>;
  /** Follow-ups found in the note ("todo: call Bob by friday"), saved with it or not at all. */
  tasks?: NewNoteTask[];
}

export interface SavedNote {
  note: Note;
  tasks: Task[];
  /** False when the same source message had been saved before: nothing new was written. */
  created: boolean;
}

export class NoteRepository {
  constructor(
    private readonly db: Db,
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  async byId(id: number): Promise<Note | null> {
    const row = await this.db.note.findFirst({ where: { workspaceId: this.workspaceId, id }, include: withTags });
    return row ? toNote(row) : null;
  }

  /** The note already saved from this message, if any. */
  async bySource(ref: Pick<NoteSourceRef, 'source' | 'channel' | 'messageId'>): Promise<SavedNote | null> {
    if (!ref.channel || !ref.messageId) return null;
    const row = await this.db.note.findFirst({
      where: {
        workspaceId: this.workspaceId,
        source: ref.source,
        sourceChannel: ref.channel,
        sourceMessageId: ref.messageId,
      },
      include: withTags,
    });
    if (!row) return null;
    // By account as well: Task has no index on noteId alone, and (workspaceId, accountId, …) finds its few rows.
    const tasks = await this.db.task.findMany({
      where: { workspaceId: this.workspaceId, accountId: row.accountId, noteId: row.id },
      orderBy: { id: 'asc' },
    });
    return { note: toNote(row), tasks: tasks.map(toTask), created: false };
  }

  /**
   * Saves a note with its tags, its follow-ups and an audit event, all or nothing. Saving a message that was saved
   * before returns the first note and writes nothing, so platform retries and double clicks never duplicate.
   */
  async add(input: NewNote, by: Actor): Promise<SavedNote> {
    // Inside a caller's Prisma transaction the note must join it; otherwise the fast path (note-writer.ts).
    if (isInTransaction(this.db)) return this.addInTransaction(input, by);
    return writeNote(this.sqlite, this.workspaceId, input, by);
  }

  private async addInTransaction(input: NewNote, by: Actor): Promise<SavedNote> {
    const source = input.sourceRef?.source ?? 'console';
    const ref = { source, channel: input.sourceRef?.channel ?? null, messageId: input.sourceRef?.messageId ?? null };
    const existing = await this.bySource(ref);
    if (existing) return existing;
    try {
      return await inTransaction(this.db, async (tx) => {
        const now = new Date();
        const fields = prismaRow<Prisma.NoteUncheckedCreateInput>(noteRow(this.workspaceId, input, source, now));
        const row = await tx.note.create({
          data: { ...fields, tags: { create: noteTags(input.tags).map((tag) => ({ tag })) } },
          include: withTags,
        });
        const tasks: Task[] = [];
        for (const task of input.tasks ?? []) {
          const taskRow = await tx.task.create({
            data: prismaRow<Prisma.TaskUncheckedCreateInput>(noteTaskRow(this.workspaceId, row, task, now)),
          });
          tasks.push(toTask(taskRow));
        }
        const audit = new AuditLog(tx, this.workspaceId);
        await audit.record(by, 'note.create', 'note', row.id, { accountId: input.accountId, source });
        for (const task of tasks) await audit.record(by, 'task.create', 'task', task.id, { noteId: row.id });
        return { note: toNote(row), tasks, created: true };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const saved = await this.bySource(ref);
        if (saved) return saved;
      }
      throw error;
    }
  }

  /** An account's notes, newest first. */
  async forAccount(accountId: number, limit: number, offset = 0): Promise<Note[]> {
    const plain = plainReader(this.db, this.sqlite);
    if (plain) {
      const rows = plain.all<Omit<NoteRow, 'tags'>>(
        `SELECT * FROM Note WHERE workspaceId = ? AND accountId = ? ORDER BY occurredAt DESC, id DESC LIMIT ? OFFSET ?`,
        NOTE_SHAPE,
        this.workspaceId,
        accountId,
        limit,
        offset,
      );
      const tags = plain.all<{ noteId: number; tag: string }>(
        'SELECT noteId, tag FROM NoteTag WHERE workspaceId = ? AND noteId IN (SELECT value FROM json_each(?))',
        {},
        this.workspaceId,
        listParam(rows.map((row) => row.id)),
      );
      return rows.map((row) => toNote({ ...row, tags: tags.filter((tag) => tag.noteId === row.id) }));
    }
    const rows = await this.db.note.findMany({
      where: { workspaceId: this.workspaceId, accountId },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: limit,
      skip: offset,
      include: withTags,
    });
    return rows.map(toNote);
  }

  async countForAccount(accountId: number): Promise<number> {
    const plain = plainReader(this.db, this.sqlite);
    if (plain) {
      const row = plain.first<{ count: number }>(
        'SELECT COUNT(*) AS count FROM Note WHERE workspaceId = ? AND accountId = ?',
        {},
        this.workspaceId,
        accountId,
      );
      return row?.count ?? 0;
    }
    return this.db.note.count({ where: { workspaceId: this.workspaceId, accountId } });
  }

  /** New text for a note, with the tags, sentiment and kind it implies; the audit trail keeps the earlier text. */
  async edit(
    id: number,
    patch: { body: string; tags: string[]; sentiment: Sentiment; kind: NoteKind },
    by: Actor,
    at: Date,
  ): Promise<Note> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.note.findFirst({ where: { workspaceId: this.workspaceId, id }, include: withTags });
      if (!existing) throw new NotFoundError(`There is no note ${id}.`);
      await tx.noteTag.deleteMany({ where: { workspaceId: this.workspaceId, noteId: id } });
      const tags = [...new Set(patch.tags.map((tag) => tag.toLowerCase()))];
      const row = await tx.note.update({
        where: { id },
        data: {
          body: patch.body,
          sentiment: patch.sentiment,
          kind: patch.kind,
          editedAt: at,
          tags: { create: tags.map((tag) => ({ tag })) },
        },
        include: withTags,
      });
      await new AuditLog(tx, this.workspaceId).record(by, 'note.edit', 'note', id, {
        accountId: existing.accountId,
        before: { body: existing.body, sentiment: existing.sentiment, kind: existing.kind },
      });
      return toNote(row);
    });
  }

  /** Deletes a note; follow-ups made from it stay. The audit trail keeps the note in full. */
  async remove(id: number, by: Actor): Promise<Note> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.note.findFirst({ where: { workspaceId: this.workspaceId, id }, include: withTags });
      if (!existing) throw new NotFoundError(`There is no note ${id}.`);
      await tx.task.updateMany({ where: { workspaceId: this.workspaceId, noteId: id }, data: { noteId: null } });
      await tx.note.delete({ where: { id } });
      const note = toNote(existing);
      await new AuditLog(tx, this.workspaceId).record(by, 'note.delete', 'note', id, {
        accountId: note.accountId,
        removed: { ...note, occurredAt: note.occurredAt.toISOString(), createdAt: note.createdAt.toISOString() },
      });
      return note;
    });
  }
}
