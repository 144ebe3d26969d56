import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, parseTime, scheduleToCron } from '../../src/domain/schedule.ts';

describe('scheduleToCron', () => {
  it.each([
    ['weekly mon 09:00', '0 9 * * 1'],
    ['weekly', '0 9 * * 1'],
    ['weekly fri 16:30', '30 16 * * 5'],
    ['Weekly Monday, Thursday 8am', '0 8 * * 1,4'],
    ['weekly sun 7:15', '15 7 * * 0'],
    ['daily 8:30', '30 8 * * *'],
    ['daily at 17:45', '45 17 * * *'],
    ['daily 8', '0 8 * * *'],
    ['weekdays 9am', '0 9 * * 1-5'],
    ['weekdays 12pm', '0 12 * * 1-5'],
    ['weekdays 12am', '0 0 * * 1-5'],
    ['monthly 1 09:00', '0 9 1 * *'],
    ['monthly 15', '0 9 15 * *'],
    ['monthly 15 7', '0 7 15 * *'],
    ['monthly 9am', '0 9 1 * *'],
    ['mon 2pm', '0 14 * * 1'],
    ['friday 14h30', '30 14 * * 5'],
    ['tue 14h', '0 14 * * 2'],
    ['  ', DEFAULT_SCHEDULE],
  ])('“%s” → %s', (phrase, cron) => {
    expect(scheduleToCron(phrase)).toBe(cron);
  });

  it('passes a cron expression through unchanged (checked elsewhere)', () => {
    expect(scheduleToCron('0 9 * * 1-5')).toBe('0 9 * * 1-5');
    expect(scheduleToCron('*/5 * * * *')).toBe('*/5 * * * *');
    expect(scheduleToCron('30 8 1,15 * mon')).toBe('30 8 1,15 * mon');
  });

  it.each([
    'whenever it suits',
    'weekly funday 09:00',
    'daily 8:30 mon',
    'weekdays tue 9am',
    'monthly 31',
    'monthly 0',
    'monthly 1 2 3',
    'mon 25:00',
    'mon 9:75',
    'daily 13pm',
    'fortnightly 09:00',
    '* * * * * *',
  ])('“%s” → null', (phrase) => {
    expect(scheduleToCron(phrase)).toBeNull();
  });
});

describe('parseTime', () => {
  it.each([
    ['09:00', { hour: 9, minute: 0 }],
    ['9.30', { hour: 9, minute: 30 }],
    ['9am', { hour: 9, minute: 0 }],
    ['2pm', { hour: 14, minute: 0 }],
    ['12:30am', { hour: 0, minute: 30 }],
    ['14h', { hour: 14, minute: 0 }],
    ['14h05', { hour: 14, minute: 5 }],
  ])('%s', (text, time) => {
    expect(parseTime(text)).toEqual(time);
  });

  it.each(['24:00', '9:60', '13pm', '0am', 'noon', '9:5', ''])('%s → null', (text) => {
    expect(parseTime(text)).toBeNull();
  });
});
