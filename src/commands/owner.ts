import { z } from 'zod';
import type { Account } from '../domain/records.ts';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { accountLabel, valueLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { requireOwnerOrAdmin } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';
import { resolveUser } from './resolve-user.ts';
import { aroundMention } from './team.ts';

const USAGE = '/account owner <account> @person';

export const OwnerArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('owner.needAccount')),
  person: z.string({ error: keyed('owner.needPerson') }),
});

/** "Dana Scully stays on the account team as executive sponsor.": what the hand-over left the previous owner. */
async function previousOwnerStays(ctx: CommandContext, account: Account): Promise<string | null> {
  if (account.ownerId === null) return null;
  const previous = (await ctx.store.users.byIds([account.ownerId])).get(account.ownerId);
  const member = (await ctx.store.members.forAccount(account.id)).find((row) => row.userId === account.ownerId);
  if (!previous || !member) return null;
  return t(ctx.locale, 'owner.previousStays', {
    person: previous.displayName,
    role: valueLabel(ctx.locale, 'memberRole', member.role),
  });
}

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
    const done = t(ctx.locale, 'owner.done', { person: user.displayName, account: accountLabel(updated) });
    return reply({
      tone: 'success',
      summary: [done, await previousOwnerStays(ctx, account)].filter(Boolean).join(' '),
    });
  },
});
