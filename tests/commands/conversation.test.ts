// Plain-language questions: each phrasing must reach the right handler with the right account, through the same
// engine that runs commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  const acme = await t.ws.accounts.create(
    { key: 'acme', name: 'Acme Corporation', country: 'United States', ownerId: t.member.id },
    SYSTEM_ACTOR,
  );
  await t.ws.accounts.create(
    { key: 'acme-de', name: 'Acme Deutschland GmbH', country: 'Germany', parentId: acme.id },
    SYSTEM_ACTOR,
  );
  await t.ws.accounts.create({ key: 'globex', name: 'Globex', ownerId: t.admin.id }, SYSTEM_ACTOR);
  await t.ws.accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR);
  await t.ws.accounts.create({ key: 'umbrella', name: 'Umbrella Corporation' }, SYSTEM_ACTOR);
});
afterAll(() => db.close());

/** What each handler's reply looks like, so a phrasing can be checked to have reached it with its account. */
const REACHED: Record<string, (name: string) => RegExp> = {
  health: (name) => new RegExp(`^Health: ${name} \\(`),
  show: (name) => new RegExp(`^${name} \\(`),
  notes: (name) => new RegExp(`^Notes: ${name} \\(`),
  timeline: (name) => new RegExp(`^Timeline: ${name} \\(`),
  team: (name) => new RegExp(`^Account team: ${name} \\(`),
  contacts: (name) => new RegExp(`^Contacts: ${name} \\(`),
  opps: (name) => new RegExp(`^Opportunities: ${name} \\(`),
};

const NAMES: Record<string, string> = {
  acme: 'Acme Corporation',
  'acme-de': 'Acme Deutschland GmbH',
  globex: 'Globex',
  initech: 'Initech',
  umbrella: 'Umbrella Corporation',
};

describe('questions about one account', () => {
  it.each([
    ['how is acme doing?', 'health', 'acme'],
    ["How's Globex?", 'health', 'globex'],
    ['how are things at Initech', 'health', 'initech'],
    ['@kam how is umbrela doing lately?', 'health', 'umbrella'],
    ['<@kam:1> how are things with acme germany?', 'health', 'acme-de'],
    ['hey kam, how is acme corp these days?', 'health', 'acme'],
    ['what is the health of globex?', 'health', 'globex'],
    ['is initech at risk?', 'health', 'initech'],
    ['is Umbrella Corporation healthy', 'health', 'umbrella'],
    ['globex health', 'health', 'globex'],
    ['tell me about "Acme Deutschland"', 'show', 'acme-de'],
    ['show me globex', 'show', 'globex'],
    ['what do we know about initech?', 'show', 'initech'],
    ["what's the status of umbrella?", 'show', 'umbrella'],
    ['info on acme', 'show', 'acme'],
    ['open globex', 'show', 'globex'],
    ['who owns globex?', 'team', 'globex'],
    ['who is the owner of acme?', 'team', 'acme'],
    ['whose account is initech', 'team', 'initech'],
    ["who's on the umbrella team?", 'team', 'umbrella'],
    ['who works on acme germany', 'team', 'acme-de'],
    ['who is the KAM for Globex', 'team', 'globex'],
    ["what's new with initech this week?", 'notes', 'initech'],
    ['latest on umbrella', 'notes', 'umbrella'],
    ['any news from acme?', 'notes', 'acme'],
    ['any updates on globex', 'notes', 'globex'],
    ['notes on initech please', 'notes', 'initech'],
    ['what happened at acme this week?', 'timeline', 'acme'],
    ['history of globex', 'timeline', 'globex'],
    ['who are the contacts at initech?', 'contacts', 'initech'],
    ['who do we know at umbrella?', 'contacts', 'umbrella'],
    ['stakeholders at acme', 'contacts', 'acme'],
    ['who is the decision maker at globex?', 'contacts', 'globex'],
    ["what's in the pipeline at acme?", 'opps', 'acme'],
    ['open deals at globex', 'opps', 'globex'],
    ['opportunities for initech', 'opps', 'initech'],
    ['what are we selling to umbrella?', 'opps', 'umbrella'],
    // A bare name is the account card.
    ['acme?', 'show', 'acme'],
  ])('“%s” → %s of %s', async (question, command, key) => {
    const result = await t.run(question);
    expect(result.status).toBe('ok');
    const title = result.reply.title ?? '';
    const name = NAMES[key] ?? '';
    expect(title).toMatch((REACHED[command] ?? (() => /$^/))(name));
  });
});

