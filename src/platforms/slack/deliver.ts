// Sends a command's outcome back to Slack: a form opens as a modal, an answer goes privately to the asker unless it
// was meant for the channel, and a private answer gets a "Share in channel" button when it may be shared.

import type { webApi } from '@slack/bolt';
import type { Outcome } from '../../commands/engine.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type FormBlock, localeOf, type Reply } from '../../replies/reply.ts';
import { renderMessage } from './blocks.ts';
import type { ModalMetadata, ModalSeal } from './modal-metadata.ts';
import { formModal } from './modals.ts';

/** Slack's button value limit, with room to spare. */
const MAX_SHARE_VALUE = 1_900;

type Respond = (message: Record<string, unknown>) => Promise<unknown>;

export function formOf(reply: Reply): FormBlock | undefined {
  return reply.blocks.find((block): block is FormBlock => block.type === 'form');
}

export async function openModal(
  client: webApi.WebClient,
  seal: ModalSeal,
  triggerId: string,
  form: FormBlock,
  metadata: ModalMetadata,
  locale: Locale,
): Promise<void> {
  const privateMetadata = seal.seal({ ...metadata, ...(form.state ? { state: form.state } : {}) });
  await client.views.open({ trigger_id: triggerId, view: formModal(form, privateMetadata, locale) });
}

/** Whether an answer may offer to be shared: it worked, it is not already public, and it names nothing restricted. */
export function shareable(outcome: Outcome, command: string | undefined): command is string {
  return (
    outcome.status === 'ok' &&
    !outcome.restricted &&
    outcome.reply.audience === 'private' &&
    command !== undefined &&
    command.length <= MAX_SHARE_VALUE &&
    formOf(outcome.reply) === undefined
  );
}

export interface ResponseTarget {
  client: webApi.WebClient;
  seal: ModalSeal;
  respond?: Respond;
  triggerId?: string;
  /** The command that produced the answer, to re-run when it is shared. */
  command?: string;
  channel?: string;
  userId: string;
}

/** Delivers an outcome through a response_url (slash commands, buttons), or as a DM when there is none (App Home). */
export async function deliver(outcome: Outcome, target: ResponseTarget): Promise<void> {
  const form = formOf(outcome.reply);
  if (form && target.triggerId) {
    await openModal(
      target.client,
      target.seal,
      target.triggerId,
      form,
      target.channel ? { channel: target.channel } : {},
      localeOf(outcome.reply),
    );
    return;
  }
  const message = renderMessage(
    outcome.reply,
    shareable(outcome, target.command) ? { share: { value: target.command } } : {},
  );
  if (target.respond) {
    const inChannel = outcome.reply.audience === 'channel' && !outcome.restricted;
    await target.respond({
      response_type: inChannel ? 'in_channel' : 'ephemeral',
      replace_original: false,
      ...message,
    });
    return;
  }
  await target.client.chat.postMessage({ channel: target.userId, ...message });
}
