// Repairs a migration an older kam-bot was killed in the middle of. That kam-bot applied a migration through
// Prisma's schema engine one statement at a time, each committed on its own, so what it leaves is always the
// migration's first k statements and a `_prisma_migrations` row that never finished. To find k offline, the
// migration is replayed statement by statement on an empty copy of the schema before it (in memory), comparing
// the schema after each statement with the database's; then the statements from k on run on the database, in one
// transaction with the row marked finished. The data is never guessed at: a state that matches no prefix, or a
// data statement whose effect cannot be told, leaves the database as it is, with one sentence saying so.
import BetterSqlite3 from 'better-sqlite3';
import {
  applyEach,
  checkForeignKeys,
  interruptedMigrations,
  MIGRATIONS_DIR,
  type Migration,
  MigrationError,
  migrationsIn,
} from './migrations.ts';
import { toSqlDate } from './sql-dates.ts';
import { splitStatements } from './sql-statements.ts';
import { BUSY_TIMEOUT_MS } from './sqlite-settings.ts';

/** The schema as sqlite_master holds it: every table, index, trigger and view with its SQL, in a fixed order. */
function schemaOf(sqlite: BetterSqlite3.Database): string {
  const rows = sqlite
    .prepare(
      `SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY type, name`,
    )
    .all();
  return JSON.stringify(rows);
}

const quoted = String.raw`["\`\[]?([A-Za-z0-9_]+)["\`\]]?`;
const INSERT_INTO = new RegExp(String.raw`^INSERT\s+INTO\s+${quoted}`, 'i');

/** What a statement did, in words for the one sentence `kam migrate` prints. */
function describe(statement: string): string {
  const match = (pattern: string) => new RegExp(pattern, 'i').exec(statement)?.[1];
  const name = (kind: string) => match(String.raw`^${kind}\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?${quoted}`);
  if (/^CREATE\s+(UNIQUE\s+)?INDEX/i.test(statement))
    return `created index ${name(String.raw`CREATE\s+(?:UNIQUE\s+)?INDEX`)}`;
  if (/^DROP\s+INDEX/i.test(statement)) return `dropped index ${name(String.raw`DROP\s+INDEX`)}`;
  if (/^CREATE\s+(VIRTUAL\s+)?TABLE/i.test(statement))
    return `created table ${name(String.raw`CREATE\s+(?:VIRTUAL\s+)?TABLE`)}`;
  if (/^DROP\s+TABLE/i.test(statement)) return `dropped table ${name(String.raw`DROP\s+TABLE`)}`;
  if (/^CREATE\s+TRIGGER/i.test(statement)) return `created trigger ${name(String.raw`CREATE\s+TRIGGER`)}`;
  const renamed = new RegExp(String.raw`^ALTER\s+TABLE\s+${quoted}\s+RENAME\s+TO\s+${quoted}`, 'i').exec(statement);
  if (renamed) return `renamed table ${renamed[1]} to ${renamed[2]}`;
  if (/^ALTER\s+TABLE/i.test(statement)) return `changed table ${name(String.raw`ALTER\s+TABLE`)}`;
  const into = INSERT_INTO.exec(statement)?.[1];
  if (into) return `filled ${into}`;
  return statement.split(/\s+/).slice(0, 3).join(' ');
}

/**
 * Among statements that change no schema (the database cannot show whether they ran by its schema alone), how many
 * had run: a copy into a table shows in that table's rows; a search-index rebuild is simply run again.
 */
