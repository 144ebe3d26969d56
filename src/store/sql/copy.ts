// `kam db copy`: a whole kam-bot database into an empty one on the other database (SQLite into PostgreSQL, for a
// company that outgrows one machine). The source is read in one read transaction, a consistent snapshot while the
// bot goes on writing; the target is written in one transaction, so a failed copy leaves it empty. Each table is
// then verified by its row count and a checksum of its rows, computed the same way on both databases.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../generated/kysely/db.ts';
import type { SqlDatabase } from './sql-database.ts';

/** Every table, parents before the rows that point at them. */
export const COPY_ORDER = [
  'Workspace',
  'Installation',
  'User',
  'UserIdentity',
  'Account',
  'AccountMember',
  'Contact',
  'Opportunity',
  'Note',
  'NoteTag',
  'Task',
  'HealthSnapshot',
  'DigestSubscription',
  'DigestRun',
  'ChannelLink',
  'AuditEvent',
  'Conversation',
  'InboundRequest',
] as const satisfies readonly (keyof DB)[];

type Table = (typeof COPY_ORDER)[number];

/** The order rows are read in: their primary key. */
const KEY: Partial<Record<Table, readonly string[]>> = { NoteTag: ['noteId', 'tag'] };
const keyOf = (table: Table) => KEY[table] ?? ['id'];

/** Columns that point at a row of the same table, which may come later: filled in after every row is there. */
const SELF_REFERENCES: Partial<Record<Table, readonly string[]>> = { Account: ['parentId'] };

const BATCH = 500;

export interface TableCopy {
  table: Table;
  rows: number;
  checksum: string;
}

export class CopyError extends Error {
  override readonly name = 'CopyError';
}

type Row = Record<string, unknown>;

/** The rows of a table in key order, a batch at a time (keyset pagination: no OFFSET rescans). */
async function* rowsOf(database: SqlDatabase, table: Table): AsyncGenerator<Row[]> {
  const key = keyOf(table);
  let after: Row | null = null;
  for (;;) {
    // biome-ignore lint/suspicious/noExplicitAny: the table is chosen at run time, from COPY_ORDER
    let query = (database.db as any).selectFrom(table).selectAll();
    if (after) {
      const last = after;
      query = query.where(
        sql.raw(`(${key.map((k) => `"${k}"`).join(', ')})`),
        '>',
        sql`(${sql.join(key.map((k) => last[k]))})`,
      );
    }
    for (const column of key) query = query.orderBy(column);
    const batch: Row[] = await query.limit(BATCH).execute();
    // PostgreSQL's search columns are computed from the others (the postgres_search migration): never copied.
    for (const row of batch) delete row.searchVector;
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1] ?? null;
    if (batch.length < BATCH) return;
  }
}

/** A row as the same text on both databases: keys sorted, dates as ISO, JSON in its canonical form. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Row)[key])]),
    );
  }
  return value;
}

/** A table's row count and a checksum of its rows, the same on SQLite and PostgreSQL for the same rows. */
export async function checksumTable(database: SqlDatabase, table: Table): Promise<TableCopy> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of rowsOf(database, table)) {
    for (const row of batch) hash.update(`${JSON.stringify(canonical(row))}\n`);
    rows += batch.length;
  }
  return { table, rows, checksum: hash.digest('hex') };
}

/** The tables of `database` and how many rows each has. */
export async function tableCounts(database: SqlDatabase): Promise<Map<Table, number>> {
  const counts = new Map<Table, number>();
  for (const table of COPY_ORDER) {
    const { count } = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts.set(table, Number(count));
  }
  return counts;
}

/**
 * Copies every row of `from` into `to`, which must be migrated and empty, then checks that each table has the same
 * count and checksum on both. Returns the tables as verified; throws CopyError when the target is not empty or a
 * table differs after the copy (the copy is then rolled back).
 */
