import { coreName } from './normalize.ts';

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
const MAX_KEY_LENGTH = 32;

/**
 * A short handle for a new account: "Acme Corporation" → "acme"; if taken, more of the name ("acme-germany"),
 * then a number ("acme-2").
 */
export function suggestKey(name: string, isTaken: (key: string) => boolean): string {
  const words = coreName(name).split(' ').filter(Boolean);
  const base = words.length > 0 ? words : ['account'];
  for (let count = 1; count <= base.length; count++) {
    const candidate = base.slice(0, count).join('-').slice(0, MAX_KEY_LENGTH).replace(/-+$/, '');
    if (candidate.length >= 2 && KEY_PATTERN.test(candidate) && !isTaken(candidate)) return candidate;
  }
  const stem =
    base
      .join('-')
      .slice(0, MAX_KEY_LENGTH - 4)
      .replace(/-+$/, '') || 'account';
  for (let number = 2; ; number++) {
    const candidate = `${stem}-${number}`;
    if (!isTaken(candidate)) return candidate;
  }
}
