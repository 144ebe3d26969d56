// Day arithmetic for the health rules. Days are UTC calendar days, so "5 days ago" means the same to every reader
// of a digest and does not shift with the hour the score is computed at.

export const DAY_MS = 24 * 60 * 60 * 1000;

export function startOfUtcDay(date: Date): number {
  // The same as Date.UTC(year, month, day) of the date (a JavaScript day is always 86,400,000 ms, no leap seconds),
  // without three calls into the calendar: digests call it for every account, task and opportunity.
  return Math.floor(date.getTime() / DAY_MS) * DAY_MS;
}

/** Calendar days from `from` to `to`: yesterday 23:59 → today 00:01 is 1; negative when `to` is earlier. */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to) - startOfUtcDay(from)) / DAY_MS);
}

/** "2027-06-11" */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** "1 day", "3 days", "2 opportunities" */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
