// A PostgreSQL database of its own for a test file, copied from the migrated template the global set-up made (the
// PostgreSQL twin of copying the migrated SQLite file). Null where the run has no PostgreSQL server: the set-up said
// so loudly, and the file's PostgreSQL tests are skipped.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestPostgres {
  url: string;
  drop(): Promise<void>;
}

export const postgresServer = inject('postgres');

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServer?.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new database from the migrated template, or an empty one (`migrated: false`). */
export async function openTestPostgres(options: { migrated?: boolean } = {}): Promise<TestPostgres> {
  if (!postgresServer) throw new Error('No PostgreSQL server in this run.');
  const name = `kam_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : postgresServer.template;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = postgresServer.url.replace(/\/[^/]+$/, `/${name}`);
  return {
    url,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
