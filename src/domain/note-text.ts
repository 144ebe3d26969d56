// What a note's own words say about it: #tags, and the sentiment and kind those tags imply.
import { normalize } from './normalize.ts';
import type { NoteKind, Sentiment } from './records.ts';

const NEGATIVE_TAGS = new Set(['risk', 'churn', 'escalation', 'blocker', 'complaint', 'issue']);
const POSITIVE_TAGS = new Set(['win', 'won', 'success', 'upsell', 'praise', 'champion']);
const KIND_TAGS: Record<string, NoteKind> = { meeting: 'meeting', call: 'call', email: 'email' };

/** Hashtags in the text, lower case, without `#`, once each: "#Risk at #acme" → ["risk", "acme"]. */
export function extractTags(text: string): string[] {
  const tags = [...text.matchAll(/(?:^|[^\p{L}\p{N}_&#/])#(\p{L}[\p{L}\p{N}_-]{0,39})/gu)].map((match) =>
    (match[1] ?? '').toLowerCase(),
  );
  return [...new Set(tags)];
}

/** #risk and its kin make a note negative, #win and its kin positive; both or neither leave it neutral. */
export function sentimentOf(tags: readonly string[]): Sentiment {
  const negative = tags.some((tag) => NEGATIVE_TAGS.has(tag));
  const positive = tags.some((tag) => POSITIVE_TAGS.has(tag));
  if (negative === positive) return 'neutral';
  return negative ? 'negative' : 'positive';
}

export function kindOf(tags: readonly string[]): NoteKind {
  for (const tag of tags) {
    const kind = KIND_TAGS[tag];
    if (kind) return kind;
  }
  return 'note';
}

/**
 * The people a note names by their full name ("Met Ute Hoffmann: …", "call with ute hoffmann"): each of their
 * words in order, as whole words. A first name alone is too often someone else's.
 */
export function contactsNamedIn<T extends { name: string }>(text: string, contacts: readonly T[]): T[] {
  const words = ` ${normalize(text)} `;
  return contacts.filter((contact) => {
    const name = normalize(contact.name);
    return name.includes(' ') && words.includes(` ${name} `);
  });
}
