// Messages by key, in the reader's language, through ICU MessageFormat (intl-messageformat, FormatJS): plurals,
// select and number formats follow each language's rules, so no sentence is ever glued together from parts. The
// catalogues are en.ts and de.ts; the German one must have every key the English one has (the compiler checks
// that, and tests/i18n checks that both use the same placeholders).
import { IntlMessageFormat } from 'intl-messageformat';
import { de } from './de.ts';
import { en } from './en.ts';
import type { Locale } from './locale.ts';

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date>;
export type Catalogue = Record<MessageKey, string>;

export const CATALOGUES: Record<Locale, Catalogue> = { en, de };

/** The regional conventions each language is written with. */
export const TAGS: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

const compiled = new Map<string, IntlMessageFormat>();

function formatOf(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // Tags stay text: "/account new <name>" is an example to type, not markup.
    format = new IntlMessageFormat(CATALOGUES[locale][key], TAGS[locale], undefined, {
      ignoreTag: true,
    });
    compiled.set(id, format);
  }
  return format;
}

/** The message `key` in `locale`, with its placeholders filled in. */
export function t(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const formatted = formatOf(locale, key).format(values);
  return typeof formatted === 'string' ? formatted : String(formatted);
}

/**
 * A message to translate later, as text: zod schemas and errors are written before anyone's language is known, so
 * they carry `key` (and its values as JSON) and the engine translates them for the person who sees them.
 */
export function keyed(key: MessageKey, values?: Record<string, string | number | string[]>): string {
  return values ? `${key}${JSON.stringify(values)}` : key;
}

const KEYED = /^([a-z][\w-]*(?:\.[\w-]+)+)(\{.*\})?$/s;
/** Between the parts of `phrases`: a control character, so never in user text (it is stripped) or in JSON. */
const PHRASE_BREAK = '\u001f';

/** Between the items of `listed`, for the same reason. */
const ITEM_BREAK = '\u001e';

/** Several keyed parts of one line ("no champion; only 2 contacts"), each translated, joined by "; ". */
export function phrases(parts: readonly string[]): string {
  return parts.join(PHRASE_BREAK);
}

/** Keyed items of a list ("A (24.11.2026), B (…)"), each translated, joined by ", ". */
export function listed(items: readonly string[]): string {
  return items.join(ITEM_BREAK);
}

/**
 * Text that `keyed` or `phrases` made, in `locale`; any other text as it is. Values may be keyed themselves (a
 * renewal phrase inside a reason), and are translated too; lists of words read "a, b or c".
 */
export function translated(locale: Locale, text: string): string {
  if (text.includes(PHRASE_BREAK))
    return text
      .split(PHRASE_BREAK)
      .map((part) => translated(locale, part))
      .join('; ');
  if (text.includes(ITEM_BREAK))
    return text
      .split(ITEM_BREAK)
      .map((item) => translated(locale, item))
      .join(', ');
  const match = KEYED.exec(text);
  const key = match?.[1];
  if (!match || !key || !(key in CATALOGUES.en)) return text;
  let values: Record<string, string | number | string[]> | undefined;
  try {
    values = match[2] ? JSON.parse(match[2]) : undefined;
  } catch {
    return text;
  }
  const lists = new Intl.ListFormat(TAGS[locale], { type: 'disjunction' });
  const filled = Object.fromEntries(
    Object.entries(values ?? {}).map(([name, value]) => [
      name,
      Array.isArray(value) ? lists.format(value) : typeof value === 'string' ? valueIn(locale, value) : value,
    ]),
  );
  return t(locale, key as MessageKey, filled);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A keyed value in `locale`: itself translated when keyed, a calendar day as the reader writes days. */
function valueIn(locale: Locale, value: string): string {
  const day = ISO_DAY.exec(value);
  if (day) return locale === 'de' ? `${day[3]}.${day[2]}.${day[1]}` : value;
  return translated(locale, value);
}

/** A translator bound to one language, for code that writes many messages to the same person. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function translator(locale: Locale): Translate {
  return (key, values) => t(locale, key, values);
}
