import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
let acmeId: number;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  acmeId = (await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation' }, SYSTEM_ACTOR)).id;
});

afterAll(() => db.close());

describe('the SQLite database', () => {
  it('runs in WAL mode with foreign keys on and a busy timeout', () => {
    expect(db.store.connectionSettings()).toEqual({ journalMode: 'wal', foreignKeys: true, busyTimeoutMs: 5000 });
    const other = new BetterSqlite3(db.path);
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
  });
});

describe('notes', () => {
  it('are stored once per source message, however often the message is saved', async () => {
    const ref = {
      source: 'slack' as const,
      channel: 'C123',
      messageId: '1700000000.000100',
      permalink: 'https://x.slack.com/p1',
    };
    const first = await t.ws.notes.add({ accountId: acmeId, body: 'Budget approved', sourceRef: ref }, SYSTEM_ACTOR);
    const again = await t.ws.notes.add({ accountId: acmeId, body: 'Budget approved', sourceRef: ref }, SYSTEM_ACTOR);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => t.ws.notes.add({ accountId: acmeId, body: 'Budget approved', sourceRef: ref }, SYSTEM_ACTOR)),
    );
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(new Set([again, ...concurrent].map((saved) => saved.note.id))).toEqual(new Set([first.note.id]));
    const stored = await t.ws.notes.forAccount(acmeId, 50);
    expect(stored.filter((note) => note.sourceRef.messageId === ref.messageId)).toHaveLength(1);
  });

  it('are saved with their tasks and audit events, or not at all', async () => {
    const before = await t.ws.notes.countForAccount(acmeId);
    await expect(
      t.ws.notes.add(
        // The task's assignee does not exist: the task insert fails, so the note must not stay either.
        { accountId: acmeId, body: 'Call Bob', tasks: [{ title: 'Call Bob', assigneeId: 987654 }] },
        SYSTEM_ACTOR,
      ),
    ).rejects.toThrow();
    expect(await t.ws.notes.countForAccount(acmeId)).toBe(before);

    const saved = await t.ws.notes.add(
      { accountId: acmeId, body: 'Call Bob', tags: ['Risk', 'risk'], tasks: [{ title: 'Call Bob' }] },
      { userId: t.admin.id, origin: 'console' },
    );
    expect(saved.note.tags).toEqual(['risk']);
    expect(saved.tasks.map((task) => task.noteId)).toEqual([saved.note.id]);
    const audit = await t.ws.audit.forEntity('note', saved.note.id);
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.origin])).toEqual([
      ['note.create', t.admin.id, 'console'],
    ]);
  });
});

describe('accounts', () => {
  it('refuse a key that is already taken', async () => {
    await expect(t.ws.accounts.create({ key: 'ACME', name: 'Another Acme' }, SYSTEM_ACTOR)).rejects.toThrow(
      'already used by Acme Corporation',
    );
  });

  it('keep restricted accounts from people outside the team', async () => {
    const secret = await t.ws.accounts.create(
      { key: 'secret', name: 'Secret Project Ltd', visibility: 'restricted', ownerId: t.admin.id },
      SYSTEM_ACTOR,
    );
    const member = { userId: t.member.id, role: 'member' as const };
    expect(await t.ws.accounts.byId(secret.id, member)).toBeNull();
    expect((await t.ws.accounts.list({}, member)).map((a) => a.key)).not.toContain('secret');
    expect(t.ws.search.search('secret', member).accounts).toEqual([]);
    await t.ws.members.set(secret.id, t.member.id, 'sales_engineer', SYSTEM_ACTOR);
    expect((await t.ws.accounts.byId(secret.id, member))?.key).toBe('secret');
    expect(t.ws.search.search('secret', member).accounts.map((hit) => hit.key)).toEqual(['secret']);
  });
});

describe('search', () => {
  it('finds accounts as you type, contacts, and notes regardless of accents, and survives FTS syntax', async () => {
    const globex = await t.ws.accounts.create(
      { key: 'globex', name: 'Globex Corporation', aliases: ['GBX'] },
      SYSTEM_ACTOR,
    );
    await t.ws.contacts.add({ accountId: globex.id, name: 'Hank Scorpio', title: 'CEO' }, SYSTEM_ACTOR);
    await t.ws.notes.add({ accountId: globex.id, body: 'Lunch with Müller about the Zürich rollout' }, SYSTEM_ACTOR);
    expect(t.ws.search.search('glob', undefined).accounts.map((hit) => hit.key)).toEqual(['globex']);
    expect(t.ws.search.search('gbx', undefined).accounts.map((hit) => hit.key)).toEqual(['globex']);
    expect(t.ws.search.search('scorpio', undefined).contacts.map((hit) => hit.name)).toEqual(['Hank Scorpio']);
    expect(t.ws.search.search('muller zurich', undefined).notes.map((hit) => hit.accountId)).toEqual([globex.id]);
    for (const hostile of ['"', 'NEAR(', 'a OR', '*', "'; DROP TABLE Note; --", 'body:x', '^', '']) {
      expect(() => t.ws.search.search(hostile, undefined)).not.toThrow();
    }
  });

  it('keeps the index in step when a note changes or goes', async () => {
    const saved = await t.ws.notes.add({ accountId: acmeId, body: 'xylophone delivery' }, SYSTEM_ACTOR);
    expect(t.ws.search.search('xylophone', undefined).notes).toHaveLength(1);
    const sqlite = new BetterSqlite3(db.path);
    sqlite.prepare("UPDATE Note SET body = 'marimba delivery' WHERE id = ?").run(saved.note.id);
    expect(t.ws.search.search('xylophone', undefined).notes).toHaveLength(0);
    expect(t.ws.search.search('marimba', undefined).notes).toHaveLength(1);
    sqlite.prepare('DELETE FROM Note WHERE id = ?').run(saved.note.id);
    sqlite.close();
    expect(t.ws.search.search('marimba', undefined).notes).toHaveLength(0);
  });
});

describe('backup', () => {
  it('writes a consistent copy while writes go on', async () => {
    const target = `${db.path}.backup`;
    const writes = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.ws.notes.add({ accountId: acmeId, body: `during backup ${i}` }, SYSTEM_ACTOR),
      ),
    );
    const { bytes } = db.store.backup(target);
    await writes;
    expect(bytes).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(true);
    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare("SELECT name FROM Account WHERE key = 'acme'").get() as { name: string }).name).toBe(
      'Acme Corporation',
    );
    copy.close();
  });
});
