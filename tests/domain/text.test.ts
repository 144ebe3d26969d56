import { describe, expect, it } from 'vitest';
import { sharedKeys, suggestKey } from '../../src/domain/account-key.ts';
import { editDistance } from '../../src/domain/edit-distance.ts';
import { coreName, normalize, stripControlCharacters } from '../../src/domain/normalize.ts';
import { extractTags, kindOf, sentimentOf } from '../../src/domain/note-text.ts';

describe('normalize', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalize('  Müller-Lüdenscheid GmbH. ')).toBe('muller ludenscheid gmbh');
    expect(normalize('Straße & Søn')).toBe('strasse and son');
    expect(coreName('The Acme Corporation, Inc.')).toBe('acme');
    expect(coreName('Holding AG')).toBe('holding ag');
  });

  it('removes control characters but keeps line breaks', () => {
    expect(stripControlCharacters('a\u0000b\u001b[31mc\nd\te\u200b')).toBe('ab[31mc\nd\te');
  });
});

describe('edit distance', () => {
  it.each([
    ['umbrela', 'umbrella', 1],
    ['acme', 'amce', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('stops early beyond the maximum', () => {
    expect(editDistance('completely', 'different', 2)).toBe(3);
  });
});

describe('account keys', () => {
  it('suggests a short key, longer or numbered when taken', () => {
    const taken = new Set(['acme', 'acme-germany']);
    expect(suggestKey('Globex Corporation', (key) => taken.has(key))).toBe('globex');
    expect(suggestKey('Acme Germany GmbH', (key) => taken.has(key))).toBe('acme-germany-2');
    expect(suggestKey('Acme Holdings', (key) => taken.has(key))).toBe('acme-2');
    expect(suggestKey('Ünïcode Straße', () => false)).toBe('unicode');
    expect(suggestKey('!!!', () => false)).toBe('account');
  });

  it('leaves a short key that fits several names to the account whose whole name it is', () => {
    const shared = sharedKeys(['Siemens Mobility GmbH', 'Siemens AG', 'Deutsche Bank AG', 'Deutsche Bahn AG']);
    const none = () => false;
    expect(suggestKey('Siemens Mobility GmbH', none, shared)).toBe('siemens-mobility');
    expect(suggestKey('Siemens AG', none, shared)).toBe('siemens');
    expect(suggestKey('Deutsche Bank AG', none, shared)).toBe('deutsche-bank');
    expect(suggestKey('Globex', none, shared)).toBe('globex');
  });
});

describe('note text', () => {
  it('finds tags and what they say about the note', () => {
    const tags = extractTags('Call went badly #Risk #call, see https://x.io/#anchor and C# code, #risk again');
    expect(tags).toEqual(['risk', 'call']);
    expect(sentimentOf(tags)).toBe('negative');
    expect(kindOf(tags)).toBe('call');
    expect(sentimentOf(['win'])).toBe('positive');
    expect(sentimentOf(['win', 'risk'])).toBe('neutral');
    expect(kindOf([])).toBe('note');
  });
});
