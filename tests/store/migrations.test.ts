import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyPendingMigrations,
  pendingMigrations,
  readMigrationList,
  SCHEMA_FILTERS,
  SCHEMA_PATH,
} from '../../src/store/migrations.ts';
import { openSchemaEngine } from '../../src/store/schema-engine.ts';
import { SEARCH_INDEXES } from '../../src/store/search-index-sql.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What the schema engine finds between the database at `path` and `schema`. */
async function diffAgainst(path: string, schema: string) {
  const session = await openSchemaEngine(schema, `file:${path}`);
  try {
    return await session.engine.diff({
      from: { tag: 'schemaDatasource', files: [{ path: 'schema.prisma', content: schema }], configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: true,
      filters: SCHEMA_FILTERS,
    });
  } finally {
    await session.close();
  }
}

function freshPath(): string {
  dir = mkdtempSync(join(tmpdir(), 'kam-migrations-'));
  return join(dir, 'kam.db');
}

describe('migrations', () => {
  it('give exactly what schema.prisma describes (the schema engine finds no difference)', async () => {
    const path = freshPath();
    const applied = await applyPendingMigrations(path);
    expect(applied).toEqual(readMigrationList().migrationDirectories.map((migration) => migration.path));

    const diff = await diffAgainst(path, readFileSync(SCHEMA_PATH, 'utf8'));
    expect(diff.stdout).toContain('empty migration');
    expect(diff.exitCode).toBe(0);
  });

  it('notices a schema that the migrations do not give', async () => {
    const path = freshPath();
    await applyPendingMigrations(path);
    const schema = readFileSync(SCHEMA_PATH, 'utf8').replace(
      /model Workspace \{/,
      'model Workspace {\n  colour String?',
    );
    const diff = await diffAgainst(path, schema);
    expect(diff.exitCode).toBe(2);
    expect(diff.stdout).toContain('colour');
  });

  it('create the full-text indexes and the triggers that keep them in step', async () => {
    const path = freshPath();
    await applyPendingMigrations(path);
    const sqlite = new BetterSqlite3(path, { readonly: true });
    const names = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    sqlite.close();
    for (const index of SEARCH_INDEXES) {
      expect(names).toContain(index.fts);
      for (const event of ['insert', 'delete', 'update']) expect(names).toContain(`${index.fts}_after_${event}`);
    }
  });

  it('apply once: a second run finds nothing pending and changes nothing', async () => {
    const path = freshPath();
    expect(pendingMigrations(path).length).toBeGreaterThan(0);
    await applyPendingMigrations(path);
    expect(pendingMigrations(path)).toEqual([]);
    expect(await applyPendingMigrations(path)).toEqual([]);
  });
});
