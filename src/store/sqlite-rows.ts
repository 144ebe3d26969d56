// Rows of rows.ts written with prepared statements on the plain SQLite connection (the note writer, bulk inserts):
// one INSERT per table and column set, and the row's values as SQLite takes them (values-plugin.ts).
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from './generated/kysely/db.ts';
import type { FullRow } from './rows.ts';
import { encodeValue } from './sql/values-plugin.ts';

/** A row, with its id where the writer chooses it (the bench generator numbers notes in time order). */
type WithId<T extends keyof DB> = FullRow<T> & { id?: number };

/** One INSERT per connection, table and column set: rows of rows.ts always have their table's full set. */
const STATEMENTS = new WeakMap<
  BetterSqlite3.Database,
  Map<string, { columns: string[]; statement: BetterSqlite3.Statement }>
>();

function insertFor(sqlite: BetterSqlite3.Database, table: string, row: object) {
  let byTable = STATEMENTS.get(sqlite);
  if (!byTable) {
    byTable = new Map();
    STATEMENTS.set(sqlite, byTable);
  }
  const key = 'id' in row ? `${table}+id` : table;
  let insert = byTable.get(key);
  if (!insert) {
    const columns = Object.keys(row);
    const names = columns.map((column) => `"${column}"`).join(', ');
    const sql = `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
    insert = { columns, statement: sqlite.prepare(sql) };
    byTable.set(key, insert);
  }
  return insert;
}

/** Inserts the rows (all of one table's full column set), returning their new ids. */
export function insertRows<T extends keyof DB>(
  sqlite: BetterSqlite3.Database,
  table: T,
  rows: readonly WithId<T>[],
): number[] {
  const [first] = rows;
  if (!first) return [];
  const { columns, statement } = insertFor(sqlite, table, first);
  return rows.map((row) => {
    const values = columns.map((column) => encodeValue((row as Record<string, unknown>)[column], 'sqlite'));
    return Number(statement.run(values).lastInsertRowid);
  });
}

export function insertRow<T extends keyof DB>(sqlite: BetterSqlite3.Database, table: T, row: WithId<T>): number {
  return insertRows(sqlite, table, [row])[0] as number;
}
