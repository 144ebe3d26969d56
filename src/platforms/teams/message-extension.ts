// The message extension: "Save to account" on any message (a form, then the note with a link to the message,
// stored once per message), and "Find account" in the compose box (account cards, well within Teams' 5 seconds).

import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type MessagingExtensionAttachment, type TurnContext } from 'botbuilder';
import { FORM_IDS, noteForm } from '../../commands/forms.ts';
import { visibleIndex } from '../../commands/resolve-account.ts';
import { AccountMatcher } from '../../domain/account-matching.ts';
import { displayable } from '../../domain/display-text.ts';
import { normalize } from '../../domain/normalize.ts';
import { DEFAULT_LOCALE, supportedLocale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import { reply } from '../../replies/build.ts';
import { accountLabel, formatDay, valueLabel } from '../../replies/format.ts';
import type { InboundHandle } from '../inbound-runtime.ts';
import type { AdaptiveCard } from './cards.ts';
import { renderCard } from './cards.ts';
import type { TeamsDeps } from './handlers.ts';
import { tenantOf } from './identity.ts';
import { inboundOf } from './inbound.ts';
import { conversationOf } from './request.ts';
import { cardFor } from './send.ts';
import { htmlToText } from './text.ts';

export const SAVE_COMMAND = 'saveToAccount';
export const FIND_COMMAND = 'findAccount';
const FIND_RESULTS = 10;

interface MessagePayload {
  id?: string;
  createdDateTime?: string;
  linkToMessage?: string;
  body?: { content?: string; contentType?: string };
  from?: { user?: { id?: string; displayName?: string } };
}

function payloadOf(context: TurnContext): MessagePayload {
  return ((context.activity.value as { messagePayload?: MessagePayload } | undefined)?.messagePayload ??
    {}) as MessagePayload;
}

function textOf(payload: MessagePayload): string {
  const content = payload.body?.content ?? '';
  return payload.body?.contentType === 'text' ? content : htmlToText(content);
}

/**
 * Dialogs (task modules) submit with Action.Submit; Action.Execute there would go to the card handler instead.
 * Action.Submit has no `verb` in the 1.5 schema: the verb stays in `data`, where the submit handler reads it.
 */
function asDialog(card: AdaptiveCard): AdaptiveCard {
  const submit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(submit);
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value).map(([key, item]) => [key, submit(item)] as const);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    if (object.type !== 'Action.Execute') return object;
    const { verb: _verb, ...rest } = object;
    return { ...rest, type: 'Action.Submit' };
  };
  return submit(card) as AdaptiveCard;
}

/** Everything "Save to account" needs, as plain data: recorded on arrival, so recovery can save it without Teams. */
export interface TeamsCapture {
  tenantId: string;
  conversationId: string;
  sender: { teamsId: string; aadObjectId: string | null; name: string | null };
  message: {
    id: string;
    permalink: string | null;
    at: string | null;
    author: { aadObjectId: string; name: string | null } | null;
  };
  values: { account: string; body: string };
}

export function isSaveToAccount(context: TurnContext): boolean {
  const value = context.activity.value as { commandId?: unknown } | undefined;
  return context.activity.name === 'composeExtension/submitAction' && value?.commandId === SAVE_COMMAND;
}

export function captureOf(context: TurnContext, data: Record<string, unknown>): TeamsCapture {
  const payload = payloadOf(context);
  const from = context.activity.from;
  return {
    tenantId: tenantOf(context),
    conversationId: conversationOf(context),
    sender: { teamsId: from.id, aadObjectId: from.aadObjectId ?? null, name: from.name ?? null },
    message: {
      id: payload.id ?? String(context.activity.id),
      permalink: payload.linkToMessage?.startsWith('https://') ? payload.linkToMessage : null,
      at: payload.createdDateTime ?? null,
      author: payload.from?.user?.id
        ? { aadObjectId: payload.from.user.id, name: payload.from.user.displayName ?? null }
        : null,
    },
    values: { account: String(data.account ?? ''), body: String(data.body ?? textOf(payload)) },
  };
}

