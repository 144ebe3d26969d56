// A file with broken rows: each is reported with its line and one sentence, nothing of it is written, and the rest
// is imported. --strict imports nothing then, and a dry run writes nothing ever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BulkInserter } from '../../src/store/bulk-inserts.ts';
import type { WorkspaceStore } from '../../src/store/store.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { importFile } from './helpers.ts';

const HUGE = 'x'.repeat(5 * 1024 * 1024);

/** A Salesforce account report saved by German Excel: semicolons, decimal commas, day-first dates, CRLF. */
const ACCOUNTS = [
  'Account ID;Account Name;Parent Account;Industry;Annual Revenue;Renewal Date;Account Owner',
  'A2;Müller & Söhne GmbH;Müller Holding;Manufacturing;1.100,04;31.03.2027;Dana Scully <dana@example.com>',
  'A1;Müller Holding;;Manufacturing;12.000.000;;Dana Scully <dana@example.com>',
  'A3;Bad Date AG;;;;31.02.2027;',
  'A4;Orphan Ltd;Nowhere Inc;;;;',
  'A1;Müller Holding again;;;;;',
  `A5;${HUGE};;;;;`,
  'A6;Amount Co;;;lots;;',
  'A7;Grandchild Ltd;Orphan Ltd;;;;',
  'A8;Short',
  'A9;"Semi; Colon & <Co>";;;;;',
].join('\r\n');

let db: TestDatabase;
let ws: WorkspaceStore;

beforeEach(async () => {
  db = await openTestStore();
  const workspace = await db.store.workspaces.ensureInstallation('slack', 'T-BROKEN', { name: 'B', timeZone: 'UTC' });
  ws = db.store.forWorkspace(workspace.id);
});

afterEach(async () => {
  await db.close();
});

const file = (text: string, name = 'accounts.csv') => ({ name, bytes: text });

