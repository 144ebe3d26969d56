// Who may read, edit and archive an account: member, team member, owner and admin, on open and restricted accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User, Visibility } from '../../src/domain/records.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
const people: Record<string, User> = {};

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  people.admin = t.admin;
  people.member = t.member;
  people.owner = await t.ws.users.create({ displayName: 'Olga Owner' }, SYSTEM_ACTOR);
  people.team = await t.ws.users.create({ displayName: 'Tom Team' }, SYSTEM_ACTOR);
});
afterAll(() => db.close());

type Role = 'member' | 'team' | 'owner' | 'admin';
type Outcome = 'ok' | 'forbidden' | 'hidden';

let counter = 0;
/** A fresh account per case, owned by Olga with Tom on the team, so archiving in one case leaves the others alone. */
async function freshAccount(visibility: Visibility) {
  counter++;
  const account = await t.ws.accounts.create(
    { key: `acct-${counter}`, name: `Account Number ${counter}`, visibility, ownerId: people.owner?.id ?? null },
    SYSTEM_ACTOR,
  );
  await t.ws.members.set(account.id, people.team?.id ?? 0, 'sales_engineer', SYSTEM_ACTOR);
  return account;
}

const COMMANDS = {
  read: (key: string) => `/account show ${key}`,
  edit: (key: string) => `/account edit ${key} tier:A`,
  archive: (key: string) => `/account archive ${key}`,
} as const;

const MATRIX: [Role, Visibility, keyof typeof COMMANDS, Outcome][] = [];
const EXPECTED: Record<Role, Record<Visibility, Record<keyof typeof COMMANDS, Outcome>>> = {
  member: {
    open: { read: 'ok', edit: 'forbidden', archive: 'forbidden' },
    restricted: { read: 'hidden', edit: 'hidden', archive: 'hidden' },
  },
  team: {
    open: { read: 'ok', edit: 'ok', archive: 'forbidden' },
    restricted: { read: 'ok', edit: 'ok', archive: 'forbidden' },
  },
  owner: { open: { read: 'ok', edit: 'ok', archive: 'ok' }, restricted: { read: 'ok', edit: 'ok', archive: 'ok' } },
  admin: { open: { read: 'ok', edit: 'ok', archive: 'ok' }, restricted: { read: 'ok', edit: 'ok', archive: 'ok' } },
};
for (const role of ['member', 'team', 'owner', 'admin'] as const) {
  for (const visibility of ['open', 'restricted'] as const) {
    for (const action of ['read', 'edit', 'archive'] as const) {
      MATRIX.push([role, visibility, action, EXPECTED[role][visibility][action]]);
    }
  }
}

describe('the permission matrix', () => {
  it.each(MATRIX)('%s × %s account × %s → %s', async (role, visibility, action, outcome) => {
    const account = await freshAccount(visibility);
    const user = people[role] as User;
    const before = await t.ws.audit.forEntity('account', account.id);
    const result = await t.run(COMMANDS[action](account.key), user);
    const after = await t.ws.audit.forEntity('account', account.id);
    const stored = await t.ws.accounts.byId(account.id);
    if (outcome === 'ok') {
      expect(result.status).toBe('ok');
      if (action === 'read') expect(result.reply.title).toBe(`${account.name} (${account.key})`);
      if (action === 'edit') expect(stored?.tier).toBe('A');
      if (action === 'archive') expect(stored?.archivedAt).not.toBeNull();
      if (action !== 'read')
        expect(after[0]).toMatchObject({
          actorId: user.id,
          action: `account.${action === 'edit' ? 'update' : 'archive'}`,
        });
      return;
    }
    expect(result.status).toBe('user_error');
    expect(after).toHaveLength(before.length);
    expect(stored).toMatchObject({ tier: 'B', archivedAt: null });
    if (outcome === 'hidden') {
      // Outside the team a restricted account does not exist: the answer must not reveal it.
      expect(result.reply.summary.startsWith(`I couldn't find an account called “${account.key}”`)).toBe(true);
      expect(result.text).not.toContain(account.name);
    } else if (action === 'edit') {
      expect(result.reply.summary).toBe(`Only the account team of ${account.name} or an admin can change it.`);
    } else {
      expect(result.reply.summary).toBe(`Only the owner of ${account.name} or an admin can archive it.`);
    }
  });

  it('keeps a restricted account out of lists, searches and notes for people outside its team', async () => {
    const secret = await freshAccount('restricted');
    const member = people.member as User;
    expect((await t.run('/account list', member)).text).not.toContain(secret.name);
    const search = await t.run(`/account search ${secret.name}`, member);
    const hits = search.reply.blocks.flatMap((block) =>
      block.type === 'list' ? block.items.map((item) => item.title) : [],
    );
    expect(hits.join(' ')).not.toContain(secret.name);
    const asTeam = await t.run(`/account search ${secret.name}`, people.team as User);
    expect(asTeam.text).toContain(`${secret.name} (${secret.key})`);
    const note = await t.run(`/account note ${secret.key} sneaky`, member);
    expect(note.status).toBe('user_error');
    expect(await t.ws.notes.countForAccount(secret.id)).toBe(0);
    expect((await t.run('/account list', people.team as User)).text).toContain(secret.name);
  });

  it('lets only the owner or an admin hand an account over', async () => {
    const account = await freshAccount('open');
    const byTeam = await t.run(`/account owner ${account.key} @"Tom Team"`, people.team as User);
    expect(byTeam.reply.summary).toBe(`Only the owner of ${account.name} or an admin can hand it over.`);
    const byOwner = await t.run(`/account owner ${account.key} @"Tom Team"`, people.owner as User);
    expect(byOwner.status).toBe('ok');
    expect((await t.ws.accounts.byId(account.id))?.ownerId).toBe(people.team?.id);
  });
});
