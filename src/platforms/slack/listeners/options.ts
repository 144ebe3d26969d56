// The account picker in forms searches as you type (an external select): the accounts the person may see whose
// key, name or alias contain what they typed, best matches first.
import type { App } from '@slack/bolt';
import { visibleIndex } from '../../../commands/resolve-account.ts';
import { normalize } from '../../../domain/normalize.ts';
import { accountLabel } from '../../../replies/format.ts';
import type { SlackDeps } from '../deps.ts';
import { escapeSlack } from '../escape.ts';
import { cut, OPTION_TEXT_MAX } from '../limits.ts';

const MAX_OPTIONS = 100;

export function registerOptions(app: App, deps: SlackDeps): void {
  app.options<'block_suggestion'>({ action_id: 'account' }, async ({ body, ack }) => {
    try {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const ctx = await deps.requests.context({ teamId, userId: body.user.id });
      const typed = normalize(body.value ?? '');
      const found = visibleIndex(ctx)
        .map((entry) => {
          const forms = [entry.key, entry.name, ...entry.aliases].map(normalize);
          const rank =
            typed === ''
              ? 2
              : forms.some((form) => form.startsWith(typed))
                ? 0
                : forms.some((form) => form.includes(typed))
                  ? 1
                  : -1;
          return { entry, rank };
        })
        .filter((item) => item.rank >= 0)
        .sort((a, b) => a.rank - b.rank || a.entry.name.localeCompare(b.entry.name))
        .slice(0, MAX_OPTIONS);
      await ack({
        options: found.map(({ entry }) => ({
          text: { type: 'plain_text' as const, text: cut(escapeSlack(accountLabel(entry)), OPTION_TEXT_MAX) },
          value: String(entry.id),
        })),
      });
    } catch (error) {
      deps.logger.error({ err: error, listener: 'options' }, 'account search failed');
      await ack({ options: [] });
    }
  });
}
