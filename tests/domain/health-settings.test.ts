import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEALTH_SETTINGS,
  HealthSettingsOverridesSchema,
  resolveHealthSettings,
} from '../../src/domain/health-settings.ts';
import { translated } from '../../src/i18n/translate.ts';

const problems = (input: unknown) => {
  const parsed = HealthSettingsOverridesSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => translated('en', issue.message));
};

describe('health settings', () => {
  it('has the defaults of DESIGN.md', () => {
    expect(DEFAULT_HEALTH_SETTINGS).toEqual({
      weights: { engagement: 30, relationships: 20, sentiment: 20, followThrough: 15, pipeline: 15 },
      cadenceDays: { A: 14, B: 30, C: 60 },
      bands: { green: 70, amber: 40 },
    });
  });

  it('merges a valid partial override over the defaults', () => {
    expect(resolveHealthSettings({ weights: { pipeline: 25 }, cadenceDays: { A: 7 }, bands: { amber: 50 } })).toEqual({
      weights: { engagement: 30, relationships: 20, sentiment: 20, followThrough: 15, pipeline: 25 },
      cadenceDays: { A: 7, B: 30, C: 60 },
      bands: { green: 70, amber: 50 },
    });
  });

  it('falls back to the defaults for missing or invalid input, without sharing them', () => {
    for (const input of [null, undefined, {}, 'green', { weights: { engagement: 200 } }]) {
      expect(resolveHealthSettings(input)).toEqual(DEFAULT_HEALTH_SETTINGS);
    }
    const resolved = resolveHealthSettings(null);
    resolved.weights.engagement = 99;
    expect(DEFAULT_HEALTH_SETTINGS.weights.engagement).toBe(30);
  });

  it('explains what is wrong in words for people', () => {
    expect(problems({ weights: { engagement: 150 } })).toEqual([
      'The engagement weight must be a whole number from 0 to 100.',
    ]);
    expect(problems({ weights: { followThrough: 2.5 } })).toEqual([
      'The follow-through weight must be a whole number from 0 to 100.',
    ]);
    expect(problems({ cadenceDays: { B: 0 } })).toEqual([
      'The contact cadence for tier B (days) must be a whole number from 1 to 365.',
    ]);
    expect(problems({ bands: { green: 50, amber: 60 } })).toEqual([
      'The amber threshold (60) must be below the green threshold (50).',
    ]);
    // A threshold given alone is checked against the default of the other.
    expect(problems({ bands: { amber: 80 } })).toEqual([
      'The amber threshold (80) must be below the green threshold (70).',
    ]);
    expect(problems({ bands: { green: 'high' } })).toEqual([
      'The green threshold must be a whole number from 1 to 100.',
    ]);
    expect(
      problems({ weights: { engagement: 0, relationships: 0, sentiment: 0, followThrough: 0, pipeline: 0 } }),
    ).toEqual(['At least one health component needs a weight above 0.']);
    expect(problems({ colour: 'red' })).toEqual([
      'Unknown health setting: colour. Known: weights, cadenceDays, bands.',
    ]);
    expect(problems({ cadenceDays: { D: 5 } })).toEqual(['Unknown tier: D. Known: A, B, C.']);
    expect(problems([])).toEqual(['Health settings must be given as an object.']);
  });

  it('accepts the edges of each range', () => {
    expect(problems({ weights: { engagement: 0, pipeline: 100 }, cadenceDays: { A: 1, C: 365 } })).toEqual([]);
    expect(problems({ bands: { green: 100, amber: 1 } })).toEqual([]);
    expect(problems({ bands: { green: 0 } })).toEqual(['The green threshold must be a whole number from 1 to 100.']);
  });
});
