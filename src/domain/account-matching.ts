// Finds the account a person means: by key, name or alias; case-, accent- and punctuation-insensitive; with or
// without legal forms ("Acme" finds "Acme Corporation"); subsidiaries by their own name or as parent + country
// ("Acme Germany"); and through typos ("Umbrela" finds "Umbrella Corporation"). Several equally good answers are
// returned as ambiguous, for the person to choose.
import { coreName, normalize } from './normalize.ts';
import { TypoIndex } from './typo-index.ts';

export interface MatchableAccount {
  id: number;
  key: string;
  name: string;
  aliases: string[];
  parentId: number | null;
  country: string | null;
}

export type AccountMatch =
  | { kind: 'found'; id: number }
  | { kind: 'ambiguous'; ids: number[] }
  | { kind: 'none'; suggestions: number[] };

interface Entry {
  id: number;
  name: string;
  key: string;
  /** The key as normalised text ("acme-de" → "acme de"). */
  normalKey: string;
  /** Every full form the account answers to: name, aliases, "parent country" for subsidiaries. */
  forms: string[];
  /** The same without legal forms. */
  cores: string[];
}

/** A core name in the typo index: the whole of it (compared with any reference), or its first `words` words. */
type CoreTag = { whole: true } | { whole: false; words: number };

const WHOLE: CoreTag = { whole: true };
const LEADING: CoreTag[] = [];

/** One shared tag per word count (the index holds tens of thousands of texts). */
function leadingWords(count: number): CoreTag {
  LEADING[count] ??= { whole: false, words: count };
  return LEADING[count];
}

/** Edits tolerated for a reference of this many characters: none for short ones, where one edit is another name. */
function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Which accounts a match may return: e.g. only those the person may see. */
export type AccountFilter = (id: number) => boolean;

const EVERY_ACCOUNT: AccountFilter = () => true;

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/**
 * Everything about the names is worked out once, in the constructor (normalising 10,000 accounts' names takes
 * ~60 ms); a matcher kept for as long as the accounts do not change answers exact names from maps and scans only
 * for prefixes and typos. `match` takes a filter so that one matcher serves every person of a workspace.
 */
export class AccountMatcher {
  private readonly entries: Entry[];
  private readonly parentOf: Map<number, number | null>;
  private readonly byKey = new Map<string, Entry[]>();
  private readonly byForm = new Map<string, Entry[]>();
  private readonly byCore = new Map<string, Entry[]>();
  /** Built on the first typo: most references are exact, and the index costs more than the maps. */
  private typos: { keys: TypoIndex<null>; cores: TypoIndex<CoreTag> } | null = null;

  constructor(accounts: readonly MatchableAccount[]) {
    const byId = new Map(accounts.map((account) => [account.id, account]));
    this.parentOf = new Map(accounts.map((account) => [account.id, account.parentId]));
    this.entries = accounts.map((account) => {
      const names = [account.name, ...account.aliases];
      const parent = account.parentId === null ? undefined : byId.get(account.parentId);
      if (parent && account.country) names.push(`${coreName(parent.name)} ${account.country}`);
      const forms = names.map(normalize);
      const key = account.key.toLowerCase();
      const normalKey = normalize(account.key);
      return {
        id: account.id,
        name: account.name,
        key,
        // The same text kept once where the variants agree (most names): ten thousand accounts' worth of memory.
        normalKey: normalKey === key ? key : normalKey,
        forms,
        cores: names.map((name, index) => {
          const core = coreName(name);
          return core === forms[index] ? forms[index] : core;
        }),
      };
    });
    for (const entry of this.entries) {
      addTo(this.byKey, entry.key, entry);
      addTo(this.byKey, entry.normalKey, entry);
      for (const form of entry.forms) addTo(this.byForm, form, entry);
      for (const core of entry.cores) addTo(this.byCore, core, entry);
    }
  }

  match(reference: string, allowed: AccountFilter = EVERY_ACCOUNT): AccountMatch {
    const typed = reference.trim().toLowerCase();
    const full = normalize(reference);
    const core = coreName(reference);
    if (!full) return { kind: 'none', suggestions: [] };
    const permitted = (entries: Entry[] | undefined) => (entries ?? []).filter((entry) => allowed(entry.id));

    const byKey = [...new Set([...permitted(this.byKey.get(typed)), ...permitted(this.byKey.get(full))])];
    if (byKey.length === 1 && byKey[0]) return { kind: 'found', id: byKey[0].id };

    for (const found of [permitted(this.byForm.get(full)), permitted(this.byCore.get(core))]) {
      if (found.length > 0) return this.decide(found);
    }
    const wanted = core.split(' ').filter((word) => word.length >= 3);
    const wordStarts = wanted.map((word) => ` ${word}`);
    const steps: ((entry: Entry) => boolean)[] = [
      (entry) => entry.cores.some((form) => startsWithWords(form, core)) || entry.key.startsWith(typed),
      (entry) => wanted.length > 0 && entry.cores.some((form) => containsWordPrefixes(form, wordStarts)),
    ];
    for (const step of steps) {
      const found = this.entries.filter((entry) => step(entry) && allowed(entry.id));
      if (found.length > 0) return this.decide(found);
    }
    return this.closest(core, typed, allowed);
  }

