// Files as Salesforce and HubSpot export them: their column names, stages, US dates and amounts with thousands
// separators; contacts and notes matched again on a second import; restricted accounts staying restricted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceStore } from '../../src/store/store.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { importFile } from './helpers.ts';

const HUBSPOT_COMPANIES = [
  'Record ID,Company name,Industry,Country/Region,Company owner,Annual Revenue,Number of Employees',
  '9001,Initech,COMPUTER_SOFTWARE,United States,Bill Lumbergh <bill@initech.example>,"2,500,000",120',
  '9002,Globex Corporation,Chemicals,Germany,,,',
].join('\r\n');

const HUBSPOT_DEALS = [
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Associated Company IDs',
  '501,TPS rollout,closedwon,"1,100.04",2027-03-31 10:00,Bill Lumbergh,9001',
  '502,Stapler upgrade,appointmentscheduled,250,,,9001',
  '503,Joint venture,contractsent,9000,,,9001;9002',
].join('\r\n');

const SALESFORCE_OPPORTUNITIES = [
  '"Opportunity ID","Opportunity Name","Account Name","Stage","Amount","Close Date","Probability (%)","Opportunity Owner"',
  '"0061","Plant retrofit","Globex Corporation","Closed Won","$12,000.50","3/31/2027","100","Hank Scorpio"',
  '"0062","Service contract","Globex Corporation","Negotiation/Review","4,000","12/1/2027","80%","Hank Scorpio"',
  '"0063","Pilot","Globex Corporation","Technical Win","1,000","12/13/2027","60",""',
].join('\r\n');

const SALESFORCE_CONTACTS = [
  'Contact ID,First Name,Last Name,Title,Email,Phone,Account Name',
  '0031,Peter,Gibbons,Programmer,peter@initech.example,555-0100,Initech',
  '0032,Samir,Nagheenanajar,Programmer,,,Initech',
  ',Michael,Bolton,Programmer,michael@initech.example,,Initech',
  '0034,Milton,Waddams,Collator,,,Initech Europe',
].join('\r\n');

const HUBSPOT_NOTES = [
  'Note body,Activity date,Associated Company,Created by',
  '"Budget cut, see <b>memo</b> #risk",2027-01-10 09:30,Initech,Bill Lumbergh',
  'Lunch with the CFO #win,2027-01-12,globex corporation,',
].join('\r\n');

let db: TestDatabase;
let ws: WorkspaceStore;
const file = (name: string, text: string) => ({ name, bytes: text });

beforeAll(async () => {
  db = await openTestStore();
  const workspace = await db.store.workspaces.ensureInstallation('slack', 'T-CRM', { name: 'CRM', timeZone: 'UTC' });
  ws = db.store.forWorkspace(workspace.id);
  await importFile(ws, 'accounts', file('companies.csv', HUBSPOT_COMPANIES), { currency: 'USD' });
});

afterAll(async () => {
  await db.close();
});

describe('a Salesforce account report', () => {
  it('maps Type to status, derives the region from the country, and leaves out the report footer', async () => {
    const report = [
      '"Account ID","Account Name","Type","Billing Country"',
      '"0011","Pendant Publishing","Customer - Direct","Germany"',
      '"0012","Kramerica","Prospect","United States"',
      '"0013","Pendant Publishing","Channel Partner / Reseller","Atlantis"',
      '',
      '"Grand Totals (3 records)"',
      '',
      '"Confidential Information - Do Not Distribute"',
      '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
    ].join('\r\n');
    const result = await importFile(ws, 'accounts', file('report.csv', report));
    expect(result.counts).toMatchObject({ created: 3, failed: 0 });
    expect(result.footerLines).toEqual([6, 8, 9]);
    expect(await ws.accounts.byExternalId('0011')).toMatchObject({ status: 'active', region: 'EMEA' });
    expect(await ws.accounts.byExternalId('0012')).toMatchObject({ status: 'prospect', region: 'North America' });
    expect(await ws.accounts.byExternalId('0013')).toMatchObject({ status: 'active', region: null });
  });
});

