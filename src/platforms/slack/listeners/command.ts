// `/account …`: acknowledged at once, always, so Slack never shows a timeout; the answer follows through the
// response_url, privately, however long the work takes. The command was recorded before the acknowledgement
// (inbound.ts): a process that dies before it ran leaves it to the next, which answers through the same
// response_url while Slack still takes answers there (30 minutes).
import type { App } from '@slack/bolt';
import { deliver } from '../deliver.ts';
import type { SlackDeps } from '../deps.ts';
import { inboundOf } from '../inbound.ts';
import { normaliseMentions } from '../mentions.ts';
import { guard } from './guard.ts';

export const SLASH_COMMAND = '/account';

export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context }) => {
    await ack();
    const inbound = inboundOf(context);
    const apologise = (text: string) => respond({ response_type: 'ephemeral', text });
    await guard(
      deps.logger,
      { listener: 'command', team: command.team_id, user: command.user_id },
      async () => {
        const ctx = await deps.requests.context({
          teamId: command.team_id,
          teamName: command.team_domain,
          userId: command.user_id,
          channelId: command.channel_id,
        });
        const text = await normaliseMentions(command.text, ctx.store, deps.identity);
        // As typed after /account: a command runs as it is, a question ("how is nordwind doing?") is understood.
        const outcome = await inbound.effect(() => deps.engine.handle(`/account ${text}`, ctx));
        await deliver(outcome, {
          client,
          seal: deps.seal,
          respond,
          triggerId: command.trigger_id,
          command: text,
          channel: command.channel_id,
          userId: command.user_id,
        });
      },
      apologise,
      inbound,
    );
  });
}
