// The message shortcut "Save to account": opens the note form with the message's text, and the account already
// chosen when the channel is linked to one or the message names one. The trigger expires after 3 seconds, so only
// quick lookups happen before the modal opens; the permalink and author are fetched on submission.
import type { App, MessageShortcut } from '@slack/bolt';
import { noteForm } from '../../../commands/forms.ts';
import { AccountMatcher } from '../../../domain/account-matching.ts';
import { readableText } from '../capture.ts';
import { openModal } from '../deliver.ts';
import type { SlackDeps } from '../deps.ts';
import { guard } from './guard.ts';

export const SAVE_SHORTCUT = 'save_to_account';
/** What fits in the modal's note field. */
const MODAL_TEXT_LIMIT = 3_000;

export function registerShortcut(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SAVE_SHORTCUT, async ({ shortcut, ack, client }) => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    await guard(deps.logger, { listener: 'shortcut', team: teamId, user: shortcut.user.id }, async () => {
      const channel = shortcut.channel.id;
      const ctx = await deps.requests.context({ teamId, userId: shortcut.user.id, channelId: channel });
      const text = await readableText(shortcut.message.text ?? '', ctx, deps.identity);
      const link = await ctx.store.channelLinks.forChannel('slack', channel);
      const index = ctx.store.accounts.index().filter((entry) => !entry.archived);
      const guessed = link?.accountId ?? new AccountMatcher(index).namedIn(text);
      const account =
        guessed === null ? null : await ctx.store.accounts.byId(guessed, { userId: ctx.user.id, role: ctx.user.role });
      const prefill = text.length > MODAL_TEXT_LIMIT ? `${text.slice(0, MODAL_TEXT_LIMIT - 1)}…` : text;
      const form = noteForm(account, ctx.locale, prefill).blocks.find((block) => block.type === 'form');
      if (form?.type !== 'form') return;
      await openModal(
        client,
        deps.seal,
        shortcut.trigger_id,
        form,
        {
          channel,
          source: {
            channel,
            ts: shortcut.message.ts,
            ...(shortcut.message.user ? { author: shortcut.message.user } : {}),
          },
        },
        ctx.locale,
      );
    });
  });
}
