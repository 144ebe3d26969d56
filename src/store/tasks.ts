import type BetterSqlite3 from 'better-sqlite3';
import type { Task } from '../domain/records.ts';
import { NotFoundError } from '../errors.ts';
import { type Actor, AuditLog } from './audit.ts';
import { plainReader } from './plain-reads.ts';
import { type Db, type Prisma, prismaRow } from './prisma.ts';
import { taskRow } from './rows.ts';
import { toSqlDate } from './sql-dates.ts';
import { inTransaction } from './transaction.ts';

export type TaskRow = Prisma.TaskGetPayload<object>;

export const TASK_SHAPE = { dates: ['dueAt', 'doneAt', 'remindedAt', 'createdAt', 'updatedAt'] };

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    accountId: row.accountId,
    title: row.title,
    dueAt: row.dueAt,
    assigneeId: row.assigneeId,
    createdById: row.createdById,
    noteId: row.noteId,
    doneAt: row.doneAt,
    createdAt: row.createdAt,
  };
}

export interface NewTask {
  accountId: number;
  title: string;
  dueAt?: Date | null;
  assigneeId?: number | null;
  createdById?: number | null;
  noteId?: number | null;
  /** For imports and the demo: a task that is already done, and when it was created. */
  doneAt?: Date | null;
  createdAt?: Date;
}

export interface TaskFilter {
  accountId?: number;
  assigneeId?: number;
  /** Only tasks not done (default) or all. */
  includeDone?: boolean;
  /** Only tasks due before this time. */
  dueBefore?: Date;
}

export class TaskRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  async byId(id: number): Promise<Task | null> {
    const row = await this.db.task.findFirst({ where: { workspaceId: this.workspaceId, id } });
    return row ? toTask(row) : null;
  }

  async add(input: NewTask, by: Actor): Promise<Task> {
    return inTransaction(this.db, async (tx) => {
      const row = await tx.task.create({
        data: prismaRow<Prisma.TaskUncheckedCreateInput>(taskRow(this.workspaceId, input, new Date())),
      });
      await new AuditLog(tx, this.workspaceId).record(by, 'task.create', 'task', row.id, {
        accountId: input.accountId,
      });
      return toTask(row);
    });
  }

  /** Open tasks first by due date (undated last). */
  async list(filter: TaskFilter = {}, limit = 200): Promise<Task[]> {
    const plain = plainReader(this.db, this.sqlite);
    if (plain) {
      const where = ['workspaceId = :workspaceId'];
      if (filter.accountId !== undefined) where.push('accountId = :accountId');
      if (filter.assigneeId !== undefined) where.push('assigneeId = :assigneeId');
      if (!filter.includeDone) where.push('doneAt IS NULL');
      if (filter.dueBefore) where.push('dueAt < :dueBefore');
      const params = {
        workspaceId: this.workspaceId,
        limit,
        ...(filter.accountId === undefined ? {} : { accountId: filter.accountId }),
        ...(filter.assigneeId === undefined ? {} : { assigneeId: filter.assigneeId }),
        ...(filter.dueBefore ? { dueBefore: toSqlDate(filter.dueBefore) } : {}),
      };
      return plain
        .all<TaskRow>(
          `SELECT * FROM Task WHERE ${where.join(' AND ')} ORDER BY dueAt ASC NULLS LAST, id ASC LIMIT :limit`,
          TASK_SHAPE,
          params,
        )
        .map(toTask);
    }
    const rows = await this.db.task.findMany({
      where: {
        workspaceId: this.workspaceId,
        ...(filter.accountId === undefined ? {} : { accountId: filter.accountId }),
        ...(filter.assigneeId === undefined ? {} : { assigneeId: filter.assigneeId }),
        ...(filter.includeDone ? {} : { doneAt: null }),
        ...(filter.dueBefore ? { dueAt: { lt: filter.dueBefore } } : {}),
      },
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toTask);
  }

  /** Open tasks due on a calendar day ("2026-11-30"), not yet reminded of. */
  async dueOn(day: string): Promise<Task[]> {
    const start = new Date(`${day}T00:00:00Z`);
    const end = new Date(start.getTime() + 86_400_000);
    const rows = await this.db.task.findMany({
      where: { workspaceId: this.workspaceId, doneAt: null, remindedAt: null, dueAt: { gte: start, lt: end } },
      orderBy: { id: 'asc' },
    });
    return rows.map(toTask);
  }

  /** Marks the task reminded; false when another process did first. */
  async claimReminder(id: number, at: Date): Promise<boolean> {
    const result = await this.db.task.updateMany({
      where: { workspaceId: this.workspaceId, id, remindedAt: null },
      data: { remindedAt: at },
    });
    return result.count === 1;
  }

  /**
   * A new due date, assignee or title. A new due date may be reminded of again; the audit trail keeps what each
   * field was before.
   */
  async update(
    id: number,
    patch: { title?: string; dueAt?: Date | null; assigneeId?: number | null },
    by: Actor,
  ): Promise<Task> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.task.findFirst({ where: { workspaceId: this.workspaceId, id } });
      if (!existing) throw new NotFoundError(`There is no task ${id}.`);
      const dueChanged = patch.dueAt !== undefined && patch.dueAt?.getTime() !== existing.dueAt?.getTime();
      const row = await tx.task.update({
        where: { id },
        data: { ...patch, ...(dueChanged ? { remindedAt: null } : {}) },
      });
      const before = Object.fromEntries(Object.keys(patch).map((field) => [field, existing[field as keyof TaskRow]]));
      await new AuditLog(tx, this.workspaceId).record(by, 'task.update', 'task', id, {
        fields: Object.keys(patch),
        before,
      });
      return toTask(row);
    });
  }

  async complete(id: number, by: Actor, at: Date): Promise<Task> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.task.findFirst({ where: { workspaceId: this.workspaceId, id } });
      if (!existing) throw new NotFoundError(`There is no task ${id}.`);
      if (existing.doneAt) return toTask(existing);
      const row = await tx.task.update({ where: { id }, data: { doneAt: at } });
      await new AuditLog(tx, this.workspaceId).record(by, 'task.done', 'task', id);
      return toTask(row);
    });
  }
}
