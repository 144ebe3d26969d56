// zod schemas for single cells. Each reads the trimmed text of a cell (an apostrophe an export put before a formula
// character taken away: spreadsheet-cells.ts) and says what is wrong with it in words that
// follow the column's header: "close_date “2017-02-30” is not a date (write 2017-03-31)".
// A schema made with `cell` gives undefined when the file has no such column, null for an empty cell, else the value:
// a column that is missing leaves a field alone, an empty cell clears it.
import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { trimCell, unguardFormula } from '../domain/spreadsheet-cells.ts';
import { DATE_EXAMPLE, type DateOrder, parseDateCell } from './dates.ts';
import { type Amount, type DecimalMark, parseAmount } from './numbers.ts';

/** How the file writes its values, decided once per file. */
export interface ValueFormat {
  dateOrder: DateOrder;
  decimalMark: DecimalMark;
}

const SHOWN_MAX = 40;

/** A cell's value quoted for a message, shortened: a 5 MB cell is not repeated back. */
export function shown(text: string): string {
  return `“${text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text}”`;
}

export function cell<T>(schema: z.ZodType<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null | undefined => {
      if (raw === undefined) return undefined;
      const text = unguardFormula(trimCell(raw));
      if (text === '') return null;
      const result = schema.safeParse(text);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    });
}

/** Free text of at most `max` characters, as written (only control characters, which garble replies, go). */
export function text(max: number) {
  return z.string().transform((value, ctx) => {
    const clean = trimCell(stripControlCharacters(value));
    if (clean.length > max) {
      ctx.addIssue({
        code: 'custom',
        message: `is ${clean.length.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')} fit`,
      });
      return z.NEVER;
    }
    return clean;
  });
}

/** One of a few words, compared without case, spaces or punctuation. */
export function oneOf<T extends string>(words: Record<string, T>, accepted: string) {
  return z.string().transform((value, ctx) => {
    const found = words[value.toLowerCase().replace(/[^a-z0-9]/g, '')];
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `${shown(value)} is not one of ${accepted}` });
      return z.NEVER;
    }
    return found;
  });
}

/** A list in one cell, separated by `;` or line breaks: "Siemens; ABB". */
export function textList(itemMax: number, most: number) {
  return z.string().transform((value, ctx) => {
    const items = [...new Set(value.split(/[;\n]/).map((item) => trimCell(stripControlCharacters(item))))].filter(
      Boolean,
    );
    const long = items.find((item) => item.length > itemMax);
    if (long) ctx.addIssue({ code: 'custom', message: `has ${shown(long)}, longer than ${itemMax} characters` });
    if (items.length > most) ctx.addIssue({ code: 'custom', message: `lists ${items.length}; at most ${most} fit` });
    return items;
  });
}

export function amount(format: ValueFormat, { negative = false } = {}) {
  return z.string().transform((value, ctx): Amount => {
    const parsed = parseAmount(value, format.decimalMark);
    if (!parsed) {
      const example = format.decimalMark === ',' ? '1.100,04' : '1,100.04';
      ctx.addIssue({ code: 'custom', message: `${shown(value)} is not an amount (write it like ${example})` });
      return z.NEVER;
    }
    if (parsed.value < 0 && !negative) {
      ctx.addIssue({ code: 'custom', message: `${shown(value)} is negative` });
      return z.NEVER;
    }
    return parsed;
  });
}

/** A date, or a date and time. */
export function date(format: ValueFormat) {
  return z.string().transform((value, ctx) => {
    const parsed = parseDateCell(value, format.dateOrder);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: `${shown(value)} is not a date (write ${DATE_EXAMPLE[format.dateOrder]}${format.dateOrder === 'iso' ? '' : ', or 2017-03-31'})`,
      });
      return z.NEVER;
    }
    return parsed;
  });
}

export const CurrencySchema = z.string().transform((value, ctx) => {
  const code = { '€': 'EUR', $: 'USD', '£': 'GBP' }[value] ?? value.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not a currency code such as EUR or USD` });
    return z.NEVER;
  }
  return code;
});

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

export const EmailSchema = z.string().transform((value, ctx) => {
  if (!EMAIL.test(value) || value.length > 200) {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not an email address` });
    return z.NEVER;
  }
  return value.toLowerCase();
});

/** A person in a cell: "Dana Scully <dana@example.com>", "dana@example.com" or "Dana Scully". */
export interface PersonRef {
  name: string | null;
  email: string | null;
}

export const PersonSchema = z.string().transform((value, ctx): PersonRef => {
  const withEmail = /^(.*)<([^<>]+)>$/.exec(value);
  const email = withEmail ? (withEmail[2] ?? '').trim() : EMAIL.test(value) ? value : null;
  const name = stripControlCharacters(withEmail ? (withEmail[1] ?? '').trim() : email ? '' : value).trim();
  if ((email !== null && !EMAIL.test(email)) || name.length > 120) {
    ctx.addIssue({
      code: 'custom',
      message: `${shown(value)} is not a person (write Dana Scully or dana@example.com)`,
    });
    return z.NEVER;
  }
  return { name: name || null, email: email?.toLowerCase() ?? null };
});

/** An id from another system, or a reference to an account by id, key or name. */
export const ReferenceSchema = text(200);

/** A row's problems as the end of one sentence, each after its column's header: "close_date “x” is not a date". */
export function rowProblems(error: z.ZodError, headers: ReadonlyMap<string, string>): string {
  return error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      return `${headers.get(field) ?? field} ${issue.message}`;
    })
    .join('; ');
}
