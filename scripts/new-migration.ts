// Creates the next migration from a change to prisma/schema.prisma, offline:
//   npm run db:migration -- <name>
// Replays the existing migrations into a scratch database, asks Prisma's schema engine for the SQL that takes it
// to what schema.prisma describes, and writes prisma/migrations/<timestamp>_<name>/migration.sql; the same for
// PostgreSQL into prisma/postgres/ (scripts/postgres-schema.ts), on a throwaway server.
// The FTS5 search index is hand-written SQL (src/store/search-index-sql.ts): the first migration creates it, and
// a later migration that rebuilds one of its tables (SQLite's "RedefineTables") gets its triggers back.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyPendingMigrations,
  MIGRATIONS_DIR,
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_PATH,
  readMigrationList,
  SCHEMA_FILTERS,
  SCHEMA_PATH,
} from '../src/store/migrations.ts';
import { openSchemaEngine } from '../src/store/schema-engine.ts';
import { createSearchIndexSql, SEARCH_INDEXES, searchTriggersSql } from '../src/store/search-index-sql.ts';
import { committedPostgresSchema, postgresMigrationSql, postgresSchemaOf } from './postgres-schema.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lower case, digits and underscores, e.g. add_contact_phone)');
  process.exit(2);
}

const scratchDir = mkdtempSync(join(tmpdir(), 'kam-migration-'));
const scratchUrl = `file:${join(scratchDir, 'scratch.db')}`;
try {
  await applyPendingMigrations(join(scratchDir, 'scratch.db'));

  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const session = await openSchemaEngine(schema, scratchUrl);
  const diff = await session.engine.diff({
    from: { tag: 'schemaDatasource', files: [{ path: 'schema.prisma', content: schema }], configDir: process.cwd() },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: true,
    filters: SCHEMA_FILTERS,
  });
  await session.close();
  const postgresBefore = committedPostgresSchema();
  const postgresAfter = postgresSchemaOf(schema);
  const postgresSql = postgresBefore === postgresAfter ? '' : await postgresMigrationSql(postgresBefore, postgresAfter);
  if (diff.exitCode === 0 && !postgresSql) {
    console.log('The migrations already give what schema.prisma describes; nothing to create.');
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  if (postgresSql) {
    const dir = join(POSTGRES_MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(POSTGRES_MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
    writeFileSync(join(dir, 'migration.sql'), postgresSql);
    writeFileSync(POSTGRES_SCHEMA_PATH, postgresAfter);
    console.log(`Created ${dir}/migration.sql for PostgreSQL.`);
  }
  if (diff.exitCode === 0) process.exit(0);

  let sql = diff.stdout ?? '';
  const isFirst = readMigrationList().migrationDirectories.length === 0;
  if (isFirst) {
    sql += `\n-- Full-text search (src/store/search-index-sql.ts)\n${SEARCH_INDEXES.map(createSearchIndexSql).join('\n')}`;
  } else {
    for (const index of SEARCH_INDEXES) {
      if (!sql.includes(`CREATE TABLE "new_${index.table}"`)) continue;
      sql += `\n-- ${index.table} was rebuilt, which dropped its search triggers: restore them and refill the index\n`;
      sql += `${searchTriggersSql(index)}INSERT INTO "${index.fts}" ("${index.fts}") VALUES ('rebuild');\n`;
    }
  }

  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "sqlite"\n');
  writeFileSync(join(dir, 'migration.sql'), sql);
  console.log(`Created ${dir}/migration.sql. Review it, then commit it with the schema change.`);
} finally {
  rmSync(scratchDir, { recursive: true, force: true });
}
