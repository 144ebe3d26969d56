import { describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.ts';
import { editDistance } from '../../src/domain/edit-distance.ts';
import { TypoIndex } from '../../src/domain/typo-index.ts';

const LETTERS = 'aeiorstnlmk ';

function word(rng: Random, length: number): string {
  return Array.from({ length }, () => LETTERS[rng.int(0, LETTERS.length - 1)] ?? 'a').join('');
}

/** Up to `edits` random insertions, deletions, substitutions and swaps of neighbours. */
function mistype(rng: Random, text: string, edits: number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = rng.int(0, Math.max(0, out.length - 1));
    const kind = rng.int(0, 3);
    const letter = LETTERS[rng.int(0, LETTERS.length - 1)] ?? 'a';
    if (kind === 0) out = out.slice(0, at) + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + letter + out.slice(at);
    else if (kind === 2) out = out.slice(0, at) + letter + out.slice(at + 1);
    else out = out.slice(0, at) + (out[at + 1] ?? '') + (out[at] ?? '') + out.slice(at + 2);
  }
  return out;
}

describe('typo index', () => {
  it('finds exactly what comparing with every text finds, for any radius', () => {
    const rng = new Random(42);
    const texts = Array.from({ length: 400 }, () => word(rng, rng.int(3, 14)));
    const index = new TypoIndex<null>();
    texts.forEach((text, owner) => {
      index.add(text, owner, null);
    });
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const query = mistype(rng, texts[rng.int(0, texts.length - 1)] ?? '', rng.int(0, 3));
      for (const max of [0, 1, 2, 3, 4]) {
        const expected = new Map<number, number>();
        texts.forEach((text, owner) => {
          const distance = editDistance(query, text, max);
          if (distance <= max) expected.set(owner, distance);
        });
        expect(index.within(query, max, () => true)).toEqual(expected);
        found += expected.size;
      }
    }
    expect(found).toBeGreaterThan(300);
  });

  it('keeps the smallest distance per owner and leaves out what accept refuses', () => {
    const index = new TypoIndex<string>();
    index.add('umbrella corporation', 1, 'whole');
    index.add('umbrella', 1, 'first word');
    index.add('umbrello', 2, 'whole');
    expect(index.within('umbrela', 2, () => true)).toEqual(
      new Map([
        [1, 1],
        [2, 2],
      ]),
    );
    expect(index.within('umbrela', 2, (owner, tag) => owner === 1 && tag === 'whole')).toEqual(new Map());
  });
});
