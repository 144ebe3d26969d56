import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../domain/records.ts';
import { plainReader } from './plain-reads.ts';
import type { Db, Prisma } from './prisma.ts';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface Conversation {
  platform: Platform;
  externalId: string;
  kind: ConversationKind;
  name: string | null;
  userId: number | null;
  reference: unknown;
  updatedAt: Date;
}

export interface SeenConversation {
  platform: Platform;
  externalId: string;
  kind: ConversationKind;
  name?: string | null;
  userId?: number | null;
  reference: unknown;
}

type Row = Prisma.ConversationGetPayload<object>;

/**
 * A chat seen again with nothing changed is written again only this long after its last write: Teams sends the
 * reference with every message, and a write per message made every other read path (the account index cache)
 * check whether accounts had changed. `updatedAt` still says, to within this, when the chat was last seen.
 */
const UNCHANGED_REFRESH_MS = 60 * 60_000;

function toConversation(row: Row): Conversation {
  return {
    platform: row.platform,
    externalId: row.externalId,
    kind: row.kind as ConversationKind,
    name: row.name,
    userId: row.userId,
    reference: row.reference as unknown,
    updatedAt: row.updatedAt,
  };
}

/** Where kam-bot can post later without being asked; the reference is refreshed each time the chat is seen. */
export class ConversationRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /** The stored chat when it already says all of `seen` and was written recently, else null. */
  private unchanged(seen: SeenConversation, at: number): Row | null {
    const plain = plainReader(this.db, this.sqlite);
    const row = plain?.first<Row>(
      'SELECT * FROM Conversation WHERE workspaceId = ? AND platform = ? AND externalId = ?',
      { dates: ['createdAt', 'updatedAt'], json: ['reference'] },
      this.workspaceId,
      seen.platform,
      seen.externalId,
    );
    if (!row || at - row.updatedAt.getTime() >= UNCHANGED_REFRESH_MS) return null;
    const same =
      row.kind === seen.kind &&
      row.name === (seen.name ?? null) &&
      row.userId === (seen.userId ?? null) &&
      JSON.stringify(row.reference) === JSON.stringify(seen.reference);
    return same ? row : null;
  }

  async remember(seen: SeenConversation): Promise<Conversation> {
    const known = this.unchanged(seen, Date.now());
    if (known) return toConversation(known);
    const data = {
      kind: seen.kind,
      name: seen.name ?? null,
      userId: seen.userId ?? null,
      reference: seen.reference as Prisma.InputJsonValue,
    };
    const row = await this.db.conversation.upsert({
      where: {
        workspaceId_platform_externalId: {
          workspaceId: this.workspaceId,
          platform: seen.platform,
          externalId: seen.externalId,
        },
      },
      create: { ...data, workspaceId: this.workspaceId, platform: seen.platform, externalId: seen.externalId },
      update: data,
    });
    return toConversation(row);
  }

  async byExternalId(platform: Platform, externalId: string): Promise<Conversation | null> {
    const row = await this.db.conversation.findUnique({
      where: { workspaceId_platform_externalId: { workspaceId: this.workspaceId, platform, externalId } },
    });
    return row ? toConversation(row) : null;
  }

  /** The personal chat with a person, for reminders. */
  async personalWith(platform: Platform, userId: number): Promise<Conversation | null> {
    const row = await this.db.conversation.findFirst({
      where: { workspaceId: this.workspaceId, platform, userId, kind: 'personal' },
      orderBy: { updatedAt: 'desc' },
    });
    return row ? toConversation(row) : null;
  }

  async list(platform?: Platform): Promise<Conversation[]> {
    const rows = await this.db.conversation.findMany({
      where: { workspaceId: this.workspaceId, ...(platform ? { platform } : {}) },
      orderBy: { updatedAt: 'desc' },
    });
    return rows.map(toConversation);
  }
}
