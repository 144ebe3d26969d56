// Migrates one template database for the whole run; each test file copies it (tests/helpers/store.ts), which is
// much faster than running the migrations again and gives every file a database of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { applyPendingMigrations } from '../../src/store/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
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
  return () => rmSync(dir, { recursive: true, force: true });
}
