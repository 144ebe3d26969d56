// Amounts as people type them: "120k", "1.2M", "€50,000", "50.000 EUR", "EUR 1,5 Mio", "$ 2.5m", "1 200 000".

import { z } from 'zod';
import { keyed } from '../../i18n/translate.ts';

export interface Money {
  amount: number;
  /** ISO code when the text named one ("€", "EUR", "$"); otherwise the caller's default applies. */
  currency: string | null;
}

const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  $: 'USD',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  CHF: 'CHF',
  EURO: 'EUR',
};
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  t: 1e3,
  m: 1e6,
  mm: 1e6,
  mio: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  // German: Tsd., Mio., Mrd. and the words in full ("1,2 Mrd €", "3 Millionen Euro").
  tsd: 1e3,
  tausend: 1e3,
  millionen: 1e6,
  mrd: 1e9,
  milliarde: 1e9,
  milliarden: 1e9,
};

/** "50.000" and "50,000" are fifty thousand; "1.5" and "1,5" are one and a half; "1.234,56" and "1,234.56" both work. */
function parseNumber(digits: string): number | null {
  const text = digits.replace(/[\s\u00a0'’]/g, '');
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  let normalised: string;
  if (dots > 0 && commas > 0) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalised = text.split(thousands).join('').replace(decimal, '.');
  } else if (dots + commas === 0) {
    normalised = text;
  } else {
    const separator = dots > 0 ? '.' : ',';
    const groups = text.split(separator);
    const thousands = groups.length > 2 || (groups.length === 2 && (groups[1] ?? '').length === 3);
    normalised = thousands ? groups.join('') : groups.join('.');
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

const MONEY =
  /^(?<pre>[€$£¥₹]|[A-Za-z]{3})?\s*(?<number>\d[\d.,\s\u00a0'’]*?)\s*(?<mult>k|tsd|tausend|t|mm|mio|millionen|million|mn|mrd|milliarden|milliarde|m|bn|billion|b)?\.?\s*(?<post>[€$£¥₹]|euro|[A-Za-z]{3})?$/i;

export function parseMoney(text: string): Money | null {
  const match = MONEY.exec(text.trim());
  if (!match?.groups) return null;
  const { pre, number, mult, post } = match.groups;
  if (pre && post) return null;
  const value = parseNumber(number ?? '');
  if (value === null) return null;
  const code = pre ?? post;
  const currency = code ? (SYMBOLS[code] ?? SYMBOLS[code.toUpperCase()] ?? code.toUpperCase()) : null;
  if (currency && !/^[A-Z]{3}$/.test(currency)) return null;
  const amount = value * (mult ? (MULTIPLIERS[mult.toLowerCase()] ?? 1) : 1);
  return { amount: Math.round(amount * 100) / 100, currency };
}

export const MAX_AMOUNT = 1e13;

export function moneySchema(what: 'value' | 'revenue' | 'potential') {
  return z.string().transform((value, ctx) => {
    const money = parseMoney(value);
    if (!money || money.amount > MAX_AMOUNT) {
      ctx.addIssue({
        code: 'custom',
        message: keyed('value.moneyUnreadable', { value, what }),
      });
      return z.NEVER;
    }
    return money;
  });
}
