// A Health as the digest reads it, for tests that feed the digest directly: a score, its band by the default
// settings, the reason, and (without a score) what is missing.
import type { Health } from '../../src/domain/health.ts';
import { bandOf, DEFAULT_HEALTH_SETTINGS } from '../../src/domain/health-settings.ts';

export function scoredHealth(score: number | null, topReason: string | null, missing: string[] = []): Health {
  const band = score === null ? null : bandOf(score, DEFAULT_HEALTH_SETTINGS);
  return { score, band, computedScore: score, computedBand: band, components: [], override: null, topReason, missing };
}
