import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { reply } from '../replies/build.ts';
import { formatDay } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf, viewerOf } from './context.ts';

export const DoneArgsSchema = z.object({
  task: z
    .string({ error: 'Say which follow-up is done, by its number: /account done 42' })
    .regex(/^#?\d{1,9}$/, 'Say which follow-up is done, by its number: /account done 42')
    .transform((value) => Number(value.replace('#', ''))),
});

export const done = defineCommand({
  name: 'done',
  aliases: ['complete', 'close'],
  summary: 'Mark a follow-up as done',
  usage: '/account done <task number>',
  examples: ['/account done 42'],
  schema: DoneArgsSchema,
  toArgs: (input) => ({ task: input.positional[0] }),
  run: async (args, ctx) => {
    const existing = await ctx.store.tasks.byId(args.task);
    const account = existing ? await ctx.store.accounts.byId(existing.accountId, viewerOf(ctx)) : null;
    if (!existing || !account)
      throw new NotFoundError(`There is no follow-up #${args.task}; /account tasks lists them.`);
    if (existing.doneAt) {
      return reply({
        summary: `Follow-up #${existing.id} “${existing.title}” was already done on ${formatDay(existing.doneAt)}.`,
      });
    }
    await ctx.store.tasks.complete(existing.id, actorOf(ctx), ctx.now());
    return reply({ tone: 'success', summary: `Done: “${existing.title}” (${account.name}).` });
  },
});
