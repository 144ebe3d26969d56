// `kam migrate` and `kam backup` as an operator meets them: a start-up migration killed half-way, a database an
// older kam-bot left half-migrated, a backup while the bot keeps writing, a backup killed half-way.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { partialBackupPath } from '../src/store/backup.ts';
import { applyEach, ensureMigrationsTable, migrationsIn } from '../src/store/migrations.ts';
import { SEARCH_INDEXES, searchTriggersSql } from '../src/store/search-index-sql.ts';
import { splitStatements } from '../src/store/sql-statements.ts';
import { kam } from './helpers/kam-cli.ts';

const ROOT = join(import.meta.dirname, '..');
const NOTE_INDEX = '20261128030652_note_index_by_workspace_account';
const NOTES = 600_000;

let dir: string;
/** A database before the note index migration with many notes: rebuilding that index takes a while. */
let large: string;
const children: ChildProcess[] = [];

function copyOf(path: string, name: string): string {
  const target = join(dir, name);
  const source = new BetterSqlite3(path, { readonly: true });
  source.prepare('VACUUM INTO ?').run(target);
  source.close();
  return target;
}

function untilMigration(path: string, seed: (db: BetterSqlite3.Database) => void): void {
  const migrations = migrationsIn();
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  applyEach(
    db,
    migrations.slice(
      0,
      migrations.findIndex((migration) => migration.name === NOTE_INDEX),
    ),
  );
  seed(db);
  db.close();
}

const note = SEARCH_INDEXES.find((index) => index.table === 'Note');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-maintenance-'));
  large = join(dir, 'large.db');
  untilMigration(large, (db) => {
    db.exec(`INSERT INTO Workspace (id, name, updatedAt) VALUES (1, 'Local', '2026-01-01T00:00:00.000+00:00');
      INSERT INTO Account (id, workspaceId, key, name, aliases, updatedAt)
        VALUES (1, 1, 'acme', 'Acme', '[]', '2026-01-01T00:00:00.000+00:00');`);
    // Filled without the search index's trigger (for speed), which is then put back exactly as it was.
    db.exec('DROP TRIGGER "note_fts_after_insert"');
    db.exec(`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${NOTES})
      INSERT INTO Note (workspaceId, accountId, body, occurredAt, createdAt)
      SELECT 1, 1, 'note ' || i, strftime('%Y-%m-%dT%H:%M:%S.000+00:00', 1700000000 + i * 60, 'unixepoch'),
        '2026-01-01T00:00:00.000+00:00' FROM seq`);
    if (note) db.exec(splitStatements(searchTriggersSql(note))[0] ?? '');
    db.pragma('wal_checkpoint(TRUNCATE)');
  });
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'kam.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KAM_USER: 'Dana Scully', ...env },
    cwd: ROOT,
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

/** Resolves once `check` holds, looking every few milliseconds (the events here are file sizes). */
async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

// Read-write: after a kill -9 the database may have a hot journal, which only a connection that may write rolls
// back (SQLite does so on open, as kam-bot's next start would).
function migrationRows(path: string) {
  const db = new BetterSqlite3(path);
  try {
    return db
      .prepare('SELECT migration_name AS name, finished_at AS finishedAt FROM _prisma_migrations ORDER BY started_at')
      .all() as { name: string; finishedAt: string | null }[];
  } finally {
    db.close();
  }
}

