// Dates as exports write them: ISO ("2017-03-01", "2017-03-01T10:30:00Z", "2017-03-01 10:30"), US ("3/1/2017",
// "3/1/2017 10:30 AM", Salesforce in an American locale) and European ("01.03.2017", "01/03/2017"). 3/1/2017 is
// March 1st in one and January 3rd in the other, so a file's order is decided once, from the dates that can only be
// read one way (a 13 or more in the first or second place); when none settles it, kam-bot asks instead of guessing.
import { ValidationError } from '../errors.ts';

export const DATE_ORDERS = ['iso', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

export const DATE_EXAMPLE = { iso: '2017-03-31', dmy: '31.03.2017 or 31/03/2017', mdy: '3/31/2017' } as const;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC; null when the cell gave no time at all. */
  offset: number | null;
  hasTime: boolean;
}

function isoParts(match: RegExpExecArray): Parts {
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)),
    offset,
    hasTime: hour !== undefined,
  };
}

function numericParts(match: RegExpExecArray, order: 'dmy' | 'mdy'): Parts {
  const [, first, , second, year, hour, minute, seconds, meridiem] = match;
  let hours = Number(hour ?? 0);
  if (meridiem) hours = (hours % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  return {
    year: Number(year),
    month: Number(order === 'dmy' ? second : first),
    day: Number(order === 'dmy' ? first : second),
    hour: hours,
    minute: Number(minute ?? 0),
    second: Number(seconds ?? 0),
    millisecond: 0,
    offset: 0,
    hasTime: hour !== undefined,
  };
}

function toDate(parts: Parts): Date | null {
  const { year, month, day } = parts;
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  if (noon.getUTCMonth() !== month - 1 || noon.getUTCDate() !== day || year < 1900 || year > 2200) return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  // A day without a time is stored as 12:00 UTC of the day, like the days typed in chat (so no time zone shows it
  // as the day before); a time given is kept, so that kam-bot's own export reads back exactly.
  if (!parts.hasTime) return noon;
  const utc = Date.UTC(year, month - 1, day, parts.hour, parts.minute, parts.second, parts.millisecond);
  return new Date(utc - (parts.offset ?? 0) * 60_000);
}

/**
 * The date in a cell, or null when it is none: a day alone is 12:00 UTC of that day; a time is kept (as UTC unless
 * the cell names an offset). The day/month order decides 1/3/2017-style cells.
 */
export function parseDateCell(text: string, order: DateOrder): Date | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return toDate(isoParts(iso));
  const numeric = NUMERIC.exec(value);
  if (!numeric || order === 'iso') return null;
  return toDate(numericParts(numeric, order));
}

interface Evidence {
  line: number;
  text: string;
}

/**
 * The day/month order of a file's dates: given, or proven by its unambiguous dates. A file that proves both orders,
 * or has dates that read two ways and none that settles it, is refused with the lines to look at.
 */
export function dateOrderFor(cells: Iterable<{ line: number; text: string }>, given?: DateOrder): DateOrder {
  if (given) return given;
  let dayFirst: Evidence | null = null;
  let monthFirst: Evidence | null = null;
  let ambiguous: Evidence | null = null;
  let dotted = true;
  let sawNumeric = false;
  for (const cell of cells) {
    const match = NUMERIC.exec(cell.text.trim());
    if (!match) continue;
    sawNumeric = true;
    const first = Number(match[1]);
    const second = Number(match[3]);
    if (match[2] !== '.') dotted = false;
    if (first > 12 && second <= 12) dayFirst ??= cell;
    else if (second > 12 && first <= 12) monthFirst ??= cell;
    else if (first !== second) ambiguous ??= cell;
  }
  if (dayFirst && monthFirst) {
    throw new ValidationError(
      `The file mixes day-first dates (${dayFirst.text} on line ${dayFirst.line}) and month-first ones (${monthFirst.text} on line ${monthFirst.line}); say which it uses with --date-format dmy or --date-format mdy.`,
    );
  }
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  if (!ambiguous && !sawNumeric) return 'iso';
  // 01.03.2017 is day-first wherever dots are written.
  if (ambiguous && !dotted) {
    throw new ValidationError(
      `Dates such as ${ambiguous.text} (line ${ambiguous.line}) could be day-first or month-first, and no date in the file settles it; add --date-format dmy (31/03/2017) or --date-format mdy (03/31/2017).`,
    );
  }
  return 'dmy';
}
