import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { context, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf } from './context.ts';
import { requireOwnerOrAdmin } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';

export const ArchiveArgsSchema = z.object({
  account: z.string().trim().min(1, 'Say which account to archive, e.g. /account archive acme'),
});

export const archive = defineCommand({
  name: 'archive',
  summary: 'Archive an account (its owner or an admin); its notes and history are kept',
  usage: '/account archive <account>',
  examples: ['/account archive initech'],
  schema: ArchiveArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    await requireOwnerOrAdmin(ctx, account, 'archive it');
    const subsidiaries = ctx.store.accounts
      .index()
      .filter((entry) => entry.parentId === account.id && !entry.archived)
      .map((entry) => entry.name);
    if (subsidiaries.length > 0) {
      throw new ValidationError(
        `${account.name} still has subsidiaries (${subsidiaries.join(', ')}); archive them or give them another parent first.`,
      );
    }
    await ctx.store.accounts.archive(account.id, actorOf(ctx), ctx.now());
    return reply({
      tone: 'success',
      summary: `Archived ${accountLabel(account)}. Its notes and history are kept.`,
      blocks: [context('Archived accounts no longer appear in lists, searches or digests.')],
    });
  },
});
