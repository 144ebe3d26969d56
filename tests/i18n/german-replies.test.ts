// German replies are German all the way through: every command, error and list a German reader meets is rendered
// and searched for English catalogue text (a message, or the words before a message's first placeholder) that
// differs from its German twin. A reply built from a literal instead of the catalogue fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageKey } from '../../src/i18n/translate.ts';
import type { ConsoleSession } from '../../src/platforms/console/session.ts';
import { renderText } from '../../src/replies/text.ts';
import { openDemoSession } from '../helpers/demo-session.ts';
import type { TestDatabase } from '../helpers/store.ts';

const NOW = new Date('2026-12-03T09:00:00Z');

const COMMANDS = [
  '/account help',
  '/account help note',
  '/account list',
  '/account list at-risk',
  '/account list band:red quiet',
  '/account show nordwind',
  '/account show nordwind field:revenue',
  '/account health pelham',
  '/account health settings',
  '/account notes nordwind 5',
  '/account timeline harbourline period:"letzter Monat"',
  '/account contacts nordwind',
  '/account contacts name:"Ute Hoffmann"',
  '/account opps nordwind',
  '/account opps',
  '/account opps overdue',
  '/account opps lost competitor:"Sundt Automation"',
  '/account renewals',
  '/account renewals nordwind',
  '/account tasks overdue',
  '/account tasks account:nordwind',
  '/account team nordwind',
  '/account search Angebot',
  '/account digest preview',
  '/account digest list',
  '/account settings',
  '/account note nordwind Angebot an Frau Hoffmann geschickt todo: Rückruf bis Freitag',
  '/account task add corvane Angebot schicken bis Freitag',
  '/account show',
  '/account show nordwnd',
  '/account edit nordwind tier:Z',
  '/account opp add nordwind Robots value:viel',
  '/account done 999999',
  '/account shwo nordwind',
  '/account list farbe:rot',
  'erinnere mich, Ute am Freitag anzurufen',
  'neues Konto Globex',
  'bitte etwas völlig anderes',
];

/** The English text a German reply must not contain: whole messages, and what comes before a placeholder. */
function englishFragments(): string[] {
  const fragments = new Set<string>();
  for (const key of Object.keys(CATALOGUES.en) as MessageKey[]) {
    const english = CATALOGUES.en[key];
    if (english === CATALOGUES.de[key]) continue;
    const lead = english.split(/[{#]/)[0]?.trim() ?? '';
    // Short leads ("Tier", "Status") read the same in both languages or are too short to tell; a command
    // ("/account notes …") is the same in both; form labels are only on forms, and "Contract renewal" is also an
    // opportunity of the demo portfolio.
    if (lead.length >= 12 && !lead.startsWith('/') && !key.startsWith('form.')) fragments.add(lead);
  }
  return [...fragments];
}

let db: TestDatabase;
let session: ConsoleSession;

beforeAll(async () => {
  ({ db, session } = await openDemoSession(NOW, 'de'));
});
afterAll(() => db.close());

describe('replies to a German reader', () => {
  const fragments = englishFragments();

  it('have English text to look for', () => {
    expect(fragments.length).toBeGreaterThan(100);
  });

  it.each(COMMANDS)('%s is German', async (command) => {
    const outcome = await session.run(command);
    expect(outcome.status).not.toBe('internal_error');
    const rendered = renderText(outcome.reply);
    expect(fragments.filter((fragment) => rendered.includes(fragment))).toEqual([]);
  });
});
