// How health reads in replies: "62 amber ↓ −8 ▅▆▆▅▄▃▃▂", and each component with its reason.
import type { Health } from '../domain/health.ts';
import type { Trend } from '../domain/health-trend.ts';
import { formatDay } from '../replies/format.ts';
import type { Field, ListItem } from '../replies/reply.ts';

export function scoreLine(health: Health, trend?: Trend): string {
  if (health.score === null || health.band === null) return 'not enough data yet';
  const delta = trend && trend.delta !== null ? ` ${trend.arrow} ${trend.delta > 0 ? '+' : ''}${trend.delta}` : '';
  // One week of data is a point, not a line.
  const spark = trend && trend.sparkline.replace(/\s/g, '').length > 1 ? `  ${trend.sparkline}` : '';
  return `${health.score} ${health.band}${delta}${spark}`;
}

export function overrideLine(health: Health): string | null {
  const override = health.override;
  if (!override) return null;
  const by = override.byName ? ` by ${override.byName}` : '';
  const until = override.until ? ` until ${formatDay(override.until)}` : '';
  const computed = health.computedScore === null ? '' : `; computed ${health.computedScore} ${health.computedBand}`;
  return `gut feel ${override.score}${by}${until}: ${override.reason}${computed}`;
}

export function healthFields(health: Health, trend?: Trend): Field[] {
  const fields: Field[] = [{ label: 'Health', value: scoreLine(health, trend) }];
  const override = overrideLine(health);
  if (override) fields.push({ label: 'Override', value: override });
  else if (health.topReason && health.band !== 'green') fields.push({ label: 'Why', value: health.topReason });
  return fields;
}

export function componentItems(health: Health): ListItem[] {
  return health.components.map((component) => ({
    title: `${component.label}: ${component.score === null ? 'no data' : component.score}`,
    text: component.reason,
    meta: component.score === null ? 'left out of the score' : `weight ${component.weight}%`,
  }));
}
