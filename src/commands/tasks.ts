import { z } from 'zod';
import type { Task, User } from '../domain/records.ts';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply } from '../replies/build.ts';
import { formatDay } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { type CommandContext, disclose, timeZoneOf } from './context.ts';
import { resolveAccount, visibleIndex } from './resolve-account.ts';
import { resolveUser } from './resolve-user.ts';
import { today } from './values/dates.ts';
import { periodOption } from './values/periods.ts';

export const TASKS_LIMIT = 50;

export const TasksArgsSchema = z.object({
  mine: z.boolean(),
  overdue: z.boolean(),
  account: z.string().optional(),
  for: z.string().optional(),
  due: z.string().optional(),
  words: z.array(z.string()).max(0, keyed('tasks.wordsNotTaken')),
});

export function isOverdue(task: Task, ctx: CommandContext): boolean {
  return task.doneAt === null && task.dueAt !== null && task.dueAt < today(ctx.now(), timeZoneOf(ctx));
}

/** "due 2027-02-11 (overdue)", "fällig 11.02.2027", "no due date". */
export function dueText(task: Task, ctx: CommandContext): string {
  if (!task.dueAt) return t(ctx.locale, 'task.noDueDate');
  const day = formatDay(task.dueAt, ctx.locale);
  return t(ctx.locale, isOverdue(task, ctx) ? 'task.dueOverdue' : 'task.due', { day });
}

export function taskItem(
  task: Task,
  ctx: CommandContext,
  accountName: string | null,
  assignee: User | undefined,
): ListItem {
  const due = dueText(task, ctx);
  return {
    title: task.title,
    meta: [`#${task.id}`, accountName, due, assignee?.displayName].filter(Boolean).join(' · '),
    buttons: task.doneAt
      ? []
      : [
          {
            label: t(ctx.locale, 'button.done'),
            actionId: 'task_done',
            value: String(task.id),
            style: 'primary',
            command: `/account done ${task.id}`,
          },
        ],
  };
}

export const tasks = defineCommand({
  name: 'tasks',
  aliases: ['todos', 'followups', 'follow-ups'],
  summary: 'help.tasks',
  usage: '/account tasks [account] [mine] [overdue] [for:@person] [due:"this week"]',
  examples: [
    '/account tasks mine',
    '/account tasks overdue',
    '/account tasks acme',
    '/account tasks for:@dana',
    '/account tasks mine due:"this week"',
  ],
  options: ['account', 'for', 'due'],
  flags: ['mine', 'overdue'],
  schema: TasksArgsSchema,
  toArgs: (input) => ({
    mine: input.flags.has('mine'),
    overdue: input.flags.has('overdue'),
    // `tasks acme` and `tasks account:acme` alike; words beside account: are refused.
    ...(input.options.account || input.positional.length > 0
      ? { account: input.options.account ?? input.positional.join(' ') }
      : {}),
    ...(input.options.for ? { for: input.options.for } : {}),
    ...(input.options.due ? { due: input.options.due } : {}),
    words: input.options.account ? input.positional : [],
  }),
  run: async (args, ctx) => {
    const account = args.account ? await resolveAccount(ctx, args.account) : null;
    const assignee = args.for ? await resolveUser(ctx, args.for) : null;
    const due = periodOption(args.due, ctx.now(), timeZoneOf(ctx), keyed('period.dueExample'));
    const visible = new Map(visibleIndex(ctx).map((entry) => [entry.id, entry.name]));
    const found = (
      await ctx.store.tasks.list(
        {
          ...(args.mine ? { assigneeId: ctx.user.id } : {}),
          ...(assignee ? { assigneeId: assignee.id } : {}),
          ...(account ? { accountId: account.id } : {}),
          ...(args.overdue ? { dueBefore: today(ctx.now(), timeZoneOf(ctx)) } : {}),
        },
        5_000,
      )
    ).filter(
      (task) =>
        visible.has(task.accountId) &&
        (!due || (task.dueAt !== null && task.dueAt >= due.from && task.dueAt < due.until)),
    );
    const entries = new Map(visibleIndex(ctx).map((entry) => [entry.id, entry]));
    disclose(
      ctx,
      [...new Set(found.map((task) => task.accountId))].flatMap((id) => entries.get(id) ?? []),
    );
    const people = await ctx.store.users.byIds(
      found.flatMap((task) => (task.assigneeId === null ? [] : [task.assigneeId])),
    );
    const title = t(ctx.locale, 'tasks.title', {
      whose: args.mine ? 'mine' : account ? 'account' : assignee ? 'person' : 'all',
      name: account?.name ?? assignee?.displayName ?? '',
      overdue: args.overdue ? 'yes' : 'no',
      count: found.length,
    });
    return reply({
      title,
      summary: title,
      blocks: [
        list(
          found.map((task) =>
            taskItem(
              task,
              ctx,
              account ? null : (visible.get(task.accountId) ?? null),
              people.get(task.assigneeId ?? -1),
            ),
          ),
          { limit: TASKS_LIMIT, empty: t(ctx.locale, args.overdue ? 'tasks.nothingOverdue' : 'tasks.noneOpen') },
        ),
      ],
    });
  },
});
