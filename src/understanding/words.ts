// A message as the understanding layer reads it: typographic quotes and apostrophes made plain, the bot's name and
// polite padding taken off, and split into words that remember where they stood, so text meant to be kept (a
// note's body, a follow-up's title) is cut from the message exactly as it was typed.
import { normalize } from '../domain/normalize.ts';

export interface Word {
  /** As typed. */
  raw: string;
  /** Lower case, accents and punctuation folded: what the lexicon and the account index compare. */
  norm: string;
  start: number;
  end: number;
  /** "nordwind's", "Katrins": the word without its possessive ending, when it had one. */
  possessive?: string;
}

/** Every apostrophe and quote form phones, Macs and German keyboards type, as the plain ones. */
export function plainQuotes(text: string): string {
  return text.replace(/[’‘‛`´ʼ′]/g, "'").replace(/[“”„‟«»″]/g, '"');
}

const BOT_NAME = /^\s*(?:<@kam:\d+>|@?kam(?:-bot)?\b)[,:]?\s*/i;
const GREETING_LEAD = /^(?:hey|hi|hello|hallo|moin|servus|ok|okay|so|also|na)\b[,!]?\s+(?=\S)/i;
const POLITE_LEAD =
  /^(?:(?:can|could|would|will) you(?: please)?|please|pls|plz|bitte|kannst du(?: mir)?(?: bitte)?|könntest du(?: mir)?(?: bitte)?|koenntest du(?: mir)?|würdest du(?: bitte)?|sag mir(?: bitte)?|tell me|i(?:'d| would) like to know|i want to know|do you know|weißt du|weisst du|zeig mir(?: bitte)?(?= mal| \S)|mal)\b[,]?\s*/i;
const POLITE_TAIL = /[\s,]+(?:please|pls|plz|bitte|mal|thanks|thx|danke)(?=[\s?!.]*$)/i;

export interface Stripped {
  /** The message without the bot's name, greetings and padding, quotes made plain. */
  text: string;
  /** Where `text` starts in the message as typed: `text` and the typed message agree character for character. */
  offset: number;
}

/** What is left of a message once the bot's name, greetings before a question and polite padding are gone. */
export function strip(typed: string): Stripped {
  const plain = plainQuotes(typed);
  let from = 0;
  let to = plain.length;
  const cut = (pattern: RegExp) => {
    const match = pattern.exec(plain.slice(from, to));
    if (match && match.index === 0 && match[0].length < to - from) from += match[0].length;
  };
  for (let pass = 0; pass < 4; pass++) {
    const before = from;
    cut(/^\s+/);
    cut(BOT_NAME);
    cut(GREETING_LEAD);
    cut(POLITE_LEAD);
    if (from === before) break;
  }
  const tail = POLITE_TAIL.exec(plain.slice(from, to));
  if (tail) to = from + tail.index;
  const end = /[\s?!.]+$/.exec(plain.slice(from, to));
  if (end && end.index > 0) to = from + end.index;
  return { text: plain.slice(from, to), offset: from };
}

/** Hyphens and dots split words: "follow-up" is the phrase "follow up", "31.03.2027" three numbers. */
const WORD = /[\p{L}\p{N}@#][\p{L}\p{N}'&_@]*/gu;

/** The words of a stripped message, with their places in it. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    let raw = match[0].replace(/['_]+$/, '');
    if (!raw) continue;
    const start = match.index ?? 0;
    let possessive: string | undefined;
    if (/'s$/i.test(raw)) possessive = normalize(raw.slice(0, -2));
    else if (/s'$/i.test(match[0])) possessive = normalize(raw);
    if (raw.endsWith("'s")) raw = raw.slice(0, -2);
    const norm = normalize(raw.replace(/'/g, ''));
    if (!norm) continue;
    words.push({
      raw,
      norm,
      start,
      end: start + match[0].replace(/['_]+$/, '').length,
      ...(possessive ? { possessive } : {}),
    });
  }
  return words;
}
