// Applies prisma/postgres/migrations to a PostgreSQL database, the way `prisma migrate deploy` does (same
// `_prisma_migrations` table and checksums), each migration in a transaction with its record (PostgreSQL's DDL is
// transactional). Several instances may start at once: an advisory lock lets one migrate while the others wait,
// then find nothing left to do.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checksumOf, type Migration, MigrationError, migrationsIn, POSTGRES_MIGRATIONS_DIR } from './migrations.ts';

/** Any fixed number: the advisory lock all kam-bot instances of one database take to migrate. */
const MIGRATION_LOCK = 0x6b616d;

/** Prisma's own table of applied migrations, as `prisma migrate` creates it on PostgreSQL. */
const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Applies the pending migrations of `dir` to the database at `url`; returns the names applied. */
export async function applyPostgresMigrations(url: string, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(`Could not reach the PostgreSQL database: ${(error as Error).message}.`, { cause: error });
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE_SQL);
    const interrupted = await client.query<{ name: string }>(
      'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL',
    );
    if (interrupted.rows.length > 0) {
      const names = interrupted.rows.map((row) => row.name).join(', ');
      throw new MigrationError(`The database has a migration that did not finish (${names}); it needs a look first.`);
    }
    const done = await client.query<{ name: string }>(
      'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(done.rows.map((row) => row.name));
    const names: string[] = [];
    for (const migration of migrationsIn(dir)) {
      if (applied.has(migration.name)) continue;
      await applyOne(client, migration);
      names.push(migration.name);
    }
    return names;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, checksumOf(migration.script), migration.name],
    );
    // Without parameters the script runs as one simple query: every statement in it, in order.
    await client.query(migration.script);
    await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [
      id,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Could not apply database migration ${migration.name}: ${message}; nothing was changed.`, {
      cause: error,
    });
  }
}