describe('questions about the portfolio and my work', () => {
  it.each([
    ['which accounts are at risk?', /^Accounts at risk \(/],
    ['what accounts need attention?', /^Accounts at risk \(/],
    ['show me the red accounts', /^Accounts \(red\) \(/],
    ['anything at risk?', /^Accounts at risk \(/],
    ['which of my accounts are at risk?', /^Your accounts at risk \(/],
    ['show me my accounts', /^Your accounts \(/],
    ['which accounts do I own?', /^Your accounts \(/],
    ['list all accounts', /^Portfolio \(/],
    ['the portfolio please', /^Portfolio \(/],
    ['what are my tasks?', /^Your follow-ups \(/],
    ["what's on my plate?", /^Your follow-ups \(/],
    ["what's overdue?", /^Your overdue follow-ups \(/],
    ['what am I late on?', /^Your overdue follow-ups \(/],
    ['find procurement', /^Search: procurement$/],
    ['search for budget approval', /^Search: budget approval$/],
    ['what can you do?', /^kam-bot: your key accounts, in chat$/],
    ['help', /^kam-bot: your key accounts, in chat$/],
  ])('“%s”', async (question, title) => {
    const result = await t.run(question, t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.title).toMatch(title);
  });
});

describe('questions that change something', () => {
  it('“note for acme: …” saves a note on acme', async () => {
    const result = await t.run('note for acme: CFO approved the budget #win');
    expect(result.reply.summary).toBe('Saved a note to Acme Corporation (acme).');
    const [latest] = await t.ws.notes.forAccount((await t.ws.accounts.byKey('acme'))?.id ?? 0, 1);
    expect(latest).toMatchObject({ body: 'CFO approved the budget #win', sentiment: 'positive' });
  });

  it('“add a note to globex: …” saves a note on globex', async () => {
    const result = await t.run('add a note to globex: met the new CIO');
    expect(result.reply.summary).toBe('Saved a note to Globex (globex).');
  });

  it.each([
    ['remind me to call Bob at Acme on Friday', 'acme', 'call Bob', '2026-11-27'],
    ['remind me to send the offer to initech by next tuesday', 'initech', 'send the offer', '2026-12-01'],
    ['remind me to send the offer for initech by next tuesday', 'initech', 'send the offer', '2026-12-01'],
    ['Remind me on monday to chase the PO with Umbrella', 'umbrella', 'chase the PO', '2026-11-30'],
    ['remind me to check the contract for globex in 2 weeks', 'globex', 'check the contract', '2026-12-11'],
    ['remind me to prepare the QBR for acme germany', 'acme-de', 'prepare the QBR', null],
  ])('“%s” adds a follow-up', async (question, key, title, due) => {
    const result = await t.run(question, t.member);
    expect(result.status).toBe('ok');
    const account = await t.ws.accounts.byKey(key);
    const [task] = await t.ws.tasks.list({ accountId: account?.id ?? 0, assigneeId: t.member.id });
    expect(task?.title).toBe(title);
    expect(task?.dueAt?.toISOString().slice(0, 10) ?? null).toBe(due);
  });

  it('“save this thread to acme” asks for a Slack thread where there is none', async () => {
    const result = await t.run('save this thread to acme');
    expect(result.status).toBe('user_error');
    expect(result.reply.summary).toContain('Saving a thread works inside a Slack thread');
  });
});

describe('questions it does not understand', () => {
  it.each(['what is the meaning of life?', 'sing me a song', 'why'])(
    '“%s” gets suggestions, not silence',
    async (question) => {
      const result = await t.run(question);
      expect(result.status).toBe('user_error');
      expect(result.text).toContain("Sorry, I didn't understand that.");
      expect(result.text).toContain('/account help');
    },
  );
});
