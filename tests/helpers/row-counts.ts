// "Nothing was written": the number of rows in every table of a test database, read over a connection of its own.
// Every change a command makes also writes an audit event, so equal counts before and after mean no insert, no
// delete and no audited update happened. InboundRequest is left out: it records every request as it arrives,
// refused or not (what a request did to it is tested on its own).
import BetterSqlite3 from 'better-sqlite3';

export function rowCounts(path: string): Record<string, number> {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare(
        `SELECT name FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' AND name NOT IN ('_prisma_migrations', 'InboundRequest')
         ORDER BY name`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    sqlite.close();
  }
}
