import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXTERNAL_ID_PREFIX, loadDemo } from '../src/demo/load-demo.ts';
import { computeHealth } from '../src/domain/health.ts';
import { resolveHealthSettings } from '../src/domain/health-settings.ts';
import type { Account, Note } from '../src/domain/records.ts';
import { scoringFactsOf } from '../src/store/health-scoring.ts';
import { Store, type WorkspaceStore } from '../src/store/store.ts';

const now = new Date('2026-11-27T09:00:00Z');
const DAY = 86_400_000;
const LOAD_TIMEOUT = 60_000;

const dirs: string[] = [];
const stores: Store[] = [];

async function freshWorkspace(): Promise<WorkspaceStore> {
  const dir = mkdtempSync(join(tmpdir(), 'kam-demo-test-'));
  dirs.push(dir);
  const store = await Store.open(`file:${join(dir, 'kam.db')}`);
  stores.push(store);
  const workspace = await store.workspaces.ensureInstallation('console', 'local', {
    name: 'Test',
    timeZone: 'Europe/Berlin',
  });
  return store.forWorkspace(workspace.id);
}

/** Every note of the workspace, read per account. */
async function allNotes(ws: WorkspaceStore, accounts: readonly Account[]): Promise<Note[]> {
  const notes: Note[] = [];
  for (const account of accounts) notes.push(...(await ws.notes.forAccount(account.id, 10_000)));
  return notes;
}

async function counts(ws: WorkspaceStore) {
  const accounts = await ws.accounts.list({ includeArchived: true });
  return {
    accounts: await ws.accounts.count(true),
    users: (await ws.users.list()).length,
    notes: (await allNotes(ws, accounts)).length,
    tasks: (await ws.tasks.list({ includeDone: true }, 100_000)).length,
    contacts: [...(await ws.contacts.forAccounts(accounts.map((account) => account.id))).values()].flat().length,
  };
}

