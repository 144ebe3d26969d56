// How health reads in replies: "62 amber ↓ −8 ▅▆▆▅▄▃▃▂", and each component with its reason.
import type { Health } from '../domain/health.ts';
import type { Trend } from '../domain/health-trend.ts';
import type { Locale } from '../i18n/locale.ts';
import { t, translated } from '../i18n/translate.ts';
import { formatDay } from '../replies/format.ts';
import type { Field, ListItem } from '../replies/reply.ts';

export function scoreLine(health: Health, locale: Locale, trend?: Trend): string {
  if (health.score === null || health.band === null) return t(locale, 'health.notEnoughData');
  const delta = trend && trend.delta !== null ? ` ${trend.arrow} ${trend.delta > 0 ? '+' : ''}${trend.delta}` : '';
  // One week of data is a point, not a line.
  const spark = trend && trend.sparkline.replace(/\s/g, '').length > 1 ? `  ${trend.sparkline}` : '';
  return `${health.score} ${t(locale, `band.${health.band}`)}${delta}${spark}`;
}

export function overrideLine(health: Health, locale: Locale): string | null {
  const override = health.override;
  if (!override) return null;
  return t(locale, 'health.override', {
    score: override.score,
    by: override.byName ?? 'none',
    until: override.until ? formatDay(override.until, locale) : 'none',
    reason: override.reason,
    computed:
      health.computedScore === null || health.computedBand === null
        ? 'none'
        : `${health.computedScore} ${t(locale, `band.${health.computedBand}`)}`,
  });
}

export function healthFields(health: Health, locale: Locale, trend?: Trend): Field[] {
  const fields: Field[] = [{ label: t(locale, 'field.health'), value: scoreLine(health, locale, trend) }];
  const override = overrideLine(health, locale);
  if (override) fields.push({ label: t(locale, 'field.override'), value: override });
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
      component.score === null ? t(locale, 'health.leftOut') : t(locale, 'health.weight', { weight: component.weight }),
  }));
}