function indexes(path: string): string[] {
  const db = new BetterSqlite3(path);
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Note'")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

describe('a start-up migration killed half-way (kill -9)', () => {
  it('leaves the migration not applied at all, and the next start applies it', async () => {
    const path = copyOf(large, 'killed-migration.db');
    const child = start(['migrate'], { DATABASE_URL: `file:${path}` });
    // Rebuilding the index fills the write-ahead log (or, in rollback-journal mode, opens the journal): the
    // migration is under way.
    await until(() => sizeOf(`${path}-wal`) > 4_000_000 || existsSync(`${path}-journal`), 'the migration to start');
    child.kill('SIGKILL');
    await exited(child);

    expect(migrationRows(path).filter((row) => row.name === NOTE_INDEX)).toEqual([]);
    expect(indexes(path)).toContain('Note_accountId_occurredAt_idx');

    const next = await kam(['exec', '/account help'], { DATABASE_URL: `file:${path}` });
    expect(next.code).toBe(0);
    expect(migrationRows(path).every((row) => row.finishedAt !== null)).toBe(true);
    expect(indexes(path)).toContain('Note_workspaceId_accountId_occurredAt_idx');
    expect(indexes(path)).not.toContain('Note_accountId_occurredAt_idx');
  });
});

describe('a database an older kam-bot left half-migrated', () => {
  function wedged(name: string): string {
    const path = join(dir, name);
    untilMigration(path, (db) => {
      ensureMigrationsTable(db);
      // What the old schema engine left: the record of a migration started, and its first statement committed.
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ('old-engine', 'x', ?, '2026-11-28T03:10:00.000+00:00', 0)`,
      ).run(NOTE_INDEX);
      db.exec('DROP INDEX "Note_accountId_occurredAt_idx"');
    });
    return path;
  }

  it('is refused by kam exec and kam serve with one sentence, backed up as it is, and repaired by kam migrate', async () => {
    const path = wedged('wedged.db');
    const env = { DATABASE_URL: `file:${path}` };
    const sentence = `The database has a migration that was interrupted (${NOTE_INDEX}); run \`kam migrate\` to repair it.`;

    const exec = await kam(['exec', '/account help'], env);
    expect(exec.code).not.toBe(0);
    expect(exec.stderr).toContain(sentence);
    const serve = await kam(['serve'], { ...env, TEAMS_ALLOW_UNAUTHENTICATED: '1', HOST: '127.0.0.1', PORT: '0' });
    expect(serve.code).not.toBe(0);
    expect(serve.stderr).toContain(sentence);

    const copy = join(dir, 'wedged-backup.db');
    const backup = await kam(['backup', copy], env);
    expect(backup.code).toBe(0);
    expect(migrationRows(copy).find((row) => row.name === NOTE_INDEX)?.finishedAt).toBeNull();

    const migrate = await kam(['migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain(
      `Repaired the interrupted migration ${NOTE_INDEX}: created index Note_workspaceId_accountId_occurredAt_idx.`,
    );
    expect((await kam(['exec', '/account help'], env)).code).toBe(0);
    expect(migrationRows(path).every((row) => row.finishedAt !== null)).toBe(true);
  });
});

describe('kam backup', () => {
  it('finishes while another process keeps writing notes, and its copy holds every note committed before', async () => {
    const path = copyOf(large, 'busy.db');
    // The bot would migrate it at start; the writer writes into it as it is.
    const writer = spawn(process.execPath, [join(ROOT, 'tests', 'helpers', 'write-notes.mjs'), path, '15'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(writer);
    await new Promise<void>((resolve) => writer.stdout?.once('data', () => resolve()));
    const db = new BetterSqlite3(path, { readonly: true });
    const before = db.prepare('SELECT count(*) FROM Note').pluck().get() as number;
    db.close();

    const target = join(dir, 'busy-backup.db');
    const backup = await kam(['backup', target], { DATABASE_URL: `file:${path}` });
    writer.kill('SIGKILL');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backed up .* to .*busy-backup\.db \(\d+(\.\d)? MB in \d+\.\d s; the copy passed SQLite's integrity check\)\.\n$/,
    );
    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM Note').pluck().get()).toBeGreaterThanOrEqual(before);
    copy.close();
    expect(existsSync(partialBackupPath(target))).toBe(false);
  });

  it('killed half-way leaves nothing at the target, and the next backup finishes', async () => {
    const target = join(dir, 'killed-backup.db');
    const partial = partialBackupPath(target);
    const child = start(['backup', target], { DATABASE_URL: `file:${large}` });
    await until(() => sizeOf(partial) > 8_000_000, 'the copy to be under way');
    child.kill('SIGKILL');
    await exited(child);
    expect(existsSync(target)).toBe(false);

    const again = await kam(['backup', target], { DATABASE_URL: `file:${large}` });
    expect(again.code).toBe(0);
    expect(existsSync(partial)).toBe(false);
    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM Note').pluck().get()).toBe(NOTES);
    copy.close();
  });
});