describe('the same customer from a second CRM', () => {
  it('is reported, not created twice, unless duplicates are allowed', async () => {
    const salesforce = ['"Account ID","Account Name","Billing Country"', '"001A","INITECH","United States"'].join(
      '\r\n',
    );
    const before = rowCounts(db.path);
    const dry = await importFile(ws, 'accounts', file('sf-accounts.csv', salesforce), { dryRun: true });
    expect(dry.counts).toMatchObject({ created: 0, failed: 1 });
    expect(dry.failures).toEqual([
      {
        line: 2,
        reason:
          'an account named “Initech” exists already (initech), so it was not created twice; add key initech to the row to update it, or --allow-duplicates to create a second one',
      },
    ]);
    await importFile(ws, 'accounts', file('sf-accounts.csv', salesforce));
    expect(rowCounts(db.path)).toMatchObject({ Account: before.Account });
    const allowed = await importFile(ws, 'accounts', file('sf-accounts.csv', salesforce), { allowDuplicates: true });
    expect(allowed.counts).toMatchObject({ created: 1, failed: 0 });
    expect((await ws.accounts.byExternalId('001A'))?.key).not.toBe('initech');
  });

  it('updates the account a row names by key, which keeps the id of the system it came from', async () => {
    const hubspot = ['Record ID,Company name', '7001,Tyrell Corporation'].join('\r\n');
    await importFile(ws, 'accounts', file('hs-companies.csv', hubspot));
    const salesforce = ['Account ID,Account Name', '001Q,Tyrell Corporation'].join('\r\n');
    expect((await importFile(ws, 'accounts', file('sf.csv', salesforce))).counts).toMatchObject({ failed: 1 });
    const withKey = ['Key,Account ID,Account Name,Industry', 'tyrell,001Q,Tyrell Corporation,Latex'].join('\r\n');
    const result = await importFile(ws, 'accounts', file('sf-keyed.csv', withKey));
    expect(result.counts).toMatchObject({ created: 0, updated: 1, failed: 0 });
    expect(await ws.accounts.byKey('tyrell')).toMatchObject({ externalId: '7001', sector: 'Latex' });
  });
});

describe('Salesforce ids', () => {
  it('match in their 15- and 18-character forms, for accounts and for the rows that name them', async () => {
    const report = ['Account ID,Account Name', '001A0000006Vm9r,Umbrella Corp'].join('\r\n');
    expect((await importFile(ws, 'accounts', file('report.csv', report))).counts).toMatchObject({ created: 1 });
    const loader = ['Account ID,Account Name', '001A0000006Vm9rIAC,Umbrella Corporation'].join('\r\n');
    const again = await importFile(ws, 'accounts', file('loader.csv', loader));
    expect(again.counts).toMatchObject({ created: 0, updated: 1, failed: 0 });
    expect(await ws.accounts.byExternalId('001A0000006Vm9r')).toMatchObject({ name: 'Umbrella Corporation' });
    const contacts = ['Contact ID,Last Name,Account ID', '003A0000001ab1C,Wesker,001A0000006Vm9rIAC'].join('\r\n');
    expect((await importFile(ws, 'contacts', file('contacts.csv', contacts))).counts).toMatchObject({ created: 1 });
    // Same 15 characters, wrong checksum: another system's id, not this record.
    const stranger = ['Account ID,Account Name', '001A0000006Vm9rXYZ,Umbrella Corporation'].join('\r\n');
    expect((await importFile(ws, 'accounts', file('other.csv', stranger), { dryRun: true })).counts).toMatchObject({
      created: 0,
      updated: 0,
      failed: 1,
    });
  });
});

describe('keys of new accounts', () => {
  it('follow their own names: a subsidiary listed before its parent does not take the group key', async () => {
    const groups = [
      'Account Name,Parent Account',
      'Siemens Österreich AG,Siemens AG',
      'Siemens AG,',
      'Deutsche Bank AG,',
      'Deutsche Bahn AG,',
    ].join('\r\n');
    expect((await importFile(ws, 'accounts', file('groups.csv', groups))).counts).toMatchObject({ created: 4 });
    const keys = new Map((await ws.imports.accounts()).map((account) => [account.name, account.key]));
    expect(
      [...['Siemens Österreich AG', 'Siemens AG', 'Deutsche Bank AG', 'Deutsche Bahn AG']].map((n) => keys.get(n)),
    ).toEqual(['siemens-osterreich', 'siemens', 'deutsche-bank', 'deutsche-bahn']);
  });
});

describe('HubSpot', () => {
  it('reads companies with their record ids, owners and amounts', async () => {
    const initech = await ws.accounts.byExternalId('9001');
    expect(initech).toMatchObject({
      name: 'Initech',
      sector: 'COMPUTER_SOFTWARE',
      annualRevenue: 2_500_000,
      currency: 'USD',
    });
    expect((await ws.users.byId(initech?.ownerId ?? 0))?.email).toBe('bill@initech.example');
  });

  it('leaves the admin role to the first person who comes from Slack or Teams, not to imported owners', async () => {
    expect((await ws.users.list()).map((user) => user.role)).toEqual(['member']);
    const first = await ws.users.ensureFromIdentity({ platform: 'slack', externalId: 'U-FIRST', displayName: 'Ann' });
    const second = await ws.users.ensureFromIdentity({ platform: 'slack', externalId: 'U-NEXT', displayName: 'Bo' });
    expect([first.role, second.role]).toEqual(['admin', 'member']);
  });

  it('maps deal stages by internal id, links deals by company id, and refuses a deal with two companies', async () => {
    const report = await importFile(ws, 'opportunities', file('deals.csv', HUBSPOT_DEALS));
    expect(report.failures).toEqual([
      { line: 4, reason: 'names several accounts (9001;9002); an import takes one per row' },
    ]);
    const deals = await ws.imports.opportunities();
    const tps = deals.find((deal) => deal.externalId === '501');
    expect(tps).toMatchObject({ title: 'TPS rollout', stage: 'won', value: 1100.04, currency: 'USD' });
    expect(tps?.closedAt?.toISOString()).toBe('2027-03-31T10:00:00.000Z');
    expect(deals.find((deal) => deal.externalId === '502')?.stage).toBe('lead');
    // "Bill Lumbergh" is the owner the companies file made (with his email), not a second Bill.
    expect(tps?.ownerId).toBe((await ws.accounts.byExternalId('9001'))?.ownerId);
  });

  it('reads notes with their #tags and markup as written, and adds nothing the second time', async () => {
    const first = await importFile(ws, 'notes', file('notes.csv', HUBSPOT_NOTES));
    expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 });
    const initech = await ws.accounts.byExternalId('9001');
    const [note] = await ws.notes.forAccount(initech?.id ?? 0, 5);
    expect(note).toMatchObject({ body: 'Budget cut, see <b>memo</b> #risk', sentiment: 'negative', tags: ['risk'] });
    expect(note?.sourceRef.source).toBe('import');
    expect(note?.occurredAt.toISOString()).toBe('2027-01-10T09:30:00.000Z');
    const counts = rowCounts(db.path);
    const again = await importFile(ws, 'notes', file('notes.csv', HUBSPOT_NOTES));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(rowCounts(db.path)).toEqual(counts);
  });
});

