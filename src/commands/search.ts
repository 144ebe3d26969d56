import { z } from 'zod';
import { list, reply, truncate } from '../replies/build.ts';
import { accountLabel, formatDate } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { disclose, timeZoneOf, viewerOf } from './context.ts';

export const SEARCH_LIMIT = 10;

export const SearchArgsSchema = z.object({
  text: z
    .string()
    .trim()
    .min(2, 'Say what to look for, e.g. /account search budget approval')
    .max(200, 'Search for at most 200 characters'),
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
  summary: 'Search accounts, contacts and notes',
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
    const label = (id: number) => {
      const account = accounts.get(id);
      return account ? accountLabel(account) : 'an account';
    };
    const words = args.text.split(/\s+/).filter((word) => word.length > 1);
    const total = results.accounts.length + results.contacts.length + results.notes.length;
    return reply({
      title: `Search: ${args.text}`,
      summary:
        total === 0
          ? `Nothing found for “${args.text}”.`
          : `${total} ${total === 1 ? 'result' : 'results'} for “${args.text}”`,
      blocks: [
        list(
          results.accounts.map((hit) => ({
            title: accountLabel(hit),
            buttons: [
              {
                label: 'Show',
                actionId: 'account_show',
                value: String(hit.accountId),
                command: `/account show ${hit.key}`,
              },
            ],
          })),
          { heading: 'Accounts', empty: 'No accounts.' },
        ),
        list(
          results.contacts.map((hit) => ({
            title: hit.title ? `${hit.name}, ${hit.title}` : hit.name,
            meta: label(hit.accountId),
          })),
          { heading: 'Contacts', empty: 'No contacts.' },
        ),
        list(
          results.notes.map((hit) => ({
            title: `${label(hit.accountId)} · ${formatDate(hit.occurredAt, timeZoneOf(ctx))}`,
            text: snippet(hit.body, words),
          })),
          { heading: 'Notes', empty: 'No notes.' },
        ),
      ],
    });
  },
});
