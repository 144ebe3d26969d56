// How dates, amounts and names look in replies, the same on every platform, in the reader's language:
// 2027-02-11 and 1.2M EUR in English, 11.02.2027 and 1,2 Mio. € in German. English keeps the ISO day that every
// English reply has always shown.
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** 2026-11-27, in the given time zone: the form files and logs use, whatever the reader's language. */
export function formatDate(date: Date, timeZone: string): string {
  return dateFormat(timeZone).format(date);
}

/** The day `date` falls on in the time zone, as the reader writes days: 2026-11-27 or 27.11.2026. */
export function formatDayIn(date: Date, timeZone: string, locale: Locale): string {
  const iso = formatDate(date, timeZone);
  return locale === 'de' ? iso.split('-').reverse().join('.') : iso;
}

/** A calendar day (due, close and renewal dates): the same date wherever it is read. */
export function formatDay(date: Date, locale: Locale): string {
  return formatDayIn(date, 'UTC', locale);
}

const DAY_MS = 86_400_000;

/** Whole calendar days from `date` to `now` in the time zone (negative when `date` is later). */
export function calendarDays(date: Date, now: Date, timeZone: string): number {
  const day = (value: Date) => Date.parse(`${formatDate(value, timeZone)}T00:00:00Z`);
  return Math.round((day(now) - day(date)) / DAY_MS);
}

/** "today", "yesterday", "3 days ago", "in 5 days", "vor 2 Monaten": calendar days in the reader's time zone. */
export function formatRelative(date: Date, now: Date, timeZone: string, locale: Locale): string {
  const days = -calendarDays(date, now, timeZone);
  const span = Math.abs(days);
  const direction = days === 0 ? 'today' : days > 0 ? 'future' : 'past';
  const [unit, count] =
    span < 14
      ? ['day', span]
      : span < 60
        ? ['week', Math.round(span / 7)]
        : span < 730
          ? ['month', Math.round(span / 30.4)]
          : ['year', Math.round(span / 365)];
  return t(locale, 'time.relative', { direction, unit, count });
}

/** 1.2M EUR, 450K USD, 900 GBP: compact and unambiguous about the currency. */
const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const MONEY = new Map<string, Intl.NumberFormat | null>();

/** German money as Germans write it (1,2 Mio. €); a code Intl does not know stays a code after the number. */
function germanMoney(currency: string): Intl.NumberFormat | null {
  let format = MONEY.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('de-DE', {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      });
    } catch {
      format = null;
    }
    MONEY.set(currency, format);
  }
  return format;
}

export function formatMoney(value: number, currency: string, locale: Locale): string {
  if (locale === 'de') {
    const format = germanMoney(currency);
    if (format) return format.format(value);
  }
  return `${COMPACT.format(value)} ${currency}`;
}

/** A number in the reader's language: 1,234.5 or 1.234,5. */
export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
}

export type ValueKind =
  | 'status'
  | 'stage'
  | 'buyingRole'
  | 'memberRole'
  | 'noteKind'
  | 'sentiment'
  | 'role'
  | 'visibility';

/** A stored value in words: `on_hold` → "on hold" / "pausiert", `decision_maker` → "decision maker" / "Entscheider". */
export function valueLabel(locale: Locale, kind: ValueKind, value: string): string {
  return t(locale, `value.${kind}`, { value });
}

/** "Acme Corporation (acme)" */
export function accountLabel(account: { name: string; key: string }): string {
  return `${account.name} (${account.key})`;
}
