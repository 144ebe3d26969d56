// What kam-bot does with each kind of Teams activity. Handlers only translate between Teams and the command engine.

import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { TurnContext as Turn } from 'botbuilder';
import type { CommandEngine } from '../../commands/engine.ts';
import { welcomeReply } from '../../commands/welcome.ts';
import { DEFAULT_LOCALE, supportedLocale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { Logger } from '../../logger.ts';
import { reply } from '../../replies/build.ts';
import type { Reply } from '../../replies/reply.ts';
import type { AdaptiveCard } from './cards.ts';
import { renderCard } from './cards.ts';
import { registerMessageExtension } from './message-extension.ts';
import { conversationOf, type TeamsRequests } from './request.ts';
import { cardActivity, cardFor } from './send.ts';
import { normaliseMentions } from './text.ts';

export interface TeamsDeps {
  engine: CommandEngine;
  requests: TeamsRequests;
  logger: Logger;
}

/** The language the activity says it is in, else English: for what is said before the person is known. */
export function activityLocale(context: TurnContext) {
  return supportedLocale(context.activity.locale) ?? DEFAULT_LOCALE;
}

/** The apology when a turn failed before its person's language was known: the activity's own, else English. */
function apology(context: TurnContext): Reply {
  const locale = activityLocale(context);
  return { ...reply({ summary: t(locale, 'engine.internal'), tone: 'error' }), locale };
}

/**
 * The reference to post to later. In a channel it names the channel, not the thread the bot was spoken to in, so a
 * digest starts a new post rather than replying to an old conversation.
 */
function channelReference(context: TurnContext) {
  // Without the message's own id (activityId): nothing replies to it later, and it differs with every message,
  // which would make each message rewrite the stored conversation.
  const { activityId: _activityId, ...reference } = Turn.getConversationReference(context.activity);
  return { ...reference, conversation: { ...reference.conversation, id: conversationOf(context) } };
}

/** Remembers where the bot was spoken to or added, so digests and reminders can reach it later. */
export async function rememberConversation(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const ctx = await deps.requests.context(context);
  const type = context.activity.conversation.conversationType;
  const kind = type === 'personal' ? 'personal' : type === 'groupChat' ? 'groupChat' : 'channel';
  const channelData = context.activity.channelData as
    | { team?: { name?: string }; channel?: { name?: string } }
    | undefined;
  await ctx.store.conversations.remember({
    platform: 'teams',
    externalId: conversationOf(context),
    kind,
    name: channelData?.channel?.name ?? channelData?.team?.name ?? null,
    userId: kind === 'personal' ? ctx.user.id : null,
    reference: channelReference(context),
  });
}

async function answerMessage(context: TurnContext, deps: TeamsDeps): Promise<void> {
  await rememberConversation(context, deps);
  const activity = context.activity;
  const ctx = await deps.requests.context(context, {
    channel: conversationOf(context),
    id: activity.id ?? '',
    permalink: null,
  });
  const text = await normaliseMentions(activity.text ?? '', context, ctx.store, deps.requests.identity);
  const outcome = await deps.engine.handle(text, ctx);
  await context.sendActivity(cardActivity(cardFor(outcome, ctx), outcome.reply.summary));
}

/** The form again, as it was filled in, with what was wrong above it: a mistake is fixed where it was made. */
async function formAgain(
  formId: string,
  state: string | undefined,
  values: Record<string, string>,
  problem: string,
  ctx: Awaited<ReturnType<TeamsRequests['context']>>,
  deps: TeamsDeps,
): Promise<AdaptiveCard | null> {
  const opened = await deps.engine.action('form_open', JSON.stringify({ formId, ...(state ? { state } : {}) }), ctx);
  const form = opened.reply.blocks.find((block) => block.type === 'form');
  if (opened.status !== 'ok' || !form || form.type !== 'form') return null;
  const filled = {
    ...form,
    problem,
    fields: form.fields.map((field) => ({ ...field, value: values[field.name] ?? field.value ?? '' })),
  };
  return cardFor({ ...opened, reply: { ...opened.reply, blocks: [filled] } }, ctx);
}

/** An Action.Execute on one of kam-bot's cards: answered with the card that replaces it. */
async function executeAction(
  context: TurnContext,
  deps: TeamsDeps,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  const verb = String(data.verb ?? '');
  const ctx = await deps.requests.context(context);
  if (verb === 'form_submit') {
    const { verb: _verb, formId, state, ...inputs } = data;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(inputs))
      values[name] = value === undefined || value === null ? '' : String(value);
    const stateText = state === undefined ? undefined : String(state);
    const outcome = await deps.engine.submit(String(formId ?? ''), values, stateText, ctx);
    if (outcome.status !== 'user_error') return cardFor(outcome, ctx);
    return (
      (await formAgain(String(formId ?? ''), stateText, values, outcome.reply.summary, ctx, deps)) ??
      cardFor(outcome, ctx)
    );
  }
  // A menu of choices sends the picked one as the input "choice"; buttons carry their value.
  const value = String(data.value ?? data.choice ?? '');
  const outcome = await deps.engine.action(verb, value, ctx);
  return cardFor(outcome, ctx);
}

export function registerHandlers(app: Application<TurnState>, deps: TeamsDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    try {
      await rememberConversation(context, deps);
    } catch (error) {
      deps.logger.error({ err: error }, 'could not remember a Teams conversation');
    }
    // Added itself (not someone else joining): say what it does and how to start, once, where it was added.
    const bot = context.activity.recipient.id;
    if (!(context.activity.membersAdded ?? []).some((member) => member.id === bot)) return;
    try {
      const locale = activityLocale(context);
      const personal = context.activity.conversation.conversationType === 'personal';
      const welcome = welcomeReply(locale, personal ? 'personal' : 'shared');
      await context.sendActivity(cardActivity(renderCard(welcome), welcome.summary));
    } catch (error) {
      deps.logger.error({ err: error }, 'could not send the Teams welcome');
    }
  });

  app.message(/[\s\S]*/, async (context) => {
    try {
      await answerMessage(context, deps);
    } catch (error) {
      deps.logger.error({ err: error, conversation: context.activity.conversation.id }, 'teams message failed');
      const sorry = apology(context);
      await context.sendActivity(cardActivity(renderCard(sorry), sorry.summary));
    }
  });

  app.adaptiveCards.actionExecute<Record<string, unknown>>(/.*/, async (context, _state, data) => {
    try {
      return await executeAction(context, deps, data);
    } catch (error) {
      deps.logger.error({ err: error, verb: data.verb }, 'teams card action failed');
      return renderCard(apology(context));
    }
  });

  registerMessageExtension(app, deps);
}