describe('broken rows', () => {
  it('reports each broken row with its line and reason, and imports the rest whatever their order', async () => {
    const report = await importFile(ws, 'accounts', file(ACCOUNTS));
    expect(report).toMatchObject({ separator: ';', dateOrder: 'dmy', decimalMark: ',', written: true, users: 1 });
    expect(report.counts).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 7 });
    expect(report.failures.map((failure) => failure.line)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    const reasons = report.failures.map((failure) => failure.reason);
    expect(reasons[0]).toBe('Renewal Date “31.02.2027” is not a date (write 31.03.2017 or 31/03/2017, or 2017-03-31)');
    expect(reasons[1]).toBe('the parent account “Nowhere Inc” is neither in the file nor in kam-bot');
    expect(reasons[2]).toBe('it is the same account as line 3; give each account one row');
    expect(reasons[3]).toBe('Account Name is 5,242,880 characters long; at most 120 fit');
    expect(reasons[4]).toBe('Annual Revenue “lots” is not an amount (write it like 1.100,04)');
    expect(reasons[5]).toBe('its parent “Orphan Ltd” (line 5) was not imported');
    expect(reasons[6]).toBe('the row has 2 cells where the header has 7; a separator or a quote may be out of place');
    for (const reason of reasons) expect(reason.length).toBeLessThan(200);

    const accounts = await ws.imports.accounts();
    expect(accounts.map((account) => account.name).sort()).toEqual([
      'Müller & Söhne GmbH',
      'Müller Holding',
      'Semi; Colon & <Co>',
    ]);
    const [child, parent] = [accounts.find((a) => a.externalId === 'A2'), accounts.find((a) => a.externalId === 'A1')];
    expect(child).toMatchObject({ parentId: parent?.id, annualRevenue: 1100.04, sector: 'Manufacturing' });
    expect(child?.renewalAt?.toISOString()).toBe('2027-03-31T12:00:00.000Z');
    expect(parent?.annualRevenue).toBe(12_000_000);
    const [dana] = await ws.users.list();
    expect(dana).toMatchObject({ displayName: 'Dana Scully', email: 'dana@example.com', role: 'member' });
    expect(child?.ownerId).toBe(dana?.id);
    expect(await ws.members.forAccount(child?.id ?? 0)).toEqual([
      { accountId: child?.id, userId: dana?.id, role: 'owner' },
    ]);
    // Nothing of a refused row: no account, no audit event, no user.
    expect(rowCounts(db.path)).toMatchObject({ Account: 3, AuditEvent: 4, User: 1, AccountMember: 2 });
  });

  it('imports nothing with --strict, and writes nothing in a dry run, yet reports the same', async () => {
    const before = rowCounts(db.path);
    const strict = await importFile(ws, 'accounts', file(ACCOUNTS), { strict: true });
    expect(strict).toMatchObject({ written: false, counts: { created: 3, failed: 7 } });
    const dry = await importFile(ws, 'accounts', file(ACCOUNTS), { dryRun: true });
    expect(dry).toMatchObject({
      written: false,
      users: 1,
      newPeople: ['Dana Scully'],
      counts: { created: 3, failed: 7 },
    });
    expect(dry.failures).toEqual(strict.failures);
    expect(rowCounts(db.path)).toEqual(before);
  });

  it('refuses a parent that would put an account under itself, and the name of two accounts', async () => {
    const by = SYSTEM_ACTOR;
    const top = await ws.accounts.create({ key: 'top', name: 'Top Group' }, by);
    await ws.accounts.create({ key: 'mid', name: 'Mid Group', parentId: top.id }, by);
    await ws.accounts.create({ key: 'twin', name: 'Twin GmbH' }, by);
    await ws.accounts.create({ key: 'twin-2', name: 'Twin GmbH' }, by);
    const report = await importFile(
      ws,
      'accounts',
      file('name,parent\nTop Group,Mid Group\nLoop A,Loop B\nLoop B,Loop A\nTwin GmbH,\nNew Sub,Top Group\n'),
    );
    expect(report.failures).toEqual([
      { line: 2, reason: 'making “Mid Group” its parent would put the account under itself' },
      { line: 3, reason: 'making “Loop B” its parent would put the account under itself' },
      { line: 4, reason: 'making “Loop A” its parent would put the account under itself' },
      { line: 5, reason: '“Twin GmbH” is the name of 2 accounts (twin, twin-2); add a key column' },
    ]);
    expect(report.counts).toMatchObject({ created: 1, updated: 0 });
    expect(ws.accounts.index().find((entry) => entry.name === 'New Sub')?.parentId).toBe(top.id);
    expect((await ws.accounts.byKey('top'))?.parentId).toBeNull();
  });

  it('stops before reading rows when the columns or the dates cannot be read, with the way out', async () => {
    const opps = 'Opportunity Name,Amount\nBig deal,100\n';
    await expect(importFile(ws, 'opportunities', file(opps))).rejects.toThrow(
      /which account .* --map "<column>=account"/,
    );
    await expect(importFile(ws, 'accounts', file('name\nAcme\n'), { maps: ['name=nmae'] })).rejects.toThrow(
      /accounts have no field “nmae”; the fields are externalId, key, name/,
    );
    await expect(importFile(ws, 'accounts', file('Account Name,Company\nAcme,Acme\n'))).rejects.toThrow(
      /Both “Account Name” and “Company” would fill name; keep one with --map "Company=-"/,
    );
    const dates = 'name,renewal\nAcme,03/04/2027\nGlobex,05/06/2027\n';
    await expect(importFile(ws, 'accounts', file(dates))).rejects.toThrow(
      /03\/04\/2027 \(line 2\) could be day-first or month-first.*--date-format dmy/,
    );
    const report = await importFile(ws, 'accounts', file(dates), { dateFormat: 'mdy' });
    expect((await ws.accounts.byKey('acme'))?.renewalAt?.toISOString()).toBe('2027-03-04T12:00:00.000Z');
    expect(report.counts.created).toBe(2);
    expect(rowCounts(db.path).Account).toBe(2);
  });

  it('leaves whole rows only when writing fails half-way, and a retry finishes without duplicates', async () => {
    await ws.accounts.create({ key: 'acme', name: 'Acme' }, SYSTEM_ACTOR);
    const deals = [
      'id,account,title,stage,owner',
      ...Array.from({ length: 1500 }, (_, i) => `O-${i},acme,Deal ${i},won,Rep ${i % 3}`),
    ];
    const csv = file(deals.join('\n'), 'deals.csv');
    const insert = BulkInserter.prototype.opportunities;
    let batch = 0;
    const failing = vi.spyOn(BulkInserter.prototype, 'opportunities').mockImplementation(function (
      this: BulkInserter,
      ...args
    ) {
      const ids = insert.apply(this, args);
      if (++batch === 2) throw new Error('disk I/O error');
      return ids;
    });
    await expect(importFile(ws, 'opportunities', csv)).rejects.toThrow('disk I/O error');
    failing.mockRestore();
    // The first batch of 1,000 is there whole (each deal with its audit event and its owner); the second not at all.
    expect(rowCounts(db.path)).toMatchObject({ Opportunity: 1000, AuditEvent: 1 + 3 + 1000, User: 3 });
    const retry = await importFile(ws, 'opportunities', csv);
    expect(retry.counts).toEqual({ created: 500, updated: 0, unchanged: 1000, failed: 0 });
    expect(rowCounts(db.path)).toMatchObject({ Opportunity: 1500, AuditEvent: 1 + 3 + 1500, User: 3 });
  });
});
