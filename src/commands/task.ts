import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import type { Account, Task, User } from '../domain/records.ts';
import { keyed, t } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { accountLabel, formatDay } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import { accountAndText } from './account-and-text.ts';
import { type CommandInput, defineCommand, parseWith, textAfter } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf } from './context.ts';
import { resolveUser } from './resolve-user.ts';
import { splitDue } from './todos.ts';
import { daySchema } from './values/dates.ts';

const USAGE = '/account task add <account> <what> [by friday | due:2027-01-15] [for:@name]';
const OPTIONS = ['due', 'for'] as const;

export const TaskTitleSchema = z
  .string()
  .transform(stripControlCharacters)
  .pipe(z.string().trim().min(1, keyed('task.sayWhat')).max(200, keyed('task.tooLong')));

/** The answer to a new follow-up, from the command or the form. */
export function taskAdded(task: Task, account: Account, assignee: User, ctx: CommandContext): Reply {
  // A due date is never dropped silently: the answer says the date it set, or that there is none.
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'task.added', {
      id: task.id,
      account: accountLabel(account),
      title: task.title,
      due: task.dueAt ? formatDay(task.dueAt, ctx.locale) : 'none',
      who: assignee.id === ctx.user.id ? 'none' : assignee.displayName,
    }),
  });
}

export const task = defineCommand({
  name: 'task',
  aliases: ['todo', 'followup', 'follow-up', 'remind'],
  summary: 'help.task',
  usage: USAGE,
  examples: [
    '/account task add nordwind Send the renewal offer by friday',
    '/account task add nordwind Ute anrufen bis Freitag',
    '/account task add harbourline Call Tom about the pilot due:"next tuesday" for:@dana',
  ],
  options: OPTIONS,
  schema: z.object({
    action: z.string({ error: keyed('task.sayAdd') }).regex(/^add$/i, keyed('task.sayAdd')),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ action: input.positional[0], input }),
  run: async ({ input }, ctx) => {
    const { account, text } = await accountAndText(textAfter(input, 0, OPTIONS), ctx);
    const zone = timeZoneOf(ctx);
    const written = splitDue(text, ctx.now(), zone);
    const due = input.options.due
      ? parseWith(daySchema(ctx.now(), zone, 'due'), input.options.due, USAGE)
      : written.due;
    const title = parseWith(TaskTitleSchema, input.options.due ? text : written.title, USAGE);
    const assignee = input.options.for ? await resolveUser(ctx, input.options.for) : ctx.user;
    const created = await ctx.store.tasks.add(
      { accountId: account.id, title, dueAt: due, assigneeId: assignee.id, createdById: ctx.user.id },
      actorOf(ctx),
    );
    return taskAdded(created, account, assignee, ctx);
  },
});
