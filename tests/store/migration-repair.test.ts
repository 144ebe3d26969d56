// Migrations are all or nothing now; databases an older kam-bot left half-migrated (its schema engine committed a
// migration statement by statement, so a kill left the first k statements applied and the record unfinished) are
// completed by `kam migrate`. Every interruption point of every migration is tried, on real and on a table rebuild.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { repairAndMigrate } from '../../src/store/migration-repair.ts';
import {
  applyEach,
  applyPendingMigrations,
  ensureMigrationsTable,
  MigrationError,
  migrationsIn,
} from '../../src/store/migrations.ts';
import { splitStatements } from '../../src/store/sql-statements.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function scratch(): string {
  dir = mkdtempSync(join(tmpdir(), 'kam-repair-'));
  return dir;
}

const schemaOf = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

/** What an older kam-bot left when killed after the first `k` statements of `migration` (index in the list). */
function wedge(
  path: string,
  migrationsDir: string,
  index: number,
  k: number,
  seed?: (db: BetterSqlite3.Database) => void,
) {
  const migrations = migrationsIn(migrationsDir);
  const sqlite = new BetterSqlite3(path);
  applyEach(sqlite, migrations.slice(0, index));
  ensureMigrationsTable(sqlite);
  seed?.(sqlite);
  const migration = migrations[index];
  if (!migration) throw new Error(`no migration ${index}`);
  sqlite
    .prepare(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('wedged', 'x', ?, '2026-11-28T03:10:00.000+00:00', 0)`,
    )
    .run(migration.name);
  sqlite.pragma('foreign_keys = OFF');
  for (const statement of splitStatements(migration.script).slice(0, k)) sqlite.exec(statement);
  sqlite.close();
  return migration;
}

function reference(migrationsDir: string): unknown[] {
  const sqlite = new BetterSqlite3(':memory:');
  applyEach(sqlite, migrationsIn(migrationsDir));
  const schema = schemaOf(sqlite);
  sqlite.close();
  return schema;
}

describe('applying a migration', () => {
  it('is all or nothing: a failing statement leaves neither the schema change nor a record', async () => {
    const root = scratch();
    const migrations = join(root, 'migrations');
    mkdirSync(join(migrations, '001_table'), { recursive: true });
    writeFileSync(join(migrations, '001_table', 'migration.sql'), 'CREATE TABLE "T" ("id" INTEGER PRIMARY KEY);');
    mkdirSync(join(migrations, '002_broken'));
    writeFileSync(
      join(migrations, '002_broken', 'migration.sql'),
      'CREATE INDEX "T_id_idx" ON "T"("id");\nCREATE TABLE "T" ("again" TEXT);',
    );
    const path = join(root, 'kam.db');
    await expect(applyPendingMigrations(path, migrations)).rejects.toThrow(
      /Could not apply database migration 002_broken: .*table "T" already exists; nothing was changed\./,
    );
    const sqlite = new BetterSqlite3(path);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'T_id_idx'").get()).toBeUndefined();
    expect(sqlite.prepare('SELECT migration_name FROM _prisma_migrations').pluck().all()).toEqual(['001_table']);
    sqlite.close();
  });
});

describe('repairing an interrupted migration of this kam-bot', () => {
  const migrations = migrationsIn();

  it('refuses to open a database left interrupted, with one sentence saying what to run', async () => {
    const path = join(scratch(), 'kam.db');
    const index = migrations.findIndex((migration) => migration.name.includes('note_index'));
    wedge(path, join(process.cwd(), 'prisma', 'migrations'), index, 1);
    await expect(applyPendingMigrations(path)).rejects.toThrow(MigrationError);
    await expect(applyPendingMigrations(path)).rejects.toThrow(
      'The database has a migration that was interrupted (20261128030652_note_index_by_workspace_account); run `kam migrate` to repair it.',
    );
  });

  for (const [index, migration] of migrations.entries()) {
    const statements = splitStatements(migration.script);
    it(`completes ${migration.name} from each of its ${statements.length + 1} interruption points`, () => {
      const root = scratch();
      const migrationsDir = join(process.cwd(), 'prisma', 'migrations');
      const expected = reference(migrationsDir);
      for (let k = 0; k <= statements.length; k++) {
        const path = join(root, `k${k}.db`);
        wedge(path, migrationsDir, index, k);
        const report = repairAndMigrate(path, migrationsDir);
        expect(report.repaired).toHaveLength(1);
        expect(report.repaired[0]).toMatch(new RegExp(`^Repaired the interrupted migration ${migration.name}: .+\\.$`));
        const sqlite = new BetterSqlite3(path);
        expect(schemaOf(sqlite)).toEqual(expected);
        const unfinished = sqlite.prepare('SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL').pluck();
        expect(unfinished.get()).toBe(0);
        sqlite.close();
      }
    });
  }

  it('says which index it created for the note index migration stopped after its DROP INDEX', () => {
    const path = join(scratch(), 'kam.db');
    const migrationsDir = join(process.cwd(), 'prisma', 'migrations');
    const index = migrations.findIndex((migration) => migration.name.includes('note_index'));
    wedge(path, migrationsDir, index, 1);
    expect(repairAndMigrate(path, migrationsDir).repaired).toEqual([
      'Repaired the interrupted migration 20261128030652_note_index_by_workspace_account: created index Note_workspaceId_accountId_occurredAt_idx.',
    ]);
  });
});

describe('repairing an interrupted table rebuild', () => {
  function rebuildMigrations(root: string): string {
    const migrations = join(root, 'migrations');
    mkdirSync(join(migrations, '001_people'), { recursive: true });
    writeFileSync(
      join(migrations, '001_people', 'migration.sql'),
      'CREATE TABLE "Person" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);',
    );
    mkdirSync(join(migrations, '002_person_email'));
    // As Prisma writes a table rebuild for SQLite.
    writeFileSync(
      join(migrations, '002_person_email', 'migration.sql'),
      `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Person" ("id", "name") SELECT "id", "name" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_name_key" ON "Person"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
    );
    return migrations;
  }

  it('keeps every row, from every interruption point', () => {
    const root = scratch();
    const migrationsDir = rebuildMigrations(root);
    const expected = reference(migrationsDir);
    const statements = splitStatements(migrationsIn(migrationsDir)[1]?.script ?? '');
    expect(statements).toHaveLength(9);
    for (let k = 0; k <= statements.length; k++) {
      const path = join(root, `k${k}.db`);
      wedge(path, migrationsDir, 1, k, (db) => {
        const insert = db.prepare('INSERT INTO "Person" ("id", "name") VALUES (?, ?)');
        for (let i = 1; i <= 50; i++) insert.run(i, `person ${i}`);
      });
      const report = repairAndMigrate(path, migrationsDir);
      expect(report.repaired[0]).toMatch(/^Repaired the interrupted migration 002_person_email/);
      const sqlite = new BetterSqlite3(path);
      expect(schemaOf(sqlite)).toEqual(expected);
      expect(sqlite.prepare('SELECT count(*) FROM "Person"').pluck().get()).toBe(50);
      expect(sqlite.prepare('SELECT name FROM "Person" WHERE id = 50').pluck().get()).toBe('person 50');
      sqlite.close();
    }
  });

  it('leaves a database that matches no point of the migration untouched, and says so', () => {
    const root = scratch();
    const migrationsDir = rebuildMigrations(root);
    const path = join(root, 'odd.db');
    wedge(path, migrationsDir, 1, 2);
    const sqlite = new BetterSqlite3(path);
    sqlite.exec('CREATE TABLE "Unexpected" ("x" TEXT)');
    const before = schemaOf(sqlite);
    sqlite.close();
    expect(() => repairAndMigrate(path, migrationsDir)).toThrow(
      'Cannot repair the interrupted migration 002_person_email: the database matches no point of it; nothing was changed. Restore the backup taken before the upgrade.',
    );
    const after = new BetterSqlite3(path);
    expect(schemaOf(after)).toEqual(before);
    after.close();
  });
});
