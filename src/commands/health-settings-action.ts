// `health settings`: the workspace's health thresholds, contact cadence per tier and component weights.
import { z } from 'zod';
import {
  HEALTH_COMPONENT_KEYS,
  HEALTH_COMPONENT_LABELS,
  type HealthComponentKey,
  HealthSettingsOverridesSchema,
  resolveHealthSettings,
} from '../domain/health-settings.ts';
import { TIERS } from '../domain/records.ts';
import { ValidationError } from '../errors.ts';
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

const NumberText = z.coerce.number({ error: 'must be a whole number' });

function describe(ctx: CommandContext) {
  const settings = resolveHealthSettings(ctx.workspace.healthSettings);
  return reply({
    title: 'Health settings',
    summary: 'Health settings of this workspace',
    blocks: [
      {
        type: 'fields',
        fields: [
          {
            label: 'Bands',
            value: `green from ${settings.bands.green}, amber from ${settings.bands.amber}, red below`,
          },
          {
            label: 'Contact cadence',
            value: TIERS.map((tier) => `tier ${tier} every ${settings.cadenceDays[tier]} days`).join(', '),
          },
          {
            label: 'Weights',
            value: HEALTH_COMPONENT_KEYS.map((key) => `${HEALTH_COMPONENT_LABELS[key]} ${settings.weights[key]}`).join(
              ', ',
            ),
          },
        ],
      },
      context(
        'Admins change them with /account health settings green:75 amber:45 cadence-a:10 weight-sentiment:25, or reset:yes.',
      ),
    ],
  });
}

export async function healthSettings(input: CommandInput, ctx: CommandContext) {
  const given = Object.entries(input.options);
  if (given.length === 0) return describe(ctx);
  requireAdmin(ctx, 'change the health settings');
  if (input.options.reset !== undefined) {
    ctx.workspace = await ctx.store.workspaceSettings.setHealthSettings(null, actorOf(ctx));
    return { ...describe(ctx), tone: 'success' as const, summary: 'Health settings are back to the defaults.' };
  }
  const current = HealthSettingsOverridesSchema.safeParse(ctx.workspace.healthSettings ?? {});
  const merged: Record<string, Record<string, number>> = structuredClone(current.success ? current.data : {}) as Record<
    string,
    Record<string, number>
  >;
  for (const [name, value] of given) {
    const number = NumberText.safeParse(value);
    if (!number.success) throw new ValidationError(`${name}: must be a whole number.`);
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
  return { ...describe(ctx), tone: 'success' as const, summary: 'Saved the health settings.' };
}