/** Saves a captured message as a note; `turn` (when there is one) lets first-seen people be looked up in Teams. */
export async function saveCapture(
  capture: TeamsCapture,
  deps: TeamsDeps,
  inbound: InboundHandle,
  turn: TurnContext | null,
): Promise<string> {
  const base = await deps.requests.contextOf(capture, turn);
  const author = capture.message.author
    ? await deps.requests.identity.person(base.store, turn, {
        teamsId: null,
        aadObjectId: capture.message.author.aadObjectId,
        name: capture.message.author.name,
      })
    : null;
  const ctx = {
    ...base,
    message: {
      channel: capture.conversationId,
      id: capture.message.id,
      permalink: capture.message.permalink,
      at: capture.message.at ? new Date(capture.message.at) : null,
      authorId: author?.id ?? null,
    },
  };
  const outcome = await inbound.effect(() => deps.engine.submit(FORM_IDS.note, capture.values, undefined, ctx));
  // Teams shows this string as it is, outside any card.
  return displayable(outcome.reply.summary);
}

export function registerMessageExtension(app: Application<TurnState>, deps: TeamsDeps): void {
  app.messageExtensions.fetchTask(SAVE_COMMAND, async (context) => {
    const ctx = await deps.requests.context(context);
    const text = textOf(payloadOf(context));
    const index = visibleIndex(ctx);
    const linked = await ctx.store.channelLinks.forChannel('teams', conversationOf(context));
    const guessed = linked?.accountId ?? new AccountMatcher(index.filter((entry) => !entry.archived)).namedIn(text);
    const account =
      guessed === null ? null : await ctx.store.accounts.byId(guessed, { userId: ctx.user.id, role: ctx.user.role });
    const form = { ...noteForm(account, ctx.locale, text), locale: ctx.locale };
    const card = asDialog(cardFor({ status: 'ok', restricted: false, reply: form }, ctx));
    const title = t(ctx.locale, 'teams.saveToAccount');
    return { title, width: 'medium', height: 'medium', card: CardFactory.adaptiveCard(card) };
  });

  app.messageExtensions.submitAction<Record<string, unknown>>(SAVE_COMMAND, async (context, _state, data) => {
    try {
      return await saveCapture(captureOf(context, data), deps, inboundOf(context), context);
    } catch (error) {
      deps.logger.error({ err: error }, 'teams save to account failed');
      return t(supportedLocale(context.activity.locale) ?? DEFAULT_LOCALE, 'engine.internal');
    }
  });

  app.messageExtensions.query(FIND_COMMAND, async (context, _state, query) => {
    const ctx = await deps.requests.context(context);
    const typed = normalize(String(query.parameters.query ?? query.parameters.searchKeywords ?? ''));
    const found = visibleIndex(ctx)
      .filter((entry) => !entry.archived)
      .filter(
        (entry) => !typed || [entry.key, entry.name, ...entry.aliases].some((form) => normalize(form).includes(typed)),
      )
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, FIND_RESULTS);
    const accounts = await ctx.store.accounts.byIds(found.map((entry) => entry.id));
    const owners = await ctx.store.accounts.ownersOf(accounts);
    const attachments: MessagingExtensionAttachment[] = accounts.map((account) => {
      const owner = account.ownerId === null ? null : owners.get(account.ownerId)?.displayName;
      const { locale } = ctx;
      const facts = [
        t(locale, 'list.tier', { tier: account.tier }),
        owner,
        valueLabel(locale, 'status', account.status),
        account.renewalAt ? t(locale, 'list.renewal', { day: formatDay(account.renewalAt, locale) }) : null,
      ]
        .filter(Boolean)
        .join(' · ');
      const card = renderCard({
        ...reply({
          title: accountLabel(account),
          summary: accountLabel(account),
          blocks: [
            { type: 'context', text: facts },
            {
              type: 'actions',
              buttons: [{ label: t(locale, 'button.show'), actionId: 'account_show', value: String(account.id) }],
            },
          ],
        }),
        locale,
      });
      return {
        ...CardFactory.adaptiveCard(card),
        preview: CardFactory.thumbnailCard(displayable(accountLabel(account)), displayable(facts)),
      };
    });
    return { type: 'result', attachmentLayout: 'list', attachments };
  });
}
