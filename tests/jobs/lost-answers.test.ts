// A post Slack took whose answer was lost (HTTP 500, a dropped connection) is not posted again: the digest run asks
// the conversation's history first, also where the bot posts without being a member (chat:write.public, where
// conversations.history answers not_in_channel). The posters come from createPosters, as `kam serve` and
// `kam digest run` build them; the fake Slack answers as Slack does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runSubscriptionDigest } from '../../src/jobs/digest-job.ts';
import { combinePosters } from '../../src/jobs/poster.ts';
import { sendTaskReminders } from '../../src/jobs/reminders.ts';
import { silentLogger } from '../../src/logger.ts';
import { createPosters } from '../../src/platforms/posters.ts';
import { type DigestSubscription, Store, SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { subscribeWeekly } from '../helpers/digest-subscription.ts';
import { Answer, DROP_CONNECTION, FakeServer, type Recorded } from '../helpers/fake-server.ts';
import { freshDatabaseFile } from '../helpers/store.ts';

const PUBLIC_MEMBER = 'C0MEMBER01';
const PUBLIC_OTHER = 'C0PUBLIC02';
const PRIVATE_OTHER = 'G0PRIVATE3';
const SLOT = new Date('2026-11-30T08:00:00Z');
const DANA = 'U0DANA0001';

interface Posted {
  channel: string;
  ts: string;
  metadata: unknown;
}

/** Slack as the bot sees it: which conversations it belongs to, what was posted where, how answers get lost. */
class FakeSlack {
  readonly server = new FakeServer();
  readonly posted: Posted[] = [];
  readonly members = new Set([PUBLIC_MEMBER]);
  /** How the next accepted post's answer is lost. */
  loseNextAnswer: 'http-500' | 'drop' | null = null;
  historyDown = false;

  private conversationOf(channel: string): string {
    return channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
  }

  async start(): Promise<this> {
    this.server
      .on('/api/chat.postMessage', (request) => {
        const channel = this.conversationOf(String(request.body.channel));
        // chat:write.public lets the bot post to any public channel; a private one needs it to be a member.
        if (channel.startsWith('G') && !this.members.has(channel)) return { ok: false, error: 'channel_not_found' };
        const message = {
          channel,
          ts: `${Math.floor(Date.now() / 1000)}.${String(this.posted.length).padStart(6, '0')}`,
          metadata: request.body.metadata,
        };
        this.posted.push(message);
        const lost = this.loseNextAnswer;
        this.loseNextAnswer = null;
        if (lost === 'http-500') return new Answer(500, { ok: false, error: 'internal_error' });
        if (lost === 'drop') return DROP_CONNECTION;
        return { ok: true, channel, ts: message.ts };
      })
      .on('/api/conversations.history', (request) => {
        if (this.historyDown) return new Answer(503, { ok: false, error: 'service_unavailable' });
        const channel = String(request.body.channel);
        if (channel.startsWith('G') && !this.members.has(channel)) return { ok: false, error: 'channel_not_found' };
        if (channel.startsWith('C') && !this.members.has(channel)) return { ok: false, error: 'not_in_channel' };
        const oldest = Number(request.body.oldest ?? 0);
        const messages = this.posted
          .filter((message) => message.channel === channel && Number(message.ts) >= oldest)
          .map((message) => ({ type: 'message', ts: message.ts, metadata: message.metadata }));
        return { ok: true, messages, has_more: false };
      })
      .on('/api/conversations.join', (request) => {
        const channel = String(request.body.channel);
        if (!channel.startsWith('C')) return { ok: false, error: 'method_not_supported_for_channel_type' };
        this.members.add(channel);
        return { ok: true, channel: { id: channel, is_member: true } };
      })
      .on('/api/conversations.open', (request) => ({
        ok: true,
        channel: { id: this.conversationOf(String(request.body.users)) },
      }));
    await this.server.start();
    return this;
  }

  posts(channel: string): Posted[] {
    return this.posted.filter((message) => message.channel === channel);
  }

  calls(method: string): Recorded[] {
    return this.server.calls(`/api/${method}`);
  }
}

let slack: FakeSlack;
let file: ReturnType<typeof freshDatabaseFile>;
let store: Store;
let ws: WorkspaceStore;

beforeEach(async () => {
  slack = await new FakeSlack().start();
  file = freshDatabaseFile();
  store = await Store.open(file.url);
  const workspace = await store.workspaces.ensureInstallation('slack', 'T0LOST', { name: 'lost', timeZone: 'UTC' });
  ws = store.forWorkspace(workspace.id);
  await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR);
});

afterEach(async () => {
  await store.close();
  await slack.server.stop();
  file.remove();
});

