// Replies as Teams activities: an Adaptive Card with the reply's summary as the notification text.
import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { RequestContext } from '../../commands/context.ts';
import type { Outcome } from '../../commands/engine.ts';
import { visibleIndex } from '../../commands/resolve-account.ts';
import { accountLabel } from '../../replies/format.ts';
import type { FormBlock, Reply } from '../../replies/reply.ts';
import { cut } from './card-text.ts';
import { type AdaptiveCard, renderCard, renderFormCard } from './cards.ts';

/** Notification text is short; Teams cuts it further on its own. */
const SUMMARY_MAX = 200;

export function formOf(reply: Reply): FormBlock | undefined {
  return reply.blocks.find((block): block is FormBlock => block.type === 'form');
}

/** The card for an outcome: a form's inputs when it is a form, else the reply. */
export function cardFor(outcome: Outcome, ctx: Pick<RequestContext, 'store' | 'user'>): AdaptiveCard {
  const form = formOf(outcome.reply);
  if (!form) return renderCard(outcome.reply);
  // All of them: the renderer lists what fits and says how to reach the rest.
  const accounts = visibleIndex(ctx)
    .filter((entry) => !entry.archived)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => ({ id: entry.id, label: accountLabel(entry) }));
  return renderFormCard(form, { accounts });
}

export function cardActivity(card: AdaptiveCard, summary: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = cut(summary, SUMMARY_MAX);
  return activity;
}
