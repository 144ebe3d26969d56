import { z } from 'zod';
import { coreName, stripControlCharacters } from '../domain/normalize.ts';
import type { Account } from '../domain/records.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import type { AccountPatch } from '../store/store.ts';
import { defineCommand, unquoted, wholeOptions } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf } from './context.ts';
import { editAccountForm } from './forms.ts';
import { requireEdit, requireOwnerOrAdmin } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';
import { resolveUser } from './resolve-user.ts';
import {
  AccountKeySchema,
  AccountNameSchema,
  AccountStatusSchema,
  shortText,
  TierSchema,
  VisibilitySchema,
} from './schemas.ts';
import { daySchema } from './values/dates.ts';
import { moneySchema } from './values/money.ts';

const USAGE =
  '/account edit <account> field:value … (name, key, tier, status, region, country, sector, parent, renewal, revenue, potential, currency, visibility, aliases, strategy, owner)';
const FIELDS = [
  'name',
  'key',
  'tier',
  'status',
  'region',
  'country',
  'sector',
  'parent',
  'renewal',
  'revenue',
  'potential',
  'currency',
  'visibility',
  'aliases',
  'strategy',
  'owner',
] as const;
export const STRATEGY_MAX_LENGTH = 4_000;

/** "none" or "-" empties a field. */
const CLEAR = /^(none|-|clear)$/i;

function editSchema(ctx: CommandContext) {
  const clearable = <T extends z.ZodType>(schema: T) =>
    z.preprocess((value) => (typeof value === 'string' && CLEAR.test(value.trim()) ? null : value), schema.nullable());
  return z
    .object({
      account: z.string().trim().min(1, keyed('edit.needAccount')),
      name: AccountNameSchema.optional(),
      key: AccountKeySchema.optional(),
      tier: TierSchema.optional(),
      status: AccountStatusSchema.optional(),
      region: clearable(shortText('region')).optional(),
      country: clearable(shortText('country')).optional(),
      sector: clearable(shortText('sector')).optional(),
      parent: z.string().optional(),
      renewal: clearable(daySchema(ctx.now(), timeZoneOf(ctx), 'renewal')).optional(),
      revenue: clearable(moneySchema('revenue')).optional(),
      potential: clearable(moneySchema('potential')).optional(),
      currency: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, keyed('edit.currency'))
        .optional(),
      visibility: VisibilitySchema.optional(),
      aliases: z
        .string()
        .transform((value) =>
          CLEAR.test(value)
            ? []
            : value
                .split(',')
                .map((alias) => alias.trim())
                .filter(Boolean),
        )
        .pipe(z.array(z.string().max(120, keyed('edit.aliasMax'))).max(20, keyed('edit.aliasesMax')))
        .optional(),
      strategy: clearable(
        z
          .string()
          .transform(stripControlCharacters)
          .pipe(
            z
              .string()
              .trim()
              .max(STRATEGY_MAX_LENGTH, keyed('edit.strategyMax', { max: STRATEGY_MAX_LENGTH })),
          ),
      ).optional(),
      owner: z.string().optional(),
    })
    .strict();
}

type EditArgs = z.output<ReturnType<typeof editSchema>>;

/** Amounts carry the account's currency; one typed in another currency would silently mean something else. */
function amount(
  value: { amount: number; currency: string | null } | null | undefined,
  currency: string,
  field: string,
) {
  if (value === undefined || value === null) return value;
  if (value.currency && value.currency !== currency) {
    throw new ValidationError(keyed('edit.currencyMismatch', { currency, field }));
  }
  return value.amount;
}

