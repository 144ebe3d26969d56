// PostgreSQL beside SQLite: its migrations, generated from the one schema, give the tables and columns SQLite has,
// several instances starting at once apply each migration once, and the query builder hands back the same values
// (dates, JSON, booleans) from both databases.
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postgresSchemaOf } from '../../scripts/postgres-schema.ts';
import {
  migrationsIn,
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_PATH,
  SCHEMA_PATH,
} from '../../src/store/migrations.ts';
import { applyPostgresMigrations } from '../../src/store/postgres-migrations.ts';
import { SEARCH_INDEX_TABLES } from '../../src/store/search-index-sql.ts';
import { BOOLEAN_COLUMNS, DATE_COLUMNS, JSON_COLUMNS } from '../../src/store/sql/columns.ts';
import { postgresDatabase, type SqlDatabase, sqliteDatabase } from '../../src/store/sql/sql-database.ts';
import { openTestPostgres, postgresServer, type TestPostgres } from '../helpers/postgres.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';

describe('the columns whose values the databases keep differently', () => {
  it('are every DateTime, Json and Boolean field of schema.prisma, and no other field has their names', () => {
    const byType = new Map<string, Set<string>>();
    const schema = readFileSync(SCHEMA_PATH, 'utf8');
    for (const model of schema.matchAll(/^model \w+ \{([\s\S]*?)^\}/gm)) {
      for (const line of (model[1] ?? '').split('\n')) {
        const [name, type] = line.trim().split(/\s+/);
        if (!name || !type || /^(@@|\/\/)/.test(name)) continue;
        const base = type.replace(/[?[\]]/g, '');
        byType.set(base, (byType.get(base) ?? new Set()).add(name));
      }
    }
    expect([...(byType.get('DateTime') ?? [])].sort()).toEqual([...DATE_COLUMNS].sort());
    expect([...(byType.get('Json') ?? [])].sort()).toEqual([...JSON_COLUMNS].sort());
    expect([...(byType.get('Boolean') ?? [])].sort()).toEqual([...BOOLEAN_COLUMNS].sort());
    for (const [type, names] of byType) {
      if (['DateTime', 'Json', 'Boolean'].includes(type)) continue;
      for (const name of names) expect(DATE_COLUMNS.has(name) || JSON_COLUMNS.has(name)).toBe(false);
    }
  });
});

describe.skipIf(!postgresServer)('PostgreSQL', () => {
  let sqlite: TestDatabase;
  const databases: TestPostgres[] = [];
  const open = async (options?: { migrated?: boolean }) => {
    const database = await openTestPostgres(options);
    databases.push(database);
    return database;
  };

  beforeAll(async () => {
    sqlite = await openTestStore();
  });
  afterAll(async () => {
    await sqlite.close();
    for (const database of databases) await database.drop();
  });

  it('gets every table and column SQLite has from its own migrations, applied once however many start', async () => {
    const empty = await open({ migrated: false });
    const all = migrationsIn(POSTGRES_MIGRATIONS_DIR).map((migration) => migration.name);
    const starts = await Promise.all([1, 2, 3].map(() => applyPostgresMigrations(empty.url)));
    expect(starts.flat().sort()).toEqual(all.sort());
    expect(await applyPostgresMigrations(empty.url)).toEqual([]);

    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const { rows } = await client.query<{ table: string; column: string; nullable: string }>(
      `SELECT table_name AS table, column_name AS column, is_nullable AS nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND column_name <> 'searchVector'
       ORDER BY 1, 2`,
    );
    const recorded = await client.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    await client.end();
    expect(recorded.rows[0].n).toBe(all.length);

    const file = new BetterSqlite3(sqlite.path, { readonly: true });
    const tables = (
      file
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
        )
        .all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((name) => !SEARCH_INDEX_TABLES.some((fts) => name.startsWith(fts)));
    const expected = tables.flatMap((table) =>
      (file.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; notnull: number; pk: number }[]).map(
        (column) => ({ table, column: column.name, nullable: column.notnull || column.pk ? 'NO' : 'YES' }),
      ),
    );
    file.close();
    expect(expected.length).toBeGreaterThan(150);
    const order = (list: { table: string; column: string }[]) =>
      [...list].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
    expect(order(rows)).toEqual(order(expected));
  });

  it('comes from schema.prisma: the generated copy is current', () => {
    // "npm run db:migration" writes both; a schema change without it fails here. (The schema engine cannot read a
    // PostgreSQL database back through the pg driver adapter, "Column type 'char' could not be deserialized", so
    // the migrated tables are checked against SQLite's above rather than by the engine's diff.)
    expect(readFileSync(POSTGRES_SCHEMA_PATH, 'utf8')).toBe(postgresSchemaOf(readFileSync(SCHEMA_PATH, 'utf8')));
  });

  it('hands back the same dates, JSON and booleans as SQLite through the query builder', async () => {
    const migrated = await open();
    const sqliteFile = new BetterSqlite3(sqlite.path);
    const both: SqlDatabase[] = [sqliteDatabase(sqliteFile), postgresDatabase(migrated.url, 2)];
    const seen = [];
    for (const { db } of both) {
      const now = new Date('2026-12-03T10:15:30.123Z');
      const workspace = await db
        .insertInto('Workspace')
        .values({ name: 'Nordwind', healthSettings: { bands: { green: 75 } }, updatedAt: now, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('User')
        .values({ workspaceId: workspace.id, displayName: 'Dana', deactivated: true, updatedAt: now })
        .execute();
      await db
        .insertInto('Account')
        .values({
          workspaceId: workspace.id,
          key: 'nordwind',
          name: 'Nordwind Industries',
          aliases: ['NWI', 'Nordwind'],
          renewalAt: new Date('2027-02-12T12:00:00.000Z'),
          updatedAt: now,
        })
        .execute();
      const account = await db
        .selectFrom('Account')
        .select(['key', 'aliases', 'renewalAt', 'archivedAt', 'tier'])
        .where('workspaceId', '=', workspace.id)
        .where('renewalAt', '>', new Date('2027-02-12T11:59:59.999Z'))
        .executeTakeFirstOrThrow();
      const user = await db
        .selectFrom('User')
        .select(['displayName', 'deactivated'])
        .where('workspaceId', '=', workspace.id)
        .executeTakeFirstOrThrow();
      const settings = await db
        .selectFrom('Workspace')
        .select(['healthSettings', 'createdAt'])
        .where('id', '=', workspace.id)
        .executeTakeFirstOrThrow();
      const { count } = await db
        .selectFrom('Account')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('workspaceId', '=', workspace.id)
        .executeTakeFirstOrThrow();
      seen.push({ account, user, settings, count });
    }
    for (const database of both) await database.close();
    sqliteFile.close();
    expect(seen[0]).toEqual({
      account: {
        key: 'nordwind',
        aliases: ['NWI', 'Nordwind'],
        renewalAt: new Date('2027-02-12T12:00:00.000Z'),
        archivedAt: null,
        tier: 'B',
      },
      user: { displayName: 'Dana', deactivated: true },
      settings: { healthSettings: { bands: { green: 75 } }, createdAt: new Date('2026-12-03T10:15:30.123Z') },
      count: 1,
    });
    expect(seen[1]).toEqual(seen[0]);
  });
});

// A run without a server must say so, not pass quietly: the global set-up prints the loud line, and this keeps the
// file from counting as a PostgreSQL test where there was none.
it('knows whether this run has a PostgreSQL server', () => {
  expect(inject('postgres') === null || typeof inject('postgres')?.url === 'string').toBe(true);
});
