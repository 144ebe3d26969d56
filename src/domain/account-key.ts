import { coreName } from './normalize.ts';

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
const MAX_KEY_LENGTH = 32;

const wordsOf = (name: string) => coreName(name).split(' ').filter(Boolean);
const keyOf = (words: readonly string[]) => words.join('-').slice(0, MAX_KEY_LENGTH).replace(/-+$/, '');

/**
 * A short handle for a new account: "Acme Corporation" → "acme"; if taken, more of the name ("acme-germany"),
 * then a number ("acme-2"). A shortened key that `isShared` says fits other names too is passed over, so
 * "Siemens Mobility" imported beside "Siemens AG" becomes "siemens-mobility", not "siemens".
 */
export function suggestKey(
  name: string,
  isTaken: (key: string) => boolean,
  isShared: (key: string) => boolean = () => false,
): string {
  const words = wordsOf(name);
  const base = words.length > 0 ? words : ['account'];
  for (let count = 1; count <= base.length; count++) {
    const candidate = keyOf(base.slice(0, count));
    const shortened = count < base.length;
    if (candidate.length < 2 || !KEY_PATTERN.test(candidate) || isTaken(candidate)) continue;
    if (!(shortened && isShared(candidate))) return candidate;
  }
  const stem =
    keyOf(base)
      .slice(0, MAX_KEY_LENGTH - 4)
      .replace(/-+$/, '') || 'account';
  for (let number = 2; ; number++) {
    const candidate = `${stem}-${number}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/** Which shortened keys fit more than one of `names` ("siemens" fits "Siemens AG" and "Siemens Mobility"). */
export function sharedKeys(names: Iterable<string>): (key: string) => boolean {
  const namesByKey = new Map<string, Set<string>>();
  for (const name of names) {
    const words = wordsOf(name);
    const whole = words.join(' ');
    for (let count = 1; count <= words.length; count++) {
      const key = keyOf(words.slice(0, count));
      namesByKey.set(key, (namesByKey.get(key) ?? new Set()).add(whole));
    }
  }
  return (key) => (namesByKey.get(key)?.size ?? 0) > 1;
}
