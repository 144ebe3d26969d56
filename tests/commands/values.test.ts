import { describe, expect, it } from 'vitest';
import { findTodos, splitDue } from '../../src/commands/todos.ts';
import { AmbiguousDateError, parseDay, today } from '../../src/commands/values/dates.ts';
import { parseMoney } from '../../src/commands/values/money.ts';
import { translated } from '../../src/i18n/translate.ts';

/** The message a call throws, in English (values throw keyed messages the engine translates). */
function englishError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return translated('en', error instanceof Error ? error.message : String(error));
  }
  throw new Error('it did not throw');
}

const NOW = new Date('2026-11-27T10:00:00Z'); // a Friday
const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;

describe('dates as people type them', () => {
  it.each([
    ['friday', '2026-11-27'],
    ['monday', '2026-11-30'],
    ['next tuesday', '2026-12-01'],
    ['tomorrow', '2026-11-28'],
    ['in 2 weeks', '2026-12-11'],
    ['in 3 days', '2026-11-30'],
    ['end of month', '2026-11-30'],
    ['2027-03-31', '2027-03-31'],
    ['31.03.2027', '2027-03-31'],
    ['31/03/2027', '2027-03-31'],
    ['March 31, 2027', '2027-03-31'],
    ['31 March 2027', '2027-03-31'],
    ['dec 5', '2026-12-05'],
  ])('%s → %s', (typed, expected) => {
    expect(day(parseDay(typed, NOW, 'Europe/Berlin'))).toBe(expected);
  });

  it('stores a day at noon UTC, so every time zone shows the same date', () => {
    expect(parseDay('2027-03-31', NOW, 'Pacific/Auckland')?.toISOString()).toBe('2027-03-31T12:00:00.000Z');
  });

  it('reads "tomorrow" in the person’s own time zone', () => {
    const lateEvening = new Date('2026-11-27T23:30:00Z');
    expect(day(parseDay('tomorrow', lateEvening, 'Europe/Berlin'))).toBe('2026-11-29');
    expect(day(parseDay('tomorrow', lateEvening, 'America/New_York'))).toBe('2026-11-28');
    expect(day(today(lateEvening, 'Asia/Tokyo'))).toBe('2026-11-28');
  });

  it('refuses to guess between 3 April and March 4th', () => {
    expect(() => parseDay('3/4/2027', NOW, 'UTC')).toThrow(AmbiguousDateError);
    expect(englishError(() => parseDay('3/4/2027', NOW, 'UTC'))).toContain('“3/4/2027” could be two dates');
    expect(day(parseDay('4/4/2027', NOW, 'UTC'))).toBe('2027-04-04');
  });

  it('reads a day written year first as ISO does, and no other way', () => {
    expect(day(parseDay('2027-03-31', NOW, 'UTC'))).toBe('2027-03-31');
    expect(day(parseDay('2027-3-4', NOW, 'UTC'))).toBe('2027-03-04');
    expect(parseDay('2027-13-01', NOW, 'UTC')).toBeNull();
  });

  it.each(['call bob', '', 'the 45th of never', '2026-02-30', '2027-13-01', '2027-02-29'])(
    'finds no date in %j',
    (typed) => {
      expect(parseDay(typed, NOW, 'UTC')).toBeNull();
    },
  );
});

describe('money as people type it', () => {
  it.each([
    ['120k', 120_000, null],
    ['1.2M', 1_200_000, null],
    ['€50,000', 50_000, 'EUR'],
    ['50.000 EUR', 50_000, 'EUR'],
    ['EUR 1,5 Mio', 1_500_000, 'EUR'],
    ['$ 2.5m', 2_500_000, 'USD'],
    ['£900', 900, 'GBP'],
    ['1 200 000', 1_200_000, null],
    ['1.234,56', 1_234.56, null],
    ['1,234.56', 1_234.56, null],
    ['50k€', 50_000, 'EUR'],
    ['1.5bn USD', 1_500_000_000, 'USD'],
    ['CHF 12.5k', 12_500, 'CHF'],
    ['1,2 Mio €', 1_200_000, 'EUR'],
    ['1.2 Mrd', 1_200_000_000, null],
    ['3 Milliarden Euro', 3_000_000_000, 'EUR'],
    ['250 Tsd. €', 250_000, 'EUR'],
    ['4,5 Millionen EUR', 4_500_000, 'EUR'],
  ])('%s → %d %s', (typed, amount, currency) => {
    expect(parseMoney(typed)).toEqual({ amount, currency });
  });

  it.each(['abc', '5 apples', '€ $ 5', '', '--5', '1e9'])('is not money: %j', (typed) => {
    expect(parseMoney(typed)).toBeNull();
  });
});

describe('follow-ups written in text', () => {
  it('splits a trailing due date off a title', () => {
    expect(splitDue('Send the offer by friday', NOW, 'UTC')).toEqual({
      title: 'Send the offer',
      due: new Date('2026-11-27T12:00:00Z'),
    });
    expect(splitDue('Call Bob about stand by mode', NOW, 'UTC')).toEqual({
      title: 'Call Bob about stand by mode',
      due: null,
    });
    // A date that cannot be read is refused, not kept in the title with no due date (issue 11).
    expect(englishError(() => splitDue('Check 3/4/2027 figures on 3/4/2027', NOW, 'UTC'))).toBe(
      '“3/4/2027” could be two dates; write it as 2027-03-04 or 4 March 2027',
    );
  });

  it('reads the German ways of writing a due date, and leaves the English "am" alone', () => {
    const split = (text: string) => {
      const { title, due } = splitDue(text, NOW, 'Europe/Berlin');
      return [title, day(due)];
    };
    expect(split('Ute anrufen bis Freitag')).toEqual(['Ute anrufen', '2026-11-27']);
    expect(split('Angebot schicken bis zum 15.12.')).toEqual(['Angebot schicken', '2026-12-15']);
    expect(split('Termin vorbereiten am Montag')).toEqual(['Termin vorbereiten', '2026-11-30']);
    expect(split('Vertrag prüfen spätestens 20.1.')).toEqual(['Vertrag prüfen', '2027-01-20']);
    expect(split('Bericht fällig am 3.2.27')).toEqual(['Bericht', '2027-02-03']);
    expect(split('Call Bob 9 am tomorrow')).toEqual(['Call Bob 9 am tomorrow', null]);
    expect(englishError(() => splitDue('Bericht bis 31.02.', NOW, 'UTC'))).toContain('“31.02”');
  });

  it('finds todo: lines with their owner and due date', () => {
    const todos = findTodos('Good call.\ntodo: send pricing by monday\nTODO: @dana book the QBR room', NOW, 'UTC');
    expect(todos).toEqual([
      { title: 'send pricing', due: new Date('2026-11-30T12:00:00Z'), assignee: null },
      { title: 'book the QBR room', due: null, assignee: '@dana' },
    ]);
    expect(findTodos('nothing to do here', NOW, 'UTC')).toEqual([]);
  });
});
