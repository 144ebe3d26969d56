// Inbound requests in the store: recorded once per delivery, leased to one process at a time, taken over only when
// the lease ran out or its process is gone, and marked complete by the first write of their effect, in the same
// transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completingRequest,
  completionOf,
  type Lease,
  Store,
  SYSTEM_ACTOR,
  type WorkspaceStore,
} from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';

let db: TestDatabase;
let ws: WorkspaceStore;
let accountId: number;
const T0 = new Date('2026-12-02T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const lease = (owner: string, until: Date, gone: string[] = []): Lease => ({
  owner,
  until,
  isGone: (holder) => gone.includes(holder),
});

const delivery = (key: string) => ({
  workspaceId: ws.workspaceId,
  platform: 'slack' as const,
  deliveryKey: key,
  kind: 'slash_command',
  payload: '{"command":"/account"}',
  receivedAt: T0,
});

beforeEach(async () => {
  db = await openTestStore();
  const workspace = await db.store.workspaces.ensureInstallation('slack', 'T1', { name: 'w', timeZone: 'UTC' });
  ws = db.store.forWorkspace(workspace.id);
  accountId = (await ws.accounts.create({ key: 'acme', name: 'Acme' }, SYSTEM_ACTOR)).id;
});
afterEach(() => db.close());

describe('recording a delivery', () => {
  it('records it once; the same delivery again is a duplicate while its process holds it', async () => {
    const first = await db.store.inbound.record(delivery('trigger:1'), lease('a', later(30_000)));
    expect(first.kind).toBe('new');
    expect(first.request).toMatchObject({ status: 'pending', leaseOwner: 'a', attempts: 0 });
    const again = await db.store.inbound.record(
      { ...delivery('trigger:1'), receivedAt: later(1_000) },
      lease('b', later(31_000)),
    );
    expect(again.kind).toBe('duplicate');
    expect(again.request.id).toBe(first.request.id);
  });

  it('is taken over by another process once the lease ran out, or at once when its holder is gone', async () => {
    await db.store.inbound.record(delivery('trigger:2'), lease('a', later(30_000)));
    const afterLease = await db.store.inbound.record(
      { ...delivery('trigger:2'), receivedAt: later(30_001) },
      lease('b', later(60_000)),
    );
    expect(afterLease).toMatchObject({ kind: 'taken_over', request: { leaseOwner: 'b' } });

    await db.store.inbound.record(delivery('trigger:3'), lease('a', later(30_000)));
    const goneHolder = await db.store.inbound.record(
      { ...delivery('trigger:3'), receivedAt: later(1_000) },
      lease('b', later(31_000), ['a']),
    );
    expect(goneHolder.kind).toBe('taken_over');
  });

  it('is a duplicate for good once complete or given up', async () => {
    const done = await db.store.inbound.record(delivery('trigger:4'), lease('a', later(30_000)));
    await db.store.inbound.complete(done.request.id, later(10));
    const failed = await db.store.inbound.record(delivery('trigger:5'), lease('a', later(30_000)));
    await db.store.inbound.fail(failed.request.id, 'message gone', later(10));
    for (const key of ['trigger:4', 'trigger:5']) {
      const again = await db.store.inbound.record(
        { ...delivery(key), receivedAt: later(90_000) },
        lease('b', later(120_000), ['a']),
      );
      expect(again.kind).toBe('duplicate');
    }
  });

  it('is recorded once when two processes record the same delivery at the same time', async () => {
    const other = await Store.open(db.url);
    try {
      const results = await Promise.all([
        db.store.inbound.record(delivery('event:Ev1'), lease('a', later(30_000))),
        other.inbound.record(delivery('event:Ev1'), lease('b', later(30_000))),
      ]);
      expect(results.map((result) => result.kind).sort()).toEqual(['duplicate', 'new']);
    } finally {
      await other.close();
    }
  });
});

describe('requests left pending', () => {
  it('are due once nobody holds them, and each is handed to one process only', async () => {
    const held = await db.store.inbound.record(delivery('trigger:6'), lease('a', later(30_000)));
    const retrying = await db.store.inbound.record(delivery('trigger:7'), lease('a', later(30_000)));
    await db.store.inbound.retryLater(retrying.request.id, 'slack unreachable', later(60_000));
    expect(await db.store.inbound.due(later(1_000), lease('b', later(31_000)))).toEqual([]);

    const dueLater = await db.store.inbound.due(later(61_000), lease('b', later(91_000)));
    expect(dueLater.map((request) => request.id).sort()).toEqual([held.request.id, retrying.request.id].sort());
    expect(await db.store.inbound.due(later(61_000), lease('c', later(91_000)))).toEqual([]);
  });

  it('are let go by a stopping process, for the next one to take at once', async () => {
    const held = await db.store.inbound.record(delivery('trigger:8'), lease('a', later(30_000)));
    await db.store.inbound.release([held.request.id], 'a', later(100));
    const due = await db.store.inbound.due(later(200), lease('b', later(30_200)));
    expect(due.map((request) => request.id)).toEqual([held.request.id]);
  });
});

describe('completing a request', () => {
  it('is marked by the note its effect saves, in the same transaction', async () => {
    const { request } = await db.store.inbound.record(delivery('trigger:9'), lease('a', later(30_000)));
    const completion = completionOf(request.id);
    await completingRequest(completion, () => ws.notes.add({ accountId, body: 'Met the CFO' }, SYSTEM_ACTOR));
    expect(completion.marked).toBe(true);
    expect(db.store.inbound.find(ws.workspaceId, 'slack', 'trigger:9')?.status).toBe('done');
  });

  it('is marked by a Prisma transaction of its effect, and not by one that rolled back', async () => {
    const { request } = await db.store.inbound.record(delivery('trigger:10'), lease('a', later(30_000)));
    await expect(
      completingRequest(completionOf(request.id), () =>
        ws.transaction(async (tx) => {
          await tx.tasks.add({ accountId, title: 'Send the NDA', createdById: null }, SYSTEM_ACTOR);
          throw new Error('refused after the write');
        }),
      ),
    ).rejects.toThrow('refused after the write');
    expect(db.store.inbound.find(ws.workspaceId, 'slack', 'trigger:10')?.status).toBe('pending');
    expect(await ws.tasks.list({ accountId })).toHaveLength(0);

    await completingRequest(completionOf(request.id), () =>
      ws.tasks.add({ accountId, title: 'Send the NDA', createdById: null }, SYSTEM_ACTOR),
    );
    expect(db.store.inbound.find(ws.workspaceId, 'slack', 'trigger:10')?.status).toBe('done');
  });

  it('is not marked by writes outside its effect', async () => {
    const { request } = await db.store.inbound.record(delivery('trigger:11'), lease('a', later(30_000)));
    await ws.notes.add({ accountId, body: 'Written by someone else' }, SYSTEM_ACTOR);
    expect(db.store.inbound.find(ws.workspaceId, 'slack', 'trigger:11')?.status).toBe('pending');
    expect(request.status).toBe('pending');
  });
});
