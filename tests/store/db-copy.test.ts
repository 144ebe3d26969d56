// `kam db copy`: the demo portfolio from SQLite into an empty PostgreSQL database, every table verified by count and
// checksum; a target that is not empty is refused and left as it was.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_ORDER, checksumTable, copyDatabase, tableCounts } from '../../src/store/sql/copy.ts';
import { postgresDatabase, type SqlDatabase, sqliteDatabase } from '../../src/store/sql/sql-database.ts';
import { openDemoSession } from '../helpers/demo-session.ts';
import { openTestPostgres, postgresServer, type TestPostgres } from '../helpers/postgres.ts';
import type { TestDatabase } from '../helpers/store.ts';

const NOW = new Date('2026-11-30T09:00:00Z');

describe.skipIf(!postgresServer)('kam db copy into PostgreSQL', () => {
  let demo: TestDatabase;
  let file: BetterSqlite3.Database;
  let source: SqlDatabase;
  let target: TestPostgres;
  let copy: SqlDatabase;

  beforeAll(async () => {
    ({ db: demo } = await openDemoSession(NOW, 'en'));
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

  it('refuses a target that is not empty, and changes nothing there', async () => {
    const before = await tableCounts(copy);
    await expect(copyDatabase(source, copy)).rejects.toThrow(
      /^The target database is not empty \(Workspace, Installation, User, .*\); copy into a new one\.$/,
    );
    expect(await tableCounts(copy)).toEqual(before);
  });
});
