import { z } from 'zod';
import type { Account, User } from '../domain/records.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, formatDate, humanize } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { type CommandContext, timeZoneOf, viewerOf } from './context.ts';
import { resolveUser } from './resolve-user.ts';
import { AccountStatusSchema, shortText, TierSchema } from './schemas.ts';

/** The most accounts one reply lists; platforms may show fewer and say how many more there are. */
export const LIST_LIMIT = 500;

const USAGE = '/account list [mine] [tier:A] [region:EMEA] [owner:@person] [sector:x] [status:active]';

export const ListArgsSchema = z
  .object({
    mine: z.boolean(),
    tier: TierSchema.optional(),
    region: shortText('region').optional(),
    owner: z.string().optional(),
    sector: shortText('sector').optional(),
    country: shortText('country').optional(),
    status: AccountStatusSchema.optional(),
    words: z
      .array(z.string())
      .max(0, 'List takes filters like tier:A or mine; to find an account by name use show or search'),
  })
  .strict();

function item(account: Account, owners: Map<number, User>, names: Map<number, string>, ctx: CommandContext): ListItem {
  const facts = [`Tier ${account.tier}`];
  const owner = account.ownerId === null ? undefined : owners.get(account.ownerId);
  facts.push(owner ? owner.displayName : 'no owner');
  const place = [account.region, account.country].filter(Boolean).join(' / ');
  if (place) facts.push(place);
  if (account.status !== 'active') facts.push(humanize(account.status));
  const parent = account.parentId === null ? undefined : names.get(account.parentId);
  if (parent) facts.push(`part of ${parent}`);
  if (account.renewalAt) facts.push(`renewal ${formatDate(account.renewalAt, timeZoneOf(ctx))}`);
  if (account.visibility === 'restricted') facts.push('restricted');
  return {
    title: accountLabel(account),
    meta: facts.join(' · '),
    buttons: [
      { label: 'Show', actionId: 'account_show', value: String(account.id), command: `/account show ${account.key}` },
    ],
  };
}

export const listAccounts = defineCommand({
  name: 'list',
  aliases: ['ls', 'portfolio', 'accounts'],
  summary: 'The portfolio, filtered by owner, tier, region or sector',
  usage: USAGE,
  examples: ['/account list', '/account list mine', '/account list tier:A region:EMEA', '/account list owner:@dana'],
  options: ['tier', 'region', 'owner', 'sector', 'country', 'status'],
  flags: ['mine'],
  schema: ListArgsSchema,
  toArgs: (input) => ({ ...input.options, mine: input.flags.has('mine'), words: input.positional }),
  run: async (args, ctx) => {
    const owner = args.owner ? await resolveUser(ctx, args.owner) : undefined;
    const accounts = await ctx.store.accounts.list(
      {
        ...(owner ? { ownerId: owner.id } : {}),
        ...(args.mine ? { teamMemberId: ctx.user.id } : {}),
        ...(args.tier ? { tier: args.tier } : {}),
        ...(args.region ? { region: args.region } : {}),
        ...(args.sector ? { sector: args.sector } : {}),
        ...(args.country ? { country: args.country } : {}),
      },
      viewerOf(ctx),
    );
    const shown = args.status ? accounts.filter((account) => account.status === args.status) : accounts;
    const owners = await ctx.store.accounts.ownersOf(shown);
    const names = new Map(ctx.store.accounts.index().map((entry) => [entry.id, entry.name]));
    const filtered = Boolean(
      args.mine || owner || args.tier || args.region || args.sector || args.country || args.status,
    );
    const title = args.mine ? 'Your accounts' : filtered ? 'Accounts' : 'Portfolio';
    const count = `${shown.length} ${shown.length === 1 ? 'account' : 'accounts'}`;
    return reply({
      title: `${title} (${count})`,
      summary: `${title}: ${count}`,
      blocks: [
        list(
          shown.map((account) => item(account, owners, names, ctx)),
          {
            limit: LIST_LIMIT,
            empty: filtered ? 'No accounts match those filters.' : 'No accounts yet. Create one: /account new <name>',
          },
        ),
      ],
    });
  },
});
