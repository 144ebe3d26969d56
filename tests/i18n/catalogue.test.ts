// Every message has its German twin, both parse as ICU messages, and both use the same placeholders: a key
// missing from de.ts, a placeholder renamed in one language or a broken plural fails here.
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageKey, t } from '../../src/i18n/translate.ts';

type Element = ReturnType<typeof parse>[number];

function placeholders(elements: Element[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
  }
  return into;
}

const KEYS = Object.keys(CATALOGUES.en) as MessageKey[];

describe('the message catalogue', () => {
  it('has a German message for every English one, and no others', () => {
    expect(Object.keys(CATALOGUES.de).sort()).toEqual([...KEYS].sort());
  });

  it.each(KEYS)('%s parses in both languages with the same placeholders', (key) => {
    const english = placeholders(parse(CATALOGUES.en[key], { ignoreTag: true }));
    const german = placeholders(parse(CATALOGUES.de[key], { ignoreTag: true }));
    expect([...german].sort()).toEqual([...english].sort());
  });

  it('formats plurals and dates by each language’s rules', () => {
    expect(t('en', 'time.relative', { direction: 'future', unit: 'day', count: 1 })).toBe('tomorrow');
    expect(t('de', 'time.relative', { direction: 'past', unit: 'week', count: 3 })).toBe('vor 3 Wochen');
    expect(t('de', 'renewals.title', { count: 1, from: '03.12.2026', to: '03.03.2027' })).toBe(
      '1 Verlängerung vom 03.12.2026 bis 03.03.2027',
    );
  });
});