export async function copyDatabase(
  from: SqlDatabase,
  to: SqlDatabase,
  onTable: (table: Table, rows: number) => void = () => {},
): Promise<TableCopy[]> {
  const occupied = [...(await tableCounts(to))].filter(([, count]) => count > 0).map(([table]) => table);
  if (occupied.length > 0) {
    throw new CopyError(`The target database is not empty (${occupied.join(', ')} have rows); copy into a new one.`);
  }
  return from.db.transaction().execute(async (source) => {
    const snapshot: SqlDatabase = { ...from, db: source };
    return to.db.transaction().execute(async (target) => {
      for (const table of COPY_ORDER) {
        const later = SELF_REFERENCES[table] ?? [];
        const pending: Row[] = [];
        let rows = 0;
        for await (const batch of rowsOf(snapshot, table)) {
          const values = batch.map((row) => {
            const copy = { ...row };
            for (const column of later) {
              if (copy[column] !== null) pending.push({ ...keyValues(table, row), [column]: copy[column] });
              copy[column] = null;
            }
            return copy;
          });
          // biome-ignore lint/suspicious/noExplicitAny: the table is chosen at run time, from COPY_ORDER
          await (target as any).insertInto(table).values(values).execute();
          rows += batch.length;
        }
        for (const link of pending) {
          const { id, ...columns } = link;
          // biome-ignore lint/suspicious/noExplicitAny: as above
          await (target as any).updateTable(table).set(columns).where('id', '=', id).execute();
        }
        onTable(table, rows);
      }
      if (to.dialect === 'postgres') await continueSequences(target);
      const results: TableCopy[] = [];
      const targetView: SqlDatabase = { ...to, db: target };
      for (const table of COPY_ORDER) {
        const [expected, actual] = [await checksumTable(snapshot, table), await checksumTable(targetView, table)];
        if (expected.rows !== actual.rows || expected.checksum !== actual.checksum) {
          throw new CopyError(
            `${table} differs after the copy (${expected.rows} rows there, ${actual.rows} here); nothing was copied.`,
          );
        }
        results.push(actual);
      }
      return results;
    });
  });
}

function keyValues(table: Table, row: Row): Row {
  return Object.fromEntries(keyOf(table).map((column) => [column, row[column]]));
}

/** New rows on PostgreSQL get ids after the copied ones. */
async function continueSequences(target: SqlDatabase['db']): Promise<void> {
  for (const table of COPY_ORDER) {
    if (KEY[table]) continue;
    await sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, 'id'), coalesce((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
      target,
    );
  }
}

/** The URL with its password hidden, for output and logs. */
export function withoutPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:•••@');
}

/**
 * `kam db copy`: the SQLite database at `sqlitePath` (migrated, as every start leaves it) into the PostgreSQL one at
 * `postgresUrl`, which is migrated first and must hold no rows.
 */
export async function copySqliteToPostgres(
  sqlitePath: string,
  postgresUrl: string,
  onTable?: (table: Table, rows: number) => void,
): Promise<TableCopy[]> {
  const [{ default: BetterSqlite3 }, { applyPostgresMigrations }, { postgresDatabase, sqliteDatabase }] =
    await Promise.all([import('better-sqlite3'), import('../postgres-migrations.ts'), import('./sql-database.ts')]);
  await applyPostgresMigrations(postgresUrl);
  const file = new BetterSqlite3(sqlitePath, { readonly: true, fileMustExist: true });
  const from = sqliteDatabase(file);
  const to = postgresDatabase(postgresUrl, 1);
  try {
    const tables = await copyDatabase(from, to, onTable);
    // Statistics for the planner at once: without them a search for a common word ran 2.2 s at a million notes
    // (a bitmap of every match) instead of 16 ms (the newest notes first).
    await sql`ANALYZE`.execute(to.db);
    return tables;
  } finally {
    await Promise.all([from.close(), to.close()]);
    file.close();
  }
}