afterAll(async () => {
  for (const store of stores) await store.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the demo portfolio', () => {
  let ws: WorkspaceStore;
  let accounts: Account[];
  let notes: Note[];

  beforeAll(async () => {
    ws = await freshWorkspace();
    const summary = await loadDemo(ws, { now });
    expect(summary.alreadyLoaded).toBe(false);
    accounts = await ws.accounts.list({ includeArchived: true });
    notes = await allNotes(ws, accounts);
    expect(summary).toMatchObject({ accounts: accounts.length, notes: notes.length });
  }, LOAD_TIMEOUT);

  it('spans all tiers, several regions, and marks every account as demo data', () => {
    expect(accounts.length).toBeGreaterThanOrEqual(30);
    expect(new Set(accounts.map((account) => account.tier))).toEqual(new Set(['A', 'B', 'C']));
    expect(new Set(accounts.map((account) => account.region)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(accounts.map((account) => account.sector)).size).toBeGreaterThanOrEqual(4);
    for (const account of accounts) expect(account.externalId).toBe(`${DEMO_EXTERNAL_ID_PREFIX}${account.key}`);
    expect(accounts.some((account) => account.visibility === 'restricted')).toBe(true);
    expect(accounts.some((account) => account.aliases.length > 0)).toBe(true);
    expect(accounts.filter((account) => account.status !== 'active').length).toBeGreaterThan(0);
  });

  it('has a parent with subsidiaries in at least two other countries', () => {
    const parents = accounts.filter((parent) => {
      const countries = new Set(
        accounts
          .filter((sub) => sub.parentId === parent.id && sub.country !== parent.country)
          .map((sub) => sub.country),
      );
      return countries.size >= 2;
    });
    expect(parents.length).toBeGreaterThanOrEqual(1);
  });

  it('gives every account an owner from the workspace, and teams beyond the owner', async () => {
    const users = new Set((await ws.users.list()).map((user) => user.id));
    for (const account of accounts) expect(users.has(account.ownerId ?? -1)).toBe(true);
    const team = await ws.members.forAccount(accounts[0]?.id ?? -1);
    expect(new Set(team.map((member) => member.role)).size).toBeGreaterThanOrEqual(3);
  });

  it('spreads renewals: some within 60 days, some later', () => {
    const days = accounts.flatMap((account) =>
      account.renewalAt ? [(account.renewalAt.getTime() - now.getTime()) / DAY] : [],
    );
    expect(days.some((d) => d > 0 && d <= 60)).toBe(true);
    expect(days.some((d) => d > 60 && d <= 90)).toBe(true);
    expect(days.some((d) => d > 90)).toBe(true);
  });

  it('has contacts in all six buying roles', async () => {
    const contacts = [...(await ws.contacts.forAccounts(accounts.map((account) => account.id))).values()].flat();
    expect(new Set(contacts.map((contact) => contact.buyingRole))).toEqual(
      new Set(['decision_maker', 'economic_buyer', 'influencer', 'champion', 'user', 'gatekeeper']),
    );
    const warm = new Set(contacts.filter((c) => (c.relationship ?? 0) > 0).map((c) => c.accountId));
    const noPositive = accounts.filter((account) => !warm.has(account.id));
    expect(noPositive.length).toBeGreaterThan(0);
  });

  it('has opportunities in every stage, with competitors, and closed ones that say when and why', async () => {
    const deals = (await Promise.all(accounts.map((account) => ws.opportunities.forAccount(account.id)))).flat();
    expect(new Set(deals.map((deal) => deal.stage)).size).toBe(6);
    expect(deals.filter((deal) => deal.competitors.length > 0).length).toBeGreaterThan(deals.length / 2);
    for (const deal of deals.filter((d) => d.stage === 'won' || d.stage === 'lost'))
      expect(deal.closedAt).not.toBeNull();
    for (const deal of deals.filter((d) => d.stage === 'lost')) expect(deal.lossReason).toBeTruthy();
    const lastWeek = deals.filter((deal) => deal.closedAt && now.getTime() - deal.closedAt.getTime() <= 7 * DAY);
    expect(lastWeek.some((deal) => deal.stage === 'won')).toBe(true);
    const stale = deals.filter((d) => d.closedAt === null && d.expectedCloseAt && d.expectedCloseAt < now);
    expect(stale.length).toBeGreaterThan(0);
  });

  it('has a year of notes, tagged #risk and #win where the text says so', () => {
    expect(notes.length).toBeGreaterThanOrEqual(1000);
    for (const note of notes) expect(note.occurredAt.getTime()).toBeLessThanOrEqual(now.getTime());
    const oldest = Math.min(...notes.map((note) => note.occurredAt.getTime()));
    expect(now.getTime() - oldest).toBeGreaterThan(300 * DAY);
    const risk = notes.filter((note) => note.tags.includes('risk'));
    const win = notes.filter((note) => note.tags.includes('win'));
    expect(risk.length).toBeGreaterThan(0);
    expect(win.length).toBeGreaterThan(0);
    for (const note of risk)
      expect(note).toMatchObject({ sentiment: 'negative', body: expect.stringContaining('#risk') });
    for (const note of win)
      expect(note).toMatchObject({ sentiment: 'positive', body: expect.stringContaining('#win') });
    expect(new Set(notes.map((note) => note.kind)).size).toBe(4);
  });

  it('dates each account and its set-up before its first note, so a timeline never starts after a year of notes', async () => {
    for (const account of accounts) {
      const first = Math.min(
        ...notes.filter((note) => note.accountId === account.id).map((note) => note.occurredAt.getTime()),
      );
      const setUp = [
        ...(await ws.audit.forEntity('account', account.id)),
        ...(await ws.audit.forEntities(
          'contact',
          (await ws.contacts.forAccount(account.id)).map((contact) => contact.id),
        )),
      ];
      expect(setUp.length).toBeGreaterThan(1);
      for (const event of setUp)
        expect(event.createdAt.getTime(), `${account.key} ${event.action}`).toBeLessThan(first);
    }
  });

  it('shows no account green without someone in touch and somebody known there', () => {
    const activity = ws.healthFacts.tallied(now);
    const settings = resolveHealthSettings(null);
    const scored = accounts.map((account) => ({
      account,
      health: computeHealth(scoringFactsOf(account, activity.get(account.id), now), now, settings),
      seen: activity.get(account.id),
    }));
    const green = scored.filter((entry) => entry.health.band === 'green');
    expect(green.length).toBeGreaterThan(10);
    for (const { account, seen } of green) {
      expect(seen?.contacts.count ?? 0, account.key).toBeGreaterThan(0);
      expect(Number.isNaN(seen?.lastInteractionMs ?? Number.NaN), account.key).toBe(false);
    }
  });

  it('has accounts going quiet far beyond their cadence, and others in touch this week', () => {
    const cadence = { A: 14, B: 30, C: 60 };
    const silence = accounts.map((account) => {
      const latest = Math.max(...notes.filter((n) => n.accountId === account.id).map((n) => n.occurredAt.getTime()));
      return (now.getTime() - latest) / DAY / cadence[account.tier];
    });
    expect(silence.some((ratio) => ratio > 3)).toBe(true);
    expect(silence.some((ratio) => ratio > 1 && ratio <= 3)).toBe(true);
    expect(silence.filter((ratio) => ratio <= 1).length).toBeGreaterThan(accounts.length / 2);
  });

  it('has open tasks overdue at now, due this week, and done ones', async () => {
    const open = await ws.tasks.list({}, 100_000);
    expect(open.some((task) => task.dueAt && task.dueAt < now)).toBe(true);
    expect(open.some((task) => task.dueAt && task.dueAt >= now && task.dueAt.getTime() - now.getTime() < 7 * DAY)).toBe(
      true,
    );
    const all = await ws.tasks.list({ includeDone: true }, 100_000);
    expect(all.length).toBeGreaterThan(open.length);
  });

  it('loads only once', async () => {
    const before = await counts(ws);
    const again = await loadDemo(ws, { now });
    expect(again.alreadyLoaded).toBe(true);
    expect(await counts(ws)).toEqual(before);
  });

  it(
    'is the same portfolio in a fresh database, given the same now',
    async () => {
      const other = await freshWorkspace();
      await loadDemo(other, { now });
      const otherAccounts = await other.accounts.list({ includeArchived: true });
      expect(otherAccounts.map((account) => account.key)).toEqual(accounts.map((account) => account.key));
      const text = (list: Note[]) => list.map((note) => `${note.occurredAt.toISOString()} ${note.body}`).sort();
      expect(text(await allNotes(other, otherAccounts))).toEqual(text(notes));
    },
    LOAD_TIMEOUT,
  );
});

describe('the demo for the person running it', () => {
  it(
    'hands them about five accounts of mixed tiers and an overdue follow-up',
    async () => {
      const ws = await freshWorkspace();
      const me = await ws.users.ensureFromIdentity({ platform: 'console', externalId: 'me', displayName: 'Me' });
      await loadDemo(ws, { now, you: me.id });
      const mine = await ws.accounts.list({ ownerId: me.id });
      expect(mine.length).toBeGreaterThanOrEqual(4);
      expect(mine.length).toBeLessThanOrEqual(6);
      expect(new Set(mine.map((account) => account.tier)).size).toBeGreaterThanOrEqual(2);
      const overdue = await ws.tasks.list({ assigneeId: me.id, dueBefore: now });
      expect(overdue.length).toBeGreaterThan(0);
    },
    LOAD_TIMEOUT,
  );

  it('refuses a user who does not exist, and writes nothing', async () => {
    const ws = await freshWorkspace();
    await expect(loadDemo(ws, { now, you: 9999 })).rejects.toThrow(/no user 9999/);
    expect(await ws.accounts.count(true)).toBe(0);
  });
});
