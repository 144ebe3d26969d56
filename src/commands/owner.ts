import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf } from './context.ts';
import { requireOwnerOrAdmin } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';
import { resolveUser } from './resolve-user.ts';
import { aroundMention } from './team.ts';

const USAGE = '/account owner <account> @person';

export const OwnerArgsSchema = z.object({
  account: z.string().trim().min(1, 'Say which account, e.g. /account owner acme @dana'),
  person: z.string({ error: 'Say who the new owner is, e.g. /account owner acme @dana' }),
});

export const owner = defineCommand({
  name: 'owner',
  summary: 'Hand an account to a new owner (its owner or an admin)',
  usage: USAGE,
  examples: ['/account owner acme @dana', '/account owner "Acme Germany" @"Katrin Vogel"'],
  schema: OwnerArgsSchema,
  toArgs: (input) => {
    const { before, person } = aroundMention(input.positional);
    return { account: before, ...(person ? { person } : {}) };
  },
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    await requireOwnerOrAdmin(ctx, account, 'hand it over');
    const user = await resolveUser(ctx, args.person);
    if (account.ownerId === user.id) throw new ValidationError(`${user.displayName} already owns ${account.name}.`);
    const updated = await ctx.store.accounts.update(account.id, { ownerId: user.id }, actorOf(ctx));
    return reply({ tone: 'success', summary: `${user.displayName} now owns ${accountLabel(updated)}.` });
  },
});
