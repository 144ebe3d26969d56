// App Home: the person's accounts with health, their open and overdue follow-ups, and buttons for what they do
// most. Published when the Home tab is opened, and again after a button there changed something.
import type { App } from '@slack/bolt';
import { FORM_IDS } from '../../../commands/forms.ts';
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

function actionsReply(name: string): Reply {
  return reply({
    title: `Hi ${name}`,
    summary: 'kam-bot',
    blocks: [
      {
        type: 'actions',
        buttons: [
          formButton('Add a note', FORM_IDS.note, 'primary'),
          formButton('Add a follow-up', FORM_IDS.task),
          formButton('New account', FORM_IDS.newAccount),
        ],
      },
      { type: 'context', text: 'Ask me anything in a DM, or type /account help anywhere.' },
    ],
  });
}

export async function publishHome(deps: SlackDeps, client: App['client'], teamId: string, userId: string) {
  const ctx = await deps.requests.context({ teamId, userId });
  const [accounts, tasks] = await Promise.all([
    deps.engine.command('list mine', ctx),
    deps.engine.command('tasks mine', ctx),
  ]);
  const blocks = renderViewBlocks([actionsReply(ctx.user.displayName), accounts.reply, tasks.reply], 100);
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
