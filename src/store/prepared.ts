// Prepared statements kept per connection and SQL text. Preparing costs tens of microseconds, which on the paths
// every command takes (account index, team membership, health facts) adds up to more than running the query.
import type BetterSqlite3 from 'better-sqlite3';

const CACHE = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The statement for `sql` on this connection, prepared on first use. `raw` statements return rows as arrays (a
 * statement's mode is part of it, so they are kept apart from the same SQL returning objects).
 */
export function prepared(
  sqlite: BetterSqlite3.Database,
  sql: string,
  options: { raw?: boolean } = {},
): BetterSqlite3.Statement {
  let statements = CACHE.get(sqlite);
  if (!statements) {
    statements = new Map();
    CACHE.set(sqlite, statements);
  }
  const key = options.raw ? `raw:${sql}` : sql;
  let statement = statements.get(key);
  if (!statement) {
    statement = options.raw ? sqlite.prepare(sql).raw(true) : sqlite.prepare(sql);
    statements.set(key, statement);
  }
  return statement;
}
