import { z } from 'zod';
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
  account: z.string().trim().min(1, 'Say whose notes to show, e.g. /account notes acme'),
  count: z.coerce
    .number({ error: 'The number of notes must be a whole number' })
    .int('The number of notes must be a whole number')
    .min(1, 'Ask for at least 1 note')
    .max(NOTES_MAX, `Ask for at most ${NOTES_MAX} notes at a time`)
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
  summary: 'Recent notes of an account, newest first',
  usage: `/account notes <account> [how many, up to ${NOTES_MAX}] [period:"last month"]`,
  examples: ['/account notes acme', '/account notes "Acme Germany" 20', '/account notes acme period:"this week"'],
  options: ['period'],
  schema: NotesArgsSchema.extend({ period: z.string().optional() }),
  toArgs: countAndPeriod,
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    const period = periodOption(args.period, ctx.now(), timeZoneOf(ctx), 'period:"last month"');
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
      title: `Notes: ${accountLabel(account)}`,
      summary: `${total} ${total === 1 ? 'note' : 'notes'} on ${account.name}`,
      blocks: [
        list(
          recent.map((item) => noteItem(item, authors, ctx, NOTE_PREVIEW_LENGTH)),
          { empty: `No notes yet. Add one: /account note ${account.key} <text>`, total },
        ),
      ],
    });
  },
});
