// Prepared statements kept per connection and SQL text. Preparing costs tens of microseconds, which on the paths
// every command takes (account index, team membership, health facts) adds up to more than running the query.
import type BetterSqlite3 from 'better-sqlite3';

const CACHE = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function prepared(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = CACHE.get(sqlite);
  if (!statements) {
    statements = new Map();
    CACHE.set(sqlite, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
