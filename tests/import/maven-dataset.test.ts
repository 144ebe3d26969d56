// The Maven Analytics CRM data set (tests/fixtures/datasets/maven-crm-sales-opportunities, see its SOURCE.md):
// 85 accounts with 15 subsidiaries under 7 parents, 35 sales agents, 8,800 opportunities of which 1,425 name no
// account. Imported as a person would, then imported again to show that a second run changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/import/import.ts';
import type { WorkspaceStore } from '../../src/store/store.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { importFile, MAVEN, updatedAts } from './helpers.ts';

const ACCOUNTS = join(MAVEN, 'accounts.csv');
const PIPELINE = join(MAVEN, 'sales_pipeline.csv');
const TEAMS = join(MAVEN, 'sales_teams.csv');
const ACCOUNT_OPTIONS = { maps: ['revenue=annualRevenueMillions'], currency: 'USD' };

/** Line numbers of the pipeline rows with no account, read straight from the file (it has no quoted cells). */
function linesWithoutAccount(): number[] {
  const lines = readFileSync(PIPELINE, 'utf8').split('\r\n');
  return lines.flatMap((line, index) => (index > 0 && line !== '' && line.split(',')[3] === '' ? [index + 1] : []));
}

let db: TestDatabase;
let ws: WorkspaceStore;
const first: Record<string, ImportReport> = {};

beforeAll(async () => {
  db = await openTestStore();
  const workspace = await db.store.workspaces.ensureInstallation('console', 'local', {
    name: 'Maven',
    timeZone: 'UTC',
  });
  ws = db.store.forWorkspace(workspace.id);
  first.users = await importFile(ws, 'users', TEAMS);
  first.accounts = await importFile(ws, 'accounts', ACCOUNTS, ACCOUNT_OPTIONS);
  first.opportunities = await importFile(ws, 'opportunities', PIPELINE, { currency: 'USD' });
});

afterAll(async () => {
  await db.close();
});

