// How health reads in replies: "62 amber · ↓ -8 since last week  ▅▆▆▅▄▃▃▂", why it is where it is, and each
// component with its reason. Wherever a band shows, so does a gut-feel override's reason, or what a score still
// lacks.
import type { Health } from '../domain/health.ts';
import type { Trend } from '../domain/health-trend.ts';
import type { Locale } from '../i18n/locale.ts';
import { t, translated } from '../i18n/translate.ts';
import { formatDay } from '../replies/format.ts';
import type { Field, ListItem } from '../replies/reply.ts';
import { sparklineOf, trendWords } from '../replies/trend-words.ts';

export function scoreLine(health: Health, locale: Locale, trend?: Trend): string {
  if (health.score === null || health.band === null) return t(locale, 'health.notEnoughData');
  const score = `${health.score} ${t(locale, `band.${health.band}`)}`;
  const words = trend ? trendWords(trend, locale) : null;
  const spark = trend ? sparklineOf(trend) : null;
  return `${[score, words].filter(Boolean).join(' · ')}${spark ? `  ${spark}` : ''}`;
}

function computedOf(health: Health, locale: Locale): string {
  return health.computedScore === null || health.computedBand === null
    ? 'none'
    : `${health.computedScore} ${t(locale, `band.${health.computedBand}`)}`;
}

export function overrideLine(health: Health, locale: Locale): string | null {
  const override = health.override;
  if (!override) return null;
  return t(locale, 'health.override', {
    score: override.score,
    by: override.byName ?? 'none',
    until: override.until ? formatDay(override.until, locale) : 'none',
    reason: override.reason,
    computed: computedOf(health, locale),
  });
}

/**
 * The one line beside a band in lists: the gut feel's own reason (a red band beside "last contact today" misled),
 * what a score still needs, or the weakest component's reason; nothing for a green account that is fine.
 */
export function bandReason(health: Health, locale: Locale): string | null {
  if (health.override) {
    return t(locale, 'health.gutFeel', { reason: health.override.reason, computed: computedOf(health, locale) });
  }
  if (health.score === null) return missingLine(health, locale);
  if (health.band !== 'green' && health.topReason) return translated(locale, health.topReason);
  return null;
}

function missingReasons(health: Health, locale: Locale): string | null {
  if (health.missing.length === 0) return null;
  return health.missing.map((reason) => translated(locale, reason)).join('; ');
}

function missingLine(health: Health, locale: Locale): string | null {
  const missing = missingReasons(health, locale);
  return missing === null ? null : t(locale, 'health.missing', { missing });
}

/** `label`: the health view names its own first field "Score", as its title already says "Health". */
export function healthFields(
  health: Health,
  locale: Locale,
  trend?: Trend,
  label: 'field.health' | 'health.score' = 'field.health',
): Field[] {
  const fields: Field[] = [{ label: t(locale, label), value: scoreLine(health, locale, trend) }];
  const override = overrideLine(health, locale);
  const missing = missingReasons(health, locale);
  if (override) fields.push({ label: t(locale, 'field.override'), value: override });
  else if (health.score === null && missing) fields.push({ label: t(locale, 'field.why'), value: missing });
  else if (health.topReason && health.band !== 'green') {
    fields.push({ label: t(locale, 'field.why'), value: translated(locale, health.topReason) });
  }
  return fields;
}

export function componentItems(health: Health, locale: Locale): ListItem[] {
  return health.components.map((component) => ({
    title: t(locale, 'health.componentTitle', {
      label: translated(locale, component.label),
      score: component.score === null ? 'none' : String(component.score),
    }),
    text: translated(locale, component.reason),
    meta:
      component.score === null || component.weight === 0
        ? t(locale, 'health.leftOut')
        : t(locale, 'health.weight', { weight: component.weight }),
  }));
}
