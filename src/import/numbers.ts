// Amounts as exports write them: "1100.04", "1,100.04" (US), "1.100,04" (German Excel, with ; between cells),
// "1 100,04 €", "$1,100", "1'100.04" (Swiss). Only one spelling is ambiguous, one separator followed by exactly three
// digits ("1,100" or "1.100"): the file's decimal mark decides it, taken from its other amounts or its separator.

export type DecimalMark = '.' | ',';

export interface Amount {
  value: number;
  /** ISO code when the cell named one ("€", "USD"); otherwise the row's or the import's currency applies. */
  currency: string | null;
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const AMOUNT =
  /^(?<pre>[€$£¥₹]|[A-Z]{3})?\s*(?<sign>-)?\s*(?<digits>\d[\d.,\s\u00a0'’]*)\s*(?<post>[€$£¥₹]|[A-Z]{3})?$/;
const GROUPED = /^\d{1,3}(?:(\D)\d{3})*$/;

function currencyOf(code: string | undefined): string | null {
  if (!code) return null;
  return SYMBOLS[code] ?? code;
}

/** The decimal mark the cell itself proves, if any: "1,100.04" and "1100.04" prove a point, "1100,04" a comma. */
export function provenDecimalMark(text: string): DecimalMark | null {
  const digits = AMOUNT.exec(text.trim())?.groups?.digits?.replace(/[\s\u00a0'’]/g, '');
  if (!digits) return null;
  const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  if (last < 0) return null;
  const mark = digits[last] as DecimalMark;
  const both = digits.includes('.') && digits.includes(',');
  const decimals = digits.length - last - 1;
  if (both || decimals !== 3) return mark;
  return null;
}

/** The number in a cell, or null when it is not one. */
export function parseAmount(text: string, decimalMark: DecimalMark): Amount | null {
  const match = AMOUNT.exec(text.trim());
  if (!match?.groups) return null;
  const { pre, sign, post } = match.groups;
  if (pre && post) return null;
  const digits = (match.groups.digits ?? '').replace(/[\s\u00a0'’]/g, '');
  const dots = digits.split('.').length - 1;
  const commas = digits.split(',').length - 1;
  let decimal: string | null;
  if (dots > 0 && commas > 0) decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 0) decimal = null;
  else if (dots + commas > 1)
    decimal = null; // "1.100.000": only thousands
  else {
    const mark = dots ? '.' : ',';
    const decimals = digits.length - digits.indexOf(mark) - 1;
    decimal = decimals === 3 ? (decimalMark === mark ? mark : null) : mark;
  }
  const [whole = '', fraction] = decimal
    ? [digits.slice(0, digits.lastIndexOf(decimal)), digits.slice(digits.lastIndexOf(decimal) + 1)]
    : [digits];
  // Thousands separators must sit every three digits: "1,10,0" is a typo, not a number.
  if (/[.,]/.test(whole) && !GROUPED.test(whole)) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  const value = Number(`${sign ?? ''}${whole.replace(/[.,]/g, '')}${fraction === undefined ? '' : `.${fraction}`}`);
  if (!Number.isFinite(value)) return null;
  return { value, currency: currencyOf(pre ?? post) };
}

/** The decimal mark for a file: what its amounts prove (the majority), else what its separator suggests. */
export function decimalMarkFor(cells: Iterable<string>, separator: string): DecimalMark {
  let points = 0;
  let commas = 0;
  for (const cell of cells) {
    const mark = provenDecimalMark(cell);
    if (mark === '.') points++;
    if (mark === ',') commas++;
  }
  if (points !== commas) return points > commas ? '.' : ',';
  return separator === ';' ? ',' : '.';
}
