// "save this thread to acme": reads the whole thread (paginated; the Web API client waits out rate limits and
// retries) and saves it as one note, linked to the thread's first message, once however often it is asked.
import type { webApi } from '@slack/bolt';
import type { CommandContext, ThreadCapture } from '../../commands/context.ts';
import { NOTE_MAX_LENGTH, saveNote } from '../../commands/note.ts';
import type { Account } from '../../domain/records.ts';
import type { Logger } from '../../logger.ts';
import { formatDate } from '../../replies/format.ts';
import type { Reply } from '../../replies/reply.ts';
import { permalinkOf, readableText } from './capture.ts';
import type { SlackIdentity } from './identity.ts';
import { tsToDate } from './text.ts';

const PAGE_SIZE = 200;

interface ThreadMessage {
  ts: string;
  text: string;
  user?: string;
}

export async function readThread(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
): Promise<ThreadMessage[]> {
  const messages: ThreadMessage[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.replies({
      channel,
      ts: threadTs,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of page.messages ?? []) {
      if (message.ts && !message.bot_id)
        messages.push({ ts: message.ts, text: message.text ?? '', ...(message.user ? { user: message.user } : {}) });
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return messages;
}

export class SlackThreadCapture implements ThreadCapture {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly identity: SlackIdentity,
    private readonly logger: Logger,
    private readonly channel: string,
    private readonly threadTs: string,
  ) {}

  async save(account: Account, ctx: CommandContext): Promise<Reply> {
    const messages = await readThread(this.client, this.channel, this.threadTs);
    const lines: string[] = [];
    for (const message of messages) {
      const author = message.user ? (await this.identity.user(ctx.store, message.user)).displayName : 'someone';
      const when = formatDate(tsToDate(message.ts), ctx.user.timeZone ?? ctx.workspace.timeZone);
      lines.push(`${author} (${when}): ${await readableText(message.text, ctx, this.identity)}`);
    }
    let body = lines.join('\n\n') || '(an empty thread)';
    if (body.length > NOTE_MAX_LENGTH) body = `${body.slice(0, NOTE_MAX_LENGTH - 40)}\n…(the thread goes on in Slack)`;
    const permalink = await permalinkOf(this.client, this.channel, this.threadTs, this.logger);
    const { reply } = await saveNote(ctx, account, body, {
      sourceRef: { source: 'slack', channel: this.channel, messageId: `thread:${this.threadTs}`, permalink },
      occurredAt: tsToDate(this.threadTs),
      authorId: ctx.user.id,
    });
    return reply;
  }
}
