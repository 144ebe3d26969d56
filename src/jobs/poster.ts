// The port jobs post through: Slack and Teams each implement it (src/platforms/*/poster.ts), so a job never knows
// which platform it is talking to.
import type { Platform } from '../domain/records.ts';
import type { Reply } from '../replies/reply.ts';

export interface PostTarget {
  platform: Platform;
  /** Slack channel id or Teams conversation id. */
  channelId: string;
}

export interface PostedMessage {
  platform: Platform;
  channel: string;
  /** Slack ts or Teams activity id, when the platform tells. */
  id: string | null;
}

export interface Poster {
  /** Posts a reply; `key` marks the post so it can be found again after a crash. */
  post(target: PostTarget, workspaceId: number, reply: Reply, key: string): Promise<PostedMessage>;
  /**
   * The message posted earlier with `key` since `since`, or null when there is none; 'unknown' when the platform
   * cannot tell (Teams cannot read a channel's history without Graph permissions).
   */
  find(target: PostTarget, workspaceId: number, key: string, since: Date): Promise<PostedMessage | null | 'unknown'>;
  /**
   * A direct message to a person, marked with `key` like a post; false when kam-bot has no way to reach them on this
   * platform.
   */
  toPerson(workspaceId: number, userId: number, reply: Reply, key: string): Promise<boolean>;
}

/**
 * The platform may have taken a post whose answer was lost (a 5xx, a dropped connection), and could not be asked
 * whether it did. Posting again could post twice, so whoever posts records it as posted, unconfirmed.
 */
export class PostUnconfirmedError extends Error {
  override readonly name = 'PostUnconfirmedError';
}

/** One poster for all configured platforms: each target goes to its platform's poster. */
export function combinePosters(posters: Partial<Record<Platform, Poster>>): Poster {
  const of = (platform: Platform): Poster => {
    const poster = posters[platform];
    if (!poster) throw new Error(`kam-bot is not connected to ${platform}, so it cannot post there`);
    return poster;
  };
  return {
    post: (target, workspaceId, reply, key) => of(target.platform).post(target, workspaceId, reply, key),
    find: (target, workspaceId, key, since) => of(target.platform).find(target, workspaceId, key, since),
    async toPerson(workspaceId, userId, reply, key) {
      for (const poster of Object.values(posters)) {
        if (poster && (await poster.toPerson(workspaceId, userId, reply, key))) return true;
      }
      return false;
    },
  };
}

/** Waits between posts to one channel so a burst stays within the platform's per-channel rate. */
export class ChannelPacer {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async wait(channel: string): Promise<void> {
    const since = Date.now() - (this.last.get(channel) ?? 0);
    if (since < this.intervalMs) await this.sleep(this.intervalMs - since);
    this.last.set(channel, Date.now());
  }
}
