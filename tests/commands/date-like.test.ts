// Words after "by", "on", "due", "until" or "before" in a follow-up: a date (read, or refused when it cannot be
// read) or prose that stays in the title.
import { describe, expect, it } from 'vitest';
import { looksLikeDate } from '../../src/commands/values/date-like.ts';

describe('looksLikeDate', () => {
  it.each([
    'friday',
    'Freitag',
    'next week',
    'nächste Woche',
    'end of month',
    'in 2 weeks',
    'tomorrow',
    'morgen',
    '31.02.2027',
    '31.3.',
    '2027-03-31',
    '3/4/2027',
    'the 31st of Febtember',
    'feburary 3',
    'wensday',
    'Q1 2027',
    'KW 12',
    '5pm',
    '17 Uhr',
  ])('takes “%s” for a date', (words) => {
    expect(looksLikeDate(words)).toBe(true);
  });

  it.each([
    'phone',
    'email',
    'legal',
    'the board',
    'marketing',
    'this approach',
    'the end',
    'the meeting with legal',
    '+49 171 2345678',
    '0171 2345678',
    'Ute and the CFO',
  ])('takes “%s” for prose', (words) => {
    expect(looksLikeDate(words)).toBe(false);
  });
});
