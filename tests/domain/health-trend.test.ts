import { describe, expect, it } from 'vitest';
import { isoWeekKey, sparkline, trendOf } from '../../src/domain/health-trend.ts';

describe('trend', () => {
  it('points up or down from the previous week with data', () => {
    expect(trendOf([50, 55, 62])).toMatchObject({ arrow: '↑', delta: 7, basis: 'week', sparkline: '▅▅▅' });
    expect(trendOf([70, 67])).toMatchObject({ arrow: '↓', delta: -3, basis: 'week', sparkline: '▆▆' });
  });

  it('stays level for changes under 3', () => {
    expect(trendOf([70, 72])).toMatchObject({ arrow: '→', delta: 2, basis: 'steady' });
    expect(trendOf([72, 70])).toMatchObject({ arrow: '→', delta: -2, basis: 'steady' });
  });

  it('follows the sparkline when the last week was flat but the weeks before fell or rose', () => {
    // ▇▇▇██▇▇▆ beside a flat arrow read as "all well"
    expect(trendOf([84, 84, 86, 90, 92, 80, 78, 76])).toMatchObject({
      arrow: '↓',
      delta: -2,
      spanDelta: -8,
      spanWeeks: 7,
      basis: 'span',
    });
    expect(trendOf([null, 40, 50, 60, 61])).toMatchObject({ arrow: '↑', spanDelta: 21, spanWeeks: 3, basis: 'span' });
    expect(trendOf([84, 85, 83, 84])).toMatchObject({ arrow: '→', basis: 'steady' });
  });

  it('skips weeks without data', () => {
    expect(trendOf([60, null, 70])).toMatchObject({ arrow: '↑', delta: 10, sparkline: '▅ ▆' });
    expect(trendOf([40, 30, null])).toMatchObject({ arrow: '↓', delta: -10, sparkline: '▄▃ ' });
  });

  it('has no delta with fewer than two weeks of data', () => {
    expect(trendOf([])).toMatchObject({ arrow: '→', delta: null, spanDelta: null, sparkline: '' });
    expect(trendOf([null, 90, null])).toMatchObject({ arrow: '→', delta: null, sparkline: ' █ ' });
  });

  it('looks at the last 8 weeks only', () => {
    const trend = trendOf([0, 0, 10, 20, 30, 40, 50, 60, 70, 80]);
    expect(trend.sparkline).toBe('▁▂▃▄▅▅▆▇');
    expect(trend).toMatchObject({ arrow: '↑', delta: 10 });
  });
});

describe('sparkline', () => {
  it('scales to 0..100, not to the values seen', () => {
    expect(sparkline([0, 12, 13, 25, 50, 87, 88, 100])).toBe('▁▁▂▃▅▇██');
    expect(sparkline([72, 72, 72])).toBe('▆▆▆');
    expect(sparkline([30, 30, 30])).toBe('▃▃▃');
  });

  it('leaves a gap for weeks without data', () => {
    expect(sparkline([null, 100, null, 0])).toBe(' █ ▁');
  });
});

describe('ISO week keys', () => {
  it.each([
    ['2026-11-27T10:00:00Z', '2026-W48'],
    ['2026-12-31T12:00:00Z', '2026-W53'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
    ['2027-01-03T23:59:59Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
    ['2025-12-29T08:00:00Z', '2026-W01'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
  ])('%s is %s', (date, key) => {
    expect(isoWeekKey(new Date(date))).toBe(key);
  });
});
