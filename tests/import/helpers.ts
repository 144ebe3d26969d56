// Shared by the import tests: running an import the way the command line does, and reading what a database holds.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type ImportOptions, type ImportReport, importCsv } from '../../src/import/import.ts';
import type { WorkspaceStore } from '../../src/store/store.ts';

export const MAVEN = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'maven-crm-sales-opportunities');

type Options = Partial<Omit<ImportOptions, 'entity'>>;

/** Imports a file (a path, or CSV text/bytes) as the command line would, as the system. */
export function importFile(
  ws: WorkspaceStore,
  entity: ImportOptions['entity'],
  file: string | { name: string; bytes: Uint8Array | string },
  options: Options = {},
): Promise<ImportReport> {
  const { name, bytes } = typeof file === 'string' ? { name: basename(file), bytes: readFileSync(file) } : file;
  return importCsv(ws, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, {
    entity,
    source: { file: name },
    by: { userId: null, origin: 'import' },
    now: new Date('2026-11-27T10:00:00Z'),
    ...options,
  });
}

/** Every row's id and updatedAt in the tables imports change, read over a connection of its own. */
export function updatedAts(path: string): Record<string, string[]> {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      ['Account', 'User', 'Contact', 'Opportunity'].map((table) => [
        table,
        (
          sqlite.prepare(`SELECT id || ' ' || updatedAt AS row FROM "${table}" ORDER BY id`).all() as { row: string }[]
        ).map((row) => row.row),
      ]),
    );
  } finally {
    sqlite.close();
  }
}
