import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import type { Account, Task, User } from '../domain/records.ts';
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
  .pipe(
    z
      .string()
      .trim()
      .min(1, 'Say what needs doing, e.g. /account task add acme Send the renewal offer by friday')
      .max(200, 'A task can be at most 200 characters; put the details in a note'),
  );

/** The answer to a new follow-up, from the command or the form. */
export function taskAdded(task: Task, account: Account, assignee: User, ctx: CommandContext): Reply {
  // A due date is never dropped silently: the answer says the date it set, or that there is none.
  const when = task.dueAt ? `, due ${formatDay(task.dueAt)}` : ', no due date';
  const who = assignee.id === ctx.user.id ? '' : ` for ${assignee.displayName}`;
  return reply({
    tone: 'success',
    summary: `Added follow-up #${task.id} on ${accountLabel(account)}: “${task.title}”${when}${who}.`,
  });
}

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
    const created = await ctx.store.tasks.add(
      { accountId: account.id, title, dueAt: due, assigneeId: assignee.id, createdById: ctx.user.id },
      actorOf(ctx),
    );
    return taskAdded(created, account, assignee, ctx);
  },
});
