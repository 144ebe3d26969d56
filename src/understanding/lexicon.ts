// Finds the concepts a sentence's words carry (cue-words.ts lists them). A word may belong to several concepts
// ("open" is a state and a verb); intents ask for concepts, never for words, so a German and an English question
// with the same concepts become the same command. Phrases of up to four words match before their single words.
import { editDistance } from '../domain/edit-distance.ts';
import { CUES } from './cue-words.ts';
import type { Word } from './words.ts';

export type Concept = keyof typeof CUES;

export interface Cue {
  concept: Concept;
  /** Index of the first and one past the last word it covers. */
  from: number;
  to: number;
}

interface Entry {
  words: string[];
  concepts: Concept[];
}

function buildIndex(): Map<string, Entry[]> {
  const byPhrase = new Map<string, Concept[]>();
  for (const [concept, phrases] of Object.entries(CUES) as [Concept, readonly string[]][]) {
    for (const phrase of phrases) byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), concept]);
  }
  const index = new Map<string, Entry[]>();
  for (const [phrase, concepts] of byPhrase) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    index.set(first, [...(index.get(first) ?? []), { words, concepts }]);
  }
  for (const entries of index.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const INDEX = buildIndex();

/** Single cue words long enough to be recognised through a typo, by length. */
const TYPO_CANDIDATES = new Map<number, string[]>();
for (const [first, entries] of INDEX) {
  if (first.length < 5 || !entries.some((entry) => entry.words.length === 1)) continue;
  TYPO_CANDIDATES.set(first.length, [...(TYPO_CANDIDATES.get(first.length) ?? []), first]);
}

/** The cue word a typo stands for ("overdeu" → "overdue", "pipline" → "pipeline"), if exactly one is close. */
export function cueForTypo(word: string): string | null {
  if (word.length < 5 || /\d/.test(word)) return null;
  const max = word.length >= 9 ? 2 : 1;
  const found = new Set<string>();
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of TYPO_CANDIDATES.get(length) ?? []) {
      if (candidate[0] === word[0] && editDistance(word, candidate, max) <= max) found.add(candidate);
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

export function isCueWord(norm: string): boolean {
  return INDEX.has(norm);
}

/**
 * The concepts the words carry, longest phrase first. `skip` marks words already taken by an account, a person or
 * a time, which never count as cues. Typos are read as the cue they are one edit away from.
 */
export function findCues(words: readonly Word[], skip: readonly boolean[]): Cue[] {
  const cues: Cue[] = [];
  let at = 0;
  while (at < words.length) {
    if (skip[at]) {
      at++;
      continue;
    }
    const norm = words[at]?.norm ?? '';
    const entries = INDEX.get(norm) ?? INDEX.get(cueForTypo(norm) ?? '') ?? [];
    let taken = 0;
    for (const entry of entries) {
      const fits = entry.words.every((expected, offset) => {
        if (offset === 0) return true;
        const word = words[at + offset];
        return word !== undefined && !skip[at + offset] && word.norm === expected;
      });
      if (!fits) continue;
      for (const concept of entry.concepts) cues.push({ concept, from: at, to: at + entry.words.length });
      taken = entry.words.length;
      break;
    }
    at += Math.max(taken, 1);
  }
  return cues;
}