describe('the Maven CRM data set', () => {
  it('gives 85 accounts, the 15 subsidiaries linked to their 7 parents', async () => {
    expect(first.accounts?.counts).toEqual({ created: 85, updated: 0, unchanged: 0, failed: 0 });
    const accounts = await ws.accounts.list();
    expect(accounts).toHaveLength(85);
    const name = new Map(accounts.map((account) => [account.id, account.name]));
    const children = new Map<string, string[]>();
    for (const account of accounts) {
      if (account.parentId === null) continue;
      const parent = name.get(account.parentId) ?? '?';
      children.set(parent, [...(children.get(parent) ?? []), account.name].sort());
    }
    expect([...children.values()].flat()).toHaveLength(15);
    expect(Object.fromEntries([...children].map(([parent, subs]) => [parent, subs.length]))).toEqual({
      'Acme Corporation': 4,
      Sonron: 3,
      'Bubba Gump': 2,
      Inity: 2,
      Golddex: 2,
      'Massive Dynamic': 1,
      Warephase: 1,
    });
    expect(children.get('Acme Corporation')).toEqual(['Bluth Company', 'Codehow', 'Donquadtech', 'Iselectrics']);
  });

  it('keeps values as given, typos and lower case included, and revenue in whole dollars', async () => {
    const acme = await ws.accounts.byKey('acme');
    expect(acme).toMatchObject({ name: 'Acme Corporation', sector: 'technolgy', country: 'United States' });
    expect(acme?.annualRevenue).toBe(1_100_040_000);
    expect(acme?.currency).toBe('USD');
    const index = ws.accounts.index();
    expect(index.find((entry) => entry.name === 'Bioholding')?.country).toBe('Philipines');
    expect(index.some((entry) => entry.name === 'dambase')).toBe(true);
  });

  it('makes 35 users of the sales agents in sales_teams.csv, and the opportunities find them', async () => {
    expect(first.users?.counts.created).toBe(35);
    expect(first.users?.ignored).toEqual(['manager', 'regional_office']);
    expect(first.opportunities?.users).toBe(0);
    expect(rowCounts(db.path).User).toBe(35);
    const darcel = (await ws.users.findByName('Darcel Schlecht'))[0];
    const deal = (await ws.imports.opportunities()).find((opp) => opp.externalId === 'Z063OYW0');
    expect(deal).toMatchObject({ ownerId: darcel?.id, title: 'GTXPro', stage: 'won', value: 4514, currency: 'USD' });
    expect(deal?.closedAt?.toISOString()).toBe('2017-03-11T12:00:00.000Z');
    expect(deal?.createdAt.toISOString()).toBe('2016-10-25T12:00:00.000Z');
  });

  it('imports the opportunities that name an account and reports, by line, the 1,425 that name none', async () => {
    const report = first.opportunities;
    expect(report?.counts).toEqual({ created: 7375, updated: 0, unchanged: 0, failed: 1425 });
    expect(report?.failures.map((failure) => failure.line)).toEqual(linesWithoutAccount());
    expect(new Set(report?.failures.map((failure) => failure.reason))).toEqual(
      new Set(['the account cell is empty, and an opportunity belongs to an account']),
    );
    const stages: Record<string, number> = {};
    for (const opp of await ws.imports.opportunities()) stages[opp.stage] = (stages[opp.stage] ?? 0) + 1;
    // Won 4,238 and Lost 2,473 all name accounts; of Engaging 1,589 and Prospecting 500, 1,088 and 337 do not.
    expect(stages).toEqual({ won: 4238, lost: 2473, qualify: 501, lead: 163 });
  });

  it('changes nothing when imported again: no row, no updatedAt, no audit event', async () => {
    const counts = rowCounts(db.path);
    const stamps = updatedAts(db.path);
    const again = [
      await importFile(ws, 'users', TEAMS),
      await importFile(ws, 'accounts', ACCOUNTS, ACCOUNT_OPTIONS),
      await importFile(ws, 'opportunities', PIPELINE, { currency: 'USD' }),
    ];
    expect(again.map((report) => report.counts)).toEqual([
      { created: 0, updated: 0, unchanged: 35, failed: 0 },
      { created: 0, updated: 0, unchanged: 85, failed: 0 },
      { created: 0, updated: 0, unchanged: 7375, failed: 1425 },
    ]);
    expect(rowCounts(db.path)).toEqual(counts);
    expect(updatedAts(db.path)).toEqual(stamps);
  });

  it('records one audit event per record written, with its file and line', async () => {
    const audit = await ws.audit.forEntity('account', (await ws.accounts.byKey('acme'))?.id ?? 0);
    expect(audit.map((event) => [event.action, event.origin, event.details])).toEqual([
      ['account.create', 'import', { file: 'accounts.csv', line: 2 }],
    ]);
    expect(rowCounts(db.path).AuditEvent).toBe(35 + 85 + 7375);
  });
});

describe('the pipeline without the team list', () => {
  it('infers the users from the sales agents who have deals (30 of the 35)', async () => {
    const workspace = await db.store.workspaces.ensureInstallation('console', 'second', {
      name: 'Second',
      timeZone: 'UTC',
    });
    const second = db.store.forWorkspace(workspace.id);
    await importFile(second, 'accounts', ACCOUNTS, ACCOUNT_OPTIONS);
    const dry = await importFile(second, 'opportunities', PIPELINE, { dryRun: true });
    expect(dry).toMatchObject({ written: false, users: 30, counts: { created: 7375, failed: 1425 } });
    expect(await second.users.list()).toEqual([]);
    const report = await importFile(second, 'opportunities', PIPELINE);
    expect(report.users).toBe(30);
    const names = (await second.users.list()).map((user) => user.displayName);
    expect(names).toHaveLength(30);
    expect(names).not.toContain('Mei-Mei Johns');
    expect((await second.imports.opportunities()).every((opp) => opp.currency === 'USD')).toBe(true);
  });
});
