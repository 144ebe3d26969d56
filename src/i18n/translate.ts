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

const compiled = new Map<string, IntlMessageFormat>();

function formatOf(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // Tags stay text: "/account new <name>" is an example to type, not markup.
    format = new IntlMessageFormat(CATALOGUES[locale][key], locale === 'de' ? 'de-DE' : 'en-GB', undefined, {
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

/** A translator bound to one language, for code that writes many messages to the same person. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function translator(locale: Locale): Translate {
  return (key, values) => t(locale, key, values);
}
