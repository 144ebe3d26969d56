import type { Origin } from '../domain/records.ts';
import { type Db, type Prisma, prismaRow } from './prisma.ts';
import { auditEventRow } from './rows.ts';

/** Who makes a change, and from where. `userId` is null for the system (imports, jobs, the demo loader). */
export interface Actor {
  userId: number | null;
  origin: Origin;
}

export const SYSTEM_ACTOR: Actor = { userId: null, origin: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: number | null;
  actorId: number | null;
  origin: string;
  details: unknown;
  createdAt: Date;
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
  ) {}

  async record(
    by: Actor,
    action: string,
    entity: string,
    entityId: number | null,
    details?: Record<string, unknown>,
    /** When it happened, for records entered with an earlier date (imports, the demo); now by default. */
    at?: Date,
  ): Promise<void> {
    const row = auditEventRow(this.workspaceId, by, { action, entity, entityId, details }, at ?? new Date());
    await this.db.auditEvent.create({ data: prismaRow<Prisma.AuditEventUncheckedCreateInput>(row) });
  }

  /** Many events in one statement, for imports: one per record written. */
  async recordMany(
    by: Actor,
    events: readonly { action: string; entity: string; entityId: number | null; details?: Record<string, unknown> }[],
  ): Promise<void> {
    if (events.length === 0) return;
    const now = new Date();
    await this.db.auditEvent.createMany({
      data: events.map((event) =>
        prismaRow<Prisma.AuditEventCreateManyInput>(auditEventRow(this.workspaceId, by, event, now)),
      ),
    });
  }

  /** The newest events of several records of one kind (the contacts or opportunities of an account). */
  async forEntities(entity: string, entityIds: readonly number[], limit = 50): Promise<AuditEntry[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.db.auditEvent.findMany({
      where: { workspaceId: this.workspaceId, entity, entityId: { in: [...entityIds] } },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.map((row) => ({ ...row, details: row.details as unknown }));
  }

  async forEntity(entity: string, entityId: number, limit = 50): Promise<AuditEntry[]> {
    const rows = await this.db.auditEvent.findMany({
      where: { workspaceId: this.workspaceId, entity, entityId },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.map((row) => ({ ...row, details: row.details as unknown }));
  }
}
