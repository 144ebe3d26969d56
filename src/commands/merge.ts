// `merge <duplicate> into <account>`: two records of one customer become one. An admin's decision, shown first
// with what would move, and done only when confirmed; the audit trail lists every record moved.
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { confirmButton, context, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf } from './context.ts';
import { requireAdmin } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';

const USAGE = '/account merge <duplicate> into <account> [confirm:yes]';
const INTO = /^(.+?)\s+(?:into|in|with|mit|nach)\s+(.+)$/i;

export const merge = defineCommand({
  name: 'merge',
  summary: 'help.merge',
  usage: USAGE,
  examples: ['/account merge "Nordwind Industrie GmbH" into nordwind'],
  options: ['confirm'],
  schema: z.object({
    from: z
      .string({ error: keyed('merge.sayWhich') })
      .trim()
      .min(1, keyed('merge.sayWhich')),
    into: z
      .string({ error: keyed('merge.sayWhich') })
      .trim()
      .min(1, keyed('merge.sayWhich')),
    confirm: z.string().optional(),
  }),
  toArgs: (input) => {
    const match = INTO.exec(input.positional.join(' '));
    return { from: match?.[1], into: match?.[2], confirm: input.options.confirm };
  },
  run: async (args, ctx) => {
    requireAdmin(ctx, 'merge');
    const from = await resolveAccount(ctx, args.from);
    const into = await resolveAccount(ctx, args.into);
    if (from.id === into.id) throw new ValidationError(keyed('merge.same', { name: into.name }));
    const values = { from: accountLabel(from), into: accountLabel(into) };
    if (args.confirm?.toLowerCase() !== 'yes') {
      const notes = await ctx.store.notes.countForAccount(from.id);
      const again = `merge ${from.key} into ${into.key} confirm:yes`;
      return reply({
        tone: 'warning',
        summary: t(ctx.locale, 'merge.ask', { ...values, notes }),
        blocks: [confirmButton(t(ctx.locale, 'merge.button'), again)],
      });
    }
    const { moved } = await ctx.store.accounts.merge(from.id, into.id, actorOf(ctx), ctx.now());
    return reply({
      tone: 'success',
      summary: t(ctx.locale, 'merge.done', { ...values, ...moved }),
      blocks: [context(t(ctx.locale, 'merge.hint', { key: from.key, into: into.key }))],
    });
  },
});
