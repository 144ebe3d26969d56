// What the engine does with anything at all: empty lines, questions, unknown words, hostile input, failures.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CommandEngine } from '../../src/commands/engine.ts';
import type { Logger } from '../../src/logger.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation' }, SYSTEM_ACTOR);
});
afterAll(() => db.close());

describe('the command engine', () => {
  it('answers plain questions with the same handlers as commands', async () => {
    expect((await t.run('how is acme doing?')).reply.title).toBe('Health: Acme Corporation (acme)');
    expect((await t.run('tell me about acme')).reply.title).toBe('Acme Corporation (acme)');
    expect((await t.run("what's new with acme?")).reply.title).toBe('Notes: Acme Corporation (acme)');
    expect((await t.run('show acme')).reply.title).toBe('Acme Corporation (acme)');
  });

  it('creates no account from a sentence with options, and gives the command that would', async () => {
    const t = await createTestWorkspace(db.store, 'creating');
    const before = (await t.ws.accounts.list()).length;
    const result = await t.run('new Hansa Werke tier:A renewal:2027-06-30');
    expect(result.reply.summary).toBe(
      'I only create accounts from the command, so nothing was added. To add “Hansa Werke”, type /account new Hansa Werke tier:A renewal:2027-06-30.',
    );
    expect((await t.ws.accounts.list()).length).toBe(before);
    const created = await t.run('/account new Hansa Werke tier:A renewal:2027-06-30');
    expect(created.reply.summary).toBe(
      'Created Hansa Werke (hansa): tier A (strategic), owner Ada Admin, renewal 2027-06-30.',
    );
    expect((await t.ws.accounts.byKey('hansa'))?.renewalAt?.toISOString()).toBe('2027-06-30T12:00:00.000Z');
  });

  it('answers an unknown question with suggestions, never silence', async () => {
    const result = await t.run('what is the airspeed of an unladen swallow?');
    expect(result.status).toBe('user_error');
    expect(result.text).toContain("Sorry, I didn't understand that.");
    expect(result.text).toContain('how is acme doing?');
  });

  it.each([
    '',
    '   ',
    '/account',
    '"',
    '/account show "',
    "/account show '",
    '/account new "Acme',
    `/account ${'🙂'.repeat(500)}`,
    '/account show <!channel>',
    '/account show acme\u0000\u001b',
    "/account show '; DROP TABLE Account; --",
    '/account show **acme**',
    '/account list tier:',
    '/account new :',
    '/account notes acme -1',
    'مرحبا كيف حال acme؟',
    'x'.repeat(50_000),
  ])('never crashes on hostile input #%#', async (typed) => {
    const result = await t.run(typed);
    expect(['ok', 'user_error']).toContain(result.status);
    expect(result.reply.summary.length).toBeGreaterThan(0);
    expect(result.text).not.toMatch(/at .*\.ts:\d+/);
    expect(await t.ws.accounts.count(true)).toBe(1);
  });

  it('logs an internal failure with its context and answers with a short apology', async () => {
    const errors: unknown[] = [];
    const logger: Logger = { error: (context) => errors.push(context), warn() {}, info() {}, debug() {} };
    const engine = new CommandEngine(logger);
    const ctx = t.context(t.admin);
    const broken = {
      ...ctx,
      store: {
        ...ctx.store,
        accounts: {
          index: () => {
            throw new Error('disk on fire');
          },
        },
      },
    } as unknown as typeof ctx;
    const outcome = await engine.handle('/account show acme', broken);
    expect(outcome.status).toBe('internal_error');
    expect(outcome.reply.summary).toBe(
      'Something went wrong on our side. It has been logged; please try again in a moment.',
    );
    expect(outcome.reply.summary).not.toContain('disk on fire');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ command: 'show', userId: t.admin.id, workspaceId: t.workspace.id });
    vi.restoreAllMocks();
  });
});
