// A refused command writes nothing: not even the people it mentioned (Slack and Teams add a mentioned person only
// inside the command's own transaction), and a follow-up date that cannot be read is refused, never kept as text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { PEOPLE, type SlackHarness, startSlackHarness, TEAM } from '../helpers/slack-harness.ts';
import { DANA_AAD, startTeamsHarness, TENANT, type TeamsHarness } from '../helpers/teams-harness.ts';

const NEW_PERSON = 'U0NEWPERSON';

describe('in Slack', () => {
  let h: SlackHarness;
  let ws: WorkspaceStore;
  let acmeId: number;

  beforeAll(async () => {
    h = await startSlackHarness();
    PEOPLE[NEW_PERSON] = { real_name: 'Nia Okafor', email: 'nia.okafor@example.com' };
    const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, { name: 'acme-eng', timeZone: 'UTC' });
    ws = h.store.forWorkspace(workspace.id);
    acmeId = (await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR)).id;
    // The person asking is known already (they exist as soon as they talk to the bot).
    expect((await h.command('help')).status).toBe(200);
    await h.fake.waitFor((requests) => requests.some((r) => r.path.startsWith('/response/')));
  });
  beforeEach(() => {
    h.fake.requests.length = 0;
  });
  afterAll(async () => {
    delete PEOPLE[NEW_PERSON];
    await h.close();
  });

  async function answer(text: string): Promise<string> {
    const sent = h.fake.requests.length;
    expect((await h.command(text)).status).toBe(200);
    await h.fake.waitFor((requests) => requests.slice(sent).some((r) => r.path.startsWith('/response/')));
    return JSON.stringify(h.fake.requests.slice(sent).find((r) => r.path.startsWith('/response/'))?.body);
  }

  it('adds nobody when a command naming a new person is refused', async () => {
    const before = rowCounts(h.databasePath);
    expect(await answer(`owner nosuchaccount <@${NEW_PERSON}|nia>`)).toContain('nosuchaccount');
    expect(await answer(`team add acme <@${NEW_PERSON}> astronaut`)).toContain('The team role must be one of');
    expect(await answer(`task add acme Send the NDA for:<@${NEW_PERSON}> due:someday-ish`)).toContain('someday-ish');
    expect(rowCounts(h.databasePath)).toEqual(before);
    expect(await ws.users.byIdentity('slack', NEW_PERSON)).toBeNull();
  });

  it('adds the person once when the command goes through', async () => {
    expect(await answer(`team add acme <@${NEW_PERSON}> sales_engineer`)).toContain('Nia Okafor');
    const nia = await ws.users.byIdentity('slack', NEW_PERSON);
    expect(nia).toMatchObject({ displayName: 'Nia Okafor', email: 'nia.okafor@example.com', role: 'member' });
    expect((await ws.members.forAccount(acmeId)).map((member) => member.userId)).toContain(nia?.id);
    await answer(`team add acme <@${NEW_PERSON}> sales_engineer`);
    const users = await ws.users.list();
    expect(users.filter((user) => user.displayName === 'Nia Okafor')).toHaveLength(1);
  });

  it('refuses a follow-up whose date cannot be read, saving nothing, and keeps prose after “by”', async () => {
    const before = rowCounts(h.databasePath);
    expect(await answer('task add acme Call Ute by the 31st of Febtember')).toContain(
      "I can't read “the 31st of Febtember” as a date;",
    );
    expect(await answer('note acme Met Ute. todo: send the offer by 31.02.2027')).toContain(
      "I can't read “31.02.2027” as a date; write it like friday, next tuesday, in 2 weeks, 2027-03-31 or 31.03.2027",
    );
    expect(await answer('note acme Met Ute. todo: send the offer by 2027-13-01')).toContain(
      "I can't read “2027-13-01” as a date",
    );
    expect(rowCounts(h.databasePath)).toEqual(before);
    expect(await answer('task add acme Call Ute by phone')).toContain('“Call Ute by phone”');
    const [task] = await ws.tasks.list({ accountId: acmeId });
    expect(task).toMatchObject({ title: 'Call Ute by phone', dueAt: null });
  });
});

describe('in Teams', () => {
  let h: TeamsHarness;
  let ws: WorkspaceStore;

  beforeAll(async () => {
    h = await startTeamsHarness();
    const workspace = await h.store.workspaces.ensureInstallation('teams', TENANT, {
      name: 'Contoso',
      timeZone: 'UTC',
    });
    ws = h.store.forWorkspace(workspace.id);
    await ws.users.ensureFromIdentity({ platform: 'teams', externalId: DANA_AAD, displayName: 'Dana Lee' });
    await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR);
    // Dana writes once, so she (the asker) is known with her Teams ids.
    expect((await h.post(h.activity('personal_message', { text: 'account help' }))).status).toBe(200);
  });
  afterAll(() => h.close());

  function mentioning(text: string) {
    const newcomer = { id: '29:1NEWPERSONxyz', name: 'Nia Okafor' };
    const base = h.activity('personal_message', { text: `${text.replace('@nia', '<at>Nia Okafor</at>')}` });
    return {
      ...base,
      entities: [
        ...((base.entities as unknown[] | undefined) ?? []),
        { type: 'mention', text: '<at>Nia Okafor</at>', mentioned: newcomer },
      ],
    };
  }

  it('adds nobody when a command naming a new person is refused', async () => {
    const before = rowCounts(h.databasePath);
    expect((await h.post(mentioning('account owner nosuchaccount @nia'))).status).toBe(200);
    expect(JSON.stringify(h.sent().at(-1)?.body)).toContain('nosuchaccount');
    expect(rowCounts(h.databasePath)).toEqual(before);
    expect(await ws.users.byIdentity('teams', '29:1NEWPERSONxyz')).toBeNull();
  });

  it('adds the person when the command goes through', async () => {
    expect((await h.post(mentioning('account owner acme @nia'))).status).toBe(200);
    const nia = await ws.users.byIdentity('teams', '29:1NEWPERSONxyz');
    expect(nia?.displayName).toBe('Nia Okafor');
    expect((await ws.accounts.list()).find((account) => account.key === 'acme')?.ownerId).toBe(nia?.id);
  });
});
