// Notes saved on the plain SQLite connection (note-writer.ts) must be the notes Prisma would have saved, must take
// turns with Prisma transactions instead of deadlocking on SQLite's write lock, and a channel's link, read with a
// prepared statement, must follow every link and unlink at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
let acmeId: number;
let globexId: number;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  acmeId = (await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation' }, SYSTEM_ACTOR)).id;
  globexId = (await t.ws.accounts.create({ key: 'globex', name: 'Globex' }, SYSTEM_ACTOR)).id;
});

afterAll(() => db.close());

describe('a note saved on the fast path', () => {
  it('reads back through Prisma as it was returned, with its tags, follow-up, audit trail and search entry', async () => {
    const occurredAt = new Date('2026-11-20T08:15:30.123Z');
    const input = {
      accountId: acmeId,
      body: 'Quarzlampe rollout agreed #Win',
      tags: ['Win', 'win', 'budget'],
      sentiment: 'positive' as const,
      authorId: t.member.id,
      occurredAt,
      sourceRef: { source: 'slack' as const, channel: 'C1', messageId: '1763626530.000100', permalink: 'https://x/p1' },
      tasks: [{ title: 'Send the contract', dueAt: new Date('2026-12-01T16:00:00Z') }],
    };
    const saved = await t.ws.notes.add(input, { userId: t.member.id, origin: 'slack' });
    expect(saved.created).toBe(true);
    expect(await t.ws.notes.byId(saved.note.id)).toEqual(saved.note);
    expect(saved.note).toMatchObject({ tags: ['budget', 'win'], occurredAt, authorId: t.member.id });
    // Read back by Prisma, and by the plain connection when the same message comes again: the same note.
    const again = await t.ws.notes.bySource({ source: 'slack', channel: 'C1', messageId: '1763626530.000100' });
    expect(again).toEqual({ ...saved, created: false });
    expect(await t.ws.notes.add(input, { userId: t.member.id, origin: 'slack' })).toEqual(again);
    expect(saved.tasks).toEqual([
      expect.objectContaining({ title: 'Send the contract', assigneeId: t.member.id, noteId: saved.note.id }),
    ]);
    const noteAudit = await t.ws.audit.forEntity('note', saved.note.id);
    expect(noteAudit.map((entry) => [entry.action, entry.actorId, entry.origin, entry.details])).toEqual([
      ['note.create', t.member.id, 'slack', { accountId: acmeId, source: 'slack' }],
    ]);
    expect(noteAudit[0]?.createdAt).toBeInstanceOf(Date);
    const taskAudit = await t.ws.audit.forEntity('task', saved.tasks[0]?.id ?? 0);
    expect(taskAudit.map((entry) => entry.details)).toEqual([{ noteId: saved.note.id }]);
    expect(t.ws.search.search('quarzlampe', undefined).notes.map((hit) => hit.accountId)).toEqual([acmeId]);
  });

  it('shares a commit with the saves asked for at the same time, and a failing one takes only itself', async () => {
    const before = await t.ws.notes.countForAccount(globexId);
    const results = await Promise.allSettled([
      t.ws.notes.add({ accountId: globexId, body: 'first of three' }, SYSTEM_ACTOR),
      // The assignee does not exist: the task insert fails, and this note must not stay.
      t.ws.notes.add(
        { accountId: globexId, body: 'second of three', tasks: [{ title: 'Call Bob', assigneeId: 987654 }] },
        SYSTEM_ACTOR,
      ),
      t.ws.notes.add({ accountId: globexId, body: 'third of three' }, SYSTEM_ACTOR),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const bodies = (await t.ws.notes.forAccount(globexId, 10)).map((note) => note.body);
    expect(bodies).toEqual(expect.arrayContaining(['first of three', 'third of three']));
    expect(bodies).not.toContain('second of three');
    expect(await t.ws.notes.countForAccount(globexId)).toBe(before + 2);
  });

  it('joins a transaction it is saved in, and goes when that transaction is rolled back', async () => {
    const before = await t.ws.notes.countForAccount(globexId);
    await expect(
      t.ws.transaction(async (tx) => {
        await tx.notes.add({ accountId: globexId, body: 'inside a transaction' }, SYSTEM_ACTOR);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await t.ws.notes.countForAccount(globexId)).toBe(before);
  });

  it('waits for a Prisma transaction that holds the write lock instead of failing with SQLITE_BUSY', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote = () => {};
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const transaction = t.ws.transaction(async (tx) => {
      await tx.contacts.add({ accountId: globexId, name: 'Hank Scorpio' }, SYSTEM_ACTOR);
      wrote();
      await held;
    });
    await written;
    const started = Date.now();
    const note = t.ws.notes.add({ accountId: globexId, body: 'while a transaction is open' }, SYSTEM_ACTOR);
    setTimeout(release, 50);
    await transaction;
    expect((await note).created).toBe(true);
    // Far below the 5 s busy timeout a blocked synchronous write would have waited out.
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('a note that names a contact', () => {
  it("moves that contact's last contact to the note's time, by full name only, never backwards or for someone who left", async () => {
    const at = (day: string) => new Date(`${day}T09:00:00Z`);
    const add = (name: string, extra: { lastContactAt?: Date; leftAt?: Date } = {}) =>
      t.ws.contacts.add({ accountId: acmeId, name, ...extra }, SYSTEM_ACTOR);
    const ute = await add('Ute Hoffmann');
    const jens = await add('Jens Müller', { lastContactAt: at('2026-11-25') });
    const gone = await add('Karl Weber', { leftAt: at('2026-10-01') });
    const elsewhere = await t.ws.contacts.add({ accountId: globexId, name: 'Ute Hoffmann' }, SYSTEM_ACTOR);
    const lastContact = async (id: number) => (await t.ws.contacts.byId(id))?.lastContactAt ?? null;

    await t.ws.notes.add(
      {
        accountId: acmeId,
        body: 'Met ute HOFFMANN: budget approved. Ute says Jens is away.',
        occurredAt: at('2026-11-20'),
      },
      SYSTEM_ACTOR,
    );
    expect(await lastContact(ute.id)).toEqual(at('2026-11-20'));
    // "Jens" alone is not his full name; his newer touch stays.
    expect(await lastContact(jens.id)).toEqual(at('2026-11-25'));
    // The same person at another account is another contact.
    expect(await lastContact(elsewhere.id)).toBeNull();

    await t.ws.notes.add(
      { accountId: acmeId, body: 'Call with Jens Muller and Karl Weber', occurredAt: at('2026-11-10') },
      SYSTEM_ACTOR,
    );
    // An older note does not move a newer touch back; someone who left is not touched.
    expect(await lastContact(jens.id)).toEqual(at('2026-11-25'));
    expect(await lastContact(gone.id)).toBeNull();
    await t.ws.notes.add({ accountId: acmeId, body: 'Lunch with Jens Müller' }, SYSTEM_ACTOR);
    expect((await lastContact(jens.id))?.getTime()).toBeGreaterThan(at('2026-11-25').getTime());
  });
});

describe("a channel's link", () => {
  it('follows every link, relink and unlink at once', async () => {
    expect(await t.ws.channelLinks.forChannel('slack', 'C0DEAL')).toBeNull();
    await t.ws.channelLinks.link('slack', 'C0DEAL', acmeId, SYSTEM_ACTOR);
    expect(await t.ws.channelLinks.forChannel('slack', 'C0DEAL')).toEqual({
      platform: 'slack',
      channelId: 'C0DEAL',
      accountId: acmeId,
    });
    await t.ws.channelLinks.link('slack', 'C0DEAL', globexId, SYSTEM_ACTOR);
    expect((await t.ws.channelLinks.forChannel('slack', 'C0DEAL'))?.accountId).toBe(globexId);
    // Another workspace's store of the same file does not see it.
    const other = await createTestWorkspace(db.store, 'Other');
    expect(await other.ws.channelLinks.forChannel('slack', 'C0DEAL')).toBeNull();
    await t.ws.channelLinks.unlink('slack', 'C0DEAL', SYSTEM_ACTOR);
    expect(await t.ws.channelLinks.forChannel('slack', 'C0DEAL')).toBeNull();
  });
});
