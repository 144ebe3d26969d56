// What a workspace may tune about the health score: how much each component counts, how often each tier expects
// contact, and where the bands start. Stored as a partial override (Workspace.healthSettings) so that a workspace
// which never touched them follows the defaults, even when the defaults change.

import { z } from 'zod';
import { keyed } from '../i18n/translate.ts';
import type { HealthBand, Tier } from './records.ts';

export const HEALTH_COMPONENT_KEYS = ['engagement', 'relationships', 'sentiment', 'followThrough', 'pipeline'] as const;
export type HealthComponentKey = (typeof HEALTH_COMPONENT_KEYS)[number];

export const HEALTH_COMPONENT_LABELS: Record<HealthComponentKey, string> = {
  engagement: 'Engagement',
  relationships: 'Relationships',
  sentiment: 'Sentiment',
  followThrough: 'Follow-through',
  pipeline: 'Pipeline & renewal',
};

export interface HealthSettings {
  /** Relative weights; only their ratios matter, and they are renormalised over the components that have data. */
  weights: Record<HealthComponentKey, number>;
  /** Days between interactions that each tier expects. */
  cadenceDays: Record<Tier, number>;
  /** Lowest score of each band; below `amber` is red. */
  bands: { green: number; amber: number };
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = Object.freeze({
  weights: Object.freeze({ engagement: 30, relationships: 20, sentiment: 20, followThrough: 15, pipeline: 15 }),
  cadenceDays: Object.freeze({ A: 14, B: 30, C: 60 }),
  bands: Object.freeze({ green: 70, amber: 40 }),
});

export const MAX_WEIGHT = 100;
export const MAX_CADENCE_DAYS = 365;

function wholeNumber(what: string, min: number, max: number) {
  const error = keyed('settings.wholeNumber', { what, min, max });
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/** An object whose fields are each optional and whose unknown fields are named back, with the known ones. */
function strictPartial<Shape extends z.ZodRawShape>(noun: string, shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? keyed('settings.unknown', { noun, keys: issue.keys.join(', '), known: Object.keys(shape).join(', ') })
        : keyed('settings.notObject'),
  });
}

const WeightsSchema = strictPartial(
  'component',
  Object.fromEntries(
    HEALTH_COMPONENT_KEYS.map((key) => [
      key,
      wholeNumber(keyed('settings.what', { what: 'weight', key }), 0, MAX_WEIGHT).optional(),
    ]),
  ) as Record<HealthComponentKey, z.ZodOptional<z.ZodInt>>,
);

const CadenceSchema = strictPartial('tier', {
  A: wholeNumber(keyed('settings.what', { what: 'cadenceA' }), 1, MAX_CADENCE_DAYS).optional(),
  B: wholeNumber(keyed('settings.what', { what: 'cadenceB' }), 1, MAX_CADENCE_DAYS).optional(),
  C: wholeNumber(keyed('settings.what', { what: 'cadenceC' }), 1, MAX_CADENCE_DAYS).optional(),
});

// A band given alone is checked against the default of the other, so the merged settings always keep amber < green.
const BandsSchema = strictPartial('band', {
  green: wholeNumber(keyed('settings.what', { what: 'green' }), 1, 100).optional(),
  amber: wholeNumber(keyed('settings.what', { what: 'amber' }), 1, 100).optional(),
}).check((ctx) => {
  // A threshold out of range has been reported already; comparing it too would only repeat the complaint.
  if (ctx.issues.length > 0) return;
  const green = ctx.value.green ?? DEFAULT_HEALTH_SETTINGS.bands.green;
  const amber = ctx.value.amber ?? DEFAULT_HEALTH_SETTINGS.bands.amber;
  if (amber >= green) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: keyed('settings.amberBelowGreen', { amber, green }),
    });
  }
});

/** A workspace's override of the defaults, as an admin supplies it: every field optional. */
export const HealthSettingsOverridesSchema = strictPartial('setting', {
  weights: WeightsSchema.optional(),
  cadenceDays: CadenceSchema.optional(),
  bands: BandsSchema.optional(),
}).check((ctx) => {
  // All-zero weights would leave nothing to compute a score from.
  const weights = { ...DEFAULT_HEALTH_SETTINGS.weights, ...definedOnly(ctx.value.weights) };
  if (HEALTH_COMPONENT_KEYS.every((key) => weights[key] === 0)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: keyed('settings.oneWeight'),
    });
  }
});
export type HealthSettingsOverrides = z.infer<typeof HealthSettingsOverridesSchema>;

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/** The settings in force: valid overrides merged over the defaults; anything unreadable falls back to the defaults. */
export function resolveHealthSettings(overrides: unknown): HealthSettings {
  const parsed = HealthSettingsOverridesSchema.safeParse(overrides ?? {});
  const given = parsed.success ? parsed.data : {};
  return {
    weights: { ...DEFAULT_HEALTH_SETTINGS.weights, ...definedOnly(given.weights) },
    cadenceDays: { ...DEFAULT_HEALTH_SETTINGS.cadenceDays, ...definedOnly(given.cadenceDays) },
    bands: { ...DEFAULT_HEALTH_SETTINGS.bands, ...definedOnly(given.bands) },
  };
}

export function bandOf(score: number, settings: HealthSettings): HealthBand {
  if (score >= settings.bands.green) return 'green';
  if (score >= settings.bands.amber) return 'amber';
  return 'red';
}
