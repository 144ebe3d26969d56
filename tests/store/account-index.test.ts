// The account index is cached per connection; these show that every way an account changes reaches the next
// command, and that unrelated writes (notes) keep the cached copy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAccount } from '../../src/commands/resolve-account.ts';
import { Store, SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
let acmeId: number;

beforeEach(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  acmeId = (await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation' }, SYSTEM_ACTOR)).id;
});

afterEach(async () => {
  await db.close();
});

/** A command's context as the engine gives it (with the disclosure record). */
const as = (user: TestWorkspace['admin']) => ({ ...t.context(user), disclosure: { restricted: false } });

const names = (entries: readonly { name: string }[]) => entries.map((entry) => entry.name).sort();

describe('account index cache', () => {
  it('hands out the same index while no account changes, notes included', async () => {
    const first = t.ws.accounts.index();
    expect(t.ws.accounts.index()).toBe(first);
    await t.ws.notes.add({ accountId: acmeId, body: 'Met the buyer.' }, SYSTEM_ACTOR);
    expect(t.ws.accounts.index()).toBe(first);
  });

  it('sees a new account, a rename, an alias and an archived account at once', async () => {
    const before = t.ws.accounts.index();
    await t.ws.accounts.create({ key: 'globex', name: 'Globex' }, SYSTEM_ACTOR);
    expect(names(t.ws.accounts.index())).toEqual(['Acme Corporation', 'Globex']);

    await t.ws.accounts.update(acmeId, { name: 'Acme Industries', aliases: ['ACI'] }, SYSTEM_ACTOR);
    const renamed = t.ws.accounts.index().find((entry) => entry.id === acmeId);
    expect(renamed).toMatchObject({ name: 'Acme Industries', aliases: ['ACI'] });
    expect((await resolveAccount(as(t.admin), 'aci')).id).toBe(acmeId);

    await t.ws.accounts.archive(acmeId, SYSTEM_ACTOR, new Date());
    expect(t.ws.accounts.index().find((entry) => entry.id === acmeId)?.archived).toBe(true);
    expect(t.ws.accounts.index()).not.toBe(before);
  });

  it('sees a parent set by an import', async () => {
    const child = await t.ws.accounts.create(
      { key: 'acme-de', name: 'Acme Deutschland', country: 'Germany' },
      SYSTEM_ACTOR,
    );
    t.ws.accounts.index();
    await t.ws.imports.setParent(child.id, acmeId);
    expect(t.ws.accounts.index().find((entry) => entry.id === child.id)?.parentId).toBe(acmeId);
    expect((await resolveAccount(as(t.admin), 'acme germany')).id).toBe(child.id);
  });

  it('sees an account created by another process on the same file', async () => {
    expect(names(t.ws.accounts.index())).toEqual(['Acme Corporation']);
    const other = await Store.open(db.url);
    try {
      await other.forWorkspace(t.workspace.id).accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR);
    } finally {
      await other.close();
    }
    expect(names(t.ws.accounts.index())).toEqual(['Acme Corporation', 'Initech']);
    expect((await resolveAccount(as(t.admin), 'initech')).name).toBe('Initech');
  });

  it('keeps workspaces apart', async () => {
    const other = await createTestWorkspace(db.store, 'Other workspace');
    await other.ws.accounts.create({ key: 'acme', name: 'Acme of the other workspace' }, SYSTEM_ACTOR);
    expect(names(t.ws.accounts.index())).toEqual(['Acme Corporation']);
    expect(names(other.ws.accounts.index())).toEqual(['Acme of the other workspace']);
  });

  it('gives a restricted account only to its team, with one cached matcher for everyone', async () => {
    await t.ws.accounts.create({ key: 'secret', name: 'Secret Project', visibility: 'restricted' }, SYSTEM_ACTOR);
    await expect(resolveAccount(as(t.member), 'secret')).rejects.toThrow(/resolve\.noneListHint/);
    expect((await resolveAccount(as(t.admin), 'secret')).name).toBe('Secret Project');
    await expect(resolveAccount(as(t.member), 'secret project')).rejects.toThrow(/resolve\.noneListHint/);
  });
});
