// The writers of one table write the same row: a note saved from chat (the note writer's prepared statements), inside
// a transaction (Prisma) and by an import (bulk inserts) has the same defaults, tags and date encoding, and so has
// its audit event. All take their rows from src/store/rows.ts.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let ws: WorkspaceStore;
let accountId: number;

beforeAll(async () => {
  db = await openTestStore();
  ws = (await createTestWorkspace(db.store)).ws;
  accountId = (await ws.accounts.create({ key: 'acme', name: 'Acme' }, SYSTEM_ACTOR)).id;
});
afterAll(() => db.close());

type Raw = Record<string, unknown>;

function rawRows(sql: string, ...params: unknown[]): Raw[] {
  const file = new BetterSqlite3(db.path, { readonly: true });
  try {
    return file.prepare(sql).all(...params) as Raw[];
  } finally {
    file.close();
  }
}

/** A stored note without what differs by design (its id, body and when it was written), with its tags. */
function stored(noteId: number) {
  const [note] = rawRows('SELECT * FROM "Note" WHERE id = ?', noteId);
  const tags = rawRows('SELECT tag FROM "NoteTag" WHERE noteId = ? ORDER BY tag', noteId).map((row) => row.tag);
  const [event] = rawRows('SELECT * FROM "AuditEvent" WHERE entity = \'note\' AND entityId = ?', noteId);
  const { id, body, createdAt, occurredAt, source, ...rest } = note ?? {};
  return {
    note: rest,
    tags,
    dates: [createdAt, occurredAt].map((value) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/.test(String(value))),
    event: { ...event, id: undefined, entityId: undefined, createdAt: typeof event?.createdAt, details: undefined },
  };
}

describe('one row per table, whoever writes it', () => {
  it('gives a note the same defaults, tags and dates from chat, a transaction and an import', async () => {
    const input = { accountId, body: 'QBR went well #Renewal #renewal #risk', tags: ['Renewal', 'renewal', 'risk'] };
    const chat = await ws.notes.add(input, SYSTEM_ACTOR);
    const inTransaction = await ws.transaction((tx) => tx.notes.add(input, SYSTEM_ACTOR));
    const [imported] = ws.imports.bulk.inOneTransaction((insert) =>
      insert.notes([input], [{ file: 'notes.csv', line: 2 }], SYSTEM_ACTOR),
    );
    const rows = [chat.note.id, inTransaction.note.id, imported as number].map(stored);
    expect(rows[0]).toMatchObject({
      note: { kind: 'note', sentiment: 'neutral', authorId: null, editedAt: null, sourceChannel: null },
      tags: ['renewal', 'risk'],
      dates: [true, true],
      event: { action: 'note.create', origin: 'system', actorId: null, createdAt: 'string' },
    });
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
    expect(chat.note.tags).toEqual(['renewal', 'risk']);
  });
});
