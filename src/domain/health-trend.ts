// How a score moved over the weeks: an arrow, the change since the previous week with data, and a sparkline.
import { DAY_MS } from './health-time.ts';

export interface Trend {
  /** The week's move when it is one, else the move over the sparkline's weeks: the arrow never contradicts the line. */
  arrow: '↑' | '↓' | '→';
  /** newest score minus the one before it; null with fewer than two weeks of data */
  delta: number | null;
  /** newest score minus the oldest one the sparkline shows; null with fewer than two weeks of data */
  spanDelta: number | null;
  /** weeks from that oldest score to the newest */
  spanWeeks: number;
  /** what the arrow stands for: the last week, the whole span, or neither (steady) */
  basis: 'week' | 'span' | 'steady';
  sparkline: string;
}

export const TREND_WEEKS = 8;
/** Changes smaller than this are noise (one note more or less), shown as →. */
export const TREND_THRESHOLD = 3;
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** scores oldest → newest (up to the last 8 weekly values, nulls allowed for weeks without data); arrow → when |delta| < 3 */
export function trendOf(weeklyScores: (number | null)[]): Trend {
  const weeks = weeklyScores.slice(-TREND_WEEKS);
  // A week without data is skipped, not read as a drop: compare the two newest weeks that have a score.
  const known = weeks.filter((score): score is number => score !== null);
  const newest = known.at(-1);
  const previous = known.at(-2);
  const delta = newest === undefined || previous === undefined ? null : newest - previous;
  const first = weeks.findIndex((score) => score !== null);
  const spanDelta = delta === null ? null : (newest as number) - (known[0] as number);
  const spanWeeks = delta === null ? 0 : weeks.length - 1 - first;
  const moved = (change: number | null): change is number => change !== null && Math.abs(change) >= TREND_THRESHOLD;
  const basis = moved(delta) ? 'week' : moved(spanDelta) ? 'span' : 'steady';
  const change = basis === 'week' ? delta : basis === 'span' ? spanDelta : 0;
  const arrow = !change ? '→' : change > 0 ? '↑' : '↓';
  return { arrow, delta, spanDelta, spanWeeks, basis, sparkline: sparkline(weeks) };
}

/**
 * One bar per value on the fixed 0..100 scale (not min..max, so a flat 72 looks high and a flat 30 low, and two
 * accounts' lines compare); a space for a week without data.
 */
export function sparkline(values: (number | null)[]): string {
  return values
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return ' ';
      const index = Math.min(BARS.length - 1, Math.max(0, Math.floor((value / 100) * BARS.length)));
      return BARS[index];
    })
    .join('');
}

/** ISO week key like "2026-W48" for a date (UTC): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekKey(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const mondayBased = (date.getUTCDay() + 6) % 7;
  // The week belongs to the year its Thursday falls in.
  const thursday = new Date(day + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
