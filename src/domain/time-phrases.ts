// Time as account managers write it, in English and German: a day ("tomorrow", "next monday", "bis Freitag",
// "31.03.", "Monatsende") or a span ("this week", "last month", "next 90 days", "Ende Q1", "KW 12",
// "in den nächsten 90 Tagen"). One grammar over normalised words serves both jobs: finding a time phrase inside a
// sentence (the understanding layer) and reading one typed in a command option. Days are calendar days at 12:00
// UTC (see values/dates.ts); a span runs from its first to its last day, both included.

import { LAST, LEADS, MONTHS, NEXT, NUMBER_WORDS, SHORT_WEEKDAYS, THIS, UNITS, WEEKDAYS } from './time-words.ts';

export type TimePhrase =
  | { kind: 'day'; day: Date }
  | {
      kind: 'span';
      from: Date;
      to: Date;
      /** "next 90 days" looks forward from today; "since last month" looks back to it. */
      window?: 'ahead' | 'back';
    };

const DAY_MS = 86_400_000;

export function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

function addMonths(day: Date, months: number): Date {
  const month = day.getUTCMonth() + months;
  return utcDay(day.getUTCFullYear() + Math.floor(month / 12), (((month % 12) + 12) % 12) + 1, 1);
}

function lastOfMonth(first: Date): Date {
  return addDays(addMonths(first, 1), -1);
}

