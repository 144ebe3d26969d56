import type { Platform, Workspace } from '../domain/records.ts';
import type { Db, Prisma } from './prisma.ts';
import { inTransaction } from './transaction.ts';

type WorkspaceRow = Prisma.WorkspaceGetPayload<object>;

function toWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, timeZone: row.timeZone, currency: row.currency };
}

export interface NewWorkspace {
  name: string;
  timeZone: string;
  currency?: string;
}

/** Workspaces and the installations (Slack team, Teams tenant, the local console) that map to them. */
export class WorkspaceDirectory {
  constructor(private readonly db: Db) {}

  async byId(id: number): Promise<Workspace | null> {
    const row = await this.db.workspace.findUnique({ where: { id } });
    return row ? toWorkspace(row) : null;
  }

  async list(): Promise<Workspace[]> {
    return (await this.db.workspace.findMany({ orderBy: { id: 'asc' } })).map(toWorkspace);
  }

  async forInstallation(platform: Platform, externalId: string): Promise<Workspace | null> {
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
}
