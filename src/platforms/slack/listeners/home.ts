// App Home: the person's accounts with health, their open and overdue follow-ups, and buttons for what they do
// most. Published when the Home tab is opened, and again after a button there changed something.

import type { App } from '@slack/bolt';
import { FORM_IDS } from '../../../commands/forms.ts';
import type { Locale } from '../../../i18n/locale.ts';
import { translator } from '../../../i18n/translate.ts';
import { reply } from '../../../replies/build.ts';
import type { Reply } from '../../../replies/reply.ts';
import { renderViewBlocks } from '../blocks.ts';
import type { SlackDeps } from '../deps.ts';
import { guard } from './guard.ts';

const formButton = (label: string, formId: string, style?: 'primary') => ({
  label,
  actionId: 'form_open',
  value: JSON.stringify({ formId }),
  ...(style ? { style } : {}),
});

function actionsReply(name: string, locale: Locale): Reply {
  const tr = translator(locale);
  const answer = reply({
    title: tr('slack.homeHi', { name }),
    summary: 'kam-bot',
    blocks: [
      {
        type: 'actions',
        buttons: [
          formButton(tr('slack.homeNote'), FORM_IDS.note, 'primary'),
          formButton(tr('slack.homeTask'), FORM_IDS.task),
          formButton(tr('slack.homeAccount'), FORM_IDS.newAccount),
        ],
      },
      { type: 'context', text: tr('slack.homeHint') },
    ],
  });
  return { ...answer, locale };
}

export async function publishHome(deps: SlackDeps, client: App['client'], teamId: string, userId: string) {
  const ctx = await deps.requests.context({ teamId, userId });
  const [accounts, tasks] = await Promise.all([
    deps.engine.command('list mine', ctx),
    deps.engine.command('tasks mine', ctx),
  ]);
  const blocks = renderViewBlocks([actionsReply(ctx.user.displayName, ctx.locale), accounts.reply, tasks.reply], 100);
  await client.views.publish({ user_id: userId, view: { type: 'home', blocks } });
}

export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await guard(deps.logger, { listener: 'app_home_opened', team: body.team_id, user: event.user }, () =>
      publishHome(deps, client, body.team_id, event.user),
    );
  });
}