describe('Salesforce', () => {
  it('reads US dates and amounts, maps stages, and names a stage it does not know', async () => {
    const report = await importFile(ws, 'opportunities', file('opps.csv', SALESFORCE_OPPORTUNITIES));
    expect(report.dateOrder).toBe('mdy');
    expect(report.failures).toEqual([
      {
        line: 4,
        reason:
          'Stage “Technical Win” is not a stage kam-bot knows; add --stage "Technical Win=<lead, qualify, propose, negotiate, won or lost>"',
      },
    ]);
    const deals = await ws.imports.opportunities();
    const retrofit = deals.find((deal) => deal.externalId === '0061');
    expect(retrofit).toMatchObject({ stage: 'won', value: 12000.5, currency: 'USD', probability: 100 });
    expect(retrofit?.expectedCloseAt?.toISOString()).toBe('2027-03-31T12:00:00.000Z');
    expect(retrofit?.closedAt?.toISOString()).toBe('2027-03-31T12:00:00.000Z');
    expect(deals.find((deal) => deal.externalId === '0062')).toMatchObject({ stage: 'negotiate', probability: 80 });
    const fixed = await importFile(ws, 'opportunities', file('opps.csv', SALESFORCE_OPPORTUNITIES), {
      stages: ['Technical Win=negotiate'],
    });
    expect(fixed.counts).toEqual({ created: 1, updated: 0, unchanged: 2, failed: 0 });
  });

  it('matches contacts again by id, email or name, and changes only what changed', async () => {
    const first = await importFile(ws, 'contacts', file('contacts.csv', SALESFORCE_CONTACTS));
    expect(first.failures).toEqual([
      { line: 5, reason: 'there is no account “Initech Europe”; import the accounts first, or correct the name' },
    ]);
    expect(first.counts.created).toBe(3);
    const initech = await ws.accounts.byExternalId('9001');
    const names = (await ws.contacts.forAccount(initech?.id ?? 0)).map((contact) => contact.name);
    expect(names.sort()).toEqual(['Michael Bolton', 'Peter Gibbons', 'Samir Nagheenanajar']);
    const promoted = SALESFORCE_CONTACTS.replace('Michael,Bolton,Programmer', 'Michael,Bolton,Team lead');
    const second = await importFile(ws, 'contacts', file('contacts.csv', promoted));
    expect(second.counts).toEqual({ created: 0, updated: 1, unchanged: 2, failed: 1 });
    const michael = (await ws.imports.contacts()).find((contact) => contact.name === 'Michael Bolton');
    expect(michael?.title).toBe('Team lead');
    const [event] = await ws.audit.forEntity('contact', michael?.id ?? 0);
    expect(event).toMatchObject({
      action: 'contact.update',
      origin: 'import',
      details: { fields: ['title'], line: 4 },
    });
  });
});

describe('restricted accounts', () => {
  it('stay restricted unless the file says otherwise', async () => {
    const secret = await ws.accounts.create(
      { key: 'secret', name: 'Secret Labs', visibility: 'restricted' },
      SYSTEM_ACTOR,
    );
    await importFile(ws, 'accounts', file('a.csv', 'name,industry\nSecret Labs,Research\n'));
    expect(await ws.accounts.byId(secret.id)).toMatchObject({ visibility: 'restricted', sector: 'Research' });
    const [change] = await ws.audit.forEntity('account', secret.id);
    expect(change).toMatchObject({ action: 'account.update', details: { fields: ['sector'], file: 'a.csv', line: 2 } });
    await importFile(ws, 'accounts', file('a.csv', 'name,visibility\nSecret Labs,\n'));
    expect((await ws.accounts.byId(secret.id))?.visibility).toBe('restricted');
    await importFile(ws, 'accounts', file('a.csv', 'key,visibility\nsecret,open\n'));
    expect((await ws.accounts.byId(secret.id))?.visibility).toBe('open');
  });
});
