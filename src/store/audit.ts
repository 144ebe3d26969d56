import type { Origin } from '../domain/records.ts';
import type { Db, Prisma } from './prisma.ts';

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
    await this.db.auditEvent.create({
      data: {
        ...(at ? { createdAt: at } : {}),
        workspaceId: this.workspaceId,
        actorId: by.userId,
        origin: by.origin,
        action,
        entity,
        entityId,
        details: (details ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    });
  }

  /** Many events in one statement, for imports: one per record written. */
  async recordMany(
    by: Actor,
    events: readonly { action: string; entity: string; entityId: number | null; details?: Record<string, unknown> }[],
  ): Promise<void> {
    if (events.length === 0) return;
    await this.db.auditEvent.createMany({
      data: events.map((event) => ({
        workspaceId: this.workspaceId,
        actorId: by.userId,
        origin: by.origin,
        action: event.action,
        entity: event.entity,
        entityId: event.entityId,
        details: (event.details ?? undefined) as Prisma.InputJsonValue | undefined,
      })),
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