  /**
   * The account a phrase is exactly: its key, name or an alias, with or without legal forms. No prefixes and no
   * typos: a sentence is read by trying its phrases, and only a whole name may claim words of it.
   */
  exactly(reference: string, allowed: AccountFilter = EVERY_ACCOUNT): AccountMatch | null {
    const full = normalize(reference);
    if (!full) return null;
    const permitted = (entries: Entry[] | undefined) => (entries ?? []).filter((entry) => allowed(entry.id));
    const byKey = permitted(this.byKey.get(full));
    if (byKey.length === 1 && byKey[0]) return { kind: 'found', id: byKey[0].id };
    for (const found of [permitted(this.byForm.get(full)), permitted(this.byCore.get(coreName(reference)))]) {
      if (found.length > 0) return this.decide(found);
    }
    return byKey.length > 0 ? this.decide(byKey) : null;
  }

  /**
   * The accounts a text names by their full name, key or alias as whole words ("Met the Acme team…" names Acme),
   * for guessing which account a captured message is about. Only a single account (or a parent with its own
   * subsidiaries) counts as a guess; anything else is no guess.
   */
  namedIn(text: string, allowed: AccountFilter = EVERY_ACCOUNT): number | null {
    const words = ` ${normalize(text)} `;
    const found = this.entries.filter(
      (entry) =>
        allowed(entry.id) &&
        [entry.normalKey, ...entry.forms, ...entry.cores].some(
          (form) => form.length >= 3 && words.includes(` ${form} `),
        ),
    );
    if (found.length === 0) return null;
    const match = this.decide(found);
    return match.kind === 'found' ? match.id : null;
  }

  /**
   * Typo tolerance: the accounts at the smallest edit distance, if it is small enough for the word's length. A
   * reference with digits in it ("acct-4", "3M") is an identifier, where one digit off is another account.
   */
  private typoIndexes(): { keys: TypoIndex<null>; cores: TypoIndex<CoreTag> } {
    if (this.typos) return this.typos;
    const keys = new TypoIndex<null>();
    const cores = new TypoIndex<CoreTag>();
    this.entries.forEach((entry, at) => {
      keys.add(entry.key, at, null);
      for (const core of entry.cores) {
        cores.add(core, at, WHOLE);
        // "Umbrela" against "umbrella corporation": a typo is compared with as many leading words as were typed.
        const words = core.split(' ');
        for (let count = 1; count < words.length; count++) {
          cores.add(words.slice(0, count).join(' '), at, leadingWords(count));
        }
      }
    });
    this.typos = { keys, cores };
    return this.typos;
  }

  private closest(core: string, typed: string, allowed: AccountFilter): AccountMatch {
    const max = /\d/.test(typed) ? 0 : allowedEdits(core.length);
    const words = core.split(' ').length;
    const within = (radius: number) => {
      const permitted = (at: number) => allowed(this.entries[at]?.id ?? -1);
      const typos = this.typoIndexes();
      const distances = typos.keys.within(typed, radius, permitted);
      const byCore = typos.cores.within(core, radius, (at, tag) => permitted(at) && (tag.whole || tag.words === words));
      for (const [at, distance] of byCore) distances.set(at, Math.min(distance, distances.get(at) ?? distance));
      return [...distances].map(([at, distance]) => ({ entry: this.entries[at] as Entry, distance }));
    };
    const close = within(max);
    if (close.length > 0) {
      const best = Math.min(...close.map((item) => item.distance));
      return this.decide(close.filter((item) => item.distance === best).map((item) => item.entry));
    }
    // Suggestions may be a little further off than a match, but not so far that any name would do.
    const suggestWithin = Math.max(max, 2, Math.floor(core.length / 3));
    const suggestions = within(suggestWithin)
      .sort((a, b) => a.distance - b.distance || a.entry.name.localeCompare(b.entry.name))
      .slice(0, 3)
      .map((item) => item.entry.id);
    return { kind: 'none', suggestions };
  }

  private decide(entries: Entry[]): AccountMatch {
    const ids = [...new Set(entries.map((entry) => entry.id))];
    if (ids.length === 1 && ids[0] !== undefined) return { kind: 'found', id: ids[0] };
    // A parent and its own subsidiaries ("acm" → Acme, Acme Germany, Acme France): the parent is meant.
    const parent = ids.find((id) => this.parentOf.get(id) === null);
    if (parent !== undefined && ids.every((id) => id === parent || this.parentOf.get(id) === parent)) {
      return { kind: 'found', id: parent };
    }
    const names = new Map(entries.map((entry) => [entry.id, entry.name]));
    ids.sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''));
    return { kind: 'ambiguous', ids };
  }
}

/** "nordwind global" starts "nordwind global logistics" word by word; the last word may be cut short. */
function startsWithWords(form: string, prefix: string): boolean {
  if (prefix.length < 2) return false;
  return form === prefix || form.startsWith(`${prefix} `) || (prefix.length >= 3 && form.startsWith(prefix));
}

/**
 * Every typed word begins a different word of the name, in order: "global log" in "nordwind global logistics".
 * `wordStarts` are the typed words with a space before them; the name is searched as " name", without splitting it.
 */
function containsWordPrefixes(form: string, wordStarts: readonly string[]): boolean {
  const text = ` ${form}`;
  let from = 0;
  for (const start of wordStarts) {
    const found = text.indexOf(start, from);
    if (found < 0) return false;
    // The next typed word must begin a later word: skip past the rest of this one.
    const end = text.indexOf(' ', found + 1);
    from = end < 0 ? text.length : end;
  }
  return true;
}
