// `kam db copy`: the demo portfolio from SQLite into an empty PostgreSQL database, every table verified by count and
// checksum; a target that is not empty is refused and left as it was.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../src/store/search.ts';
import { searchPostgres } from '../../src/store/search-postgres.ts';
import { COPY_ORDER, checksumTable, copyDatabase, tableCounts } from '../../src/store/sql/copy.ts';
import { postgresDatabase, type SqlDatabase, sqliteDatabase } from '../../src/store/sql/sql-database.ts';
import { openDemoSession } from '../helpers/demo-session.ts';
import { openTestPostgres, postgresServer, type TestPostgres } from '../helpers/postgres.ts';
import type { TestDatabase } from '../helpers/store.ts';

const NOW = new Date('2026-11-30T09:00:00Z');

describe.skipIf(!postgresServer)('kam db copy into PostgreSQL', () => {
  let demoSession: Awaited<ReturnType<typeof openDemoSession>>;
  let demo: TestDatabase;
  let file: BetterSqlite3.Database;
  let source: SqlDatabase;
  let target: TestPostgres;
  let copy: SqlDatabase;

  beforeAll(async () => {
    demoSession = await openDemoSession(NOW, 'en');
    demo = demoSession.db;
    file = new BetterSqlite3(demo.path);
    source = sqliteDatabase(file);
    target = await openTestPostgres();
    copy = postgresDatabase(target.url, 2);
  }, 60_000);
  afterAll(async () => {
    await copy.close();
    await source.close();
    file.close();
    await demo.close();
    await target.drop();
  });

  it('copies every table, with the same counts and checksums on both databases', async () => {
    const seen: string[] = [];
    const tables = await copyDatabase(source, copy, (table) => seen.push(table));
    expect(seen).toEqual([...COPY_ORDER]);
    const counts = await tableCounts(source);
    expect(tables.map((table) => [table.table, table.rows])).toEqual([...counts]);
    expect(counts.get('Note')).toBeGreaterThan(1_000);
    expect(counts.get('Account')).toBe(35);
    // Subsidiaries keep their parents, whose rows may come after theirs.
    const parents = await copy.db
      .selectFrom('Account')
      .select(['key', 'parentId'])
      .where('parentId', 'is not', null)
      .execute();
    expect(parents.length).toBeGreaterThan(3);
    // New rows continue after the copied ids.
    const next = await copy.db
      .insertInto('Workspace')
      .values({ name: 'after the copy', updatedAt: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(1);
    // The checksum sees one changed character.
    expect(await checksumTable(copy, 'Note')).toEqual(await checksumTable(source, 'Note'));
    const note = await copy.db.selectFrom('Note').select(['id', 'body']).orderBy('id').executeTakeFirstOrThrow();
    await copy.db
      .updateTable('Note')
      .set({ body: `${note.body}.` })
      .where('id', '=', note.id)
      .execute();
    expect((await checksumTable(copy, 'Note')).checksum).not.toBe((await checksumTable(source, 'Note')).checksum);
    await copy.db.updateTable('Note').set({ body: note.body }).where('id', '=', note.id).execute();
  });

  it('then finds the same accounts, contacts and notes by search on PostgreSQL as on SQLite', async () => {
    const { session } = demoSession;
    const ws = session.store;
    const viewer = { userId: session.user.id, role: session.user.role };
    const found: { query: string; accounts: number; contacts: number; notes: number }[] = [];
    for (const query of ['nordwind', 'Ekström', 'ekstrom', 'harb', 'pilot', 'pilot acceptance', 'zzqx']) {
      // Every match (a limit above them all): the two databases rank ties differently.
      const [there, here] = [
        ws.search.search(query, viewer, 400),
        await searchPostgres(copy.db, ws.workspaceId, query, viewer, 400),
      ];
      const ids = (results: SearchResults) => ({
        accounts: results.accounts.map((hit) => hit.accountId).sort(),
        contacts: results.contacts.map((hit) => hit.contactId).sort(),
        notes: results.notes.length,
      });
      expect({ query, ...ids(here) }).toEqual({ query, ...ids(there) });
      found.push({ query, accounts: here.accounts.length, contacts: here.contacts.length, notes: here.notes.length });
    }
    // Not vacuous: accounts, contacts and notes are found, and nothing for nonsense.
    expect(found.find((row) => row.query === 'nordwind')).toMatchObject({ accounts: 4 });
    expect(
      Math.min(...found.filter((row) => row.query !== 'zzqx').map((row) => row.accounts + row.contacts + row.notes)),
    ).toBeGreaterThan(0);
    expect(found.reduce((sum, row) => sum + row.notes, 0)).toBeGreaterThan(10);
    expect(found.find((row) => row.query === 'zzqx')).toEqual({ query: 'zzqx', accounts: 0, contacts: 0, notes: 0 });
  });

  it('refuses a target that is not empty, and changes nothing there', async () => {
    const before = await tableCounts(copy);
    await expect(copyDatabase(source, copy)).rejects.toThrow(
      /^The target database is not empty \(Workspace, Installation, User, .*\); copy into a new one\.$/,
    );
    expect(await tableCounts(copy)).toEqual(before);
  });
});
