// Submitted modals. The form is checked before the modal closes, so a mistake shows under the form, where it
// can be fixed; the confirmation goes to the channel the form came from, privately.
import type { App, ViewSubmitAction } from '@slack/bolt';
import { FORM_IDS } from '../../../commands/forms.ts';
import { renderMessage } from '../blocks.ts';
import { fetchMessage, messageRef, readableText } from '../capture.ts';
import type { ModalMetadata, SlackDeps } from '../deps.ts';
import { submittedFields } from '../modals.ts';
import { guard } from './guard.ts';

const FORMS = new RegExp(`^(${Object.values(FORM_IDS).join('|')})$`);

function metadataOf(view: ViewSubmitAction['view']): ModalMetadata {
  try {
    return JSON.parse(view.private_metadata || '{}') as ModalMetadata;
  } catch {
    return {};
  }
}

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(FORMS, async ({ ack, body, view, client }) => {
    const metadata = metadataOf(view);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    let acked = false;
    await guard(
      deps.logger,
      { listener: 'view', form: view.callback_id, team: teamId, user: body.user.id },
      async () => {
        const base = await deps.requests.context({
          teamId,
          userId: body.user.id,
          channelId: metadata.source?.channel ?? metadata.channel ?? null,
        });
        const fields = submittedFields(view.state.values as Record<string, Record<string, unknown>>);
        const values: Record<string, string> = {};
        for (const field of fields) {
          // People are picked as Slack users; the forms speak of kam-bot users.
          values[field.name] =
            field.kind === 'user' && field.value
              ? String((await deps.identity.user(base.store, field.value)).id)
              : field.value;
        }
        let ctx = base;
        if (metadata.source) {
          const source = metadata.source;
          const original = (await fetchMessage(client, source.channel, source.ts).catch(() => null)) ?? {
            ts: source.ts,
            text: '',
            ...(source.author ? { user: source.author } : {}),
          };
          ctx = { ...base, message: await messageRef(original, source.channel, base, { client, ...deps }) };
          // The modal holds at most 3,000 characters; a longer message is saved whole unless it was edited.
          const whole = original.text ? await readableText(original.text, base, deps.identity) : '';
          if (whole.length > 3_000 && whole.startsWith((values.body ?? '').replace(/…$/, ''))) values.body = whole;
        }
        const outcome = await deps.engine.submit(view.callback_id, values, metadata.state, ctx);
        if (outcome.status !== 'ok') {
          const first = fields[0]?.name ?? 'account';
          acked = true;
          await ack({ response_action: 'errors', errors: { [first]: outcome.reply.summary.slice(0, 2_000) } });
          return;
        }
        acked = true;
        await ack();
        const message = renderMessage(outcome.reply);
        const channel = metadata.source?.channel ?? metadata.channel;
        if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, ...message });
        else await client.chat.postMessage({ channel: body.user.id, ...message });
      },
      async (text) => {
        if (!acked)
          await ack({ response_action: 'errors', errors: { [Object.keys(view.state.values)[0] ?? 'account']: text } });
      },
    );
  });
}
