// Reads on the plain better-sqlite3 connection that return rows in the shape Prisma would: dates as Date, JSON
// parsed. A Prisma query costs ~0.25 ms here before SQLite does anything, a prepared statement ~10 µs, and
// `/account show` makes a dozen of them (bench/README.md).
//
// Only outside transactions: a Prisma transaction writes on the other connection, whose uncommitted rows the plain
// one cannot see. Repositories ask `plainReader(db, sqlite)` and use Prisma when it says null.
import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from './prepared.ts';
import type { Db } from './prisma.ts';
import { isInTransaction } from './transaction.ts';

export interface RowShape {
  dates?: readonly string[];
  json?: readonly string[];
}

export class PlainReader {
  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  all<T>(sql: string, shape: RowShape, ...params: unknown[]): T[] {
    return (prepared(this.sqlite, sql).all(...params) as Record<string, unknown>[]).map((row) => shaped<T>(row, shape));
  }

  first<T>(sql: string, shape: RowShape, ...params: unknown[]): T | null {
    const row = prepared(this.sqlite, sql).get(...params) as Record<string, unknown> | undefined;
    return row ? shaped<T>(row, shape) : null;
  }
}

function shaped<T>(row: Record<string, unknown>, shape: RowShape): T {
  for (const column of shape.dates ?? []) {
    const value = row[column];
    row[column] = value === null || value === undefined ? null : new Date(value as string);
  }
  for (const column of shape.json ?? []) {
    const value = row[column];
    row[column] = typeof value === 'string' ? JSON.parse(value) : (value ?? null);
  }
  return row as T;
}

/** The plain reader, or null inside a transaction (read through Prisma there). */
export function plainReader(db: Db, sqlite: BetterSqlite3.Database | undefined): PlainReader | null {
  return sqlite && !isInTransaction(db) ? new PlainReader(sqlite) : null;
}

/** A list as one parameter, for `IN (SELECT value FROM json_each(?))`: one statement for any number of values. */
export function listParam(values: readonly (number | string)[]): string {
  return JSON.stringify(values);
}
