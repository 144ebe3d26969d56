// `kam export` then `kam import`: the demo portfolio exported and imported into an empty workspace gives the same
// accounts, contacts, opportunities and notes, field by field; importing the export again, there or back into the
// workspace it came from, changes nothing. An export for a person leaves out what they may not see.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.ts';
import type { User } from '../../src/domain/records.ts';
import { EXPORT_COLUMNS, exportCsv } from '../../src/export/export.ts';
import type { Entity } from '../../src/import/column-names.ts';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { importFile } from './helpers.ts';

const ORDER: Entity[] = ['users', 'accounts', 'contacts', 'opportunities', 'notes'];
const NOW = new Date('2026-11-27T10:00:00Z');
const FORMULA_LIKE = [
  '=HYPERLINK("https://evil.example.com","Open the invoice")',
  '+49 89 1234 5678 is the new switchboard',
  '-12% churn risk next quarter',
  '@risk the champion is leaving',
  '\t=1+1 was typed with a tab first',
  "'=SUM(A1) was already quoted",
  "'quoted, but no formula",
];

let db: TestDatabase;
let source: WorkspaceStore;
let target: WorkspaceStore;
const files = new Map<Entity, string>();

async function workspace(name: string): Promise<WorkspaceStore> {
  const created = await db.store.workspaces.ensureInstallation('slack', `T-${name}`, {
    name,
    timeZone: 'Europe/Berlin',
  });
  return db.store.forWorkspace(created.id);
}

async function importAll(ws: WorkspaceStore, separator = ',') {
  const reports = [];
  for (const entity of ORDER) {
    const csv = files.get(entity) ?? '';
    const text = separator === ',' ? csv : (await exportCsv(source, entity, { separator })).csv;
    reports.push(await importFile(ws, entity, { name: `${entity}.csv`, bytes: text }));
  }
  return reports;
}

/** A workspace's records with ids replaced by what they point at (account keys, people), sorted. */
async function comparable(ws: WorkspaceStore) {
  const users = new Map<number, User>((await ws.imports.users()).map((user) => [user.id, user]));
  const accounts = await ws.imports.accounts();
  const key = new Map(accounts.map((account) => [account.id, account.key]));
  const person = (id: number | null) =>
    id === null ? null : `${users.get(id)?.displayName} <${users.get(id)?.email}>`;
  const sort = <T>(items: T[]) => items.map((item) => JSON.stringify(item)).sort();
  return {
    accounts: sort(
      accounts.map(({ id, workspaceId, createdAt, updatedAt, healthOverride, parentId, ownerId, ...account }) => ({
        ...account,
        parent: parentId === null ? null : key.get(parentId),
        owner: person(ownerId),
      })),
    ),
    contacts: sort(
      (await ws.imports.contacts()).map(({ id, accountId, ...c }) => ({ ...c, account: key.get(accountId) })),
    ),
    opportunities: sort(
      (await ws.imports.opportunities()).map(({ id, accountId, ownerId, ...o }) => ({
        ...o,
        account: key.get(accountId),
        owner: person(ownerId),
      })),
    ),
    notes: sort(
      (await ws.imports.notes()).map(({ id, accountId, authorId, createdAt, ...n }) => ({
        ...n,
        account: key.get(accountId),
        author: person(authorId),
      })),
    ),
  };
}

beforeAll(async () => {
  db = await openTestStore();
  source = await workspace('source');
  await loadDemo(source, { now: NOW });
  // Amounts with cents, and text the CSV must quote: separators, quotes, line breaks, markup.
  const nordwind = await source.accounts.byKey('nordwind');
  await source.accounts.update(
    nordwind?.id ?? 0,
    { annualRevenue: 1100.04, potential: 2_500_000.5, strategy: 'Grow; "fast",\nthen <b>hold</b> & see' },
    SYSTEM_ACTOR,
  );
  // Someone who left the customer stays who left, on the day they left (dated as the file's days are read).
  const [gone] = await source.contacts.forAccount(nordwind?.id ?? 0);
  await source.contacts.update(gone?.id ?? 0, { leftAt: gone?.lastContactAt ?? null }, SYSTEM_ACTOR);
  expect((await source.contacts.byId(gone?.id ?? 0))?.leftAt).toBeInstanceOf(Date);
  // Text a spreadsheet would run as a formula, and text that only looks close to it.
  for (const body of FORMULA_LIKE) await source.notes.add({ accountId: nordwind?.id ?? 0, body }, SYSTEM_ACTOR);
  for (const entity of ORDER) files.set(entity, (await exportCsv(source, entity)).csv);
  target = await workspace('target');
}, 60_000);

