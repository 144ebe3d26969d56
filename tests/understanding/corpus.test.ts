// The understanding layer against the demo portfolio: every phrasing of the English and German corpus becomes the
// command written beside it, and runs through the engine without "didn't understand"; every sentence of the
// no-harm list writes nothing. Phrasings still missed are listed here by name, so fixing one fails this test
// until it moves out of the list.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocabularyFor } from '../../src/commands/vocabulary.ts';
import type { ConsoleSession } from '../../src/platforms/console/session.ts';
import { renderText } from '../../src/replies/text.ts';
import { type Understanding, understand } from '../../src/understanding/understand.ts';
import type { Vocabulary } from '../../src/understanding/vocabulary.ts';
import { openDemoSession } from '../helpers/demo-session.ts';
import type { TestDatabase } from '../helpers/store.ts';

const NOW = new Date('2026-12-03T09:00:00Z');

/** Phrasings the layer does not get right yet; the closing note of issue 12 counts them. */
const KNOWN_MISSES = new Set(["what's open at harbourline?", 'was steht nächste woche an?']);

function corpus(file: string): [string, string][] {
  return readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [phrase = '', command = ''] = line.split(' => ');
      return [phrase.trim(), command.trim()];
    });
}

const ENGLISH = corpus('./corpus-en.txt');
const GERMAN = corpus('./corpus-de.txt');
const NO_HARM = readFileSync(new URL('./no-harm.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'));

/** What a sentence became, written the way the corpus writes it. */
function asWritten(understood: Understanding): string {
  switch (understood.kind) {
    case 'read':
    case 'write':
      return understood.command;
    case 'ask':
      return `ASK ${understood.template}`;
    case 'create_account':
      return 'CREATE';
    case 'unknown':
      return '(not understood)';
  }
}

let db: TestDatabase;
let session: ConsoleSession;
let vocabulary: Vocabulary;

beforeAll(async () => {
  ({ db, session } = await openDemoSession(NOW, 'en'));
  vocabulary = await vocabularyFor({
    ...session.context,
    disclosure: { restricted: false },
  });
});
afterAll(() => db.close());

describe.each([
  ['English', ENGLISH],
  ['German', GERMAN],
])('the %s corpus', (_language, phrasings) => {
  it('has enough phrasings to measure by', () => {
    expect(ENGLISH.length + GERMAN.length).toBeGreaterThanOrEqual(400);
    expect(phrasings.length).toBeGreaterThanOrEqual(150);
  });

  it.each(phrasings.filter(([phrase]) => !KNOWN_MISSES.has(phrase)))('“%s” → %s', (phrase, command) => {
    expect(asWritten(understand(phrase, vocabulary))).toBe(command);
  });

  it.each(phrasings.filter(([phrase]) => KNOWN_MISSES.has(phrase)))('“%s” is still missed', (phrase, command) => {
    expect(asWritten(understand(phrase, vocabulary))).not.toBe(command);
  });
});

describe('questions answer through the engine', () => {
  const questions = [...ENGLISH, ...GERMAN].filter(
    ([phrase, command]) => !KNOWN_MISSES.has(phrase) && !/^(?:ASK|CREATE|task |note |savethread)/.test(command),
  );
  it.each(questions)('“%s” is answered', async (phrase) => {
    const outcome = await session.run(phrase);
    expect(outcome.status, renderText(outcome.reply)).toBe('ok');
  });
});

describe('sentences that must not write', () => {
  async function counts() {
    const index = session.store.accounts.index();
    let notes = 0;
    for (const entry of index) notes += await session.store.notes.countForAccount(entry.id);
    const tasks = (await session.store.tasks.list({ includeDone: true }, 1_000_000)).length;
    const contacts = (await session.store.contacts.forAccounts(index.map((entry) => entry.id))).size;
    return { accounts: index.length, notes, tasks, contacts };
  }

  it('has at least 40 of them', () => {
    expect(NO_HARM.length).toBeGreaterThanOrEqual(40);
  });

  it.each(NO_HARM)('“%s” writes nothing and says so', async (sentence) => {
    const before = await counts();
    const outcome = await session.run(sentence);
    expect(outcome.status).not.toBe('ok');
    expect(outcome.status).not.toBe('internal_error');
    expect(await counts()).toEqual(before);
  });
});

/** The sentences of the README's "Plain sentences" table, each cell's examples split at " · ". */
function readmeSentences(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('| ask | or in German |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.flatMap((row) =>
    row
      .split('|')
      .map((cell) => cell.trim())
      .filter(Boolean)
      .flatMap((cell) => cell.split(' · ')),
  );
}

describe('the README’s example sentences', () => {
  const sentences = readmeSentences();
  it('are there to check', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(30);
  });

  it.each(sentences)('“%s” is understood against the demo portfolio', (sentence) => {
    const understood = understand(sentence, vocabulary);
    expect(understood.kind, asWritten(understood)).toMatch(/^(?:read|write)$/);
  });
});
