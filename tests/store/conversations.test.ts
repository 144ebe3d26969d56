// Teams hands over the conversation reference with every message; the store writes it only when something changed
// or an hour has passed, so a busy chat does not turn every read into "did anything change?".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;

beforeEach(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
});

afterEach(async () => {
  vi.useRealTimers();
  await db.close();
});

const seen = (name: string, serviceUrl = 'https://smba.example/emea/') => ({
  platform: 'teams' as const,
  externalId: '19:general@thread.tacv2',
  kind: 'channel' as const,
  name,
  reference: { serviceUrl, conversation: { id: '19:general@thread.tacv2' }, channelId: 'msteams' },
});

describe('remembered conversations', () => {
  it('are written again only when something changed or an hour has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
    const first = await t.ws.conversations.remember(seen('General'));

    vi.setSystemTime(new Date('2026-11-27T10:30:00Z'));
    expect((await t.ws.conversations.remember(seen('General'))).updatedAt).toEqual(first.updatedAt);

    const renamed = await t.ws.conversations.remember(seen('Key accounts'));
    expect(renamed.name).toBe('Key accounts');
    expect(renamed.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());

    const moved = await t.ws.conversations.remember(seen('Key accounts', 'https://smba.example/amer/'));
    expect((moved.reference as { serviceUrl: string }).serviceUrl).toBe('https://smba.example/amer/');

    vi.setSystemTime(new Date('2026-11-27T11:45:00Z'));
    const later = await t.ws.conversations.remember(seen('Key accounts', 'https://smba.example/amer/'));
    expect(later.updatedAt.getTime()).toBeGreaterThan(moved.updatedAt.getTime());

    const stored = await t.ws.conversations.byExternalId('teams', '19:general@thread.tacv2');
    expect(stored).toMatchObject({ name: 'Key accounts', updatedAt: later.updatedAt });
    expect(await t.ws.conversations.list('teams')).toHaveLength(1);
  });
});
