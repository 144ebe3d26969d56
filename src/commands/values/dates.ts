// Dates as people type them: "friday", "next tuesday", "in 2 weeks", "end of month", "2027-03-31", "31.03.2027".
// Due dates, close dates and renewals are calendar days, stored as 12:00 UTC of that day so that no time zone
// shows them as the day before or after; they are always shown in UTC (see formatDay).

import { createRequire } from 'node:module';
import { z } from 'zod';
import { normalize } from '../../domain/normalize.ts';
import { dueDayOf, readTimePhrase } from '../../domain/time-phrases.ts';
import { keyed } from '../../i18n/translate.ts';

type Chrono = typeof import('chrono-node');
let chrono: Chrono | undefined;

/** chrono-node takes a quarter of a second to load: only pay for it when a date is actually typed. */
function dateParser(): Chrono {
  chrono ??= createRequire(import.meta.url)('chrono-node') as Chrono;
  return chrono;
}

/** The calendar day as a Date at 12:00 UTC. */
export function calendarDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** One formatter per zone: making an Intl.DateTimeFormat costs ~0.1 ms, and lists ask for every task's day. */
const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = ZONE_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    ZONE_FORMATS.set(timeZone, format);
  }
  return format;
}

/** Minutes east of UTC that the zone is at `at` (Europe/Berlin in winter: 60). */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = zoneFormat(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - at.getTime()) / 60_000);
}

/** Today, as a calendar day, in the given zone. */
export function today(now: Date, timeZone: string): Date {
  const local = new Date(now.getTime() + offsetMinutes(timeZone, now) * 60_000);
  return calendarDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** 3/4/2027 means March 4th in the US and April 3rd elsewhere: refuse to guess when both could be true. */
const AMBIGUOUS_SLASHES = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2,4})\s*$/;

export class AmbiguousDateError extends Error {
  override readonly name = 'AmbiguousDateError';
}

/** The word a due date may follow in a phrase ("by friday", "bis Freitag"); the date is what comes after it. */
const LEAD = /^(?:by|on|until|due|before|bis(?:\s+zum)?|am|sp(?:ä|ae)testens(?:\s+am)?|f(?:ä|ae)llig(?:\s+am)?)\s+/i;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** "15.12." and "15.12.27": the day first, as German writes it; without a year, the next such day. */
const DOTTED_DAY = /^(\d{1,2})\.(\d{1,2})\.?(?:(\d{4}|\d{2}))?$/;

function dottedDay(match: RegExpExecArray, now: Date, timeZone: string): Date | null {
  const [day, month] = [Number(match[1]), Number(match[2])];
  if (match[3]) return validDay(Number(match[3].length === 2 ? `20${match[3]}` : match[3]), month, day);
  const from = today(now, timeZone);
  const thisYear = validDay(from.getUTCFullYear(), month, day);
  if (thisYear && thisYear >= from) return thisYear;
  return validDay(from.getUTCFullYear() + 1, month, day);
}

/** The calendar day, or null when there is no such day (month 13, 31 February). */
function validDay(year: number, month: number, day: number): Date | null {
  const date = calendarDay(year, month, day);
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day ? date : null;
}

/**
 * The calendar day a phrase names, relative to `now` in `timeZone`, or null if it names none. Weekdays look
 * forward ("friday" is this or next Friday, never the last one).
 */
export function parseDay(text: string, now: Date, timeZone: string): Date | null {
  const typed = text.trim();
  if (!typed) return null;
  const slashes = AMBIGUOUS_SLASHES.exec(typed);
  if (slashes && Number(slashes[1]) <= 12 && Number(slashes[2]) <= 12 && slashes[1] !== slashes[2]) {
    throw new AmbiguousDateError(keyed('value.dayAmbiguous', { value: typed }));
  }
  const date = typed.replace(LEAD, '');
  // Year first is ISO's order, always: chrono reads "2027-13-01" as the 13th of January instead of refusing it.
  const iso = ISO_DAY.exec(date);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED_DAY.exec(date);
  if (dotted) return dottedDay(dotted, now, timeZone);
  // Our own grammar first: the phrases account managers write in both languages ("bis Freitag", "Ende Q1",
  // "KW 12", "nächste Woche", "Monatsende"), the same that sentences are read with.
  const words = normalize(typed).split(' ');
  const phrase = readTimePhrase(words, today(now, timeZone));
  if (phrase) return dueDayOf(phrase);
  const offset = offsetMinutes(timeZone, now);
  const reference = { instant: now, timezone: offset };
  const parser = dateParser();
  // German dates read whatever the language of the rest ("by Freitag", "due:nächste Woche"); English first.
  for (const locale of [parser, parser.de]) {
    const [found] = locale.parse(typed, reference, { forwardDate: true });
    // The whole phrase must be a date: "call Bob" is not one just because it contains nothing chrono refuses.
    if (!found || found.text.length < date.length - 1) continue;
    const day = new Date(found.start.date().getTime() + offset * 60_000);
    return calendarDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  return null;
}

/** What a day typed in an option is for, as its error message names it. */
export type DayKind = 'due' | 'close' | 'renewal' | 'date';

/** A zod schema for a day typed in an option, for the person's "now" and zone. */
export function daySchema(now: Date, timeZone: string, what: DayKind) {
  return z.string().transform((value, ctx) => {
    try {
      const day = parseDay(value, now, timeZone);
      const year = day?.getUTCFullYear() ?? 0;
      if (day && (year < 2000 || year > 2100)) {
        ctx.addIssue({ code: 'custom', message: keyed('value.dayTooFar', { value, what }) });
        return z.NEVER;
      }
      if (day) return day;
    } catch (error) {
      if (error instanceof AmbiguousDateError) {
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
      throw error;
    }
    ctx.addIssue({
      code: 'custom',
      message: keyed('value.dayUnreadable', { value, what }),
    });
    return z.NEVER;
  });
}
