import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../domain/records.ts';
import { type Actor, AuditLog } from './audit.ts';
import { plainReader } from './plain-reads.ts';
import type { Db } from './prisma.ts';
import { inTransaction } from './transaction.ts';

export interface ChannelLink {
  platform: Platform;
  channelId: string;
  accountId: number;
}

export class ChannelLinkRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    private readonly sqlite: BetterSqlite3.Database | null = null,
  ) {}

  /** Every message event in a channel asks for its link: a prepared statement (µs), not a Prisma query (0.5 ms). */
  async forChannel(platform: Platform, channelId: string): Promise<ChannelLink | null> {
    const plain = plainReader(this.db, this.sqlite ?? undefined);
    if (plain) {
      return plain.first<ChannelLink>(
        'SELECT platform, channelId, accountId FROM "ChannelLink" WHERE workspaceId = ? AND platform = ? AND channelId = ?',
        {},
        this.workspaceId,
        platform,
        channelId,
      );
    }
    return this.db.channelLink.findUnique({
      where: { workspaceId_platform_channelId: { workspaceId: this.workspaceId, platform, channelId } },
      select: { platform: true, channelId: true, accountId: true },
    });
  }

  async forAccount(accountId: number): Promise<ChannelLink[]> {
    return this.db.channelLink.findMany({
      where: { workspaceId: this.workspaceId, accountId },
      select: { platform: true, channelId: true, accountId: true },
    });
  }

  /** Links the channel to the account, replacing any earlier link of that channel. */
  async link(platform: Platform, channelId: string, accountId: number, by: Actor): Promise<ChannelLink> {
    return inTransaction(this.db, async (tx) => {
      const row = await tx.channelLink.upsert({
        where: { workspaceId_platform_channelId: { workspaceId: this.workspaceId, platform, channelId } },
        create: { workspaceId: this.workspaceId, platform, channelId, accountId, createdById: by.userId },
        update: { accountId, createdById: by.userId },
        select: { platform: true, channelId: true, accountId: true },
      });
      await new AuditLog(tx, this.workspaceId).record(by, 'channel.link', 'account', accountId, {
        platform,
        channelId,
      });
      return row;
    });
  }

  async unlink(platform: Platform, channelId: string, by: Actor): Promise<ChannelLink | null> {
    return inTransaction(this.db, async (tx) => {
      const existing = await new ChannelLinkRepository(tx, this.workspaceId).forChannel(platform, channelId);
      if (!existing) return null;
      await tx.channelLink.deleteMany({ where: { workspaceId: this.workspaceId, platform, channelId } });
      await new AuditLog(tx, this.workspaceId).record(by, 'channel.unlink', 'account', existing.accountId, {
        platform,
        channelId,
      });
      return existing;
    });
  }
}
