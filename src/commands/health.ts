// `health <account>`: score, band, trend and each component's reason; `override:` sets a gut-feel score;
// `health settings …` is the workspace's thresholds, cadences and weights (health-settings-action.ts).
import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { ValidationError } from '../errors.ts';
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
        .number({ error: 'The override is a score from 0 to 100, or clear' })
        .refine(Number.isFinite, 'The override is a score from 0 to 100, or clear')
        .int('The override is a whole number from 0 to 100')
        .min(0, 'The override is a score from 0 to 100')
        .max(100, 'The override is a score from 0 to 100')
        .nullable(),
    ),
    reason: z
      .string()
      .transform(stripControlCharacters)
      .pipe(z.string().trim().min(1, 'Give a reason').max(300, 'A reason can be at most 300 characters'))
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
    return reply({ tone: 'success', summary: `Cleared the health override of ${accountLabel(account)}.` });
  }
  if (!args.reason) throw new ValidationError('Say why, e.g. override:35 reason:"CFO is leaving in January".', USAGE);
  if (args.until && args.until <= ctx.now())
    throw new ValidationError('The override should last until a day after today.', USAGE);
  await ctx.store.accounts.update(
    account.id,
    { healthOverride: { score: args.override, reason: args.reason, until: args.until ?? null, byId: ctx.user.id } },
    actorOf(ctx),
  );
  const until = args.until ? ` until ${formatDay(args.until)}` : '';
  return reply({
    tone: 'success',
    summary: `Set the health of ${account.name} to ${args.override} (gut feel)${until}: ${args.reason}.`,
  });
}

async function show(reference: string, ctx: CommandContext) {
  const account = await resolveAccount(ctx, reference);
  const { health, trend } = await healthOf(ctx, account);
  const settings = healthSettingsOf(ctx);
  return reply({
    title: `Health: ${accountLabel(account)}`,
    ...(health.band ? { band: health.band } : {}),
    summary:
      health.score === null
        ? `${account.name}: not enough data for a health score yet`
        : `${account.name}: health ${health.score} (${health.band})`,
    blocks: [
      { type: 'fields', fields: healthFields(health, trend) },
      list(componentItems(health), { heading: 'Components' }),
      context(
        `Bands: green from ${settings.bands.green}, amber from ${settings.bands.amber}. Set a gut feel: /account health ${account.key} override:35 reason:"…"`,
      ),
    ],
  });
}

export const health = defineCommand({
  name: 'health',
  aliases: ['score'],
  summary: 'Health score, band and trend, with the reason behind each part; gut-feel overrides; settings',
  usage: USAGE,
  examples: [
    '/account health acme',
    '/account health acme override:35 reason:"CFO leaves in January" until:2027-01-31',
    '/account health acme override:clear',
    '/account health settings green:75 cadence-a:10',
  ],
  options: ['override', 'reason', 'until', ...HEALTH_SETTING_OPTIONS],
  schema: z.object({
    reference: z.string().trim().min(1, 'Say which account, e.g. /account health acme'),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ reference: input.positional.join(' '), input }),
  run: async ({ reference, input }, ctx) => {
    if (reference.toLowerCase() === 'settings') return healthSettings(input, ctx);
    const settingsGiven = Object.keys(input.options).filter((name) => HEALTH_SETTING_OPTIONS.includes(name));
    if (settingsGiven.length > 0) {
      throw new ValidationError(
        `${settingsGiven[0]}: is a workspace setting; use /account health settings ${settingsGiven[0]}:….`,
        USAGE,
      );
    }
    if (input.options.override !== undefined) return setOverride(reference, input, ctx);
    if (Object.keys(input.options).length > 0)
      throw new ValidationError('reason: and until: go with override:.', USAGE);
    return show(reference, ctx);
  },
});
