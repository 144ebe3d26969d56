// Text as people type it, reduced to what matters for matching: "Müller-Lüdenscheid GmbH." → "muller ludenscheid gmbh".

const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, accents removed, punctuation as spaces, spaces collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæøœłđðþı]/g, (char) => FOLDED[char] ?? char)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Legal forms and filler words that people leave out when they name a company. */
const LEGAL_FORMS = new Set([
  'ab',
  'ag',
  'as',
  'asa',
  'bv',
  'co',
  'company',
  'corp',
  'corporation',
  'gmbh',
  'group',
  'holding',
  'holdings',
  'inc',
  'incorporated',
  'kg',
  'limited',
  'llc',
  'ltd',
  'nv',
  'oy',
  'plc',
  'pty',
  'sa',
  'sarl',
  'se',
  'spa',
  'srl',
  'the',
]);

/** The normalised name without legal forms: "The Acme Corporation" → "acme". Keeps the name if that is all. */
export function coreName(text: string): string {
  const words = normalize(text).split(' ');
  const core = words.filter((word) => !LEGAL_FORMS.has(word));
  return (core.length > 0 ? core : words).join(' ');
}

/** Removes control characters (keeping line breaks and tabs) that would garble a reply or a log line. */
export function stripControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g, '');
}
