// Submitted modals. The form is checked before the modal closes, so a mistake shows under the form, where it
// can be fixed; the confirmation goes to the channel the form came from, privately. The note form of the message
// shortcut closes as soon as it is checked: the message's author, time and link are fetched from Slack after that,
// and the submission was recorded on arrival (inbound.ts), so a process that dies meanwhile leaves the note to the
// next one.

import type { App, ViewSubmitAction } from '@slack/bolt';
import type { RequestContext } from '../../../commands/context.ts';
import type { Outcome } from '../../../commands/engine.ts';
import { FORM_IDS } from '../../../commands/forms.ts';
import { t } from '../../../i18n/translate.ts';
import type { InboundHandle } from '../../inbound-runtime.ts';
import { renderMessage } from '../blocks.ts';
import { fetchMessage, messageRef, readableText } from '../capture.ts';
import type { SlackDeps } from '../deps.ts';
import { inboundOf } from '../inbound.ts';
import type { ModalMetadata } from '../modal-metadata.ts';
import { submittedFields } from '../modals.ts';
import { guard } from './guard.ts';

const FORMS = new RegExp(`^(${Object.values(FORM_IDS).join('|')})$`);
/** Before the person is known, so in English: the form's metadata did not come from this bot. */
const UNCHECKED = t('en', 'slack.formUnchecked');
/** What the modal's note field holds; a longer message is saved whole unless the text was edited. */
const MODAL_TEXT_LIMIT = 3_000;

type Ack = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

interface Submission {
  view: ViewSubmitAction['view'];
  body: ViewSubmitAction;
  metadata: ModalMetadata;
  client: App['client'];
  ack: Ack;
  inbound: InboundHandle;
}

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(FORMS, async ({ ack, body, view, client, context }) => {
    const inbound = inboundOf(context);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const firstField = Object.keys(view.state.values)[0] ?? 'account';
    const metadata = deps.seal.open(view.private_metadata);
    if (!metadata) {
      deps.logger.warn(
        { team: teamId, user: body.user.id, form: view.callback_id },
        'a form came back with metadata the bot did not seal',
      );
      await ack({ response_action: 'errors', errors: { [firstField]: UNCHECKED } });
      return;
    }
    let acked = false;
    const once: Ack = async (response) => {
      acked = true;
      await ack(response);
    };
    const submission: Submission = { view, body, metadata, client, ack: once, inbound };
    await guard(
      deps.logger,
      { listener: 'view', form: view.callback_id, team: teamId, user: body.user.id },
      () => (metadata.source ? saveMessage(submission, deps, teamId) : submitForm(submission, deps, teamId)),
      async (text) => {
        if (!acked) await ack({ response_action: 'errors', errors: { [firstField]: text } });
      },
      inbound,
    );
  });
}

async function formValues(submission: Submission, deps: SlackDeps, ctx: RequestContext) {
  const fields = submittedFields(submission.view.state.values as Record<string, Record<string, unknown>>);
  const values: Record<string, string> = {};
  for (const field of fields) {
    // People are picked as Slack users; the forms speak of kam-bot users.
    values[field.name] =
      field.kind === 'user' && field.value
        ? String((await deps.identity.user(ctx.store, field.value)).id)
        : field.value;
  }
  return { values, first: fields[0]?.name ?? 'account' };
}

function refuse(outcome: Outcome, field: string, ack: Ack): Promise<void> {
  return ack({ response_action: 'errors', errors: { [field]: outcome.reply.summary.slice(0, 2_000) } });
}

async function confirm(submission: Submission, outcome: Outcome): Promise<void> {
  const message = renderMessage(outcome.reply);
  const channel = submission.metadata.source?.channel ?? submission.metadata.channel;
  const user = submission.body.user.id;
  if (channel) await submission.client.chat.postEphemeral({ channel, user, ...message });
  else await submission.client.chat.postMessage({ channel: user, ...message });
}

/** Every form but the shortcut's: checked and saved before the modal closes. */
async function submitForm(submission: Submission, deps: SlackDeps, teamId: string): Promise<void> {
  const { view, metadata, inbound } = submission;
  const ctx = await deps.requests.context({ teamId, userId: submission.body.user.id, channelId: metadata.channel });
  const { values, first } = await formValues(submission, deps, ctx);
  const outcome = await inbound.effect(() => deps.engine.submit(view.callback_id, values, metadata.state, ctx));
  if (outcome.status !== 'ok') return refuse(outcome, first, submission.ack);
  await submission.ack();
  await confirm(submission, outcome);
}

/** The shortcut's note form: checked, closed, then the message is read from Slack and saved as the note. */
async function saveMessage(submission: Submission, deps: SlackDeps, teamId: string): Promise<void> {
  const { view, inbound } = submission;
  const source = submission.metadata.source;
  if (!source) return;
  const base = await deps.requests.context({ teamId, userId: submission.body.user.id, channelId: source.channel });
  const { values, first } = await formValues(submission, deps, base);
  const problem = await deps.engine.checkNoteForm(values, base);
  if (problem) return refuse(problem, first, submission.ack);
  await submission.ack();
  const original = (await fetchMessage(submission.client, source.channel, source.ts).catch(() => null)) ?? {
    ts: source.ts,
    text: '',
    ...(source.author ? { user: source.author } : {}),
  };
  const ctx = {
    ...base,
    message: await messageRef(original, source.channel, base, { client: submission.client, ...deps }),
  };
  const whole = original.text ? await readableText(original.text, base, deps.identity) : '';
  if (whole.length > MODAL_TEXT_LIMIT && whole.startsWith((values.body ?? '').replace(/…$/, ''))) values.body = whole;
  const outcome = await inbound.effect(() =>
    deps.engine.submit(view.callback_id, values, submission.metadata.state, ctx),
  );
  await confirm(submission, outcome);
}
