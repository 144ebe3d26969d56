// Posting to Slack for jobs: chat.postMessage with a metadata key (so a post can be found again after a crash),
// at most one message per second per channel, Slack's 429s waited out by the Web API client (Retry-After).
import type { webApi } from '@slack/bolt';
import { ChannelPacer, type PostedMessage, type Poster, type PostTarget } from '../../jobs/poster.ts';
import type { Reply } from '../../replies/reply.ts';
import type { Store } from '../../store/store.ts';
import { renderMessage } from './blocks.ts';

export const DIGEST_METADATA_TYPE = 'kam_digest';
const HISTORY_PAGE = 200;

export class SlackPoster implements Poster {
  private readonly pacer: ChannelPacer;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly store: Store,
    pacingMs = 1_000,
  ) {
    this.pacer = new ChannelPacer(pacingMs);
  }

  async post(target: PostTarget, _workspaceId: number, reply: Reply, key: string): Promise<PostedMessage> {
    await this.pacer.wait(target.channelId);
    const answer = await this.client.chat.postMessage({
      channel: target.channelId,
      ...renderMessage(reply),
      metadata: { event_type: DIGEST_METADATA_TYPE, event_payload: { key } },
    });
    return { platform: 'slack', channel: target.channelId, id: answer.ts ?? null };
  }

  async find(target: PostTarget, _workspaceId: number, key: string, since: Date): Promise<PostedMessage | null> {
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.history({
        channel: target.channelId,
        oldest: String(Math.floor(since.getTime() / 1000) - 60),
        include_all_metadata: true,
        limit: HISTORY_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      const found = page.messages?.find(
        (message) =>
          message.metadata?.event_type === DIGEST_METADATA_TYPE &&
          (message.metadata.event_payload as Record<string, unknown> | undefined)?.key === key,
      );
      if (found) return { platform: 'slack', channel: target.channelId, id: found.ts ?? null };
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return null;
  }

  async toPerson(workspaceId: number, userId: number, reply: Reply): Promise<boolean> {
    const identities = await this.store.forWorkspace(workspaceId).users.identities(userId);
    const slackId = identities.find((identity) => identity.platform === 'slack')?.externalId;
    if (!slackId) return false;
    await this.pacer.wait(slackId);
    await this.client.chat.postMessage({ channel: slackId, ...renderMessage(reply) });
    return true;
  }
}
