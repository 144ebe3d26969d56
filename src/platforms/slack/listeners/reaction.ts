// A :memo: reaction on a message in a channel linked to an account saves that message as a note, and says so in
// the message's thread. Redelivered events find the note already there and say nothing more. The reaction was
// recorded on arrival (inbound.ts); when Slack cannot be reached for the message's text, or the process dies
// before the note is saved, the note is saved later from that record.

import type { App } from '@slack/bolt';
import { t } from '../../../i18n/translate.ts';
import { CAPTURE_REACTIONS, fetchMessageAndLink, messageRef, readableText } from '../capture.ts';
import type { SlackDeps } from '../deps.ts';
import { escapeSlack } from '../escape.ts';
import { inboundOf } from '../inbound.ts';
import { guard } from './guard.ts';

export function registerReaction(app: App, deps: SlackDeps): void {
  app.event('reaction_added', async ({ event, body, client, context }) => {
    if (!CAPTURE_REACTIONS.has(event.reaction) || event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const inbound = inboundOf(context);
    const log = { listener: 'reaction_added', team: body.team_id, user: event.user };
    await guard(
      deps.logger,
      log,
      async () => {
        const base = await deps.requests.context({ teamId: body.team_id, userId: event.user, channelId: channel });
        const link = await base.store.channelLinks.forChannel('slack', channel);
        if (!link) return;
        const { message, permalink } = await fetchMessageAndLink(client, channel, ts, deps.logger);
        if (!message?.text.trim()) return;
        const ctx = { ...base, message: await messageRef(message, channel, base, { client, ...deps }, permalink) };
        const text = await readableText(message.text, base, deps.identity);
        const outcome = await inbound.effect(() => deps.engine.capture(link.accountId, text, ctx));
        if (outcome.status === 'ok' && !outcome.created) return;
        // The mention is Slack's own syntax for the person who reacted; everything else is escaped text.
        const confirmation =
          outcome.status === 'ok'
            ? t(base.locale, 'slack.savedBy', {
                name: escapeSlack(outcome.account?.name ?? t(base.locale, 'slack.theAccount')),
                person: `<@${event.user}>`,
              })
            : t(base.locale, 'slack.couldNotSave', { reason: escapeSlack(outcome.reply.summary) });
        await client.chat.postMessage({ channel, thread_ts: ts, text: confirmation });
      },
      undefined,
      inbound,
    );
  });
}
