// A trend in words beside its sparkline: "↓ -8 since last week", "↓ -14 in 7 weeks", "→ steady". A bare "→ 0"
// beside a score read as "84 to 0".
import type { Trend } from '../domain/health-trend.ts';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';

/** -8, +2, ±0 */
export function signedChange(value: number): string {
  if (value === 0) return '±0';
  return value > 0 ? `+${value}` : String(value);
}

/** The move the arrow stands for; null with fewer than two weeks of scores. */
export function trendWords(trend: Trend, locale: Locale): string | null {
  if (trend.delta === null) return null;
  if (trend.basis === 'steady') return t(locale, 'trend.steady', { arrow: trend.arrow });
  const change = signedChange(trend.basis === 'week' ? trend.delta : (trend.spanDelta ?? 0));
  return trend.basis === 'week'
    ? t(locale, 'trend.sinceLastWeek', { arrow: trend.arrow, change })
    : t(locale, 'trend.overWeeks', { arrow: trend.arrow, change, weeks: trend.spanWeeks });
}

/** The sparkline from its first week with data, when it is a line: one week of data is a point. */
export function sparklineOf(trend: Trend): string | null {
  return trend.sparkline.replace(/\s/g, '').length > 1 ? trend.sparkline.trimStart() : null;
}
