import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandEngine } from '../../src/commands/engine.ts';
import { silentLogger } from '../../src/logger.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
});
afterAll(() => db.close());

describe('/account new', () => {
  it('creates an account with a key, tier and the creator as owner, and audits it', async () => {
    const result = await t.run('/account new Acme Corporation tier:A', t.member);
    expect(result.status).toBe('ok');
    expect(result.text).toContain('Created Acme Corporation (acme): tier A (strategic), owner Max Member.');
    const account = await t.ws.accounts.byKey('acme');
    expect(account).toMatchObject({ name: 'Acme Corporation', tier: 'A', ownerId: t.member.id, status: 'active' });
    const audit = await t.ws.audit.forEntity('account', account?.id ?? 0);
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([['account.create', t.member.id]]);
  });

  it('takes quoted names, a parent, an owner and a key', async () => {
    const result = await t.run(
      '/account new "Acme Germany GmbH" parent:acme owner:@max key:acme-de region:EMEA country:Germany',
    );
    expect(result.status).toBe('ok');
    const account = await t.ws.accounts.byKey('acme-de');
    const parent = await t.ws.accounts.byKey('acme');
    expect(account).toMatchObject({
      name: 'Acme Germany GmbH',
      parentId: parent?.id,
      ownerId: t.member.id,
      region: 'EMEA',
    });
  });

  it.each([
    ['/account new', 'Give the new account a name'],
    ['/account new   tier:A', 'Give the new account a name'],
    ['/account new Initech tier:Z', 'The tier must be A (strategic), B (key) or C (development).'],
    ['/account new Initech teir:A', 'Did you mean tier:?'],
    ['/account new Initech tier:A tier:B', 'You gave tier: twice'],
    ['/account new Initech key:"not a key!"', 'A key is up to 32 lower-case letters'],
    ['/account new Initech owner:@nobody', "I don't know anyone called “nobody”"],
    ['/account new Initech parent:zzzzzz', "couldn't find an account called “zzzzzz”"],
    [`/account new ${'x'.repeat(121)}`, 'An account name can be at most 120 characters.'],
    ['/account new ACME corp.', 'There is already an account called Acme Corporation (acme).'],
    ['/account new Initech key:acme', 'The key "acme" is already used by Acme Corporation.'],
  ])('%s → one clear sentence, nothing written', async (command, message) => {
    const before = await t.ws.accounts.count(true);
    const result = await t.run(command);
    expect(result.status).toBe('user_error');
    expect(result.reply.summary).toContain(message);
    expect(result.reply.summary.split(/(?<=[.?])\s/).length).toBeLessThanOrEqual(2);
    expect(await t.ws.accounts.count(true)).toBe(before);
  });

  it('offers a form where the platform has forms', async () => {
    const engine = new CommandEngine(silentLogger);
    const outcome = await engine.handle('/account new', {
      ...t.context(t.admin),
      surface: { forms: true, buttons: true },
    });
    expect(outcome.status).toBe('ok');
    expect(outcome.reply.blocks[0]).toMatchObject({ type: 'form', formId: 'account_new' });
  });
});
