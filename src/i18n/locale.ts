// The languages kam-bot answers in, and how a platform's locale tag ("de-DE", "de_AT.UTF-8", "en-GB") maps to one.

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The language of a locale tag when kam-bot speaks it, else null (the next source of a locale decides). */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const language = /^\s*([a-z]{2,3})(?:[-_.@\s]|$)/i.exec(tag ?? '')?.[1]?.toLowerCase();
  return LOCALES.find((locale) => locale === language) ?? null;
}

/** The first of the candidates kam-bot speaks: the person's, then the workspace's; English when none. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const locale = supportedLocale(candidate);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The terminal's language, as the C library reads it: LC_ALL, then LC_MESSAGES, then LANG. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || null;
}
