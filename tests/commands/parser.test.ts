import { describe, expect, it } from 'vitest';
import { hasCommandPrefix, parseCommandLine, tokenize } from '../../src/commands/parser.ts';

describe('tokenize', () => {
  it('splits words, quoted phrases and options', () => {
    const tokens = tokenize('new "Acme Germany" tier:A owner:"Dana Scully" parent:acme');
    expect(tokens.map((token) => token.text)).toEqual([
      'new',
      'Acme Germany',
      'tier:A',
      'owner:"Dana Scully"',
      'parent:acme',
    ]);
    expect(tokens.map((token) => token.option)).toEqual([
      undefined,
      undefined,
      { name: 'tier', value: 'A' },
      { name: 'owner', value: 'Dana Scully' },
      { name: 'parent', value: 'acme' },
    ]);
  });

  it('reads curly and angle quotes, and keeps apostrophes inside words', () => {
    expect(tokenize('show “Acme Corp” «Globex Intl» Bob’s').map((token) => token.text)).toEqual([
      'show',
      'Acme Corp',
      'Globex Intl',
      'Bob’s',
    ]);
  });

  it('takes the rest of the line for an unclosed quote', () => {
    expect(tokenize('show "Acme Corp').map((token) => token.text)).toEqual(['show', 'Acme Corp']);
  });

  it('does not take URLs or times for options', () => {
    expect(tokenize('https://example.com 09:30').map((token) => token.option)).toEqual([undefined, undefined]);
  });
});

describe('parseCommandLine', () => {
  it('drops the /account prefix and keeps the rest exactly as typed', () => {
    const line = parseCommandLine('/account NOTE acme Line one\n  line two');
    expect(line.name).toBe('note');
    expect(line.rest).toBe('acme Line one\n  line two');
    expect(hasCommandPrefix('account list')).toBe(true);
    expect(hasCommandPrefix('accounts at risk')).toBe(false);
  });

  it('gives an empty name for an empty line', () => {
    expect(parseCommandLine('/account   ').name).toBe('');
  });
});
