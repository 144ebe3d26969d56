// How dates, amounts and names look in replies, the same on every platform.

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** 2026-11-27, in the given time zone. */
export function formatDate(date: Date, timeZone: string): string {
  return dateFormat(timeZone).format(date);
}

/** A calendar day (due, close and renewal dates): the same date wherever it is read. */
export function formatDay(date: Date): string {
  return formatDate(date, 'UTC');
}

const DAY_MS = 86_400_000;

/** Whole calendar days from `date` to `now` in the time zone (negative when `date` is later). */
export function calendarDays(date: Date, now: Date, timeZone: string): number {
  const day = (value: Date) => Date.parse(`${formatDate(value, timeZone)}T00:00:00Z`);
  return Math.round((day(now) - day(date)) / DAY_MS);
}

/** "today", "yesterday", "3 days ago", "in 5 days", "2 months ago": calendar days in the reader's time zone. */
export function formatRelative(date: Date, now: Date, timeZone: string): string {
  const days = calendarDays(date, now, timeZone);
  const future = days < 0;
  const span = Math.abs(days);
  let amount: string;
  if (span === 0) return 'today';
  if (span === 1) return future ? 'tomorrow' : 'yesterday';
  if (span < 14) amount = `${span} days`;
  else if (span < 60) amount = `${Math.round(span / 7)} weeks`;
  else if (span < 730) amount = `${Math.round(span / 30.4)} months`;
  else amount = `${Math.round(span / 365)} years`;
  return future ? `in ${amount}` : `${amount} ago`;
}

/** 1.2M EUR, 450K USD, 900 GBP: compact and unambiguous about the currency. */
const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function formatMoney(value: number, currency: string): string {
  const compact = COMPACT.format(value);
  return `${compact} ${currency}`;
}

/** `on_hold` → "on hold", `decision_maker` → "decision maker". */
export function humanize(value: string): string {
  return value.replace(/_/g, ' ');
}

/** "Acme Corporation (acme)" */
export function accountLabel(account: { name: string; key: string }): string {
  return `${account.name} (${account.key})`;
}
