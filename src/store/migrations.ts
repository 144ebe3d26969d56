// Applies the migrations in prisma/migrations, the way `prisma migrate deploy` does (same folder, same
// `_prisma_migrations` table), but through the WebAssembly schema engine so nothing is downloaded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { SEARCH_INDEX_TABLES } from './search-index-sql.ts';
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

/** Names of the migrations the database has finished applying. */
export function appliedMigrations(sqlite: BetterSqlite3.Database): Set<string> {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get();
  if (!table) return new Set();
  const rows = sqlite
    .prepare(
      'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    .all() as { name: string }[];
  return new Set(rows.map((row) => row.name));
}

/** The migrations in the folder that the database at `path` has not applied, read without the engine. */
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

/**
 * Applies the pending migrations to the SQLite file at `path` and returns their names. The common case, nothing
 * pending, is answered from `_prisma_migrations` without loading the engine, which keeps start-up fast.
 * The engine locks the file exclusively while it works: call this before opening the store's own connections.
 */
export async function applyPendingMigrations(path: string, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  if (pendingMigrations(path, dir).length === 0) return [];
  // Loaded only when needed: the engine is 5 MB of WebAssembly.
  const { openSchemaEngine } = await import('./schema-engine.ts');
  const session = await openSchemaEngine(readFileSync(SCHEMA_PATH, 'utf8'), `file:${path}`);
  try {
    const result = await session.engine.applyMigrations({
      migrationsList: readMigrationList(dir),
      filters: SCHEMA_FILTERS,
    });
    return result.appliedMigrationNames;
  } catch (error) {
    throw new MigrationError(describeEngineError(error), { cause: error });
  } finally {
    await session.close();
  }
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** The engine reports SQLite's "database is locked" as an unknown `SocketTimeout` variant; say what it means. */
function describeEngineError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('SocketTimeout') || message.includes('database is locked')) {
    return 'Could not apply database migrations: another process is using the database. Stop it and try again.';
  }
  return `Could not apply database migrations: ${message.split('\n')[0]}`;
}
