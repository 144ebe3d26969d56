// Whatever people paste: every command answers with a result or one clear sentence, never crashes, never half-saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation', ownerId: t.admin.id }, SYSTEM_ACTOR);
});
afterAll(() => db.close());

const HOSTILE = {
  long: 'lorem ipsum '.repeat(834).trim(),
  emoji: '🚀🔥 deal closed 👍🏽 with 👨‍👩‍👧‍👦 team',
  rtl: 'שלום עולם مرحبا بالعالم',
  control: 'bell\u0007 nul\u0000 escape\u001b[31m red',
  sql: '\'); DROP TABLE Account; -- " OR 1=1',
  markdown: '*bold* _italic_ `code` ```block``` [link](https://evil.example) <b>html</b>',
  mentions: '<!channel> <!here> <@U123|boss> <https://evil.example|your bank>',
  quotes: 'unbalanced " quote \' and “curly',
  spaces: '   \t  ',
} as const;

const COMMANDS: [string, (text: string) => string][] = [
  ['note', (text) => `/account note acme ${text}`],
  ['contact add', (text) => `/account contact add acme ${text}, Chief ${text}`],
  ['opp add', (text) => `/account opp add acme ${text}`],
  ['task add', (text) => `/account task add acme ${text}`],
  ['edit strategy', (text) => `/account edit acme strategy:"${text}"`],
  ['new', (text) => `/account new ${text}`],
  ['search', (text) => `/account search ${text}`],
  ['show', (text) => `/account show ${text}`],
];

async function counts() {
  const accounts = await t.ws.accounts.count(true);
  const acme = await t.ws.accounts.byKey('acme');
  const id = acme?.id ?? 0;
  return {
    accounts,
    notes: await t.ws.notes.countForAccount(id),
    contacts: (await t.ws.contacts.forAccount(id)).length,
    opportunities: (await t.ws.opportunities.forAccount(id)).length,
    tasks: (await t.ws.tasks.list({ accountId: id, includeDone: true })).length,
  };
}

const CASES = COMMANDS.flatMap(([name, build]) =>
  Object.entries(HOSTILE).map(([kind, text]) => [name, kind, build(text)] as const),
);

describe('hostile input', () => {
  it.each(CASES)('%s with %s text', async (_name, _kind, command) => {
    const before = await counts();
    const result = await t.run(command);
    const after = await counts();
    expect(['ok', 'user_error']).toContain(result.status);
    if (result.status === 'user_error') {
      // One clear sentence (two at most when it says what to do instead), and nothing written.
      expect(result.reply.summary.length).toBeGreaterThan(10);
      expect(result.reply.summary.split(/(?<=[.?!])\s+(?=[A-Z])/).length).toBeLessThanOrEqual(2);
      expect(after).toEqual(before);
    }
    // Control characters never reach a reply.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what is checked for
    expect(result.text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
  });

  it('keeps a 10,000-character note whole and pasted markup as plain text', async () => {
    const long = `${'a'.repeat(9_990)} #risk end`;
    expect((await t.run(`/account note acme ${long}`)).status).toBe('ok');
    const acme = await t.ws.accounts.byKey('acme');
    const [stored] = await t.ws.notes.forAccount(acme?.id ?? 0, 1);
    expect(stored?.body).toBe(long);
    expect(stored?.sentiment).toBe('negative');
    await t.run(`/account note acme ${HOSTILE.mentions}`);
    const [mentions] = await t.ws.notes.forAccount(acme?.id ?? 0, 1);
    expect(mentions?.body).toBe(HOSTILE.mentions);
  });
});
