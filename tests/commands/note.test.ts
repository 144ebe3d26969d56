import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
let acmeId: number;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  acmeId = (await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation', ownerId: t.admin.id }, SYSTEM_ACTOR))
    .id;
  await t.ws.accounts.create({ key: 'acme-de', name: 'Acme Germany', parentId: acmeId }, SYSTEM_ACTOR);
  await t.ws.accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR);
  await t.ws.accounts.create({ key: 'initrode', name: 'Initrode' }, SYSTEM_ACTOR);
});
afterAll(() => db.close());

async function latest(key: string) {
  const account = await t.ws.accounts.byKey(key);
  const [note] = await t.ws.notes.forAccount(account?.id ?? 0, 1);
  return note;
}

describe('/account note', () => {
  it('saves the note with its author, time, tags and sentiment', async () => {
    const result = await t.run('/account note acme Met Jane (CFO): budget approved for phase 2 #win', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Saved a note to Acme Corporation (acme).');
    expect(await latest('acme')).toMatchObject({
      body: 'Met Jane (CFO): budget approved for phase 2 #win',
      authorId: t.member.id,
      occurredAt: NOW,
      tags: ['win'],
      sentiment: 'positive',
      sourceRef: { source: 'slack' },
    });
  });

  it.each([
    [
      '/account note Acme Germany: procurement wants a second offer #risk',
      'acme-de',
      'procurement wants a second offer #risk',
    ],
    ['/account note "Acme Germany" quoted name', 'acme-de', 'quoted name'],
    ['note for acme: CFO approved the budget', 'acme', 'CFO approved the budget'],
    ['/account note acme: call at 10:30 went well', 'acme', 'call at 10:30 went well'],
    [
      '/account note initech First line\n\n  - second line\n  - third',
      'initech',
      'First line\n\n  - second line\n  - third',
    ],
  ])('%s → a note on %s', async (command, key, body) => {
    const result = await t.run(command);
    expect(result.status).toBe('ok');
    expect((await latest(key))?.body).toBe(body);
  });

  it('keeps hostile text as text', async () => {
    const nasty = "<!channel> <@U123> <https://evil.example|your bank> **bold** `code` '; DROP TABLE Note; -- 🙂 مرحبا";
    const result = await t.run(`/account note acme ${nasty}`);
    expect(result.status).toBe('ok');
    expect((await latest('acme'))?.body).toBe(nasty);
    expect(await t.ws.notes.countForAccount(acmeId)).toBeGreaterThan(0);
  });

  it('takes a 10,000-character note whole, and strips control characters', async () => {
    const long = `${'word '.repeat(2_000)}`.trim();
    expect((await t.run(`/account note acme ${long}`)).status).toBe('ok');
    expect((await latest('acme'))?.body).toBe(long);
    expect((await t.run('/account note acme bell\u0007 and escape\u001b[2J here')).status).toBe('ok');
    expect((await latest('acme'))?.body).toBe('bell and escape[2J here');
  });

  it.each([
    ['/account note', 'Say which account the note is for'],
    ['/account note acme', 'Write the note after the account'],
    ['/account note acme    \u0000\u0001  ', 'Write the note after the account'],
    ['/account note zzqqxx something', "couldn't find an account called “zzqqxx”"],
    [`/account note acme ${'x'.repeat(40_001)}`, 'A note can be at most 40,000 characters.'],
  ])('%s → one clear sentence and nothing saved', async (command, message) => {
    const before = await t.ws.notes.countForAccount(acmeId);
    const result = await t.run(command);
    expect(result.status).toBe('user_error');
    expect(result.reply.summary).toContain(message);
    expect(await t.ws.notes.countForAccount(acmeId)).toBe(before);
  });

  it('asks which account when the name fits several, offering the commands that pick each', async () => {
    const result = await t.run('/account note init Kick-off went well');
    expect(result.status).toBe('user_error');
    const choices = result.reply.blocks.find((block) => block.type === 'choices');
    expect(choices?.type === 'choices' && choices.choices.map((choice) => choice.command)).toEqual([
      '/account note initech Kick-off went well',
      '/account note initrode Kick-off went well',
    ]);
    const picked = await t.run('/account note initrode Kick-off went well');
    expect(picked.status).toBe('ok');
    expect((await latest('initrode'))?.body).toBe('Kick-off went well');
  });
});
