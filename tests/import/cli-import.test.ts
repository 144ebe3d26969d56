// `kam import` and `kam export` as a person runs them: a real process, a Windows-1252 file with semicolons and CRLF
// as German Excel saves it, the exit codes and what is printed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kam } from '../helpers/kam-cli.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { freshDatabaseFile } from '../helpers/store.ts';

const ACCOUNTS = [
  'Kundennummer;Account Name;Industry;Annual Revenue;Renewal Date',
  'K-1;Müller & Söhne;Maschinenbau;1.100,04;31.03.2027',
  'K-2;Bäckerei Groß;Lebensmittel;250.000;01.12.2026',
  'K-3;Kaputt GmbH;;viel;',
].join('\r\n');

let database: ReturnType<typeof freshDatabaseFile>;
let env: Record<string, string>;
let csv: string;

beforeAll(() => {
  database = freshDatabaseFile();
  env = { DATABASE_URL: database.url, DEFAULT_TIME_ZONE: 'Europe/Berlin' };
  csv = join(database.path, '..', 'kunden.csv');
  writeFileSync(csv, iconv.encode(`${ACCOUNTS}\r\n`, 'windows-1252'));
});

afterAll(() => {
  database.remove();
});

describe('kam import and kam export', () => {
  it('checks a file in a dry run, prints what would happen, and writes nothing', async () => {
    const run = await kam(['import', 'accounts', csv, '--dry-run', '--map', 'Kundennummer=externalId'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Read kunden.csv: 3 rows of accounts (Windows-1252, separated by semicolons');
    expect(run.stdout).toContain('Columns: Kundennummer → externalId, Account Name → name');
    expect(run.stdout).toContain('accounts: 2 to be created, 0 to be updated, 0 unchanged, 1 failed.');
    expect(run.stdout).toContain('Dry run: nothing was written.');
    expect(run.stderr).toBe('Line 4: Annual Revenue “viel” is not an amount (write it like 1.100,04).\n');
    expect(rowCounts(database.path).Account).toBe(0);
  });

  it('imports the good rows, lists the bad ones, and exits 1; a second run changes nothing', async () => {
    const run = await kam(['import', 'accounts', csv, '--map', 'Kundennummer=externalId', '--currency', 'eur'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('accounts: 2 created, 0 updated, 0 unchanged, 1 failed.');
    expect(run.stderr).toContain('Line 4: Annual Revenue “viel” is not an amount');
    const counts = rowCounts(database.path);
    expect(counts.Account).toBe(2);
    const again = await kam(['import', 'accounts', csv, '--map', 'Kundennummer=externalId', '--strict'], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('--strict: 1 row failed, so nothing was imported.');
    expect(rowCounts(database.path)).toEqual(counts);
  });

  it('exports CSV that imports back unchanged, with exit code 0', async () => {
    const exported = await kam(['export', 'accounts'], env);
    expect(exported.code).toBe(0);
    const [header, ...rows] = exported.stdout.trim().split('\r\n');
    expect(header).toBe(
      'externalId,key,name,aliases,tier,status,sector,country,region,parentKey,owner,annualRevenue,potential,currency,renewalAt,visibility,strategy,archivedAt',
    );
    expect(rows).toEqual([
      'K-1,muller,Müller & Söhne,,B,active,Maschinenbau,,,,,1100.04,,EUR,2027-03-31,open,,',
      'K-2,backerei,Bäckerei Groß,,B,active,Lebensmittel,,,,,250000,,EUR,2026-12-01,open,,',
    ]);
    const file = join(database.path, '..', 'export.csv');
    writeFileSync(file, exported.stdout);
    const back = await kam(['import', 'accounts', file], env);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('accounts: 0 created, 0 updated, 2 unchanged, 0 failed.');
    expect(back.stderr).toBe('');
  });

  it('answers a wrong entity or workspace with one sentence and exit code 1', async () => {
    const entity = await kam(['import', 'widgets', csv], env);
    expect(entity.code).toBe(1);
    expect(entity.stderr).toBe('Say what the file holds: accounts, contacts, opportunities, notes, users.\n');
    const workspace = await kam(['import', 'accounts', csv, '--workspace', 'slack:T0NOPE'], env);
    expect(workspace.code).toBe(1);
    expect(workspace.stderr).toBe('There is no workspace slack:T0NOPE; kam workspaces lists them.\n');
  });
});
