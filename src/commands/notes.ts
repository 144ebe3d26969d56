import { z } from 'zod';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { type CommandInput, defineCommand, textAfter } from './command.ts';
import { timeZoneOf } from './context.ts';
import { periodOption } from './values/periods.ts';

/** How far back a period is looked for. */
const PERIOD_READ = 500;

import { noteItem } from './note-items.ts';
import { resolveAccount } from './resolve-account.ts';

export const NOTES_DEFAULT = 10;
export const NOTES_MAX = 50;
/** Notes in a list are cut here; the whole note stays in the store. */
const NOTE_PREVIEW_LENGTH = 1_000;

export const NotesArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('notes.needAccount')),
  count: z.coerce
    .number({ error: keyed('notes.countWhole') })
    .int(keyed('notes.countWhole'))
    .min(1, keyed('notes.countMin'))
    .max(NOTES_MAX, keyed('notes.countMax', { max: NOTES_MAX }))
    .default(NOTES_DEFAULT),
});

/** "acme corp 20" → account "acme corp", count 20; a lone number is the account (keys may be digits). */
export function splitCount(rest: string): { account: string; count?: string } {
  const match = /^(.*\S)\s+(-?\d+)$/s.exec(rest.trim());
  return match ? { account: match[1] ?? '', count: match[2] ?? '' } : { account: rest };
}

/** "acme 20 period:\"last month\"": the account, how many, and the period, as notes and timeline take them. */
export function countAndPeriod(input: CommandInput): { account: string; count?: string; period?: string } {
  return {
    ...splitCount(textAfter(input, -1, ['period'])),
    ...(input.options.period ? { period: input.options.period } : {}),
  };
}

export const notes = defineCommand({
  name: 'notes',
  aliases: ['recent'],
  summary: 'help.notes',
  usage: `/account notes <account> [how many, up to ${NOTES_MAX}] [period:"last month"]`,
  examples: [
    '/account notes nordwind',
    '/account notes "Nordwind Logistik" 20',
    '/account notes nordwind period:"this week"',
  ],
  options: ['period'],
  schema: NotesArgsSchema.extend({ period: z.string().optional() }),
  toArgs: countAndPeriod,
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    const period = periodOption(args.period, ctx.now(), timeZoneOf(ctx), keyed('period.lastMonthExample'));
    const [read, counted] = await Promise.all([
      ctx.store.notes.forAccount(account.id, period ? PERIOD_READ : args.count),
      ctx.store.notes.countForAccount(account.id),
    ]);
    const inPeriod = period
      ? read.filter((note) => note.occurredAt >= period.from && note.occurredAt < period.until)
      : read;
    const recent = inPeriod.slice(0, args.count);
    const total = period ? inPeriod.length : counted;
    const authors = await ctx.store.users.byIds(recent.flatMap((n) => (n.authorId === null ? [] : [n.authorId])));
    return reply({
      title: t(ctx.locale, 'notes.title', { account: accountLabel(account) }),
      summary: t(ctx.locale, 'notes.summary', { count: total, name: account.name }),
      blocks: [
        list(
          recent.map((item) => noteItem(item, authors, ctx, NOTE_PREVIEW_LENGTH)),
          { empty: t(ctx.locale, 'notes.none', { key: account.key }), total },
        ),
      ],
    });
  },
});
