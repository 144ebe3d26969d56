// SQLite plans queries from table statistics; without them it took the workspace's note index for "the latest notes
// of one account" and read every note of the workspace (bench/README.md). Opening the store collects them.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;

afterEach(async () => {
  await db.close();
});

const LATEST_NOTES_PLAN = `EXPLAIN QUERY PLAN
  SELECT id FROM Note WHERE workspaceId = ? AND accountId = ? ORDER BY occurredAt DESC LIMIT 10`;

function planOf(path: string, workspaceId: number, accountId: number): string {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    const rows = sqlite.prepare(LATEST_NOTES_PLAN).all(workspaceId, accountId) as { detail: string }[];
    return rows.map((row) => row.detail).join('; ');
  } finally {
    sqlite.close();
  }
}

describe('table statistics', () => {
  it('are collected when the store opens, and the latest notes of an account then come from its own index', async () => {
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
    expect(planOf(db.path, t.workspace.id, accountId)).not.toMatch(/accountId/);

    const reopened = await Store.open(db.url);
    await reopened.close();
    expect(planOf(db.path, t.workspace.id, accountId)).toMatch(/INDEX \w*accountId\w* \(.*accountId=\?/);
  });
});
