import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { ValidationError } from '../errors.ts';
import { reply } from '../replies/build.ts';
import { accountLabel, formatDay } from '../replies/format.ts';
import { accountAndText } from './account-and-text.ts';
import { type CommandInput, defineCommand, parseWith, textAfter } from './command.ts';
import { actorOf, timeZoneOf } from './context.ts';
import { resolveUser } from './resolve-user.ts';
import { splitDue } from './todos.ts';
import { daySchema } from './values/dates.ts';

const USAGE = '/account task add <account> <what> [by friday | due:2027-01-15] [for:@name]';
const OPTIONS = ['due', 'for'] as const;

export const TaskTitleSchema = z
  .string()
  .transform(stripControlCharacters)
  .pipe(
    z
      .string()
      .trim()
      .min(1, 'Say what needs doing, e.g. /account task add acme Send the renewal offer by friday')
      .max(200, 'A task can be at most 200 characters; put the details in a note'),
  );

export const task = defineCommand({
  name: 'task',
  aliases: ['todo', 'followup', 'follow-up', 'remind'],
  summary: 'Add a follow-up with a due date',
  usage: USAGE,
  examples: [
    '/account task add acme Send the renewal offer by friday',
    '/account task add "Acme Germany" Call Tom about the pilot due:"next tuesday" for:@dana',
  ],
  options: OPTIONS,
  schema: z.object({
    action: z
      .string({ error: 'Say add, e.g. /account task add acme Call Bob by friday' })
      .regex(/^add$/i, 'Say add, e.g. /account task add acme Call Bob by friday'),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ action: input.positional[0], input }),
  run: async ({ input }, ctx) => {
    const { account, text } = await accountAndText(textAfter(input, 0, OPTIONS), ctx);
    const zone = timeZoneOf(ctx);
    const written = splitDue(text, ctx.now(), zone);
    const due = input.options.due
      ? parseWith(daySchema(ctx.now(), zone, 'due date'), input.options.due, USAGE)
      : written.due;
    const title = parseWith(TaskTitleSchema, input.options.due ? text : written.title, USAGE);
    const assignee = input.options.for ? await resolveUser(ctx, input.options.for) : ctx.user;
    if (due && due.getTime() < Date.parse('2000-01-01'))
      throw new ValidationError('That due date is too far in the past.', USAGE);
    const created = await ctx.store.tasks.add(
      { accountId: account.id, title, dueAt: due, assigneeId: assignee.id, createdById: ctx.user.id },
      actorOf(ctx),
    );
    const when = due ? `, due ${formatDay(due)}` : '';
    const who = assignee.id === ctx.user.id ? '' : ` for ${assignee.displayName}`;
    return reply({
      tone: 'success',
      summary: `Added follow-up #${created.id} on ${accountLabel(account)}: “${created.title}”${when}${who}.`,
    });
  },
});
