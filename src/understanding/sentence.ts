// A sentence taken apart: which words name an account, a person on our side, a place, a tier, a time, and which
// carry the question's concepts. What is left over is kept too: it may be an account with a typo, a contact's
// name or a competitor, for the intent to use as such.
import { findTimePhrases, type TimePhrase } from '../domain/time-phrases.ts';
import { detectLanguage, FILLER } from './function-words.ts';
import { type Concept, findCues, isCueWord } from './lexicon.ts';
import { COUNTRIES, REGIONS } from './places.ts';
import type { Vocabulary } from './vocabulary.ts';
import { type Word, wordsOf } from './words.ts';

export interface Span {
  from: number;
  to: number;
}

export interface AccountSlot extends Span {
  /** The account's key when the words name exactly one account; null when they could be several. */
  key: string | null;
  typed: string;
  possessive: boolean;
}

export interface PersonSlot extends Span {
  name: string;
  possessive: boolean;
}

export interface TimeSlot extends Span {
  phrase: TimePhrase;
  /** The words as typed, for the command line ("next monday", "bis Freitag"). */
  typed: string;
}

export interface Sentence {
  text: string;
  words: Word[];
  concepts: Set<Concept>;
  /** Where each concept was first seen, to tell "remind me … to" from "… to do". */
  cueAt: Map<Concept, number>;
  accounts: AccountSlot[];
  people: PersonSlot[];
  times: TimeSlot[];
  region: string | null;
  country: string | null;
  tier: string | null;
  numbers: number[];
  /** Words that are none of the above and no filler: a reference the vocabulary did not know. */
  rest: Word[];
  language: 'en' | 'de' | null;
  today: Date;
}

const MAX_NAME_WORDS = 6;

function phraseOf(words: readonly Word[], from: number, to: number, text: string): string {
  return text.slice(words[from]?.start ?? 0, words[to - 1]?.end ?? 0);
}

/** A single word that is a cue or filler names an account only when it is the account's key as typed. */
function mayBeName(words: readonly Word[], from: number, to: number): boolean {
  if (to - from > 1) return !words.slice(from, to).every((word) => FILLER.has(word.norm) || isCueWord(word.norm));
  const word = words[from];
  return word !== undefined && word.norm.length >= 2 && !FILLER.has(word.norm) && !isCueWord(word.norm);
}

