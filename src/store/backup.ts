// `kam backup`: a consistent copy of the database, made while the bot keeps writing. VACUUM INTO reads one snapshot
// in one read transaction, so writers never make it start over (SQLite's online backup restarts whenever another
// connection writes, and under a steady stream of notes never finished). The copy is written beside the target
// under a name of its own, checked, synced and only then renamed into place: a backup killed mid-way never leaves
// a file at the target that is not a database. The database is read as it is, migrated or not.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './sqlite-settings.ts';

export interface BackupResult {
  bytes: number;
  ms: number;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** Where a backup to `target` is made before it is renamed into place; a killed one's leftover is replaced. */
export function partialBackupPath(target: string): string {
  const absolute = resolve(target);
  return join(dirname(absolute), `.${basename(absolute)}.partial`);
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function backupDatabase(sourcePath: string, target: string): BackupResult {
  if (!existsSync(sourcePath)) throw new BackupError(`There is no database at ${sourcePath} to back up.`);
  const started = performance.now();
  const partial = partialBackupPath(target);
  rmSync(partial, { force: true });
  const source = new BetterSqlite3(sourcePath, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    source.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`Could not copy ${sourcePath}: ${(error as Error).message}`, { cause: error });
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(partial, { readonly: true, fileMustExist: true });
  let verdict: unknown;
  try {
    verdict = copy.pragma('integrity_check', { simple: true });
  } finally {
    copy.close();
  }
  if (verdict !== 'ok') {
    rmSync(partial, { force: true });
    throw new BackupError(
      `The copy of ${sourcePath} failed SQLite's integrity check (${String(verdict)}); nothing was written to ${target}.`,
    );
  }
  syncFile(partial);
  renameSync(partial, target);
  syncFile(dirname(resolve(target)));
  return { bytes: statSync(target).size, ms: performance.now() - started };
}
