import { z } from 'zod';
import type { Health } from '../domain/health.ts';
import type { Account, User } from '../domain/records.ts';
import type { Locale } from '../i18n/locale.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, list, reply } from '../replies/build.ts';
import { accountLabel, formatDay, valueLabel } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { type CommandContext, disclose, viewerOf } from './context.ts';
import { healthOfMany, healthSettingsOf } from './health-service.ts';
import { bandReason } from './health-view.ts';
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
    band: z.enum(['red', 'amber', 'green'], { error: keyed('list.bandIs') }).optional(),
    /** Days without contact; 0 for "longer than its tier's cadence". */
    quiet: z.coerce
      .number({ error: keyed('list.quietIs') })
      .int(keyed('list.quietIs'))
      .min(0)
      .max(3650)
      .optional(),
    words: z.array(z.string()).max(0, keyed('list.wordsNotTaken')),
  })
  .strict();

function item(
  account: Account,
  owners: Map<number, User>,
  names: Map<number, string>,
  health: Health | undefined,
  locale: Locale,
): ListItem {
  const facts = [
    health?.score === null || !health
      ? t(locale, 'health.notEnoughData')
      : t(locale, 'list.health', { score: health.score }),
    t(locale, 'list.tier', { tier: account.tier }),
  ];
  const owner = account.ownerId === null ? undefined : owners.get(account.ownerId);
  facts.push(owner ? owner.displayName : t(locale, 'list.noOwner'));
  const place = [account.region, account.country].filter(Boolean).join(' / ');
  if (place) facts.push(place);
  if (account.status !== 'active') facts.push(valueLabel(locale, 'status', account.status));
  const parent = account.parentId === null ? undefined : names.get(account.parentId);
  if (parent) facts.push(t(locale, 'list.partOf', { parent }));
  if (account.renewalAt) facts.push(t(locale, 'list.renewal', { day: formatDay(account.renewalAt, locale) }));
  if (account.visibility === 'restricted') facts.push(t(locale, 'list.restricted'));
  const reason = health ? bandReason(health, locale) : null;
  return {
    title: accountLabel(account),
    ...(health?.band ? { band: health.band } : {}),
    ...(reason ? { text: reason } : {}),
    meta: facts.join(' · '),
    buttons: [
      {
        label: t(locale, 'button.show'),
        actionId: 'account_show',
        value: String(account.id),
        command: `/account show ${account.key}`,
      },
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
  summary: 'help.list',
  usage: USAGE,
  examples: [
    '/account list',
    '/account list mine at-risk',
    '/account list tier:A region:EMEA',
    '/account list band:red country:Germany',
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
    const { locale } = ctx;
    const title = t(locale, 'list.title', {
      whose: args.mine ? 'mine' : owner ? 'person' : filtered ? 'filtered' : 'all',
      name: owner?.displayName ?? '',
      atRisk: args.atRisk ? 'yes' : 'no',
      band: args.band ? t(locale, `band.${args.band}`) : 'none',
      quiet: args.quiet === undefined ? 'none' : args.quiet > 0 ? String(args.quiet) : 'cadence',
    });
    // The bands of everything the filters selected, so "at-risk" still says how the rest is doing.
    const bands = (['green', 'amber', 'red'] as const).map((band) =>
      t(locale, 'list.bandCount', {
        count: [...health.values()].filter((h) => h.band === band).length,
        band: t(locale, `band.${band}`),
      }),
    );
    // Too little known to score is a group of its own, never counted as green.
    const unscored = [...health.values()].filter((h) => h.score === null).length;
    if (unscored > 0) bands.push(t(locale, 'list.unscoredCount', { count: unscored }));
    const count = t(locale, 'list.count', { count: shown.length });
    return reply({
      title: t(locale, 'list.titleWithCount', { title, count }),
      summary: t(locale, 'list.summary', { title, count }),
      blocks: [
        context(bands.join(' · ')),
        list(
          shown.map((account) => item(account, owners, names, health.get(account.id), locale)),
          {
            limit: LIST_LIMIT,
            empty: t(locale, args.atRisk ? 'list.noneAtRisk' : filtered ? 'list.noneMatch' : 'list.noneYet'),
          },
        ),
      ],
    });
  },
});
