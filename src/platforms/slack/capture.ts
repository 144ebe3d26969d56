// Saving a Slack message as a note: the note keeps who wrote it, when, and a link to it, and the same message saved
// again (a second click, a redelivered event) stays one note.
import type { webApi } from '@slack/bolt';
import type { MessageRef, RequestContext } from '../../commands/context.ts';
import type { Logger } from '../../logger.ts';
import type { SlackIdentity } from './identity.ts';
import { mentionedUserIds, slackTextToPlain, tsToDate } from './text.ts';

/** The reactions that save a message in a linked channel as a note (:memo: and :pencil:). */
export const CAPTURE_REACTIONS = new Set(['memo', 'pencil']);

export interface SlackMessage {
  ts: string;
  text: string;
  user?: string;
}

export async function permalinkOf(
  client: webApi.WebClient,
  channel: string,
  ts: string,
  logger: Logger,
): Promise<string | null> {
  try {
    const answer = await client.chat.getPermalink({ channel, message_ts: ts });
    return answer.permalink ?? null;
  } catch (error) {
    // The note is worth keeping without its link.
    logger.warn({ err: error, channel, ts }, 'chat.getPermalink failed; saving the note without a link');
    return null;
  }
}

/** A message's text as people read it, with mentioned people by name. */
export async function readableText(
  text: string,
  ctx: Pick<RequestContext, 'store'>,
  identity: SlackIdentity,
): Promise<string> {
  const ids = mentionedUserIds(text);
  // Names only: reading a message adds nobody to kam-bot.
  const names = new Map(
    await Promise.all(
      ids.map(async (id) => {
        const known = await identity.known(ctx.store, id);
        return [id, known?.displayName ?? (await identity.profile(id)).displayName] as const;
      }),
    ),
  );
  return slackTextToPlain(text, names);
}

/**
 * The message a note is made from, for the context: its channel, ts, link, time and author. The link is asked for
 * unless the caller has it already (see fetchMessageAndLink).
 */
export async function messageRef(
  message: SlackMessage,
  channel: string,
  ctx: Pick<RequestContext, 'store'>,
  deps: { client: webApi.WebClient; identity: SlackIdentity; logger: Logger },
  permalink?: string | null,
): Promise<MessageRef> {
  const author = message.user ? await deps.identity.user(ctx.store, message.user) : null;
  return {
    channel,
    id: message.ts,
    permalink: permalink === undefined ? await permalinkOf(deps.client, channel, message.ts, deps.logger) : permalink,
    at: tsToDate(message.ts),
    authorId: author?.id ?? null,
  };
}

/**
 * A message and its permalink, asked for at once: both need only the channel and the ts, and each is a round trip
 * to Slack, so side by side the note is saved one round trip sooner.
 */
export async function fetchMessageAndLink(
  client: webApi.WebClient,
  channel: string,
  ts: string,
  logger: Logger,
): Promise<{ message: SlackMessage | null; permalink: string | null }> {
  const [message, permalink] = await Promise.all([
    fetchMessage(client, channel, ts),
    permalinkOf(client, channel, ts, logger),
  ]);
  return { message, permalink };
}

/** One message by its ts: from the channel's history, or from a thread when it is a reply. */
export async function fetchMessage(
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<SlackMessage | null> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const found = history.messages?.find((message) => message.ts === ts);
  if (found?.ts) return { ts: found.ts, text: found.text ?? '', ...(found.user ? { user: found.user } : {}) };
  const replies = await client.conversations.replies({ channel, ts, inclusive: true, limit: 1 });
  const reply = replies.messages?.find((message) => message.ts === ts);
  return reply?.ts ? { ts: reply.ts, text: reply.text ?? '', ...(reply.user ? { user: reply.user } : {}) } : null;
}
