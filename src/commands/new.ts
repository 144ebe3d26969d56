import { z } from 'zod';
import { suggestKey } from '../domain/account-key.ts';
import { coreName, stripControlCharacters } from '../domain/normalize.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, reply } from '../replies/build.ts';
import { accountLabel, formatDay } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import { defineCommand, parseWith } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf } from './context.ts';
import { newAccountForm } from './forms.ts';
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

const USAGE =
  '/account new <name> [tier:A|B|C] [owner:@person] [parent:<account>] [key:<key>] [region:EMEA] [renewal:<date>]';

export const NewAccountArgsSchema = z
  .object({
    name: AccountNameSchema.optional(),
    tier: TierSchema.optional(),
    owner: z.string().optional(),
    parent: z.string().optional(),
    key: AccountKeySchema.optional(),
    region: shortText('region').optional(),
    country: shortText('country').optional(),
    sector: shortText('sector').optional(),
    status: AccountStatusSchema.optional(),
    visibility: VisibilitySchema.optional(),
    /** Read as a day in `createAccount`, where the person's time zone is known. */
    renewal: z.string().optional(),
  })
  .strict();

export type NewAccountArgs = z.output<typeof NewAccountArgsSchema>;

/** Creates the account the arguments describe; the command and the new-account form both end here. */
export async function createAccount(args: NewAccountArgs & { name: string }, ctx: CommandContext): Promise<Reply> {
  const name = stripControlCharacters(args.name);
  const index = ctx.store.accounts.index();
  const twin = index.find((entry) => !entry.archived && coreName(entry.name) === coreName(name));
  if (twin) throw new ConflictError(keyed('edit.nameTaken', { account: accountLabel(twin) }));
  const owner = args.owner ? await resolveUser(ctx, args.owner) : ctx.user;
  const parent = args.parent ? await resolveAccount(ctx, args.parent) : null;
  const renewalAt = args.renewal
    ? parseWith(daySchema(ctx.now(), timeZoneOf(ctx), 'renewal'), args.renewal, USAGE)
    : null;
  const taken = new Set(index.map((entry) => entry.key));
  const key = args.key ?? suggestKey(name, (candidate) => taken.has(candidate));
  const account = await ctx.store.accounts.create(
    {
      key,
      name,
      tier: args.tier ?? 'B',
      ownerId: owner.id,
      parentId: parent?.id ?? null,
      region: args.region ?? parent?.region ?? null,
      country: args.country ?? null,
      sector: args.sector ?? parent?.sector ?? null,
      status: args.status ?? 'active',
      visibility: args.visibility ?? 'open',
      currency: ctx.workspace.currency,
      renewalAt,
    },
    actorOf(ctx),
  );
  const { locale } = ctx;
  const facts = [
    t(locale, 'new.tierFact', { tier: account.tier }),
    t(locale, 'new.ownerFact', { name: owner.displayName }),
  ];
  if (parent) facts.push(t(locale, 'new.subsidiaryOf', { name: parent.name }));
  if (renewalAt) facts.push(t(locale, 'new.renewalFact', { date: formatDay(renewalAt, locale) }));
  return reply({
    tone: 'success',
    summary: t(locale, 'new.created', { account: accountLabel(account), facts: facts.join(', ') }),
    blocks: [context(t(locale, 'new.next', { key: account.key }))],
  });
}

export const newAccount = defineCommand({
  name: 'new',
  aliases: ['create', 'add'],
  summary: 'help.new',
  usage: USAGE,
  examples: [
    '/account new Acme Corporation tier:A',
    '/account new "Nordwind Polska" parent:nordwind owner:@dana region:EMEA',
  ],
  options: ['tier', 'owner', 'parent', 'key', 'region', 'country', 'sector', 'status', 'visibility', 'renewal'],
  schema: NewAccountArgsSchema,
  toArgs: (input) => ({
    ...input.options,
    ...(input.positional.length > 0 ? { name: input.positional.join(' ') } : {}),
  }),
  run: async (args, ctx) => {
    if (args.name) return createAccount({ ...args, name: args.name }, ctx);
    if (ctx.surface.forms) return newAccountForm(ctx.locale);
    throw new ValidationError(keyed('new.needName'), USAGE);
  },
});
