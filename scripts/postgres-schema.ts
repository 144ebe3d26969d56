// PostgreSQL's side of a migration. Prisma fixes a schema's provider and keeps one migration history per provider,
// so prisma/postgres/ holds a generated copy of schema.prisma for PostgreSQL and its own migrations. Each one is the
// schema engine's diff from the copy as it was (committed with the previous migration) to the copy as it is now,
// worked out on a throwaway PostgreSQL server; nothing there is edited by hand.
import { existsSync, readFileSync } from 'node:fs';
import { POSTGRES_SCHEMA_PATH } from '../src/store/migrations.ts';
import { openSchemaEngine } from '../src/store/schema-engine.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

const HEADER = `// Generated from prisma/schema.prisma by \`npm run db:migration\` for PostgreSQL's migrations; do not edit.\n`;

/** schema.prisma with PostgreSQL as its provider, without the generators (the client is made from schema.prisma). */
export function postgresSchemaOf(schema: string): string {
  const body = schema
    .replace(/^generator \w+ \{[^}]*\}\n+/gm, '')
    .replace(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  return HEADER + body;
}

/** The committed PostgreSQL schema, or null before the first PostgreSQL migration. */
export function committedPostgresSchema(): string | null {
  return existsSync(POSTGRES_SCHEMA_PATH) ? readFileSync(POSTGRES_SCHEMA_PATH, 'utf8') : null;
}

/** The SQL that takes a PostgreSQL database from `before` (null: empty) to `after`; empty when they agree. */
export async function postgresMigrationSql(before: string | null, after: string): Promise<string> {
  const server = await startThrowawayPostgres('scratch');
  if (!server) {
    throw new Error(
      'A PostgreSQL migration needs PostgreSQL server binaries (Debian: apt-get install postgresql); none were found.',
    );
  }
  try {
    const session = await openSchemaEngine(after, server.url);
    try {
      const diff = await session.engine.diff({
        from:
          before === null
            ? { tag: 'empty' }
            : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: before }] },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: after }] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      return diff.exitCode === 0 ? '' : (diff.stdout ?? '');
    } finally {
      await session.close();
    }
  } finally {
    server.stop();
  }
}