afterAll(async () => {
  await db.close();
});

describe('export and import', () => {
  it('writes no text cell a spreadsheet would run as a formula', async () => {
    const cells = parse(files.get('notes') ?? '', { relax_column_count: true }).flat() as string[];
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toEqual(
      expect.arrayContaining(FORMULA_LIKE.map((body) => (/^'*[=+\-@\t]/.test(body) ? `'${body}` : body))),
    );
  });

  it('reads a cell as written when trimming it would make it a formula', async () => {
    const ws = await workspace('tabbed');
    await importFile(ws, 'accounts', { name: 'accounts.csv', bytes: 'key,name,strategy\r\nacme,Acme,"\t=1+1"\r\n' });
    expect((await ws.accounts.byKey('acme'))?.strategy).toBe('\t=1+1');
  });

  it("writes the import's field names as headers and one row per record", async () => {
    const accounts = files.get('accounts') ?? '';
    expect(accounts.split('\r\n')[0]).toBe(EXPORT_COLUMNS.accounts.join(','));
    expect(accounts).toContain(',restricted,');
    const { records } = await exportCsv(source, 'notes');
    expect(records).toBe((await source.imports.notes()).length);
    expect(records).toBeGreaterThan(100);
  });

  it('gives the same accounts, contacts, opportunities and notes in an empty workspace', async () => {
    const reports = await importAll(target);
    expect(reports.every((report) => report.failures.length === 0)).toBe(true);
    expect(reports.every((report) => report.counts.updated === 0 && report.counts.unchanged === 0)).toBe(true);
    const expected = await comparable(source);
    const actual = await comparable(target);
    expect(actual.accounts).toEqual(expected.accounts);
    expect(actual.contacts).toEqual(expected.contacts);
    expect(actual.opportunities).toEqual(expected.opportunities);
    expect(actual.notes).toEqual(expected.notes);
    expect(expected.notes.length).toBeGreaterThan(100);
  }, 30_000);

  it('changes nothing when the export is imported again, there or where it came from', async () => {
    const counts = rowCounts(db.path);
    for (const ws of [target, source]) {
      const reports = await importAll(ws);
      expect(reports.map((report) => [report.entity, report.counts.created, report.counts.updated])).toEqual(
        ORDER.map((entity) => [entity, 0, 0]),
      );
    }
    expect(rowCounts(db.path)).toEqual(counts);
  }, 30_000);

  it('reads a semicolon export with decimal commas back to the same numbers', async () => {
    const accounts = (await exportCsv(source, 'accounts', { separator: ';' })).csv;
    expect(accounts.split('\r\n')[0]).toContain(';key;name;');
    expect(accounts).toContain(';1100,04;2500000,5;');
    const third = await workspace('third');
    await importAll(third, ';');
    expect((await comparable(third)).accounts).toEqual((await comparable(source)).accounts);
  }, 30_000);

  it('leaves out restricted accounts, and their contacts, opportunities and notes, for someone not on their team', async () => {
    const restricted = (await source.imports.accounts()).filter((account) => account.visibility === 'restricted');
    expect(restricted.length).toBeGreaterThan(0);
    const outsider = await source.users.create({ displayName: 'Olga Outsider' }, { userId: null, origin: 'system' });
    const viewer = { userId: outsider.id, role: outsider.role };
    const accounts = (await exportCsv(source, 'accounts', { viewer })).csv;
    for (const account of restricted) expect(accounts).not.toContain(`,${account.key},`);
    const notes = (await exportCsv(source, 'notes', { viewer })).csv;
    for (const account of restricted) expect(notes).not.toMatch(new RegExp(`^${account.key},`, 'm'));
    const all = (await exportCsv(source, 'notes')).csv;
    expect(restricted.some((account) => new RegExp(`^${account.key},`, 'm').test(all))).toBe(true);
  });
});
