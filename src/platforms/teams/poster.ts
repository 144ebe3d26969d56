// Posting to Teams for jobs: proactive messages to conversations kam-bot was added to or spoken in, one message per
// second per conversation. When the Bot Connector throttles (429) with a Retry-After, botbuilder's client waits and
// retries by itself; without one (or when that retry is throttled too) we back off exponentially here. A post whose
// answer is lost (a 5xx, a dropped connection) may have been taken, and Teams cannot be asked (reading a
// conversation takes Graph permissions): it is not sent again, and is reported unconfirmed.
import type { ConversationReference } from 'botbuilder';
import {
  ChannelPacer,
  type PostedMessage,
  type Poster,
  type PostTarget,
  PostUnconfirmedError,
} from '../../jobs/poster.ts';
import type { Logger } from '../../logger.ts';
import type { Reply } from '../../replies/reply.ts';
import type { Store } from '../../store/store.ts';
import type { TeamsFrontEnd } from './app.ts';

const ATTEMPTS = 5;

/** Throttled: Teams did not take the post. */
const THROTTLED = new Set([429, 412]);

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

function retryAfterMs(error: unknown, attempt: number): number | null {
  const status = statusOf(error);
  if (status === undefined || !THROTTLED.has(status)) return null;
  const header = (
    error as { response?: { headers?: { get?: (name: string) => string | null } } }
  ).response?.headers?.get?.('retry-after');
  const seconds = header ? Number(header) : Number.NaN;
  // Exponential with jitter, as Teams' rate-limit guidance asks, unless the connector said how long.
  return Number.isFinite(seconds) ? seconds * 1_000 : 2 ** attempt * 500 + Math.floor(Math.random() * 250);
}

export class TeamsPoster implements Poster {
  private readonly pacer: ChannelPacer;

  constructor(
    private readonly teams: Pick<TeamsFrontEnd, 'sendProactive'>,
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    pacingMs = 1_000,
  ) {
    this.pacer = new ChannelPacer(pacingMs);
  }

  private async send(reference: ConversationReference, reply: Reply, conversation: string): Promise<string | null> {
    for (let attempt = 1; ; attempt++) {
      await this.pacer.wait(conversation);
      try {
        return await this.teams.sendProactive(reference, reply);
      } catch (error) {
        const wait = attempt < ATTEMPTS ? retryAfterMs(error, attempt) : null;
        if (wait === null)
          throw this.ambiguous(error) ? new PostUnconfirmedError(String(error), { cause: error }) : error;
        this.logger.warn(
          { conversation, attempt, waitMs: wait },
          'Teams throttled a post; waiting before trying again',
        );
        await this.sleep(wait);
      }
    }
  }

  /** No answer, or a server error: the connector may have delivered the post. A 4xx is a refusal. */
  private ambiguous(error: unknown): boolean {
    const status = statusOf(error);
    return status === undefined || status >= 500;
  }

  async post(target: PostTarget, workspaceId: number, reply: Reply): Promise<PostedMessage> {
    const conversation = await this.store
      .forWorkspace(workspaceId)
      .conversations.byExternalId('teams', target.channelId);
    if (!conversation) throw new Error(`kam-bot has not been added to Teams conversation ${target.channelId}`);
    const id = await this.send(conversation.reference as ConversationReference, reply, target.channelId);
    return { platform: 'teams', channel: target.channelId, id };
  }

  /** The Bot Connector cannot list a conversation's messages: after a crash, whether a post went out is unknown. */
  async find(): Promise<'unknown'> {
    return 'unknown';
  }

  async toPerson(workspaceId: number, userId: number, reply: Reply): Promise<boolean> {
    const chat = await this.store.forWorkspace(workspaceId).conversations.personalWith('teams', userId);
    if (!chat) return false;
    await this.send(chat.reference as ConversationReference, reply, chat.externalId);
    return true;
  }
}
