import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf, viewerOf } from './context.ts';
import { requireOwnerOrAdmin } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';

export const ArchiveArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('archive.needAccount')),
});

/** `unarchive <account>`: back in lists, searches and digests, with everything it had. */
export const unarchive = defineCommand({
  name: 'unarchive',
  aliases: ['restore'],
  summary: 'help.unarchive',
  usage: '/account unarchive <account>',
  examples: ['/account unarchive initech'],
  schema: ArchiveArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account, { includeArchived: true });
    await requireOwnerOrAdmin(ctx, account, 'archive');
    if (!account.archivedAt) {
      throw new ValidationError(keyed('archive.notArchived', { account: accountLabel(account) }));
    }
    const parent =
      account.parentId === null ? undefined : await ctx.store.accounts.byId(account.parentId, viewerOf(ctx));
    await ctx.store.accounts.unarchive(account.id, actorOf(ctx));
    return reply({
      tone: 'success',
      summary: t(ctx.locale, 'archive.restored', { account: accountLabel(account) }),
      ...(parent?.archivedAt
        ? { blocks: [context(t(ctx.locale, 'archive.parentArchived', { parent: accountLabel(parent) }))] }
        : {}),
    });
  },
});

export const archive = defineCommand({
  name: 'archive',
  summary: 'help.archive',
  usage: '/account archive <account>',
  examples: ['/account archive initech'],
  schema: ArchiveArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    await requireOwnerOrAdmin(ctx, account, 'archive');
    const subsidiaries = ctx.store.accounts
      .index()
      .filter((entry) => entry.parentId === account.id && !entry.archived)
      .map((entry) => entry.name);
    if (subsidiaries.length > 0) {
      throw new ValidationError(
        keyed('archive.subsidiaries', { name: account.name, subsidiaries: subsidiaries.join(', ') }),
      );
    }
    await ctx.store.accounts.archive(account.id, actorOf(ctx), ctx.now());
    return reply({
      tone: 'success',
      summary: t(ctx.locale, 'archive.done', { account: accountLabel(account) }),
      blocks: [context(t(ctx.locale, 'archive.hint', { key: account.key }))],
    });
  },
});
