// `health <account>`: score, band, trend and each component's reason; `override:` sets a gut-feel score;
// `health settings …` is the workspace's thresholds, cadences and weights (health-settings-action.ts).

import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, list, reply } from '../replies/build.ts';
import { accountLabel, formatDay } from '../replies/format.ts';
import { type CommandInput, defineCommand, parseWith } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf } from './context.ts';
import { healthOf, healthSettingsOf } from './health-service.ts';
import { HEALTH_SETTING_OPTIONS, healthSettings } from './health-settings-action.ts';
import { componentItems, healthFields } from './health-view.ts';
import { requireEdit } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';
import { daySchema } from './values/dates.ts';

const USAGE =
  '/account health <account> [override:0-100 reason:"…" until:<date> | override:clear]   ·   /account health settings [green:70 amber:40 cadence-a:14 …]';

function overrideSchema(ctx: CommandContext) {
  return z.object({
    override: z.preprocess(
      (value) => (value === 'clear' || value === 'none' ? null : value),
      z.coerce
        .number({ error: keyed('health.overrideScore') })
        .refine(Number.isFinite, keyed('health.overrideScore'))
        .int(keyed('health.overrideWhole'))
        .min(0, keyed('health.overrideRange'))
        .max(100, keyed('health.overrideRange'))
        .nullable(),
    ),
    reason: z
      .string()
      .transform(stripControlCharacters)
      .pipe(z.string().trim().min(1, keyed('health.giveReason')).max(300, keyed('health.reasonMax')))
      .optional(),
    until: daySchema(ctx.now(), timeZoneOf(ctx), 'date').optional(),
  });
}

async function setOverride(reference: string, input: CommandInput, ctx: CommandContext) {
  const account = await resolveAccount(ctx, reference);
  await requireEdit(ctx, account);
  const args = parseWith(
    overrideSchema(ctx),
    { ...input.options, override: input.options.override?.toLowerCase() },
    USAGE,
  );
  if (args.override === null) {
    await ctx.store.accounts.update(account.id, { healthOverride: null }, actorOf(ctx));
    return reply({ tone: 'success', summary: t(ctx.locale, 'health.cleared', { account: accountLabel(account) }) });
  }
  if (!args.reason) throw new ValidationError(keyed('health.sayWhy'), USAGE);
  if (args.until && args.until <= ctx.now()) throw new ValidationError(keyed('health.untilFuture'), USAGE);
  await ctx.store.accounts.update(
    account.id,
    { healthOverride: { score: args.override, reason: args.reason, until: args.until ?? null, byId: ctx.user.id } },
    actorOf(ctx),
  );
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'health.overrideSet', {
      name: account.name,
      score: args.override,
      until: args.until ? formatDay(args.until, ctx.locale) : 'none',
      reason: args.reason,
    }),
  });
}

async function show(reference: string, ctx: CommandContext) {
  const account = await resolveAccount(ctx, reference);
  const { health, trend } = await healthOf(ctx, account);
  const settings = healthSettingsOf(ctx);
  const { locale } = ctx;
  return reply({
    title: t(locale, 'health.title', { account: accountLabel(account) }),
    ...(health.band ? { band: health.band } : {}),
    summary:
      health.score === null || health.band === null
        ? t(locale, 'health.summaryNone', { name: account.name })
        : t(locale, 'health.summary', {
            name: account.name,
            score: health.score,
            band: t(locale, `band.${health.band}`),
          }),
    blocks: [
      { type: 'fields', fields: healthFields(health, locale, trend, 'health.score') },
      list(componentItems(health, locale), { heading: t(locale, 'health.components') }),
      context(t(locale, 'health.bandsHint', { ...settings.bands, key: account.key })),
    ],
  });
}

export const health = defineCommand({
  name: 'health',
  aliases: ['score'],
  summary: 'help.health',
  usage: USAGE,
  examples: [
    '/account health pelham',
    '/account health pelham override:35 reason:"CFO leaves in January" until:2027-01-31',
    '/account health pelham override:clear',
    '/account health settings green:75 cadence-a:10',
  ],
  options: ['override', 'reason', 'until', ...HEALTH_SETTING_OPTIONS],
  schema: z.object({
    reference: z.string().trim().min(1, keyed('health.needAccount')),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ reference: input.positional.join(' '), input }),
  run: async ({ reference, input }, ctx) => {
    if (reference.toLowerCase() === 'settings') return healthSettings(input, ctx);
    const settingsGiven = Object.keys(input.options).filter((name) => HEALTH_SETTING_OPTIONS.includes(name));
    if (settingsGiven.length > 0) {
      throw new ValidationError(keyed('health.isWorkspaceSetting', { name: settingsGiven[0] ?? '' }), USAGE);
    }
    if (input.options.override !== undefined) return setOverride(reference, input, ctx);
    if (Object.keys(input.options).length > 0) throw new ValidationError(keyed('health.onlyWithOverride'), USAGE);
    return show(reference, ctx);
  },
});
