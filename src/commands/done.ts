import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { formatDay } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf, viewerOf } from './context.ts';

export const DoneArgsSchema = z.object({
  task: z
    .string({ error: keyed('done.needNumber') })
    .regex(/^#?\d{1,9}$/, keyed('done.needNumber'))
    .transform((value) => Number(value.replace('#', ''))),
});

export const done = defineCommand({
  name: 'done',
  aliases: ['complete', 'close'],
  summary: 'help.done',
  usage: '/account done <task number>',
  examples: ['/account done 42'],
  schema: DoneArgsSchema,
  toArgs: (input) => ({ task: input.positional[0] }),
  run: async (args, ctx) => {
    const existing = await ctx.store.tasks.byId(args.task);
    const account = existing ? await ctx.store.accounts.byId(existing.accountId, viewerOf(ctx)) : null;
    if (!existing || !account) throw new NotFoundError(keyed('done.noSuch', { id: args.task }));
    if (existing.doneAt) {
      return reply({
        summary: t(ctx.locale, 'done.already', {
          id: existing.id,
          title: existing.title,
          day: formatDay(existing.doneAt, ctx.locale),
        }),
      });
    }
    await ctx.store.tasks.complete(existing.id, actorOf(ctx), ctx.now());
    return reply({
      tone: 'success',
      summary: t(ctx.locale, 'done.done', { title: existing.title, name: account.name }),
    });
  },
});
