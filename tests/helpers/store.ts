import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { Store } from '../../src/store/store.ts';

export interface TestDatabase {
  store: Store;
  /** The database file. */
  path: string;
  url: string;
  close(): Promise<void>;
}

/** A fresh, migrated SQLite file of its own (a copy of the run's template). */
export function freshDatabaseFile(): { path: string; url: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kam-test-'));
  const path = join(dir, 'kam.db');
  copyFileSync(inject('templateDatabase'), path);
  return { path, url: `file:${path}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openTestStore(): Promise<TestDatabase> {
  const file = freshDatabaseFile();
  const store = await Store.open(file.url);
  return {
    store,
    path: file.path,
    url: file.url,
    async close() {
      await store.close();
      file.remove();
    },
  };
}