function findAccounts(words: Word[], text: string, taken: boolean[], vocabulary: Vocabulary): AccountSlot[] {
  const found: AccountSlot[] = [];
  for (let size = Math.min(MAX_NAME_WORDS, words.length); size >= 1; size--) {
    for (let from = 0; from + size <= words.length; from++) {
      const to = from + size;
      if (taken.slice(from, to).some(Boolean) || !mayBeName(words, from, to)) continue;
      const last = words[to - 1];
      const typed = phraseOf(words, from, to, text);
      const candidates: { phrase: string; possessive: boolean }[] = [{ phrase: typed, possessive: false }];
      if (last?.possessive) candidates.unshift({ phrase: typed.replace(/'s?$/i, ''), possessive: true });
      for (const candidate of candidates) {
        const match = vocabulary.account(candidate.phrase);
        if (!match) continue;
        found.push({
          from,
          to,
          key: match.kind === 'found' ? match.key : null,
          typed: candidate.phrase,
          possessive: candidate.possessive,
        });
        for (let at = from; at < to; at++) taken[at] = true;
        break;
      }
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

function findPeople(words: Word[], taken: boolean[], vocabulary: Vocabulary): PersonSlot[] {
  const found: PersonSlot[] = [];
  for (let size = 3; size >= 1; size--) {
    for (let from = 0; from + size <= words.length; from++) {
      const to = from + size;
      if (taken.slice(from, to).some(Boolean)) continue;
      const slice = words.slice(from, to);
      if (slice.some((word) => FILLER.has(word.norm) || isCueWord(word.norm) || word.norm.length < 3)) continue;
      const phrase = slice.map((word) => word.norm).join(' ');
      const last = slice[slice.length - 1]?.norm ?? '';
      // "Katrins Kunden": a German genitive has no apostrophe.
      const genitive = last.endsWith('s')
        ? `${slice
            .slice(0, -1)
            .map((word) => `${word.norm} `)
            .join('')}${last.slice(0, -1)}`
        : null;
      const exact = vocabulary.person(phrase);
      const person = exact ?? (genitive ? vocabulary.person(genitive) : null);
      if (!person) continue;
      found.push({ from, to, name: person.name, possessive: !exact || Boolean(slice[slice.length - 1]?.possessive) });
      for (let at = from; at < to; at++) taken[at] = true;
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

function findPlace(words: Word[], taken: boolean[], table: Record<string, string>): string | null {
  for (let size = 3; size >= 1; size--) {
    for (let from = 0; from + size <= words.length; from++) {
      if (taken.slice(from, from + size).some(Boolean)) continue;
      const phrase = words
        .slice(from, from + size)
        .map((word) => word.norm)
        .join(' ');
      const place = table[phrase];
      if (place === undefined) continue;
      for (let at = from; at < from + size; at++) taken[at] = true;
      return place;
    }
  }
  return null;
}

/** "tier A", "A accounts", "A-Kunden", "tier-a". */
function findTier(words: Word[], taken: boolean[]): string | null {
  for (let at = 0; at < words.length; at++) {
    if (taken[at]) continue;
    const word = words[at]?.norm ?? '';
    const next = words[at + 1]?.norm ?? '';
    const glued = /^(?:tier|stufe) ?([abc])$/.exec(word) ?? /^([abc]) (?:kunden|accounts|customers|konten)$/.exec(word);
    if (glued) {
      taken[at] = true;
      return (glued[1] ?? '').toUpperCase();
    }
    if ((word === 'tier' || word === 'stufe') && /^[abc]$/.test(next) && !taken[at + 1]) {
      taken[at] = true;
      taken[at + 1] = true;
      return next.toUpperCase();
    }
    if (/^[abc]$/.test(word) && ['accounts', 'kunden', 'customers', 'konten', 'tier'].includes(next)) {
      if (word === 'a' && next !== 'tier' && words[at]?.raw !== 'A') continue;
      taken[at] = true;
      return word.toUpperCase();
    }
  }
  return null;
}

export function readSentence(text: string, vocabulary: Vocabulary): Sentence {
  const words = wordsOf(text);
  const norms = words.map((word) => word.norm);
  const taken = words.map(() => false);

  const times: TimeSlot[] = findTimePhrases(norms, vocabulary.today).map((found) => {
    for (let at = found.from; at < found.to; at++) taken[at] = true;
    return { from: found.from, to: found.to, phrase: found.phrase, typed: phraseOf(words, found.from, found.to, text) };
  });
  // "due this week", "fällig bis Freitag": the lead word of a time phrase says what the time is for.
  const dueTime = times.some((time) => ['due', 'fallig', 'faellig'].includes(words[time.from]?.norm ?? ''));
  const accounts = findAccounts(words, text, taken, vocabulary);
  const people = findPeople(words, taken, vocabulary);
  const region = findPlace(words, taken, REGIONS);
  const country = findPlace(words, taken, COUNTRIES);
  const tier = findTier(words, taken);
  const cues = findCues(words, taken);
  const concepts = new Set(cues.map((cue) => cue.concept));
  if (dueTime) concepts.add('due');
  const cueAt = new Map<Concept, number>();
  for (const cue of cues) {
    if (!cueAt.has(cue.concept)) cueAt.set(cue.concept, cue.from);
    for (let at = cue.from; at < cue.to; at++) taken[at] = true;
  }
  const numbers: number[] = [];
  const rest: Word[] = [];
  words.forEach((word, at) => {
    if (taken[at]) return;
    if (/^\d+$/.test(word.norm)) numbers.push(Number(word.norm));
    else if (!FILLER.has(word.norm)) rest.push(word);
  });
  return {
    text,
    words,
    concepts,
    cueAt,
    accounts,
    people,
    times,
    region,
    country,
    tier,
    numbers,
    rest,
    language: detectLanguage(words),
    today: vocabulary.today,
  };
}
