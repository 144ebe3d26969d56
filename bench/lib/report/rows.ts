// A row of the results table (a measure, its target, the median over runs and whether it met the target) and how
// values are written.
import { type Spread, spread } from '../stats.ts';

export interface Row {
  scenario: string;
  measure: string;
  /** e.g. "≤ 3×", "≥ 1,500/s"; empty when there is no target. */
  target: string;
  value: Spread;
  unit: 'ms' | 's' | 'MB' | '×' | '/s' | 'count' | '';
  status: 'pass' | 'miss' | 'info' | 'no data';
  /** How far from the target, in words. */
  gap: string;
}

export const fmt = (value: number, unit: Row['unit']): string => {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'count') return Math.round(value).toLocaleString('en');
  const digits =
    unit === '×' ? (value < 10 ? 2 : 1) : unit === 's' ? 2 : value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0;
  const number = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (unit === '×') return `${number}×`;
  if (unit === '/s') return `${number}/s`;
  return unit ? `${number} ${unit}` : number;
};

export function formatSpread(value: Spread, unit: Row['unit']): string {
  if (value.runs === 0) return 'n/a';
  if (value.runs === 1) return fmt(value.median, unit);
  return `${fmt(value.median, unit)} [${fmt(value.min, unit)}–${fmt(value.max, unit)}]`;
}

/** Milliseconds in a details table: two decimals under 10, none above. */
export const ms = (value: number) =>
  Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(0)) : 'n/a';

/** A row from the medians of `values` over the runs, judged against the limit if there is one. */
export function judged(
  scenario: string,
  measure: string,
  values: number[],
  unit: Row['unit'],
  limit: { atMost?: number; atLeast?: number } | null,
): Row {
  const value = spread(values);
  if (!limit) return { scenario, measure, target: '', value, unit, status: 'info', gap: '' };
  if (value.runs === 0) {
    return {
      scenario,
      measure,
      target: '',
      value,
      unit,
      status: 'no data',
      gap: '',
    };
  }
  if (limit.atMost !== undefined) {
    const ok = value.median <= limit.atMost;
    const over = value.median / limit.atMost;
    return {
      scenario,
      measure,
      target: `≤ ${fmt(limit.atMost, unit)}`,
      value,
      unit,
      status: ok ? 'pass' : 'miss',
      gap: ok ? '' : over >= 2 ? `${over.toFixed(1)}× the target` : `${((over - 1) * 100).toFixed(0)}% over`,
    };
  }
  const atLeast = limit.atLeast ?? 0;
  const ok = value.median >= atLeast;
  return {
    scenario,
    measure,
    target: `≥ ${fmt(atLeast, unit)}`,
    value,
    unit,
    status: ok ? 'pass' : 'miss',
    gap: ok ? '' : `${((value.median / atLeast) * 100).toFixed(1)}% of the target`,
  };
}
