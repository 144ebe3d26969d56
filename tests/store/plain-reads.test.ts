// The hot reads of `/account show` run as plain SQL outside transactions and through Prisma inside them; both must
// return the same records. The demo workspace (35 accounts with groups, contacts, opportunities, tasks, notes,
// snapshots) is read both ways and compared field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.ts';
import type { Account, User } from '../../src/domain/records.ts';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { NOW } from '../helpers/workspace.ts';

let db: TestDatabase;
let ws: WorkspaceStore;
let accounts: Account[];
let member: User;

/** The same read through Prisma: inside a transaction the store does not use the plain connection. */
const viaPrisma = <T>(read: (store: WorkspaceStore) => Promise<T>) => ws.transaction(read);

beforeAll(async () => {
  db = await openTestStore();
  const workspace = await db.store.workspaces.ensureInstallation('slack', 'T-PLAIN', {
    name: 'Plain',
    timeZone: 'UTC',
  });
  ws = db.store.forWorkspace(workspace.id);
  await loadDemo(ws, { now: NOW });
  accounts = await ws.accounts.list({ includeArchived: true });
  member = await ws.users.ensureFromIdentity({ platform: 'slack', externalId: 'U-PLAIN', displayName: 'Pat Plain' });
  const secret = accounts[0];
  if (secret) await ws.accounts.update(secret.id, { visibility: 'restricted' }, SYSTEM_ACTOR);
});

afterAll(() => db.close());

describe('plain reads', () => {
  it('return the same accounts, contacts, opportunities, tasks and snapshots as Prisma', async () => {
    expect(accounts.length).toBeGreaterThan(30);
    let compared = 0;
    let snapshotsSeen = 0;
    let notesSeen = 0;
    for (const { id } of accounts) {
      for (const viewer of [undefined, { userId: member.id, role: member.role }]) {
        expect(await ws.accounts.byId(id, viewer)).toEqual(await viaPrisma((tx) => tx.accounts.byId(id, viewer)));
      }
      const contacts = await ws.contacts.forAccount(id);
      expect(contacts).toEqual(await viaPrisma((tx) => tx.contacts.forAccount(id)));
      for (const openOnly of [false, true]) {
        expect(await ws.opportunities.forAccount(id, openOnly)).toEqual(
          await viaPrisma((tx) => tx.opportunities.forAccount(id, openOnly)),
        );
      }
      for (const filter of [{ accountId: id }, { accountId: id, includeDone: true }]) {
        expect(await ws.tasks.list(filter)).toEqual(await viaPrisma((tx) => tx.tasks.list(filter)));
      }
      const weeks = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47'];
      for (const [limit, offset] of [
        [5, 0],
        [20, 3],
      ] as const) {
        expect(await ws.notes.forAccount(id, limit, offset)).toEqual(
          await viaPrisma((tx) => tx.notes.forAccount(id, limit, offset)),
        );
      }
      const noteCount = await ws.notes.countForAccount(id);
      expect(noteCount).toBe(await viaPrisma((tx) => tx.notes.countForAccount(id)));
      notesSeen += noteCount;
      const snapshots = await ws.snapshots.history(id, weeks);
      expect(snapshots).toEqual(await viaPrisma((tx) => tx.snapshots.history(id, weeks)));
      compared += contacts.length;
      snapshotsSeen += snapshots.length;
    }
    expect(compared).toBeGreaterThan(50);
    expect(snapshotsSeen).toBeGreaterThan(30);
    expect(notesSeen).toBeGreaterThan(1000);
  });

  it('list accounts with every filter the same way', async () => {
    const owners = [...new Set(accounts.map((account) => account.ownerId).filter((id) => id !== null))];
    const parents = [...new Set(accounts.map((account) => account.parentId).filter((id) => id !== null))];
    const viewer = { userId: member.id, role: member.role };
    const filters = [
      {},
      { includeArchived: true },
      { tier: 'A' as const },
      { region: 'emea' },
      ...owners.map((ownerId) => ({ ownerId: ownerId ?? 0 })),
      ...owners.map((teamMemberId) => ({ teamMemberId: teamMemberId ?? 0 })),
      ...parents.map((parentId) => ({ parentId: parentId ?? 0 })),
    ];
    let listed = 0;
    for (const filter of filters) {
      for (const who of [undefined, viewer]) {
        const plain = await ws.accounts.list(filter, who);
        expect(plain).toEqual(await viaPrisma((tx) => tx.accounts.list(filter, who)));
        listed += plain.length;
      }
    }
    expect(listed).toBeGreaterThan(200);
    const secretId = accounts[0]?.id;
    expect((await ws.accounts.list({}, viewer)).map((account) => account.id)).not.toContain(secretId);
    expect((await ws.accounts.list({})).map((account) => account.id)).toContain(secretId);
  });

  it('hide a restricted account from people outside its team, as Prisma does', async () => {
    const secret = accounts[0];
    const viewer = { userId: member.id, role: member.role };
    expect(await ws.accounts.byId(secret?.id ?? 0, viewer)).toBeNull();
    expect(await viaPrisma((tx) => tx.accounts.byId(secret?.id ?? 0, viewer))).toBeNull();
    expect((await ws.accounts.byId(secret?.id ?? 0))?.visibility).toBe('restricted');
  });

  it('read tasks by person and due date, and users by id, the same way', async () => {
    const users = await ws.users.list();
    const dueBefore = new Date(NOW.getTime() + 7 * 86_400_000);
    for (const user of users) {
      const filter = { assigneeId: user.id, dueBefore };
      expect(await ws.tasks.list(filter, 5)).toEqual(await viaPrisma((tx) => tx.tasks.list(filter, 5)));
      expect(await ws.users.byId(user.id)).toEqual(await viaPrisma((tx) => tx.users.byId(user.id)));
    }
    const ids = users.map((user) => user.id);
    expect(await ws.users.byIds(ids)).toEqual(await viaPrisma((tx) => tx.users.byIds(ids)));
    expect((await ws.users.byIds(ids)).size).toBe(users.length);
  });
});
