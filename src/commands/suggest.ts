import { editDistance } from '../domain/edit-distance.ts';
import type { Locale } from '../i18n/locale.ts';

/** The candidates closest to what was typed (a typo or a prefix), best first. */
export function closestWords(typed: string, candidates: readonly string[], max = 3): string[] {
  const word = typed.toLowerCase();
  const allowed = word.length <= 4 ? 1 : 2;
  return candidates
    .map((candidate) => ({
      candidate,
      distance: candidate.startsWith(word) && word.length >= 2 ? 0 : editDistance(word, candidate, allowed),
    }))
    .filter((item) => item.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((item) => item.candidate);
}

const OR_LISTS = new Map<string, Intl.ListFormat>();

/** "a, b or c", "a, b oder c": the language's own way of listing alternatives. */
export function orList(words: readonly string[], locale: Locale = 'en'): string {
  let format = OR_LISTS.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale === 'de' ? 'de-DE' : 'en-GB', { type: 'disjunction' });
    OR_LISTS.set(locale, format);
  }
  return format.format(words);
}
