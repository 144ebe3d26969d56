// SQLite plans queries from table statistics. Without them it took the workspace's note index for "the latest notes
// of one account" and read every note of the workspace (bench/README.md). Two defences: Note's index begins with
// (workspaceId, accountId), which the planner prefers with or without statistics, and the store collects
// statistics when it opens (PRAGMA optimize), for the other tables.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;

afterEach(async () => {
  await db.close();
});

const ONE_ACCOUNT_QUERIES = [
  'SELECT id FROM Note WHERE workspaceId = ? AND accountId = ? ORDER BY occurredAt DESC LIMIT 10',
  'SELECT COUNT(*) FROM Note WHERE workspaceId = ? AND accountId = ?',
  "SELECT sentiment FROM Note WHERE workspaceId = ? AND accountId = ? AND occurredAt >= '2026-01-01'",
];

function plans(path: string, workspaceId: number, accountId: number): string[] {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    return ONE_ACCOUNT_QUERIES.map((sql) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(workspaceId, accountId) as { detail: string }[])
        .map((row) => row.detail)
        .join('; '),
    );
  } finally {
    sqlite.close();
  }
}

function statisticsOf(path: string, table: string): number {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get();
    if (!exists) return 0;
    return (sqlite.prepare('SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = ?').get(table) as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

describe('query plans for one account', () => {
  it('use the account index without statistics, and the store collects statistics when it opens', async () => {
    db = await openTestStore();
    const t = await createTestWorkspace(db.store);
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push((await t.ws.accounts.create({ key: `acct-${i}`, name: `Account ${i}` }, SYSTEM_ACTOR)).id);
    }
    for (let i = 0; i < 200; i++) {
      await t.ws.notes.add({ accountId: ids[i % ids.length] ?? 0, body: `Note ${i}` }, SYSTEM_ACTOR);
    }
    const accountId = ids[3] ?? 0;
    const byAccount =
      /USING (COVERING )?INDEX Note_workspaceId_accountId_occurredAt_idx \(workspaceId=\? AND accountId=\?/;
    expect(statisticsOf(db.path, 'Note')).toBe(0);
    for (const plan of plans(db.path, t.workspace.id, accountId)) expect(plan).toMatch(byAccount);

    const reopened = await Store.open(db.url);
    await reopened.close();
    expect(statisticsOf(db.path, 'Note')).toBeGreaterThan(0);
    for (const plan of plans(db.path, t.workspace.id, accountId)) expect(plan).toMatch(byAccount);
  });

  it('are collected for tables that grew while the store was open, when the nightly job asks', async () => {
    db = await openTestStore();
    const t = await createTestWorkspace(db.store);
    const accountId = (await t.ws.accounts.create({ key: 'acme', name: 'Acme' }, SYSTEM_ACTOR)).id;
    for (let i = 0; i < 50; i++) await t.ws.notes.add({ accountId, body: `Note ${i}` }, SYSTEM_ACTOR);
    expect(statisticsOf(db.path, 'Note')).toBe(0);
    await db.store.refreshStatistics();
    expect(statisticsOf(db.path, 'Note')).toBeGreaterThan(0);
  });
});
