// Buttons and menus in kam-bot's messages. "Share in channel" re-runs the command as the person who shares it (so
// it shows only what they may see) and posts it publicly; everything else is an engine action.

import type { App, BlockAction } from '@slack/bolt';
import type { Outcome } from '../../../commands/engine.ts';
import { t } from '../../../i18n/translate.ts';
import type { InboundHandle } from '../../inbound-runtime.ts';
import { renderMessage } from '../blocks.ts';
import { deliver } from '../deliver.ts';
import type { SlackDeps } from '../deps.ts';
import { inboundOf } from '../inbound.ts';
import { guard } from './guard.ts';

export const SHARE_ACTION = 'share';

interface Pressed {
  actionId: string;
  value: string;
}

/** What was pressed: a button's value or a menu's selected option; `account_choose:3` is choice button 3. */
function pressed(body: BlockAction): Pressed | null {
  const action = body.actions[0];
  if (!action) return null;
  const actionId = action.action_id.replace(/:\d+$/, '');
  if ('value' in action && typeof action.value === 'string') return { actionId, value: action.value };
  if ('selected_option' in action && action.selected_option?.value)
    return { actionId, value: action.selected_option.value };
  return null;
}

export function registerActions(
  app: App,
  deps: SlackDeps,
  refreshHome: (teamId: string, userId: string) => Promise<void>,
): void {
  app.action<BlockAction>(/^[a-z_]+(:\d+)?$/, async ({ body, ack, respond, client, context }) => {
    await ack();
    const inbound = inboundOf(context);
    const choice = pressed(body);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const channelId = body.channel?.id ?? null;
    const canRespond = Boolean(body.response_url);
    await guard(
      deps.logger,
      { listener: 'action', action: choice?.actionId, team: teamId, user: body.user.id },
      async () => {
        if (!choice) return;
        const ctx = await deps.requests.context({ teamId, userId: body.user.id, channelId });
        if (choice.actionId === SHARE_ACTION) {
          await share(choice.value, ctx, deps, respond, inbound);
          return;
        }
        const outcome: Outcome = await inbound.effect(() => deps.engine.action(choice.actionId, choice.value, ctx));
        await deliver(outcome, {
          client,
          seal: deps.seal,
          ...(canRespond ? { respond } : {}),
          triggerId: body.trigger_id,
          ...(channelId ? { channel: channelId } : {}),
          userId: body.user.id,
        });
        if (body.view?.type === 'home') await refreshHome(teamId, body.user.id);
      },
      canRespond ? (text) => respond({ response_type: 'ephemeral', replace_original: false, text }) : undefined,
      inbound,
    );
  });
}

async function share(
  command: string,
  ctx: Awaited<ReturnType<SlackDeps['requests']['context']>>,
  deps: SlackDeps,
  respond: (message: Record<string, unknown>) => Promise<unknown>,
  inbound: InboundHandle,
): Promise<void> {
  const outcome = await inbound.effect(() => deps.engine.handle(`/account ${command}`, ctx));
  if (outcome.status !== 'ok' || outcome.restricted) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: t(ctx.locale, outcome.restricted ? 'slack.staysWithYou' : 'slack.shareStale'),
    });
    return;
  }
  await respond({ delete_original: true });
  await respond({ response_type: 'in_channel', ...renderMessage(outcome.reply) });
}
