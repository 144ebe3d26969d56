import { z } from 'zod';
import type { Health } from '../domain/health.ts';
import type { Account, User } from '../domain/records.ts';
import { context, list, reply } from '../replies/build.ts';
import { accountLabel, formatDay, humanize } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { type CommandContext, disclose, viewerOf } from './context.ts';
import { healthOfMany, healthSettingsOf } from './health-service.ts';
import { resolveUser } from './resolve-user.ts';
import { AccountStatusSchema, shortText, TierSchema } from './schemas.ts';

/** The most accounts one reply lists; platforms may show fewer and say how many more there are. */
export const LIST_LIMIT = 500;

const USAGE =
  '/account list [mine] [at-risk] [band:red] [quiet | quiet:60] [tier:A] [region:EMEA] [country:Germany] [owner:@person] [sector:x] [status:active]';

export const ListArgsSchema = z
  .object({
    mine: z.boolean(),
    atRisk: z.boolean(),
    tier: TierSchema.optional(),
    region: shortText('region').optional(),
    owner: z.string().optional(),
    sector: shortText('sector').optional(),
    country: shortText('country').optional(),
    status: AccountStatusSchema.optional(),
    band: z.enum(['red', 'amber', 'green'], { error: 'A band is red, amber or green, e.g. band:red' }).optional(),
    /** Days without contact; 0 for "longer than its tier's cadence". */
    quiet: z.coerce
      .number({ error: 'Say quiet:60 for accounts without contact for 60 days, or just quiet' })
      .int('Say quiet:60 for accounts without contact for 60 days, or just quiet')
      .min(0)
      .max(3650)
      .optional(),
    words: z
      .array(z.string())
      .max(0, 'List takes filters like tier:A or mine; to find an account by name use show or search'),
  })
  .strict();

function item(
  account: Account,
  owners: Map<number, User>,
  names: Map<number, string>,
  health: Health | undefined,
): ListItem {
  const facts = [
    health?.score === null || !health ? 'no health data' : `health ${health.score}`,
    `Tier ${account.tier}`,
  ];
  const owner = account.ownerId === null ? undefined : owners.get(account.ownerId);
  facts.push(owner ? owner.displayName : 'no owner');
  const place = [account.region, account.country].filter(Boolean).join(' / ');
  if (place) facts.push(place);
  if (account.status !== 'active') facts.push(humanize(account.status));
  const parent = account.parentId === null ? undefined : names.get(account.parentId);
  if (parent) facts.push(`part of ${parent}`);
  if (account.renewalAt) facts.push(`renewal ${formatDay(account.renewalAt)}`);
  if (account.visibility === 'restricted') facts.push('restricted');
  return {
    title: accountLabel(account),
    ...(health?.band ? { band: health.band } : {}),
    ...(health?.band && health.band !== 'green' && health.topReason ? { text: health.topReason } : {}),
    meta: facts.join(' · '),
    buttons: [
      { label: 'Show', actionId: 'account_show', value: String(account.id), command: `/account show ${account.key}` },
    ],
  };
}

const DAY_MS = 86_400_000;

/** Accounts with no contact for `days` days, or (0) for longer than their tier's cadence expects; never-contacted ones too. */
function quietAccounts(ctx: CommandContext, accounts: readonly Account[], days: number): Account[] {
  const now = ctx.now();
  const activity = ctx.store.healthFacts.tallied(now);
  const cadence = healthSettingsOf(ctx).cadenceDays;
  const silentFor = (account: Account) => {
    const last = activity.get(account.id)?.lastInteractionMs ?? Number.NaN;
    return Number.isNaN(last) ? Number.POSITIVE_INFINITY : (now.getTime() - last) / DAY_MS;
  };
  return accounts
    .filter((account) => silentFor(account) > (days > 0 ? days : cadence[account.tier]))
    .sort((a, b) => silentFor(b) - silentFor(a));
}

export const listAccounts = defineCommand({
  name: 'list',
  aliases: ['ls', 'portfolio', 'accounts'],
  summary: 'The portfolio with health bands; at-risk shows the amber and red accounts, weakest first',
  usage: USAGE,
  examples: [
    '/account list',
    '/account list mine at-risk',
    '/account list tier:A region:EMEA',
    '/account list owner:@dana',
  ],
  options: ['tier', 'region', 'owner', 'sector', 'country', 'status', 'band', 'quiet'],
  flags: ['mine', 'at-risk', 'atrisk', 'risk', 'quiet'],
  schema: ListArgsSchema,
  toArgs: (input) => ({
    ...input.options,
    ...(input.flags.has('quiet') ? { quiet: 0 } : {}),
    mine: input.flags.has('mine'),
    atRisk: ['at-risk', 'atrisk', 'risk'].some((flag) => input.flags.has(flag)),
    words: input.positional,
  }),
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
    const byStatus = args.status ? accounts.filter((account) => account.status === args.status) : accounts;
    const health = await healthOfMany(ctx, byStatus);
    const score = (account: Account) => health.get(account.id)?.score ?? 101;
    const banded = args.band ? byStatus.filter((account) => health.get(account.id)?.band === args.band) : byStatus;
    const quiet = args.quiet === undefined ? banded : quietAccounts(ctx, banded, args.quiet);
    const shown = args.atRisk
      ? quiet
          .filter((account) => ['amber', 'red'].includes(health.get(account.id)?.band ?? ''))
          .sort((a, b) => score(a) - score(b))
      : quiet;
    disclose(ctx, shown);
    const owners = await ctx.store.accounts.ownersOf(shown);
    const names = new Map(ctx.store.accounts.index().map((entry) => [entry.id, entry.name]));
    const filtered = Boolean(
      args.mine ||
        args.atRisk ||
        owner ||
        args.tier ||
        args.region ||
        args.sector ||
        args.country ||
        args.status ||
        args.band ||
        args.quiet !== undefined,
    );
    const quietTitle =
      args.quiet === undefined ? '' : args.quiet > 0 ? ` without contact for ${args.quiet} days` : ' gone quiet';
    const title = `${args.mine ? 'Your accounts' : owner ? `${owner.displayName}'s accounts` : filtered ? 'Accounts' : 'Portfolio'}${args.atRisk ? ' at risk' : ''}${args.band ? ` (${args.band})` : ''}${quietTitle}`;
    // The bands of everything the filters selected, so "at-risk" still says how the rest is doing.
    const bands = (['green', 'amber', 'red'] as const).map(
      (band) => `${[...health.values()].filter((h) => h.band === band).length} ${band}`,
    );
    const count = `${shown.length} ${shown.length === 1 ? 'account' : 'accounts'}`;
    return reply({
      title: `${title} (${count})`,
      summary: `${title}: ${count}`,
      blocks: [
        context(bands.join(' · ')),
        list(
          shown.map((account) => item(account, owners, names, health.get(account.id))),
          {
            limit: LIST_LIMIT,
            empty: args.atRisk
              ? 'No account is amber or red. 🎉'
              : filtered
                ? 'No accounts match those filters.'
                : 'No accounts yet. Create one: /account new <name>',
          },
        ),
      ],
    });
  },
});
