// Posting to Slack for jobs (digests, reminders): chat.postMessage with a metadata key, so the post can be found in
// the conversation's history, at most one message per second per conversation. A post is never sent again blindly:
// a 429 means Slack did not take it (wait as long as it says, then post), an answer of ok:false means it refused
// it; but when the answer is lost (a 5xx, a dropped connection) Slack may have taken it, so the history is asked
// first. The client this poster is given must not retry by itself (postingClient).
import { webApi } from '@slack/bolt';
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
import { renderMessage } from './blocks.ts';
import { boltLogger } from './bolt-logger.ts';
import { isPassingSlackFailure } from './errors.ts';

export const DIGEST_METADATA_TYPE = 'kam_digest';
export const REMINDER_METADATA_TYPE = 'kam_reminder';
const HISTORY_PAGE = 200;
/** Posts tried before giving up (throttled, or found not to have gone out). */
const POST_ATTEMPTS = 4;
/** History reads are safe to repeat: a few tries before the answer is "cannot tell". */
const READ_ATTEMPTS = 3;
/** Slack's clock and ours: look a minute further back than the first attempt. */
const CLOCK_SKEW_S = 60;

/** A Web API client for posting: no retries of its own, and a 429 comes back at once with its Retry-After. */
export function postingClient(token: string, apiUrl: string, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: apiUrl,
    logger: boltLogger(logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;
const platformError = (error: unknown) =>
  codeOf(error) === 'slack_webapi_platform_error'
    ? String((error as { data?: { error?: unknown } }).data?.error)
    : null;

function retryAfterMs(error: unknown): number | null {
  if (codeOf(error) !== 'slack_webapi_rate_limited_error') return null;
  return Math.max(1, Number((error as { retryAfter?: unknown }).retryAfter) || 1) * 1_000;
}

export class SlackPoster implements Poster {
  private readonly pacer: ChannelPacer;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly store: Store,
    pacingMs = 1_000,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.pacer = new ChannelPacer(pacingMs);
  }

  async post(target: PostTarget, _workspaceId: number, reply: Reply, key: string): Promise<PostedMessage> {
    return this.deliver(target.channelId, reply, DIGEST_METADATA_TYPE, key, (from) =>
      this.lookFor(target.channelId, DIGEST_METADATA_TYPE, key, from),
    );
  }

  async find(
    target: PostTarget,
    _workspaceId: number,
    key: string,
    from: Date,
  ): Promise<PostedMessage | null | 'unknown'> {
    try {
      return await this.lookFor(target.channelId, DIGEST_METADATA_TYPE, key, from);
    } catch (error) {
      if (error instanceof PostUnconfirmedError) return 'unknown';
      throw error;
    }
  }

  async toPerson(workspaceId: number, userId: number, reply: Reply, key: string): Promise<boolean> {
    const identities = await this.store.forWorkspace(workspaceId).users.identities(userId);
    const slackId = identities.find((identity) => identity.platform === 'slack')?.externalId;
    if (!slackId) return false;
    await this.deliver(slackId, reply, REMINDER_METADATA_TYPE, key, async (from) =>
      this.lookFor(await this.directChannel(slackId), REMINDER_METADATA_TYPE, key, from),
    );
    return true;
  }

  /** Posts once: again only after a 429, or after the history showed the earlier attempt did not go out. */
  private async deliver(
    channel: string,
    reply: Reply,
    type: string,
    key: string,
    lookFor: (from: Date) => Promise<PostedMessage | null>,
  ): Promise<PostedMessage> {
    const from = new Date();
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= POST_ATTEMPTS; attempt++) {
      await this.pacer.wait(channel);
      try {
        const answer = await this.client.chat.postMessage({
          channel,
          ...renderMessage(reply),
          metadata: { event_type: type, event_payload: { key } },
        });
        return { platform: 'slack', channel: answer.channel ?? channel, id: answer.ts ?? null };
      } catch (error) {
        lastError = error;
        const wait = retryAfterMs(error);
        if (wait !== null) {
          await this.sleep(wait);
          continue;
        }
        // Refused (ok:false) or not a Web API failure at all: nothing went out.
        if (!isPassingSlackFailure(error)) throw error;
        const found = await lookFor(from);
        if (found) return found;
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  /**
   * The message with `key` posted into `channel` since `from`, or null when the history shows none. Where the bot
   * posts without being a member (chat:write.public) the history is closed to it (not_in_channel): it joins the
   * public channel first. A channel it can neither read nor join it cannot have posted to.
   */
  private async lookFor(channel: string, type: string, key: string, from: Date): Promise<PostedMessage | null> {
    let joined = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.searchHistory(channel, type, key, from);
      } catch (error) {
        const refusal = platformError(error);
        if (refusal === 'not_in_channel' && !joined) {
          joined = true;
          await this.join(channel);
          continue;
        }
        if (refusal === 'channel_not_found') return null;
        if (isPassingSlackFailure(error) && attempt < READ_ATTEMPTS) {
          await this.sleep(retryAfterMs(error) ?? 500 * 2 ** attempt);
          continue;
        }
        throw new PostUnconfirmedError(`could not ask Slack whether the post went out: ${String(error)}`, {
          cause: error,
        });
      }
    }
  }

  private async searchHistory(channel: string, type: string, key: string, from: Date): Promise<PostedMessage | null> {
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.history({
        channel,
        oldest: String(Math.floor(from.getTime() / 1000) - CLOCK_SKEW_S),
        include_all_metadata: true,
        limit: HISTORY_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      const found = page.messages?.find(
        (message) =>
          message.metadata?.event_type === type &&
          (message.metadata.event_payload as Record<string, unknown> | undefined)?.key === key,
      );
      if (found) return { platform: 'slack', channel, id: found.ts ?? null };
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return null;
  }

  private async join(channel: string): Promise<void> {
    try {
      await this.client.conversations.join({ channel });
    } catch (error) {
      throw new PostUnconfirmedError(`could not join ${channel} to read its history: ${String(error)}`, {
        cause: error,
      });
    }
  }

  /** The direct-message conversation with a person, where reminders go. */
  private async directChannel(slackUserId: string): Promise<string> {
    try {
      const opened = await this.client.conversations.open({ users: slackUserId });
      if (opened.channel?.id) return opened.channel.id;
      throw new Error('conversations.open named no channel');
    } catch (error) {
      throw new PostUnconfirmedError(`could not open the direct messages with ${slackUserId}: ${String(error)}`, {
        cause: error,
      });
    }
  }
}
