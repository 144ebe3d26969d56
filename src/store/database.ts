// Opens the SQLite database twice over one file: the Prisma client for typed reads and writes, and a plain
// better-sqlite3 connection for what Prisma cannot express or does slowly (FTS5 search, the account index,
// online backup). Both run in WAL mode, so readers never block the writer.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { StartupError } from '../errors.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { repairAndMigrate } from './migration-repair.ts';
import { applyPendingMigrations } from './migrations.ts';
import { BUSY_TIMEOUT_MS } from './sqlite-settings.ts';

export interface Database {
  readonly prisma: PrismaClient;
  readonly sqlite: BetterSqlite3.Database;
  /** Absolute path of the database file. */
  readonly path: string;
  /** Names of the migrations applied when the database was opened. */
  readonly appliedMigrations: string[];
  /** One sentence per interrupted migration repaired when the database was opened. */
  readonly repairedMigrations: string[];
  close(): Promise<void>;
}

/** `file:./data/kam.db` → an absolute path (relative paths are taken from the working directory). */
export function databaseFilePath(databaseUrl: string): string {
  return resolve(databaseUrl.replace(/^file:/, '').replace(/\?.*$/, ''));
}

function openSqlite(path: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  refreshStatistics(sqlite);
  return sqlite;
}

/**
 * Lets SQLite collect table statistics where they are missing or stale, as SQLite advises at every open of a
 * long-lived connection. Without statistics the planner takes any index that begins with `workspaceId` (in a
 * one-workspace database as good as none): at a million notes that made `/account show` read the whole workspace's
 * notes. Usually a no-op (0.1 ms); the first open of a large database that never had statistics pays ~0.6 s.
 * Runs before the Prisma client connects, because a connection reads statistics only when it loads the schema.
 */
export function refreshStatistics(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('optimize = 0x10002');
}

export interface OpenOptions {
  /**
   * Apply pending migrations first (default true); 'repair' also completes a migration an older kam-bot was killed
   * in the middle of (`kam migrate`), which otherwise stops the store from opening.
   */
  migrate?: boolean | 'repair';
}

/** What SQLite says when the file is there but is not ours to open, as one sentence for the person who set it. */
const UNOPENABLE: Record<string, string> = {
  SQLITE_NOTADB: 'is not a database',
  SQLITE_CORRUPT: 'is a damaged database',
  SQLITE_CANTOPEN: 'cannot be opened',
  SQLITE_READONLY: 'is read-only',
  SQLITE_PERM: 'may not be opened by this user',
};

/** The same checks before and after SQLite tries: a folder, or a file SQLite refuses, is one clear sentence. */
function unopenable(path: string, error?: unknown): StartupError | null {
  if (existsSync(path) && statSync(path).isDirectory()) {
    return new StartupError(
      `The database ${path} is a folder; set DATABASE_URL to a file in it, e.g. file:${path}/kam.db.`,
    );
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  const problem = typeof code === 'string' ? UNOPENABLE[code] : undefined;
  return problem
    ? new StartupError(
        `The database ${path} ${problem}; set DATABASE_URL to kam-bot's database, or to a new file to start one.`,
      )
    : null;
}

export async function openDatabase(databaseUrl: string, options: OpenOptions = {}): Promise<Database> {
  const path = databaseFilePath(databaseUrl);
  const folder = unopenable(path);
  if (folder) throw folder;
  mkdirSync(dirname(path), { recursive: true });
  try {
    return await openAt(path, options);
  } catch (error) {
    throw unopenable(path, error) ?? error;
  }
}

async function openAt(path: string, options: OpenOptions): Promise<Database> {
  // Migrations first: the schema engine locks the file exclusively until it is done.
  const migrate = options.migrate ?? true;
  const report =
    migrate === 'repair'
      ? repairAndMigrate(path)
      : { repaired: [], applied: migrate ? await applyPendingMigrations(path) : [] };
  const sqlite = openSqlite(path);
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: `file:${path}`, timeout: BUSY_TIMEOUT_MS }),
  });
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  return {
    prisma,
    sqlite,
    path,
    appliedMigrations: report.applied,
    repairedMigrations: report.repaired,
    async close() {
      await prisma.$disconnect();
      sqlite.close();
    },
  };
}
