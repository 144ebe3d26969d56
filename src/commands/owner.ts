import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
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
  account: z.string().trim().min(1, keyed('owner.needAccount')),
  person: z.string({ error: keyed('owner.needPerson') }),
});

export const owner = defineCommand({
  name: 'owner',
  summary: 'help.owner',
  usage: USAGE,
  examples: ['/account owner nordwind @dana', '/account owner "Nordwind Logistik" @"Katrin Vogel"'],
  schema: OwnerArgsSchema,
  toArgs: (input) => {
    const { before, person } = aroundMention(input.positional);
    return { account: before, ...(person ? { person } : {}) };
  },
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    await requireOwnerOrAdmin(ctx, account, 'handOver');
    const user = await resolveUser(ctx, args.person);
    if (account.ownerId === user.id)
      throw new ValidationError(keyed('owner.already', { person: user.displayName, name: account.name }));
    const updated = await ctx.store.accounts.update(account.id, { ownerId: user.id }, actorOf(ctx));
    return reply({
      tone: 'success',
      summary: t(ctx.locale, 'owner.done', { person: user.displayName, account: accountLabel(updated) }),
    });
  },
});
