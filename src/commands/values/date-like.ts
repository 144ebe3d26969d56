// Whether words after "by", "on", "due", "until" or "before" were meant as a date. A date kam-bot cannot read is
// an error, not text ("by 31.02.", "on Febtember 3"); prose that merely follows one of those words ("call Bob by
// phone", "reviewed by legal", "call on +49 171 2345678") stays part of the text. English and German words.
import { editDistance } from '../../domain/edit-distance.ts';

const NAMES = [
  // months
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'januar',
  'februar',
  'maerz',
  'marz',
  'mai',
  'juni',
  'juli',
  'oktober',
  'dezember',
  // weekdays
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonnabend',
  'sonntag',
];
const ABBREVIATIONS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'okt',
  'nov',
  'dec',
  'dez',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'mo',
  'di',
  'mi',
  'do',
  'fr',
  'sa',
  'so',
]);
const RELATIVE = new Set([
  'today',
  'tonight',
  'tomorrow',
  'tmrw',
  'eod',
  'eow',
  'eom',
  'eoq',
  'eoy',
  'heute',
  'morgen',
  'ubermorgen',
  'uebermorgen',
  'midnight',
  'noon',
  'mittag',
]);
const PERIODS =
  /\b(next|this|coming|last|nachste[nrs]?|naechste[nrs]?|kommende[nrs]?|diese[nrs]?)\s+(week|month|quarter|year|weekend|woche|monat|quartal|jahr|wochenende)\b/;
const END_OF =
  /\b(end|ende|start|beginning|anfang|mid|mitte)\s+(of\s+)?(the\s+|der\s+|des\s+)?(day|week|month|quarter|year|woche|monats?|quartals?|jahr(es)?)\b/;
const IN_N =
  /\b(in|within|innerhalb)\s+(\d+|a|an|one|two|three|einer?|zwei|drei)\s+(days?|weeks?|months?|years?|tage?n?|wochen?|monate?n?|jahren?)\b/;
const DIGITS = [
  /\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\.?(?!\d)/, // 2027-03-31, 31.03.2027, 31.3., 3/4
  /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|uhr)\b/, // 5pm, 17 Uhr
  /\b\d{1,2}(?:st|nd|rd|th)\b/, // the 31st
  /^(?:19|20)\d{2}$/, // 2027
  /\bq[1-4]\b/, // Q1
  /\bkw\s*\d{1,2}\b/, // KW 12
];

/** Lower case without accents ("Nächste" → "nachste"), punctuation kept: "31.03." must stay a date. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase().trim();
}

function isDateName(word: string): boolean {
  if (ABBREVIATIONS.has(word) || RELATIVE.has(word)) return true;
  // Typos of a month or weekday ("feburary", "wendsday"), not words that merely resemble one ("email", "marketing"):
  // the same first two letters, and at most one edit in a short name, two in a long one.
  return (
    word.length >= 4 &&
    NAMES.some((name) => name.startsWith(word.slice(0, 2)) && editDistance(word, name, 2) <= (name.length >= 7 ? 2 : 1))
  );
}

export function looksLikeDate(text: string): boolean {
  const typed = fold(text);
  if (PERIODS.test(typed) || END_OF.test(typed) || IN_N.test(typed)) return true;
  const words = typed.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some(isDateName)) return true;
  // Long runs of digits are numbers (phone numbers, amounts), not dates.
  const stripped = typed.replace(/\+?\d[\d ]{6,}\d/g, ' ');
  return DIGITS.some((pattern) => pattern.test(stripped));
}