function mondayOf(day: Date): Date {
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

export interface Found {
  phrase: TimePhrase;
  /** Word indexes [from, to) the phrase covers, lead words included. */
  from: number;
  to: number;
}

function unitSpan(
  unit: 'day' | 'week' | 'month' | 'quarter' | 'year',
  today: Date,
  offset: number,
): { from: Date; to: Date } {
  switch (unit) {
    case 'day': {
      const day = addDays(today, offset);
      return { from: day, to: day };
    }
    case 'week': {
      const from = addDays(mondayOf(today), offset * 7);
      return { from, to: addDays(from, 6) };
    }
    case 'month': {
      const from = addMonths(utcDay(today.getUTCFullYear(), today.getUTCMonth() + 1, 1), offset);
      return { from, to: lastOfMonth(from) };
    }
    case 'quarter': {
      const first = utcDay(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 + 1, 1);
      const from = addMonths(first, offset * 3);
      return { from, to: addDays(addMonths(from, 3), -1) };
    }
    case 'year': {
      const from = utcDay(today.getUTCFullYear() + offset, 1, 1);
      return { from, to: utcDay(today.getUTCFullYear() + offset, 12, 31) };
    }
  }
}

function quarterSpan(quarter: number, year: number): { from: Date; to: Date } {
  const from = utcDay(year, (quarter - 1) * 3 + 1, 1);
  return { from, to: addDays(addMonths(from, 3), -1) };
}

/** ISO week `week` of `year`: Monday to Sunday. */
function isoWeek(week: number, year: number): { from: Date; to: Date } {
  const jan4 = utcDay(year, 1, 4);
  const from = addDays(mondayOf(jan4), (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}

function isoWeekNumber(day: Date): number {
  const thursday = addDays(mondayOf(day), 3);
  const jan4 = utcDay(thursday.getUTCFullYear(), 1, 4);
  return 1 + Math.round((mondayOf(thursday).getTime() - mondayOf(jan4).getTime()) / (7 * DAY_MS));
}

function numberAt(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

function yearAt(word: string | undefined): number | null {
  if (word && /^(?:19|20)\d\d$/.test(word)) return Number(word);
  if (word && /^\d\d$/.test(word)) return 2000 + Number(word);
  return null;
}

function validDay(year: number, month: number, day: number): Date | null {
  const date = utcDay(year, month, day);
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day ? date : null;
}

/** A day with no year is the next one to come (31.03. in December is next March). */
function upcoming(today: Date, month: number, day: number): Date | null {
  const thisYear = validDay(today.getUTCFullYear(), month, day);
  if (thisYear && thisYear >= today) return thisYear;
  return validDay(today.getUTCFullYear() + 1, month, day);
}

type Match = { phrase: TimePhrase; length: number } | null;

const span = (value: { from: Date; to: Date }, window?: 'ahead' | 'back'): TimePhrase => ({
  kind: 'span',
  ...value,
  ...(window ? { window } : {}),
});
const day = (value: Date): TimePhrase => ({ kind: 'day', day: value });

/** The time expression that starts at word `at`, without lead words. */
function readCore(words: readonly string[], at: number, today: Date, afterLead: boolean): Match {
  const w = (offset: number) => words[at + offset];
  const first = w(0) ?? '';

  if (first === 'today' || first === 'heute' || first === 'tonight' || first === 'heut')
    return { phrase: day(today), length: 1 };
  if (first === 'tomorrow' || first === 'morgen' || first === 'tmrw' || first === 'tmr') {
    // "morgen früh" is still tomorrow.
    return { phrase: day(addDays(today, 1)), length: w(1) === 'fruh' || w(1) === 'morning' ? 2 : 1 };
  }
  if (first === 'ubermorgen' || (first === 'day' && w(1) === 'after' && w(2) === 'tomorrow')) {
    return { phrase: day(addDays(today, 2)), length: first === 'day' ? 3 : 1 };
  }
  if (first === 'yesterday' || first === 'gestern') return { phrase: day(addDays(today, -1)), length: 1 };
  if (first === 'eod' || first === 'cob') return { phrase: day(today), length: 1 };
  if (first === 'eow') return { phrase: day(addDays(mondayOf(today), 4)), length: 1 };
  if (first === 'eom' || first === 'monatsende' || first === 'ultimo') {
    return { phrase: day(unitSpan('month', today, 0).to), length: 1 };
  }
  if (first === 'quartalsende') return { phrase: day(unitSpan('quarter', today, 0).to), length: 1 };
  if (first === 'jahresende' || first === 'eoy') return { phrase: day(unitSpan('year', today, 0).to), length: 1 };
  if (first === 'wochenende' || first === 'weekend') {
    const saturday = addDays(mondayOf(today), 5);
    return { phrase: span({ from: saturday, to: addDays(saturday, 1) }), length: 1 };
  }

  // ISO and German numeric dates: 2027-03-31 (one word after normalize: "2027 03 31" is three), 31.03.2027, 31.03.
  if (/^\d{4}$/.test(first) && /^\d{1,2}$/.test(w(1) ?? '') && /^\d{1,2}$/.test(w(2) ?? '')) {
    const found = validDay(Number(first), Number(w(1)), Number(w(2)));
    return found ? { phrase: day(found), length: 3 } : null;
  }
  if (/^\d{1,2}$/.test(first) && /^\d{1,2}$/.test(w(1) ?? '') && (afterLead || yearAt(w(2)) !== null)) {
    const year = yearAt(w(2));
    const dd = Number(first);
    const mm = Number(w(1));
    const found = year !== null ? validDay(year, mm, dd) : upcoming(today, mm, dd);
    return found ? { phrase: day(found), length: year !== null ? 3 : 2 } : null;
  }

  // "31 March", "31st of March 2027", "March 31", "März 2027", "in March".
  const ordinal = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(first);
  if (ordinal) {
    const ofOffset = w(1) === 'of' ? 1 : 0;
    const month = MONTHS[w(1 + ofOffset) ?? ''];
    if (month) {
      const year = yearAt(w(2 + ofOffset));
      const found =
        year !== null ? validDay(year, month, Number(ordinal[1])) : upcoming(today, month, Number(ordinal[1]));
      return found ? { phrase: day(found), length: 2 + ofOffset + (year !== null ? 1 : 0) } : null;
    }
  }
  const month = MONTHS[first];
  if (month && (first.length > 3 || afterLead)) {
    const dayMatch = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(w(1) ?? '');
    if (dayMatch) {
      const year = yearAt(w(2));
      const found =
        year !== null ? validDay(year, month, Number(dayMatch[1])) : upcoming(today, month, Number(dayMatch[1]));
      return found ? { phrase: day(found), length: 2 + (year !== null ? 1 : 0) } : null;
    }
    // "May" is also a word: only as a month after a lead word or with a year.
    const year = yearAt(w(1));
    if (first === 'may' && year === null && !afterLead) return null;
    const from =
      year !== null
        ? utcDay(year, month, 1)
        : (() => {
            const candidate = utcDay(today.getUTCFullYear(), month, 1);
            return lastOfMonth(candidate) < today ? utcDay(today.getUTCFullYear() + 1, month, 1) : candidate;
          })();
    return { phrase: span({ from, to: lastOfMonth(from) }), length: year !== null ? 2 : 1 };
  }

  // Weekdays: "friday", "next monday", "this tuesday"; they look forward, never back.
  const weekdayAt = (offset: number) => {
    const name = w(offset) ?? '';
    const number = WEEKDAYS[name];
    if (number === undefined) return null;
    if (SHORT_WEEKDAYS.has(name) && !afterLead && offset === 0) return null;
    return number;
  };
  const weekday = weekdayAt(0);
  if (weekday !== null) {
    // "friday" said on a Friday is today; "next friday" is a week on.
    const ahead = (weekday - today.getUTCDay() + 7) % 7;
    return { phrase: day(addDays(today, ahead)), length: 1 };
  }

  // this/next/last week|month|quarter|year, and next/last weekday.
  if (THIS.has(first) || NEXT.has(first) || LAST.has(first)) {
    const offset = THIS.has(first) ? 0 : NEXT.has(first) ? 1 : -1;
    const named = WEEKDAYS[w(1) ?? ''];
    if (named !== undefined && !SHORT_WEEKDAYS.has(w(1) ?? '')) {
      const ahead = (named - today.getUTCDay() + 7) % 7 || 7;
      // "next monday" said on a Sunday means tomorrow week? People mean the coming one; "next" adds nothing.
      if (offset >= 0) return { phrase: day(addDays(today, ahead)), length: 2 };
      return { phrase: day(addDays(today, ahead - 7)), length: 2 };
    }
    const count = numberAt(w(1));
    const unit = UNITS[w(count === null ? 1 : 2) ?? ''];
    if (unit && count !== null && offset !== 0) {
      // "next 90 days" runs from today; "last 60 days" up to today.
      const days =
        unit === 'day'
          ? count
          : unit === 'week'
            ? count * 7
            : unit === 'month'
              ? Math.round(count * 30.44)
              : unit === 'quarter'
                ? count * 91
                : count * 365;
      const value = offset > 0 ? { from: today, to: addDays(today, days) } : { from: addDays(today, -days), to: today };
      return { phrase: span(value, offset > 0 ? 'ahead' : 'back'), length: 3 };
    }
    if (unit && count === null) return { phrase: span(unitSpan(unit, today, offset)), length: 2 };
    const quarter = /^q([1-4])$/.exec(w(1) ?? '');
    if (quarter) {
      const year = today.getUTCFullYear() + (offset > 0 ? 1 : offset < 0 ? -1 : 0);
      return { phrase: span(quarterSpan(Number(quarter[1]), year)), length: 2 };
    }
    return null;
  }

  // "Q1", "Q1 2027", "Q1/2027".
  const quarter = /^q([1-4])$/.exec(first);
  if (quarter) {
    const year = yearAt(w(1));
    const number = Number(quarter[1]);
    const thisYear = quarterSpan(number, today.getUTCFullYear());
    const value =
      year !== null
        ? quarterSpan(number, year)
        : thisYear.to < today
          ? quarterSpan(number, today.getUTCFullYear() + 1)
          : thisYear;
    return { phrase: span(value), length: year !== null ? 2 : 1 };
  }
  // "KW 12", "CW 12", "week 12", "Kalenderwoche 12".
  if (
    (first === 'kw' || first === 'cw' || first === 'kalenderwoche' || first === 'week' || first === 'wk') &&
    /^\d{1,2}$/.test(w(1) ?? '')
  ) {
    const week = Number(w(1));
    if (week < 1 || week > 53) return null;
    const year =
      yearAt(w(2)) ?? (week < isoWeekNumber(today) - 4 ? today.getUTCFullYear() + 1 : today.getUTCFullYear());
    return { phrase: span(isoWeek(week, year)), length: yearAt(w(2)) !== null ? 3 : 2 };
  }
  const glued = /^(?:kw|cw)(\d{1,2})$/.exec(first);
  if (glued) {
    const week = Number(glued[1]);
    if (week < 1 || week > 53) return null;
    const year = week < isoWeekNumber(today) - 4 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
    return { phrase: span(isoWeek(week, year)), length: 1 };
  }

  // "2 weeks", "90 days" after "in": a day that far ahead ("in 2 weeks") or, after "next"/"within", a window.
  const count = numberAt(first);
  const unit = UNITS[w(1) ?? ''];
  if (count !== null && unit && afterLead) {
    const target =
      unit === 'day'
        ? addDays(today, count)
        : unit === 'week'
          ? addDays(today, count * 7)
          : unit === 'month'
            ? addDays(
                addMonths(utcDay(today.getUTCFullYear(), today.getUTCMonth() + 1, 1), count),
                today.getUTCDate() - 1,
              )
            : unit === 'quarter'
              ? addDays(today, count * 91)
              : addDays(today, count * 365);
    return { phrase: day(target), length: 2 };
  }
  return null;
}

/** "end of month", "Ende Q1", "Ende nächster Woche", "end of next quarter": the last day of a span. */
function readEnd(words: readonly string[], at: number, today: Date): Match {
  const first = words[at];
  if (first !== 'end' && first !== 'ende' && first !== 'ending') return null;
  let next = at + 1;
  while (['of', 'the', 'this', 'des', 'der', 'dieser', 'dieses', 'diesen'].includes(words[next] ?? '')) next++;
  const unit = UNITS[words[next] ?? ''];
  if (unit) return { phrase: day(unitSpan(unit, today, 0).to), length: next - at + 1 };
  const inner = readCore(words, next, today, true);
  if (!inner) return null;
  const last = inner.phrase.kind === 'span' ? inner.phrase.to : inner.phrase.day;
  return { phrase: day(last), length: next - at + inner.length };
}

/** Reads a time phrase at word `at`, lead words ("by", "bis", "in den nächsten") included. */
function readAt(words: readonly string[], at: number, today: Date): Match {
  const atEnd = readEnd(words, at, today);
  if (atEnd) return atEnd;
  let next = at;
  // "within the next 90 days", "in den nächsten 90 Tagen", "bis zum 31.03.", "seit letztem Monat".
  while (next < words.length && LEADS.has(words[next] ?? '') && next - at < 3) {
    next++;
    const end = readEnd(words, next, today);
    if (end) return { phrase: end.phrase, length: next - at + end.length };
  }
  const lead = next > at;
  const end = readEnd(words, next, today);
  if (end) return { phrase: end.phrase, length: next - at + end.length };
  const core = readCore(words, next, today, lead);
  if (!core) return null;
  // A phrase made only of a number after "in" stays text ("in 2 weeks" is time; "in 2" is not).
  const leadWords = words.slice(at, next);
  const window = leadWords.some(
    (word) => word === 'within' || word === 'innerhalb' || word === 'next' || NEXT.has(word),
  );
  let phrase = core.phrase;
  // "within 30 days" and "in the next 2 weeks": a window from today, not a day.
  if (window && phrase.kind === 'day' && phrase.day > today) phrase = span({ from: today, to: phrase.day }, 'ahead');
  // "since last month": from then until today.
  if ((leadWords.includes('since') || leadWords.includes('seit')) && phrase.kind === 'span') {
    phrase = span({ from: phrase.from, to: today }, 'back');
  }
  return { phrase, length: next - at + core.length };
}

/** Lead words that never start a phrase on their own: "for nordwind", "the renewal" are not times. */
function trimLeads(words: readonly string[], at: number, length: number): number {
  let from = at;
  while (
    from < at + length - 1 &&
    ['the', 'den', 'dem', 'der', 'des', 'of', 'von', 'for', 'fur'].includes(words[from] ?? '')
  ) {
    from++;
  }
  return from;
}

/** Every time phrase in a sentence of normalised words, left to right, none overlapping. */
export function findTimePhrases(words: readonly string[], today: Date): Found[] {
  const found: Found[] = [];
  let at = 0;
  while (at < words.length) {
    const match = readAt(words, at, today);
    if (match) {
      const from = trimLeads(words, at, match.length);
      found.push({ phrase: match.phrase, from, to: at + match.length });
      at += match.length;
    } else {
      at++;
    }
  }
  return found;
}

/** The whole text as one time phrase, or null when any of it is not time. */
export function readTimePhrase(words: readonly string[], today: Date): TimePhrase | null {
  const match = readAt(words, 0, today);
  return match && match.length === words.length ? match.phrase : null;
}

/** The day a follow-up is due when the sentence names a span: the Friday of a week, else the span's last day. */
export function dueDayOf(phrase: TimePhrase): Date {
  if (phrase.kind === 'day') return phrase.day;
  const days = Math.round((phrase.to.getTime() - phrase.from.getTime()) / DAY_MS);
  if (days === 6 && phrase.from.getUTCDay() === 1) return addDays(phrase.from, 4);
  return phrase.to;
}