function ranOf(sqlite: BetterSqlite3.Database, statements: readonly string[], migration: string): number {
  let ran = 0;
  for (const statement of statements) {
    if (/^PRAGMA\b/i.test(statement)) {
      ran++;
      continue;
    }
    const table = INSERT_INTO.exec(statement)?.[1];
    if (table && /\bSELECT\b/i.test(statement)) {
      const rows = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number };
      if (rows.n > 0) {
        ran++;
        continue;
      }
      return ran;
    }
    if (table && /\bVALUES\s*\(\s*'rebuild'\s*\)/i.test(statement)) return ran;
    throw new MigrationError(
      `Cannot repair the interrupted migration ${migration}: it stopped around a data change whose effect kam-bot cannot tell (${describe(statement)}); nothing was changed. Restore the backup taken before the upgrade.`,
    );
  }
  return ran;
}

/** How many of the migration's statements the database shows as applied. */
function appliedPrefix(
  sqlite: BetterSqlite3.Database,
  earlier: readonly Migration[],
  migration: Migration,
  statements: readonly string[],
): number {
  const scratch = new BetterSqlite3(':memory:');
  try {
    applyEach(scratch, earlier);
    const target = schemaOf(sqlite);
    const matching: number[] = [];
    if (schemaOf(scratch) === target) matching.push(0);
    scratch.pragma('foreign_keys = OFF');
    statements.forEach((statement, index) => {
      scratch.exec(statement);
      if (schemaOf(scratch) === target) matching.push(index + 1);
    });
    const first = matching[0];
    const last = matching.at(-1);
    if (first === undefined || last === undefined) {
      throw new MigrationError(
        `Cannot repair the interrupted migration ${migration.name}: the database matches no point of it; nothing was changed. Restore the backup taken before the upgrade.`,
      );
    }
    // Statements between the first and last match changed no schema: tell from the data how far they got.
    return first + ranOf(sqlite, statements.slice(first, last), migration.name);
  } finally {
    scratch.close();
  }
}

/**
 * Completes each migration an older kam-bot left interrupted, then returns one sentence per repair. `migrations`:
 * every migration of this kam-bot, in order.
 */
export function repairInterruptedMigrations(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[],
): string[] {
  const sentences: string[] = [];
  for (const name of interruptedMigrations(sqlite)) {
    const index = migrations.findIndex((migration) => migration.name === name);
    const migration = migrations[index];
    if (!migration) {
      throw new MigrationError(
        `The interrupted migration ${name} is not one of this kam-bot's; run the kam-bot version that started it, or restore a backup.`,
      );
    }
    const statements = splitStatements(migration.script);
    const done = appliedPrefix(sqlite, migrations.slice(0, index), migration, statements);
    const rest = statements.slice(done);
    sqlite.pragma('foreign_keys = OFF');
    try {
      sqlite
        .transaction(() => {
          for (const statement of rest) sqlite.exec(statement);
          checkForeignKeys(sqlite, name);
          sqlite
            .prepare(
              `UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1, logs = ?
             WHERE migration_name = ? AND finished_at IS NULL AND rolled_back_at IS NULL`,
            )
            .run(
              toSqlDate(new Date()),
              `completed by kam migrate after an interruption (${rest.length} statements)`,
              name,
            );
        })
        .immediate();
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    const what = rest.filter((statement) => !/^PRAGMA\b/i.test(statement)).map(describe);
    sentences.push(
      what.length > 0
        ? `Repaired the interrupted migration ${name}: ${what.join(', ')}.`
        : `Repaired the interrupted migration ${name}: all of it had been applied; it is now recorded as finished.`,
    );
  }
  return sentences;
}

export interface MigrationReport {
  /** One sentence per interrupted migration that was repaired. */
  repaired: string[];
  /** Migrations applied now. */
  applied: string[];
}

/** What `kam migrate` does: repair what an older kam-bot left interrupted, then apply what is pending. */
export function repairAndMigrate(path: string, dir: string = MIGRATIONS_DIR): MigrationReport {
  const sqlite = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    sqlite.pragma('journal_mode = WAL');
    const migrations = migrationsIn(dir);
    const repaired = repairInterruptedMigrations(sqlite, migrations);
    return { repaired, applied: applyEach(sqlite, migrations) };
  } finally {
    sqlite.close();
  }
}
