import { describe, expect, it } from 'vitest';
import { AccountMatcher, type MatchableAccount } from '../../src/domain/account-matching.ts';

const accounts: MatchableAccount[] = [
  { id: 1, key: 'acme', name: 'Acme Corporation', aliases: ['ACME Inc'], parentId: null, country: 'United States' },
  { id: 2, key: 'acme-de', name: 'Acme Deutschland GmbH', aliases: [], parentId: 1, country: 'Germany' },
  { id: 3, key: 'acme-fr', name: 'Acme France SAS', aliases: [], parentId: 1, country: 'France' },
  { id: 4, key: 'umbrella', name: 'Umbrella Corporation', aliases: [], parentId: null, country: 'United Kingdom' },
  { id: 5, key: 'muller', name: 'Müller-Lüdenscheid AG', aliases: [], parentId: null, country: 'Germany' },
  { id: 6, key: 'globex', name: 'Globex', aliases: ['GBX', 'Globex International'], parentId: null, country: 'Japan' },
  { id: 7, key: 'initech', name: 'Initech', aliases: [], parentId: null, country: 'United States' },
  { id: 8, key: 'initrode', name: 'Initrode', aliases: [], parentId: null, country: 'United States' },
  { id: 9, key: 'nordwind', name: 'Nordwind Global Logistics', aliases: ['NWL'], parentId: null, country: 'Germany' },
];
const matcher = new AccountMatcher(accounts);

describe('account matching', () => {
  it.each([
    ['acme', 1, 'key'],
    ['ACME-DE', 2, 'key, any case'],
    ['Acme Corporation', 1, 'full name'],
    ['acme corp.', 1, 'name with another legal form and punctuation'],
    ['acme inc', 1, 'alias'],
    ['GBX', 6, 'alias, upper case'],
    ['muller ludenscheid', 5, 'accents and punctuation ignored'],
    ['Müller-Lüdenscheid', 5, 'accents typed'],
    ['MULLER', 5, 'first word, upper case'],
    ['Umbrela', 4, 'one letter missing'],
    ['umbrellla corp', 4, 'one letter too many'],
    ['Umbrlela', 4, 'two letters swapped and one missing'],
    ['Acme Germany', 2, 'subsidiary as parent + country'],
    ['acme france', 3, 'subsidiary by its own name'],
    ['Acme Deutschland', 2, 'subsidiary without legal form'],
    ['nordwind global', 9, 'leading words'],
    ['global logistics', 9, 'words inside the name'],
    ['Globex International', 6, 'long alias'],
  ])('finds %s (%s)', (reference, id) => {
    expect(matcher.match(reference)).toEqual({ kind: 'found', id });
  });

  it('asks back when a name fits several accounts', () => {
    expect(matcher.match('init')).toEqual({ kind: 'ambiguous', ids: [7, 8] });
  });

  it('prefers the exact name over the subsidiaries that start with it', () => {
    expect(matcher.match('Acme')).toEqual({ kind: 'found', id: 1 });
  });

  it('offers close names when nothing matches, and nothing for nonsense', () => {
    const result = matcher.match('initeck systems');
    expect(result.kind).toBe('none');
    expect(matcher.match('zzzzqqqq')).toEqual({ kind: 'none', suggestions: [] });
  });

  it('does not guess through typos in very short names', () => {
    expect(matcher.match('acm')).toEqual({ kind: 'found', id: 1 }); // a prefix of the key, not a typo
    expect(matcher.match('abc').kind).toBe('none');
  });

  it('returns nothing for empty and punctuation-only input', () => {
    expect(matcher.match('   ').kind).toBe('none');
    expect(matcher.match('?!…').kind).toBe('none');
  });

  it('matches only among the accounts a filter allows, with the same matcher', () => {
    const withoutInitrode = (id: number) => id !== 8;
    expect(matcher.match('init', withoutInitrode)).toEqual({ kind: 'found', id: 7 });
    expect(matcher.match('initrode', withoutInitrode).kind).toBe('none');
    expect(matcher.match('acme-de', (id) => id !== 2)).not.toEqual({ kind: 'found', id: 2 });
    expect(matcher.match('Umbrela', (id) => id !== 4)).toEqual({ kind: 'none', suggestions: [] });
    expect(matcher.match('init')).toEqual({ kind: 'ambiguous', ids: [7, 8] });
  });
});
