// Migrates one template database for the whole run; each test file copies it (tests/helpers/store.ts), which is
// much faster than running the migrations again and gives every file a database of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../scripts/throwaway-postgres.ts';
import { applyPendingMigrations } from '../../src/store/migrations.ts';
import { applyPostgresMigrations } from '../../src/store/postgres-migrations.ts';

const POSTGRES_TEMPLATE = 'kam_template';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    /** A PostgreSQL server with a migrated template database, or null where no server could be started. */
    postgres: { url: string; template: string } | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'kam-test-template-'));
  const path = join(dir, 'template.db');
  await applyPendingMigrations(path);
  // One self-contained file, so a plain copy is a complete database.
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = DELETE');
  sqlite.close();
  project.provide('templateDatabase', path);
  const postgres = await startThrowawayPostgres(POSTGRES_TEMPLATE);
  if (postgres) {
    await applyPostgresMigrations(postgres.url);
    project.provide('postgres', { url: postgres.urlOf('postgres'), template: POSTGRES_TEMPLATE });
  } else {
    project.provide('postgres', null);
    console.warn(
      '\n*** No PostgreSQL server could be started (no server binaries: apt-get install postgresql). ' +
        'The PostgreSQL tests are SKIPPED in this run; CI installs the server and runs them. ***\n',
    );
  }
  return () => {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
