// The store's query builder on either database: `DATABASE_URL=postgres://…` for PostgreSQL, a SQLite file otherwise.
// Every query is written once against the table types generated from schema.prisma (generated/kysely/db.ts);
// the values plugin makes both databases hand back the same rows.
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../generated/kysely/db.ts';
import { prepared } from '../prepared.ts';
import { type Dialect, ValuesPlugin } from './values-plugin.ts';

export interface SqlDatabase {
  readonly dialect: Dialect;
  readonly db: Kysely<DB>;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Kysely on an open better-sqlite3 connection. Kysely prepares every query anew, which costs more than running
 * most of them here; the connection it sees hands out the statement prepared for that SQL before.
 */
export function sqliteDatabase(sqlite: BetterSqlite3.Database): SqlDatabase {
  const cached = {
    prepare: (sql: string) => prepared(sqlite, sql),
    // The connection belongs to the store, which closes it.
    close: () => undefined,
  };
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: cached }),
    plugins: [new ValuesPlugin('sqlite')],
  });
  return { dialect: 'sqlite', db, close: () => db.destroy() };
}

/** PostgreSQL's types as the store reads them: timestamps (kept in UTC) as Date, counts as numbers. */
const TIMESTAMP = 1114;
const INT8 = 20;
const NUMERIC = 1700;

function postgresTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
      if (oid === INT8 || oid === NUMERIC) return (text: string) => Number(text);
      return pg.types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export function postgresDatabase(url: string, poolSize = 10): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: postgresTypes() });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new ValuesPlugin('postgres')],
  });
  return { dialect: 'postgres', db, close: () => db.destroy() };
}
