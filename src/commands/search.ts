import { z } from 'zod';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply, truncate } from '../replies/build.ts';
import { accountLabel, formatDayIn } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { disclose, timeZoneOf, viewerOf } from './context.ts';

export const SEARCH_LIMIT = 10;

export const SearchArgsSchema = z.object({
  text: z.string().trim().min(2, keyed('search.min')).max(200, keyed('search.max')),
});

/** The part of a note around the first word searched for. */
export function snippet(body: string, words: string[], length = 200): string {
  const lower = body.toLowerCase();
  const at = Math.min(
    ...words.map((word) => lower.indexOf(word.toLowerCase())).filter((index) => index >= 0),
    body.length,
  );
  const start = at >= body.length || at < length / 3 ? 0 : at - Math.floor(length / 3);
  const cut = truncate(body.slice(start), length);
  return start > 0 ? `…${cut}` : cut;
}

export const search = defineCommand({
  name: 'search',
  aliases: ['find'],
  summary: 'help.search',
  usage: '/account search <words>',
  examples: ['/account search budget approval', '/account search Hoffmann'],
  schema: SearchArgsSchema,
  toArgs: (input) => ({ text: input.rest }),
  run: async (args, ctx) => {
    const results = ctx.store.search.search(args.text, viewerOf(ctx), SEARCH_LIMIT);
    const accounts = new Map(ctx.store.accounts.index().map((entry) => [entry.id, entry]));
    const hitIds = new Set([...results.accounts, ...results.contacts, ...results.notes].map((hit) => hit.accountId));
    disclose(
      ctx,
      [...hitIds].flatMap((id) => accounts.get(id) ?? []),
    );
    const { locale } = ctx;
    const label = (id: number) => {
      const account = accounts.get(id);
      return account ? accountLabel(account) : t(locale, 'search.anAccount');
    };
    const words = args.text.split(/\s+/).filter((word) => word.length > 1);
    const total = results.accounts.length + results.contacts.length + results.notes.length;
    return reply({
      title: t(locale, 'search.title', { text: args.text }),
      summary:
        total === 0
          ? t(locale, 'search.nothing', { text: args.text })
          : t(locale, 'search.found', { count: total, text: args.text }),
      blocks: [
        list(
          results.accounts.map((hit) => ({
            title: accountLabel(hit),
            buttons: [
              {
                label: t(locale, 'button.show'),
                actionId: 'account_show',
                value: String(hit.accountId),
                command: `/account show ${hit.key}`,
              },
            ],
          })),
          { heading: t(locale, 'search.accounts'), empty: t(locale, 'search.noAccounts') },
        ),
        list(
          results.contacts.map((hit) => ({
            title: hit.title ? `${hit.name}, ${hit.title}` : hit.name,
            meta: label(hit.accountId),
          })),
          { heading: t(locale, 'search.contacts'), empty: t(locale, 'search.noContacts') },
        ),
        list(
          results.notes.map((hit) => ({
            title: `${label(hit.accountId)} · ${formatDayIn(hit.occurredAt, timeZoneOf(ctx), locale)}`,
            text: snippet(hit.body, words),
          })),
          { heading: t(locale, 'search.notes'), empty: t(locale, 'search.noNotes') },
        ),
      ],
    });
  },
});
