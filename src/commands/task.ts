import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import type { Account, Task, User } from '../domain/records.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { accountLabel, formatDay } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import { accountAndText } from './account-and-text.ts';
import { type CommandInput, defineCommand, parseWith, textAfter, wholeOptions } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf, viewerOf } from './context.ts';
import { resolveUser } from './resolve-user.ts';
import { splitDue } from './todos.ts';
import { daySchema } from './values/dates.ts';

const USAGE =
  '/account task add <account> <what> [by friday | due:2027-01-15] [for:@name]   or   /account task <number> [due:monday | due:none] [for:@name] [title:"…"]';
const OPTIONS = ['due', 'for', 'title'] as const;

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

/** `task 12 due:monday for:@katrin`: a follow-up moved or handed to someone else. */
async function update(id: number, input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const { options, before } = wholeOptions(input, 0, OPTIONS);
  if (before) throw new ValidationError(keyed('engine.strayWords', { words: before }), USAGE);
  if (Object.keys(options).length === 0) throw new ValidationError(keyed('task.sayChange', { id }), USAGE);
  const existing = await ctx.store.tasks.byId(id);
  const account = existing ? await ctx.store.accounts.byId(existing.accountId, viewerOf(ctx)) : null;
  if (!existing || !account) throw new NotFoundError(keyed('done.noSuch', { id }));
  const due =
    options.due === undefined
      ? undefined
      : NO_DATE.test(options.due)
        ? null
        : parseWith(daySchema(ctx.now(), timeZoneOf(ctx), 'due'), options.due, USAGE);
  const title = options.title === undefined ? undefined : parseWith(TaskTitleSchema, options.title, USAGE);
  const assignee = options.for ? await resolveUser(ctx, options.for) : undefined;
  const updated = await ctx.store.tasks.update(
    id,
    {
      ...(due === undefined ? {} : { dueAt: due }),
      ...(title === undefined ? {} : { title }),
      ...(assignee ? { assigneeId: assignee.id } : {}),
    },
    actorOf(ctx),
  );
  const assigned = assignee ?? (updated.assigneeId === null ? null : await ctx.store.users.byId(updated.assigneeId));
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'task.updated', {
      id,
      title: updated.title,
      account: accountLabel(account),
      due: updated.dueAt ? formatDay(updated.dueAt, ctx.locale) : 'none',
      who: assigned ? assigned.displayName : 'none',
    }),
  });
}

const NO_DATE = /^(none|no|clear|-|kein[es]?|ohne)$/i;

export const task = defineCommand({
  name: 'task',
  aliases: ['todo', 'followup', 'follow-up', 'remind'],
  summary: 'help.task',
  usage: USAGE,
  examples: [
    '/account task add nordwind Send the renewal offer by friday',
    '/account task add nordwind Ute anrufen bis Freitag',
    '/account task add harbourline Call Tom about the pilot due:"next tuesday" for:@dana',
    '/account task 12 due:monday for:@"Katrin Vogel"',
  ],
  options: OPTIONS,
  schema: z.object({
    action: z.string({ error: keyed('task.sayAdd') }).regex(/^(add|#?\d{1,9})$/i, keyed('task.sayAdd')),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ action: input.positional[0], input }),
  run: async ({ action, input }, ctx) => {
    if (action.toLowerCase() !== 'add') return update(Number(action.replace('#', '')), input, ctx);
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
