import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let mine: TestWorkspace;
let theirs: TestWorkspace;
let accountId: number;

beforeAll(async () => {
  db = await openTestStore();
  mine = await createTestWorkspace(db.store, 'Mine');
  theirs = await createTestWorkspace(db.store, 'Theirs');
  const account = await mine.ws.accounts.create(
    { key: 'acme', name: 'Acme Corporation', aliases: ['ACME'], ownerId: mine.admin.id },
    { userId: mine.admin.id, origin: 'console' },
  );
  accountId = account.id;
  await mine.ws.notes.add({ accountId, body: 'Quarterly review with procurement' }, { userId: null, origin: 'system' });
  await mine.ws.contacts.add(
    { accountId, name: 'Wile Coyote', title: 'Head of procurement' },
    {
      userId: null,
      origin: 'system',
    },
  );
});

afterAll(() => db.close());

describe('an account created in one workspace', () => {
  it('is found in its own workspace', async () => {
    expect((await mine.ws.accounts.byKey('acme'))?.id).toBe(accountId);
    expect(mine.ws.search.search('procurement', undefined).notes).toHaveLength(1);
  });

  it('is invisible from another workspace, by key, id, list, index and search', async () => {
    expect(await theirs.ws.accounts.byKey('acme')).toBeNull();
    expect(await theirs.ws.accounts.byId(accountId)).toBeNull();
    expect(await theirs.ws.accounts.list()).toEqual([]);
    expect(theirs.ws.accounts.index()).toEqual([]);
    expect(await theirs.ws.notes.forAccount(accountId, 10)).toEqual([]);
    expect(await theirs.ws.contacts.forAccount(accountId)).toEqual([]);
    expect(theirs.ws.search.search('acme procurement coyote', undefined)).toEqual({
      accounts: [],
      contacts: [],
      notes: [],
    });
  });

  it('cannot be written to from another workspace: the database refuses the cross-workspace reference', async () => {
    await expect(
      theirs.ws.notes.add({ accountId, body: 'sneaky' }, { userId: null, origin: 'system' }),
    ).rejects.toThrow(/foreign key/i);
    await expect(
      theirs.ws.tasks.add({ accountId, title: 'sneaky' }, { userId: null, origin: 'system' }),
    ).rejects.toThrow(/foreign key/i);
    expect(await mine.ws.notes.countForAccount(accountId)).toBe(1);
  });

  it('answers "not found" through commands in another workspace', async () => {
    const result = await theirs.run('/account show acme');
    expect(result.status).toBe('user_error');
    expect(result.text).toContain("couldn't find an account called “acme”");
  });

  it('leaves the same key free in another workspace', async () => {
    const other = await theirs.ws.accounts.create(
      { key: 'acme', name: 'Acme Anvils' },
      { userId: null, origin: 'system' },
    );
    expect(other.id).not.toBe(accountId);
    expect((await mine.ws.accounts.byKey('acme'))?.name).toBe('Acme Corporation');
  });
});