async function posters() {
  const config = loadConfig({
    DATABASE_URL: file.url,
    SLACK_BOT_TOKEN: 'xoxb-lost-answers',
    SLACK_SIGNING_SECRET: 'lost-answers-secret',
    SLACK_API_URL: `${slack.server.url}/api/`,
  });
  return combinePosters(await createPosters(config, store, silentLogger));
}

async function subscribe(channel: string): Promise<DigestSubscription> {
  return subscribeWeekly(ws, 'slack', channel);
}

async function runDigest(channel: string) {
  const subscription = await subscribe(channel);
  const deps = { store, poster: await posters(), clock: () => new Date(), logger: silentLogger, owner: 'test:1' };
  const result = await runSubscriptionDigest(deps, subscription, SLOT);
  const run = await ws.digestRuns.find(subscription.id, '2026-11-30T09:00');
  return { result, run };
}

describe('a digest whose chat.postMessage answer is lost', () => {
  it('is posted once when Slack answers 500 after taking it, and the run records the post', async () => {
    slack.loseNextAnswer = 'http-500';
    const { result, run } = await runDigest(PUBLIC_MEMBER);
    expect(slack.posts(PUBLIC_MEMBER)).toHaveLength(1);
    expect(result).toBe('posted');
    expect(run).toMatchObject({ status: 'posted', messageRef: { channel: PUBLIC_MEMBER, id: slack.posted[0]?.ts } });
  });

  it('is posted once when the connection drops after Slack took it', async () => {
    slack.loseNextAnswer = 'drop';
    const { run } = await runDigest(PUBLIC_MEMBER);
    expect(slack.posts(PUBLIC_MEMBER)).toHaveLength(1);
    expect(run?.status).toBe('posted');
  });

  it('is found in a public channel the bot never joined, by joining it to read the history', async () => {
    slack.loseNextAnswer = 'http-500';
    const { run } = await runDigest(PUBLIC_OTHER);
    expect(slack.posts(PUBLIC_OTHER)).toHaveLength(1);
    expect(slack.calls('conversations.join').map((call) => call.body.channel)).toEqual([PUBLIC_OTHER]);
    expect(run).toMatchObject({ status: 'posted', messageRef: { id: slack.posted[0]?.ts } });
  });

  it('is posted again when the history shows Slack did not take it', async () => {
    slack.server.on(
      '/api/chat.postMessage',
      (() => {
        let calls = 0;
        return (request: Recorded) => {
          calls++;
          if (calls === 1) return new Answer(502, { ok: false, error: 'bad_gateway' });
          const message = {
            channel: String(request.body.channel),
            ts: `${Math.floor(Date.now() / 1000)}.000900`,
            metadata: request.body.metadata,
          };
          slack.posted.push(message);
          return { ok: true, channel: message.channel, ts: message.ts };
        };
      })(),
    );
    const { run } = await runDigest(PUBLIC_MEMBER);
    expect(slack.calls('chat.postMessage')).toHaveLength(2);
    expect(slack.posts(PUBLIC_MEMBER)).toHaveLength(1);
    expect(run?.status).toBe('posted');
  });

  it('is recorded as posted, unconfirmed, when Slack cannot be asked: not posted a second time', async () => {
    slack.loseNextAnswer = 'http-500';
    slack.historyDown = true;
    const { result, run } = await runDigest(PUBLIC_MEMBER);
    expect(slack.posts(PUBLIC_MEMBER)).toHaveLength(1);
    expect(result).toBe('reconciled');
    expect(run?.status).toBe('posted');
    expect(run?.error).toContain('not confirmed by the platform');
  });

  it('fails without a second attempt in a private channel the bot is not in (Slack refused it)', async () => {
    const { result, run } = await runDigest(PRIVATE_OTHER);
    expect(result).toBe('failed');
    expect(run?.error).toContain('channel_not_found');
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });
});

describe('a reminder whose answer is lost', () => {
  it('is sent once: the direct conversation’s history shows it went out', async () => {
    const dana = await ws.users.ensureFromIdentity({ platform: 'slack', externalId: DANA, displayName: 'Dana Lee' });
    const [account] = await ws.accounts.list();
    await ws.tasks.add(
      { accountId: account?.id ?? 0, title: 'Send the NDA', dueAt: new Date(), assigneeId: dana.id, createdById: null },
      SYSTEM_ACTOR,
    );
    slack.loseNextAnswer = 'http-500';
    const noon = new Date();
    noon.setUTCHours(12, 0, 0, 0);
    const sent = await sendTaskReminders({ store, poster: await posters(), clock: () => noon, logger: silentLogger });
    expect(sent).toBe(1);
    expect(slack.posts(`D${DANA.slice(1)}`)).toHaveLength(1);
    expect(slack.calls('conversations.open')).toHaveLength(1);
  });
});
