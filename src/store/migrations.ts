// Applies the migrations in prisma/migrations, the way `prisma migrate deploy` does (same folder, same
// `_prisma_migrations` table and checksums), but each in a transaction with its record, so that a process killed
// mid-migration cannot leave a half-applied one behind. The schema engine (schema-engine.ts) is only for creating
// migrations and for the tests that compare the migrated database with schema.prisma.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { SEARCH_INDEX_TABLES } from './search-index-sql.ts';
import { toSqlDate } from './sql-dates.ts';
import { BUSY_TIMEOUT_MS } from './sqlite-settings.ts';

/** The package's folder: the nearest with a package.json, from src/store/ in source and from dist/ when compiled. */
function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`kam-bot's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const PRISMA_DIR = join(packageDir(), 'prisma');
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
/** PostgreSQL's copy of the schema and its migrations, generated from schema.prisma by `npm run db:migration`. */
export const POSTGRES_SCHEMA_PATH = join(PRISMA_DIR, 'postgres', 'schema.prisma');
export const POSTGRES_MIGRATIONS_DIR = join(PRISMA_DIR, 'postgres', 'migrations');
const LOCKFILE = 'migration_lock.toml';

/** Tables the schema engine must leave alone: the FTS5 search index, which Prisma's schema cannot describe. */
export const SCHEMA_FILTERS = { externalTables: SEARCH_INDEX_TABLES, externalEnums: [] as string[] };

export interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: 'ok'; value: string } | { tag: 'error'; value: string } };
  }[];
}

/** The migrations folder as the schema engine wants it: every `<timestamp>_<name>/migration.sql`, in order. */
export function readMigrationList(dir: string = MIGRATIONS_DIR): MigrationList {
  const lockPath = join(dir, LOCKFILE);
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Prisma's own table of applied migrations, as `prisma migrate` creates it, so Prisma's tooling agrees with ours. */
const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Creates `_prisma_migrations` where it is missing (as Prisma's engine did before its first migration). */
export function ensureMigrationsTable(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(MIGRATIONS_TABLE_SQL);
}

function hasMigrationsTable(sqlite: BetterSqlite3.Database): boolean {
  return Boolean(
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get(),
  );
}

/** Names of the migrations the database has finished applying. */
export function appliedMigrations(sqlite: BetterSqlite3.Database): Set<string> {
  if (!hasMigrationsTable(sqlite)) return new Set();
  const rows = sqlite
    .prepare(
      'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    .all() as { name: string }[];
  return new Set(rows.map((row) => row.name));
}

/** Migrations started and never finished: what a process killed mid-migration by an older kam-bot left. */
export function interruptedMigrations(sqlite: BetterSqlite3.Database): string[] {
  if (!hasMigrationsTable(sqlite)) return [];
  const rows = sqlite
    .prepare(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL
       ORDER BY started_at`,
    )
    .all() as { name: string }[];
  return [...new Set(rows.map((row) => row.name))];
}

/** The migrations in the folder that the database at `path` has not applied. */
export function pendingMigrations(path: string, dir: string = MIGRATIONS_DIR): string[] {
  const sqlite = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    const applied = appliedMigrations(sqlite);
    return readMigrationList(dir)
      .migrationDirectories.map((migration) => migration.path)
      .filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

export interface Migration {
  name: string;
  script: string;
}

export function migrationsIn(dir: string = MIGRATIONS_DIR): Migration[] {
  return readMigrationList(dir).migrationDirectories.map((migration) => ({
    name: migration.path,
    script: migration.migrationFile.content.value,
  }));
}

export function checksumOf(script: string): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Applies each pending migration of `dir` to the SQLite file at `path`, all or nothing: its SQL and its row in
 * `_prisma_migrations` in one transaction (SQLite's DDL is transactional), so a process killed mid-way leaves the
 * migration not applied at all, and the next start applies it. Returns the names applied. A database that an older
 * kam-bot left with an interrupted migration is refused: `kam migrate` repairs it (migration-repair.ts).
 */
export async function applyPendingMigrations(path: string, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const sqlite = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    sqlite.pragma('journal_mode = WAL');
    const interrupted = interruptedMigrations(sqlite);
    if (interrupted.length > 0) {
      throw new MigrationError(
        `The database has a migration that was interrupted (${interrupted.join(', ')}); run \`kam migrate\` to repair it.`,
      );
    }
    return applyEach(sqlite, migrationsIn(dir));
  } finally {
    sqlite.close();
  }
}

/** Applies the migrations not applied yet, each in a transaction of its own. */
export function applyEach(sqlite: BetterSqlite3.Database, migrations: readonly Migration[]): string[] {
  const done = appliedMigrations(sqlite);
  const applied: string[] = [];
  for (const migration of migrations) {
    if (!done.has(migration.name) && applyOne(sqlite, migration)) applied.push(migration.name);
  }
  return applied;
}

/**
 * One migration in one transaction. Foreign keys are off around it, as Prisma's table rebuilds need (SQLite ignores
 * the script's own PRAGMA foreign_keys inside a transaction), and checked before it commits. False when another
 * process applied it meanwhile.
 */
function applyOne(sqlite: BetterSqlite3.Database, migration: Migration): boolean {
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      ensureMigrationsTable(sqlite);
      // Another process may have applied it while this one waited for the lock.
      if (appliedMigrations(sqlite).has(migration.name)) {
        sqlite.exec('ROLLBACK');
        return false;
      }
      const startedAt = toSqlDate(new Date());
      const id = randomUUID();
      sqlite
        .prepare(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, 0)`,
        )
        .run(id, checksumOf(migration.script), migration.name, startedAt);
      sqlite.exec(migration.script);
      checkForeignKeys(sqlite, migration.name);
      sqlite
        .prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?')
        .run(toSqlDate(new Date()), id);
      sqlite.exec('COMMIT');
      return true;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(describeFailure(migration.name, error), { cause: error });
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export function checkForeignKeys(sqlite: BetterSqlite3.Database, migration: string): void {
  const broken = sqlite.pragma('foreign_key_check') as { table: string }[];
  if (broken.length > 0) {
    const tables = [...new Set(broken.map((row) => row.table))].join(', ');
    throw new MigrationError(
      `Could not apply database migration ${migration}: it would leave rows in ${tables} pointing at rows that do not exist; nothing was changed.`,
    );
  }
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

function describeFailure(migration: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code === 'SQLITE_BUSY' || message.includes('database is locked')) {
    return 'Could not apply database migrations: another process is using the database. Stop it and try again.';
  }
  return `Could not apply database migration ${migration}: ${message.split('\n')[0]}; nothing was changed.`;
}