async function patchFrom(args: EditArgs, account: Account, ctx: CommandContext): Promise<AccountPatch> {
  const currency = args.currency ?? account.currency;
  const patch: AccountPatch = {};
  if (args.name !== undefined) patch.name = checkNewName(ctx, account, args.name);
  if (args.key !== undefined && args.key !== account.key) {
    const taken = await ctx.store.accounts.byKey(args.key);
    if (taken) throw new ConflictError(keyed('edit.keyTaken', { key: args.key, name: taken.name }));
    patch.key = args.key;
  }
  for (const field of ['tier', 'status', 'region', 'country', 'sector', 'visibility', 'aliases', 'strategy'] as const) {
    if (args[field] !== undefined) Object.assign(patch, { [field]: args[field] });
  }
  if (args.currency !== undefined) patch.currency = args.currency;
  if (args.renewal !== undefined) patch.renewalAt = args.renewal;
  if (args.revenue !== undefined) patch.annualRevenue = amount(args.revenue, currency, 'revenue');
  if (args.potential !== undefined) patch.potential = amount(args.potential, currency, 'potential');
  if (args.parent !== undefined) patch.parentId = await parentOf(args.parent, account, ctx);
  if (args.owner !== undefined) {
    await requireOwnerOrAdmin(ctx, account, 'handOver');
    patch.ownerId = (await resolveUser(ctx, args.owner)).id;
  }
  return patch;
}

/** A new name for the account, refused when another account already goes by it. */
export function checkNewName(ctx: CommandContext, account: Account, name: string): string {
  const clean = stripControlCharacters(name).trim();
  const twin = ctx.store.accounts
    .index()
    .find((entry) => entry.id !== account.id && !entry.archived && coreName(entry.name) === coreName(clean));
  if (twin) throw new ConflictError(keyed('edit.nameTaken', { account: accountLabel(twin) }));
  return clean;
}

/** The new parent, refusing loops: an account cannot sit under itself or under one of its own subsidiaries. */
async function parentOf(reference: string, account: Account, ctx: CommandContext): Promise<number | null> {
  if (CLEAR.test(reference.trim())) return null;
  const parent = await resolveAccount(ctx, reference);
  if (parent.id === account.id) throw new ValidationError(keyed('edit.ownParent', { name: account.name }));
  const parents = new Map(ctx.store.accounts.index().map((entry) => [entry.id, entry.parentId]));
  for (let at: number | null = parent.id; at !== null; at = parents.get(at) ?? null) {
    if (at === account.id)
      throw new ValidationError(keyed('edit.parentCycle', { parent: parent.name, name: account.name }));
  }
  return parent.id;
}

export const edit = defineCommand({
  name: 'edit',
  aliases: ['set', 'update'],
  summary: 'help.edit',
  usage: USAGE,
  examples: [
    '/account edit nordwind tier:A renewal:2027-03-31',
    '/account edit nordwind revenue:1.2M potential:"3 Mio €"',
    '/account edit kestrel parent:nordwind region:EMEA',
    '/account edit nordwind strategy:"Become their sole logistics partner by 2028"',
  ],
  options: FIELDS,
  schema: z.object({ account: z.string(), options: z.record(z.string(), z.string()) }),
  // "sector:Industrial Automation": a value runs on to the next option, so nothing typed is cut.
  toArgs: (input) => {
    const { options, before } = wholeOptions(input, -1, FIELDS);
    return { account: unquoted(before), options };
  },
  run: async ({ account: reference, options }, ctx) => {
    const args = parseEdit(ctx, { account: reference, ...options });
    const account = await resolveAccount(ctx, args.account);
    await requireEdit(ctx, account);
    if (Object.keys(options).length === 0) {
      if (ctx.surface.forms) return editAccountForm(account, ctx.locale);
      throw new ValidationError(keyed('edit.sayWhat'), USAGE);
    }
    const patch = await patchFrom(args, account, ctx);
    const updated = await ctx.store.accounts.update(account.id, patch, actorOf(ctx));
    return reply({
      tone: 'success',
      summary: t(ctx.locale, 'edit.updated', {
        account: accountLabel(updated),
        changes: Object.keys(options).join(', '),
      }),
      blocks: [context(t(ctx.locale, 'edit.showHint', { key: updated.key }))],
    });
  },
});

function parseEdit(ctx: CommandContext, raw: Record<string, string>): EditArgs {
  const parsed = editSchema(ctx).safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  const problem = issue?.message ?? keyed('edit.invalid');
  throw new ValidationError(
    field && field !== 'account' ? keyed('edit.fieldProblem', { field: String(field), problem }) : problem,
    USAGE,
  );
}
