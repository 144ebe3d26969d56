import type BetterSqlite3 from 'better-sqlite3';
import type { Platform, Workspace } from '../domain/records.ts';
import { type Actor, AuditLog } from './audit.ts';
import { plainReader } from './plain-reads.ts';
import { type Db, DbNull, type Prisma } from './prisma.ts';
import { inTransaction } from './transaction.ts';

type WorkspaceRow = Prisma.WorkspaceGetPayload<object>;

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    locale: row.locale,
    healthSettings: row.healthSettings as unknown,
  };
}

export interface NewWorkspace {
  name: string;
  timeZone: string;
  currency?: string;
  locale?: string | null;
}

/** Workspaces and the installations (Slack team, Teams tenant, the local console) that map to them. */
export class WorkspaceDirectory {
  constructor(
    private readonly db: Db,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  async byId(id: number): Promise<Workspace | null> {
    const row = await this.db.workspace.findUnique({ where: { id } });
    return row ? toWorkspace(row) : null;
  }

  async list(): Promise<Workspace[]> {
    return (await this.db.workspace.findMany({ orderBy: { id: 'asc' } })).map(toWorkspace);
  }

  /**
   * Read on every request, never cached by the front ends: a settings change, `kam workspaces link` or a new
   * installation takes effect at once. A prepared statement keeps that to microseconds.
   */
  async forInstallation(platform: Platform, externalId: string): Promise<Workspace | null> {
    const plain = plainReader(this.db, this.sqlite);
    if (plain) {
      const row = plain.first<WorkspaceRow>(
        `SELECT w.* FROM "Installation" i JOIN "Workspace" w ON w.id = i.workspaceId
          WHERE i.platform = ? AND i.externalId = ?`,
        { dates: ['createdAt', 'updatedAt'], json: ['healthSettings'] },
        platform,
        externalId,
      );
      return row ? toWorkspace(row) : null;
    }
    const row = await this.db.installation.findUnique({
      where: { platform_externalId: { platform, externalId } },
      include: { workspace: true },
    });
    return row ? toWorkspace(row.workspace) : null;
  }

  /** The installation's workspace, created with it on first sight. */
  async ensureInstallation(platform: Platform, externalId: string, defaults: NewWorkspace): Promise<Workspace> {
    const found = await this.forInstallation(platform, externalId);
    if (found) return found;
    return inTransaction(this.db, async (tx) => {
      const workspace = await tx.workspace.create({ data: defaults });
      await tx.installation.create({ data: { workspaceId: workspace.id, platform, externalId } });
      return toWorkspace(workspace);
    });
  }

  async installations(): Promise<{ platform: Platform; externalId: string; workspaceId: number }[]> {
    return this.db.installation.findMany({
      select: { platform: true, externalId: true, workspaceId: true },
      orderBy: [{ workspaceId: 'asc' }, { platform: 'asc' }],
    });
  }

  /** Maps another installation (say, a Teams tenant) to an existing workspace, so both see the same accounts. */
  async link(platform: Platform, externalId: string, workspaceId: number): Promise<void> {
    await this.db.installation.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { workspaceId, platform, externalId },
      update: { workspaceId },
    });
  }

  async update(id: number, patch: Partial<NewWorkspace>): Promise<Workspace> {
    return toWorkspace(await this.db.workspace.update({ where: { id }, data: patch }));
  }

  /** Stores the workspace's health settings overrides (already validated), or clears them with null. */
  async setHealthSettings(id: number, overrides: object | null): Promise<Workspace> {
    const healthSettings = overrides === null ? DbNull : (overrides as Prisma.InputJsonValue);
    return toWorkspace(await this.db.workspace.update({ where: { id }, data: { healthSettings } }));
  }
}

/** One workspace's own settings, for the commands that run inside it. */
export class WorkspaceSettings {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
  ) {}

  async get(): Promise<Workspace> {
    return toWorkspace(await this.db.workspace.findUniqueOrThrow({ where: { id: this.workspaceId } }));
  }

  /** Changes the health settings, recording who did. */
  setHealthSettings(overrides: object | null, by: Actor): Promise<Workspace> {
    return inTransaction(this.db, async (tx) => {
      const workspace = await new WorkspaceDirectory(tx).setHealthSettings(this.workspaceId, overrides);
      await new AuditLog(tx, this.workspaceId).record(by, 'workspace.health_settings', 'workspace', this.workspaceId, {
        healthSettings: overrides,
      });
      return workspace;
    });
  }

  /** Sets the language replies use for people whose own is not known (null: English), recording who did. */
  setLocale(locale: string | null, by: Actor): Promise<Workspace> {
    return inTransaction(this.db, async (tx) => {
      const workspace = await new WorkspaceDirectory(tx).update(this.workspaceId, { locale });
      await new AuditLog(tx, this.workspaceId).record(by, 'workspace.locale', 'workspace', this.workspaceId, {
        locale,
      });
      return workspace;
    });
  }
}
