// Periods as people type them in an option: period:"last month", within:"next 90 days", closing:"this quarter",
// due:"KW 12", "nächste Woche". A single day is a period of one day.

import { z } from 'zod';
import { normalize } from '../../domain/normalize.ts';
import { readTimePhrase } from '../../domain/time-phrases.ts';
import { keyed } from '../../i18n/translate.ts';
import { parseWith } from '../command.ts';
import { today } from './dates.ts';

export interface Period {
  /** First and last calendar day, both included (12:00 UTC, like every calendar day kam-bot keeps). */
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

export function parsePeriod(text: string, now: Date, timeZone: string): Period | null {
  const phrase = readTimePhrase(normalize(text).split(' '), today(now, timeZone));
  if (!phrase) return null;
  return phrase.kind === 'day' ? { from: phrase.day, to: phrase.day } : { from: phrase.from, to: phrase.to };
}

/** The instants a period covers, for comparing with stored times: from its first day's start to its last day's end. */
export function periodBounds(period: Period): { from: Date; until: Date } {
  return {
    from: new Date(period.from.getTime() - DAY_MS / 2),
    until: new Date(period.to.getTime() + DAY_MS / 2),
  };
}

/** The bounds of a period typed in an option, or null when the option was not given. */
export function periodOption(
  typed: string | undefined,
  now: Date,
  timeZone: string,
  example: string,
): { from: Date; until: Date } | null {
  if (typed === undefined) return null;
  return periodBounds(parseWith(periodSchema(now, timeZone, example), typed));
}

export function periodSchema(now: Date, timeZone: string, example: string) {
  return z.string().transform((value, ctx) => {
    const period = parsePeriod(value, now, timeZone);
    if (period) return period;
    ctx.addIssue({ code: 'custom', message: keyed('value.periodUnreadable', { value, example }) });
    return z.NEVER;
  });
}
