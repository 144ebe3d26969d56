// @mentions in channels and direct messages: plain-language questions (and commands), answered in the thread.
// An answer that names a restricted account goes only to the person who asked. Slack's redeliveries of an event
// are recognised when they arrive (inbound.ts), so each is answered once.
import type { App } from '@slack/bolt';
import type { InboundHandle } from '../../inbound-runtime.ts';
import { renderMessage } from '../blocks.ts';
import type { SlackDeps } from '../deps.ts';
import { inboundOf } from '../inbound.ts';
import { normaliseMentions, withoutBotMention } from '../mentions.ts';
import { SlackThreadCapture } from '../thread-capture.ts';
import { guard } from './guard.ts';

interface Question {
  teamId: string;
  userId: string;
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  /** Answer in the thread (channels) or straight in the conversation (DMs). */
  inThread: boolean;
}

async function answer(
  question: Question,
  deps: SlackDeps,
  client: App['client'],
  botUserId: string | undefined,
  inbound: InboundHandle,
) {
  const capture = question.threadTs
    ? new SlackThreadCapture(client, deps.identity, deps.logger, question.channel, question.threadTs)
    : null;
  const ctx = await deps.requests.context({
    teamId: question.teamId,
    userId: question.userId,
    channelId: question.channel,
    message: { ts: question.ts },
    thread: capture,
  });
  const text = await normaliseMentions(withoutBotMention(question.text, botUserId), ctx.store, deps.identity);
  const outcome = await inbound.effect(() => deps.engine.handle(text, ctx));
  const message = renderMessage(outcome.reply);
  const thread = question.inThread ? { thread_ts: question.threadTs ?? question.ts } : {};
  if (outcome.restricted) {
    await client.chat.postEphemeral({ channel: question.channel, user: question.userId, ...thread, ...message });
  } else {
    await client.chat.postMessage({ channel: question.channel, ...thread, ...message });
  }
}

export function registerConversation(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    if (!event.user) return;
    const inbound = inboundOf(context);
    const question: Question = {
      teamId: body.team_id,
      userId: event.user,
      channel: event.channel,
      ts: event.ts,
      ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
      text: event.text,
      inThread: true,
    };
    await guard(
      deps.logger,
      { listener: 'app_mention', team: body.team_id, user: event.user },
      () => answer(question, deps, client, context.botUserId, inbound),
      (text) => client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text }),
      inbound,
    );
  });

  app.message(async ({ message, body, client, context }) => {
    // Direct messages only: in channels kam-bot answers when it is mentioned.
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message) || !message.user) return;
    const inbound = inboundOf(context);
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const question: Question = {
      teamId,
      userId: message.user,
      channel: message.channel,
      ts: message.ts,
      ...('thread_ts' in message && message.thread_ts ? { threadTs: message.thread_ts } : {}),
      text: message.text ?? '',
      inThread: false,
    };
    await guard(
      deps.logger,
      { listener: 'direct_message', team: teamId, user: message.user },
      () => answer(question, deps, client, context.botUserId, inbound),
      (text) => client.chat.postMessage({ channel: message.channel, text }),
      inbound,
    );
  });
}
