import type { Platform } from '../domain/records.ts';
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
  ) {}

  async remember(seen: SeenConversation): Promise<Conversation> {
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
