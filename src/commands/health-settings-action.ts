// `health settings`: the workspace's health thresholds, contact cadence per tier and component weights.

import { z } from 'zod';
import {
  HEALTH_COMPONENT_KEYS,
  type HealthComponentKey,
  HealthSettingsOverridesSchema,
  resolveHealthSettings,
} from '../domain/health-settings.ts';
import { TIERS } from '../domain/records.ts';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, reply } from '../replies/build.ts';
import { type CommandInput, firstIssue } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { requireAdmin } from './permissions.ts';

const WEIGHT_OPTIONS: Record<string, HealthComponentKey> = {
  'weight-engagement': 'engagement',
  'weight-relationships': 'relationships',
  'weight-sentiment': 'sentiment',
  'weight-follow-through': 'followThrough',
  'weight-pipeline': 'pipeline',
};

export const HEALTH_SETTING_OPTIONS: string[] = [
  'green',
  'amber',
  'cadence-a',
  'cadence-b',
  'cadence-c',
  ...Object.keys(WEIGHT_OPTIONS),
  'reset',
];

const NumberText = z.coerce.number();

function describe(ctx: CommandContext) {
  const settings = resolveHealthSettings(ctx.workspace.healthSettings);
  const { locale } = ctx;
  // Weights are shown as shares of 100%, whatever they add up to.
  const totalWeight = HEALTH_COMPONENT_KEYS.reduce((sum, key) => sum + settings.weights[key], 0) || 1;
  return reply({
    title: t(locale, 'settings.title'),
    summary: t(locale, 'settings.summary'),
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: t(locale, 'settings.bands'), value: t(locale, 'settings.bandsValue', settings.bands) },
          {
            label: t(locale, 'settings.cadence'),
            value: TIERS.map((tier) =>
              t(locale, 'settings.cadenceTier', { tier, days: settings.cadenceDays[tier] }),
            ).join(', '),
          },
          {
            label: t(locale, 'settings.weights'),
            value: HEALTH_COMPONENT_KEYS.map((key) =>
              t(locale, 'settings.weight', {
                component: t(locale, `component.${key}`),
                weight: Math.round((100 * settings.weights[key]) / totalWeight),
              }),
            ).join(', '),
          },
        ],
      },
      context(t(locale, 'settings.howToChange')),
    ],
  });
}

export async function healthSettings(input: CommandInput, ctx: CommandContext) {
  const given = Object.entries(input.options);
  if (given.length === 0) return describe(ctx);
  requireAdmin(ctx, 'healthSettings');
  if (input.options.reset !== undefined) {
    ctx.workspace = await ctx.store.workspaceSettings.setHealthSettings(null, actorOf(ctx));
    return { ...describe(ctx), tone: 'success' as const, summary: t(ctx.locale, 'settings.reset') };
  }
  const current = HealthSettingsOverridesSchema.safeParse(ctx.workspace.healthSettings ?? {});
  const merged: Record<string, Record<string, number>> = structuredClone(current.success ? current.data : {}) as Record<
    string,
    Record<string, number>
  >;
  for (const [name, value] of given) {
    const number = NumberText.safeParse(value);
    if (!number.success) throw new ValidationError(keyed('settings.optionWhole', { name }));
    const [section, key] =
      name === 'green' || name === 'amber'
        ? ['bands', name]
        : name.startsWith('cadence-')
          ? ['cadenceDays', name.slice('cadence-'.length).toUpperCase()]
          : ['weights', WEIGHT_OPTIONS[name] ?? name];
    merged[section] = { ...(merged[section] ?? {}), [key]: number.data };
  }
  const parsed = HealthSettingsOverridesSchema.safeParse(merged);
  if (!parsed.success) throw new ValidationError(firstIssue(parsed.error));
  ctx.workspace = await ctx.store.workspaceSettings.setHealthSettings(parsed.data, actorOf(ctx));
  return { ...describe(ctx), tone: 'success' as const, summary: t(ctx.locale, 'settings.saved') };
}
