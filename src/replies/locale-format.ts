// Dates, numbers and money in the reader's language: 2027-02-11 and 1.2M EUR in English, 11.02.2027 and
// 1,2 Mio. € in German. English keeps the ISO day that every English reply has always shown.
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';
import { calendarDays, formatDay, formatMoney } from './format.ts';

const GERMAN_DAY = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const MONEY = new Map<string, Intl.NumberFormat>();

/** A calendar day (due, close, renewal), the same wherever it is read. */
export function formatDayIn(date: Date, locale: Locale): string {
  return locale === 'de' ? GERMAN_DAY.format(date) : formatDay(date);
}

export function formatMoneyIn(value: number, currency: string, locale: Locale): string {
  if (locale === 'en') return formatMoney(value, currency);
  const key = `${locale}:${currency}`;
  let format = MONEY.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat('de-DE', {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      });
    } catch {
      return `${formatMoney(value, currency)}`;
    }
    MONEY.set(key, format);
  }
  return format.format(value);
}

/** "in 5 days", "vor 3 Wochen", "today": calendar days in the reader's time zone, in their language. */
export function formatRelativeIn(date: Date, now: Date, timeZone: string, locale: Locale): string {
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
