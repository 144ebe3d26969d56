// Every account's names and keys, which every command reads to find the account a person means. At 10,000 accounts
// reading them takes ~20 ms, so each connection keeps the last read per workspace and reads again only when an
// account changed.
//
// "Changed" is checked in two steps. PRAGMA data_version moves when another connection (the Prisma client, another
// process) commits, and total_changes() when this one writes; while neither moved nothing can have changed. When one
// did, a signature of the Account rows says whether it was an account: a note or a task leaves the index as it was.
// The signature is the newest id (a new account) and the newest updatedAt (any change: every write path sets it,
// Prisma's updateMany too), each one seek into an index (~30 µs for both). Accounts are archived, never deleted.
import type BetterSqlite3 from 'better-sqlite3';
import type { AccountIndexEntry } from './accounts.ts';

interface Cached {
  connectionVersion: string;
  signature: string;
  entries: readonly AccountIndexEntry[];
}

interface ConnectionCache {
  byWorkspace: Map<number, Cached>;
  statements: {
    version: BetterSqlite3.Statement;
    signature: BetterSqlite3.Statement;
    rows: BetterSqlite3.Statement;
  };
}

const CACHES = new WeakMap<BetterSqlite3.Database, ConnectionCache>();

function cacheOf(sqlite: BetterSqlite3.Database): ConnectionCache {
  let cache = CACHES.get(sqlite);
  if (!cache) {
    cache = {
      byWorkspace: new Map(),
      statements: {
        version: sqlite.prepare(
          "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS version",
        ),
        signature: sqlite.prepare(
          `SELECT (SELECT IFNULL(MAX(id), 0) FROM Account WHERE workspaceId = :workspaceId) || ':' ||
             (SELECT IFNULL(MAX(updatedAt), '') FROM Account WHERE workspaceId = :workspaceId) AS signature`,
        ),
        rows: sqlite.prepare(
          `SELECT id, key, name, aliases, parentId, country, ownerId, visibility, archivedAt IS NOT NULL AS archived
           FROM Account WHERE workspaceId = ?`,
        ),
      },
    };
    CACHES.set(sqlite, cache);
  }
  return cache;
}

function parseAliases(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The workspace's account index; the same (frozen) array as long as no account changed. */
/** Moves whenever anything was committed to the database, by this connection or another (~10 µs to read). */
export function connectionVersion(sqlite: BetterSqlite3.Database): string {
  return (cacheOf(sqlite).statements.version.get() as { version: string }).version;
}

export function readAccountIndex(sqlite: BetterSqlite3.Database, workspaceId: number): readonly AccountIndexEntry[] {
  const { byWorkspace, statements } = cacheOf(sqlite);
  const cached = byWorkspace.get(workspaceId);
  const { version: connectionVersion } = statements.version.get() as { version: string };
  if (cached?.connectionVersion === connectionVersion) return cached.entries;

  const { signature } = statements.signature.get({ workspaceId }) as { signature: string };
  if (cached?.signature === signature) {
    cached.connectionVersion = connectionVersion;
    return cached.entries;
  }
  const rows = statements.rows.all(workspaceId) as (Omit<AccountIndexEntry, 'aliases' | 'archived'> & {
    aliases: string;
    archived: number;
  })[];
  const entries = Object.freeze(
    rows.map((row) => Object.freeze({ ...row, aliases: parseAliases(row.aliases), archived: row.archived === 1 })),
  );
  byWorkspace.set(workspaceId, { connectionVersion, signature, entries });
  return entries;
}
