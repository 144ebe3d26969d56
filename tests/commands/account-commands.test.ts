// edit, archive, owner, team, link and unlink: the commands that change an account itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/commands/context.ts';
import { CommandEngine } from '../../src/commands/engine.ts';
import type { Account, User } from '../../src/domain/records.ts';
import { silentLogger } from '../../src/logger.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { refuser } from '../helpers/replies.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
let dana: User;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  dana = await t.ws.users.create({ displayName: 'Dana Scully', email: 'dana.scully@example.com' }, SYSTEM_ACTOR);
  const create = (key: string, name: string, more: Partial<Parameters<typeof t.ws.accounts.create>[0]> = {}) =>
    t.ws.accounts.create({ key, name, ownerId: t.admin.id, ...more }, SYSTEM_ACTOR);
  const acme = await create('acme', 'Acme Corporation');
  const acmeDe = await create('acme-de', 'Acme Germany', { parentId: acme.id });
  await t.ws.members.set(acmeDe.id, t.member.id, 'sales_engineer', SYSTEM_ACTOR);
  await create('globex', 'Globex', { ownerId: t.member.id });
  await create('initech', 'Initech');
  await create('hooli', 'Hooli', { ownerId: t.member.id });
  await create('umbrella', 'Umbrella');
  await create('vault', 'Vault-Tec', { visibility: 'restricted' });
  const wayne = await create('wayne', 'Wayne Enterprises');
  await t.ws.members.set(wayne.id, t.member.id, 'sales_engineer', SYSTEM_ACTOR);
  const tyrell = await create('tyrell', 'Tyrell Corporation');
  await t.ws.members.set(tyrell.id, t.member.id, 'local_rep', SYSTEM_ACTOR);
  await create('stark', 'Stark Industries');
  await create('cyberdyne', 'Cyberdyne Systems');
});
afterAll(() => db.close());

const refused = (command: string, message: string, user?: User) => refuser(t, db.path)(command, message, user);

async function account(key: string): Promise<Account> {
  const found = await t.ws.accounts.byKey(key);
  if (!found) throw new Error(`fixture account ${key} is missing`);
  return found;
}

/** The newest audit event on an account. */
async function lastAccountEvent(key: string) {
  const [event] = await t.ws.audit.forEntity('account', (await account(key)).id, 1);
  return event;
}

describe('/account edit', () => {
  it('changes the fields given and records who changed them', async () => {
    const result = await t.run(
      '/account edit acme tier:A region:EMEA renewal:2027-03-31 revenue:1.2M aliases:"ACME, Acme Corp"',
    );
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Updated Acme Corporation (acme): tier, region, renewal, revenue, aliases.');
    expect(await account('acme')).toMatchObject({
      tier: 'A',
      region: 'EMEA',
      renewalAt: new Date('2027-03-31T12:00:00Z'),
      annualRevenue: 1_200_000,
      aliases: ['ACME', 'Acme Corp'],
    });
    expect(await lastAccountEvent('acme')).toMatchObject({
      action: 'account.update',
      actorId: t.admin.id,
      origin: 'slack',
    });
  });

  it('lets a team member change the account, and clears a field with none', async () => {
    await t.ws.accounts.update((await account('acme-de')).id, { sector: 'Logistics' }, SYSTEM_ACTOR);
    const result = await t.run('/account edit "Acme Germany" status:"on hold" sector:none', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Updated Acme Germany (acme-de): status, sector.');
    expect(await account('acme-de')).toMatchObject({ status: 'on_hold', sector: null });
    expect(await lastAccountEvent('acme-de')).toMatchObject({ action: 'account.update', actorId: t.member.id });
  });

  it('offers the edit form where the platform has forms', async () => {
    const engine = new CommandEngine(silentLogger);
    const outcome = await engine.handle('/account edit acme', {
      ...t.context(t.admin),
      surface: { forms: true, buttons: true },
    });
    expect(outcome.status).toBe('ok');
    expect(outcome.reply.blocks[0]).toMatchObject({
      type: 'form',
      formId: 'account_edit',
      state: String((await account('acme')).id),
    });
  });

  it.each([
    ['/account edit acme tier:Z', 'tier: The tier must be A (strategic), B (key) or C (development).'],
    ['/account edit acme', 'Say what to change, e.g. /account edit acme tier:A renewal:2027-03-31.'],
    ['/account edit tier:A', 'Say which account to edit, e.g. /account edit acme tier:A.'],
    ['/account edit acme teir:A', '“teir:” is not an option of edit. Did you mean tier:?'],
    ['/account edit acme tier:A tier:B', 'You gave tier: twice; give it once.'],
    [
      '/account edit acme renewal:someday',
      "renewal: I can't read “someday” as a renewal date; try friday, next tuesday, in 2 weeks or 2027-03-31.",
    ],
    ['/account edit acme visibility:secret', 'visibility: Visibility must be open or restricted.'],
    ['/account edit acme currency:euro', 'currency: A currency is a three-letter code such as EUR, USD or GBP.'],
    [
      '/account edit acme revenue:$2M',
      "This account's amounts are in EUR; give the revenue in EUR, or change currency: first.",
    ],
    ['/account edit acme key:globex', 'The key "globex" is already used by Globex.'],
    ['/account edit acme parent:acme-de', 'Acme Germany is part of Acme Corporation, so it cannot be its parent.'],
    ['/account edit acme parent:acme', 'Acme Corporation cannot be its own parent.'],
    // A valid change next to an invalid one: nothing is half-saved.
    [
      '/account edit acme tier:C owner:@nobody',
      "I don't know anyone called “nobody” here; people become known to kam-bot when they first use it.",
    ],
    ['/account edit zzqqxx tier:A', "I couldn't find an account called “zzqqxx”; /account list shows them all."],
  ])('%s → one clear sentence, nothing written', async (command, message) => {
    const before = await account('acme');
    await refused(command, message);
    expect(await account('acme')).toEqual(before);
  });

  it('refuses a new name that another account already has', async () => {
    const before = await account('cyberdyne');
    await refused('/account edit cyberdyne name:Globex', 'There is already an account called Globex (globex).');
    expect(await account('cyberdyne')).toEqual(before);
  });

  it('refuses people outside the account team', async () => {
    await refused(
      '/account edit acme tier:C',
      'Only the account team of Acme Corporation or an admin can change it.',
      t.member,
    );
  });

  it('refuses a hand-over by a team member who is not the owner', async () => {
    await refused(
      '/account edit acme-de owner:@max',
      'Only the owner of Acme Germany or an admin can hand it over.',
      t.member,
    );
    expect((await account('acme-de')).ownerId).toBe(t.admin.id);
  });
});

describe('/account archive', () => {
  it('archives the account for an admin, records it, and hides it afterwards', async () => {
    const result = await t.run('/account archive initech');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Archived Initech (initech). Its notes and history are kept.');
    expect((await account('initech')).archivedAt).toEqual(NOW);
    expect(await lastAccountEvent('initech')).toMatchObject({ action: 'account.archive', actorId: t.admin.id });
    await refused(
      '/account archive initech',
      "I couldn't find an account called “initech”; /account list shows them all.",
    );
  });

  it('lets the owner archive their own account', async () => {
    const result = await t.run('/account archive hooli', t.member);
    expect(result.status).toBe('ok');
    expect((await account('hooli')).archivedAt).toEqual(NOW);
    expect(await lastAccountEvent('hooli')).toMatchObject({ action: 'account.archive', actorId: t.member.id });
  });

  it.each([
    ['/account archive', 'Say which account to archive, e.g. /account archive acme.', 'admin'],
    [
      '/account archive acme',
      'Acme Corporation still has subsidiaries (Acme Germany); archive them or give them another parent first.',
      'admin',
    ],
    ['/account archive acme-de', 'Only the owner of Acme Germany or an admin can archive it.', 'member'],
    ['/account archive umbrella', 'Only the owner of Umbrella or an admin can archive it.', 'member'],
    ['/account archive vault', "I couldn't find an account called “vault”; /account list shows them all.", 'member'],
  ] as const)('%s → one clear sentence, nothing archived', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
    for (const key of ['acme', 'acme-de', 'umbrella', 'vault']) expect((await account(key)).archivedAt).toBeNull();
  });
});

describe('/account owner', () => {
  it('hands the account over, keeps the previous owner on the team, and records who did it', async () => {
    const result = await t.run('/account owner umbrella @dana');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe(
      'Dana Scully now owns Umbrella (umbrella). Ada Admin stays on the account team as member.',
    );
    const umbrella = await account('umbrella');
    expect(umbrella.ownerId).toBe(dana.id);
    expect(await t.ws.members.forAccount(umbrella.id)).toEqual(
      expect.arrayContaining([
        { accountId: umbrella.id, userId: dana.id, role: 'owner' },
        { accountId: umbrella.id, userId: t.admin.id, role: 'member' },
      ]),
    );
    expect(await lastAccountEvent('umbrella')).toMatchObject({ action: 'account.update', actorId: t.admin.id });
  });

  it('gives the previous owner back the team role they had before they owned the account', async () => {
    const soylent = await t.ws.accounts.create({ key: 'soylent', name: 'Soylent', ownerId: t.admin.id }, SYSTEM_ACTOR);
    await t.ws.members.set(soylent.id, dana.id, 'executive_sponsor', SYSTEM_ACTOR);
    await t.run('/account owner soylent @dana');
    const back = await t.run('/account owner soylent @ada');
    expect(back.reply.summary).toBe(
      'Ada Admin now owns Soylent (soylent). Dana Scully stays on the account team as executive sponsor.',
    );
    expect(await t.ws.members.forAccount(soylent.id)).toEqual(
      expect.arrayContaining([
        { accountId: soylent.id, userId: t.admin.id, role: 'owner' },
        { accountId: soylent.id, userId: dana.id, role: 'executive_sponsor' },
      ]),
    );
  });

  it.each([
    ['/account owner stark', 'Say who the new owner is, e.g. /account owner acme @dana.', 'admin'],
    ['/account owner @dana', 'Say which account, e.g. /account owner acme @dana.', 'admin'],
    ['/account owner stark @ada', 'Ada Admin already owns Stark Industries.', 'admin'],
    [
      '/account owner stark @nobody',
      "I don't know anyone called “nobody” here; people become known to kam-bot when they first use it.",
      'admin',
    ],
    ['/account owner acme-de @max', 'Only the owner of Acme Germany or an admin can hand it over.', 'member'],
  ] as const)('%s → one clear sentence, owner unchanged', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
    expect((await account('stark')).ownerId).toBe(t.admin.id);
    expect((await account('acme-de')).ownerId).toBe(t.admin.id);
  });
});

describe('/account team', () => {
  it('shows the team, owner first', async () => {
    const result = await t.run('/account team wayne', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('Account team: Wayne Enterprises (wayne)');
    expect(result.reply.summary).toBe('2 people on the Wayne Enterprises team');
    const block = result.reply.blocks[0];
    expect(block?.type === 'list' && block.items.map((item) => [item.title, item.meta])).toEqual([
      ['Ada Admin', 'owner'],
      ['Max Member', 'sales engineer'],
    ]);
  });

  it('counts a team of one as one person', async () => {
    expect((await t.run('/account team stark')).reply.summary).toBe('1 person on the Stark Industries team');
  });

  it('adds a person with a role, and records who added them', async () => {
    const result = await t.run('/account team add tyrell @dana executive sponsor');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Dana Scully is on the Tyrell Corporation team as executive sponsor.');
    const tyrell = await account('tyrell');
    expect(await t.ws.members.forAccount(tyrell.id)).toContainEqual({
      accountId: tyrell.id,
      userId: dana.id,
      role: 'executive_sponsor',
    });
    expect(await lastAccountEvent('tyrell')).toMatchObject({
      action: 'member.set',
      actorId: t.admin.id,
      details: { userId: dana.id, role: 'executive_sponsor' },
    });
  });

  it('lets a team member change a role and remove someone', async () => {
    const tyrell = await account('tyrell');
    expect((await t.run('/account team add tyrell @dana csm', t.member)).reply.summary).toBe(
      'Dana Scully is on the Tyrell Corporation team as customer success.',
    );
    expect(await t.ws.members.forAccount(tyrell.id)).toContainEqual({
      accountId: tyrell.id,
      userId: dana.id,
      role: 'customer_success',
    });
    expect(await lastAccountEvent('tyrell')).toMatchObject({ action: 'member.set', actorId: t.member.id });

    const removed = await t.run('/account team remove tyrell @dana', t.member);
    expect(removed.status).toBe('ok');
    expect(removed.reply.summary).toBe('Removed Dana Scully from the Tyrell Corporation team.');
    expect(await t.ws.members.isMember(tyrell.id, dana.id)).toBe(false);
    expect(await lastAccountEvent('tyrell')).toMatchObject({
      action: 'member.remove',
      actorId: t.member.id,
      details: { userId: dana.id },
    });
  });

  it('says so, and writes nothing, when the person was not on the team', async () => {
    const before = rowCounts(db.path);
    const result = await t.run('/account team remove stark @dana');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Dana Scully was not on the Stark Industries team.');
    expect(rowCounts(db.path)).toEqual(before);
  });

  it.each([
    ['/account team', 'Say which account, e.g. /account team acme.', 'admin'],
    [
      '/account team add stark',
      'Say which account and whom, e.g. /account team add acme @dana sales engineer.',
      'admin',
    ],
    ['/account team remove stark', 'Say which account and whom, e.g. /account team remove acme @dana.', 'admin'],
    [
      '/account team add stark @dana chef',
      'The team role must be one of executive sponsor, sales engineer, local rep, customer success, member (the owner is set with /account owner).',
      'admin',
    ],
    ['/account team add stark @ada sponsor', 'Ada Admin owns Stark Industries already.', 'admin'],
    [
      '/account team remove stark @ada',
      'Ada Admin owns Stark Industries; hand it over with /account owner first.',
      'admin',
    ],
    [
      '/account team add stark @nobody sponsor',
      "I don't know anyone called “nobody” here; people become known to kam-bot when they first use it.",
      'admin',
    ],
    [
      '/account team add stark @dana sponsor',
      'Only the account team of Stark Industries or an admin can change it.',
      'member',
    ],
  ] as const)('%s → one clear sentence, team unchanged', async (command, message, who) => {
    const stark = await account('stark');
    const before = await t.ws.members.forAccount(stark.id);
    await refused(command, message, who === 'admin' ? t.admin : t.member);
    expect(await t.ws.members.forAccount(stark.id)).toEqual(before);
  });
});

describe('/account link and unlink', () => {
  const inChannel = (user: User, id = 'C1'): RequestContext => ({
    ...t.context(user),
    channel: { platform: 'slack', id },
  });

  it('explains that the console has no channel to link, and writes nothing', async () => {
    await refused(
      '/account link stark',
      'Linking works in a Slack or Teams channel: run it in the channel you want to link.',
    );
    expect(await t.ws.channelLinks.forAccount((await account('stark')).id)).toEqual([]);
  });

  it('explains that the console has no channel to unlink, and writes nothing', async () => {
    await refused(
      '/account unlink',
      'Unlinking works in a Slack or Teams channel: run it in the channel you want to unlink.',
    );
  });

  it('links the channel, relinks it, and unlinks it, each recorded with who did it', async () => {
    const engine = new CommandEngine(silentLogger);
    const stark = await account('stark');
    const wayne = await account('wayne');

    const linked = await engine.handle('/account link stark', inChannel(t.admin));
    expect(linked.status).toBe('ok');
    expect(linked.reply).toMatchObject({
      audience: 'channel',
      summary: 'This channel is now linked to Stark Industries (stark).',
    });
    expect(await t.ws.channelLinks.forChannel('slack', 'C1')).toEqual({
      platform: 'slack',
      channelId: 'C1',
      accountId: stark.id,
    });
    expect(await lastAccountEvent('stark')).toMatchObject({
      action: 'channel.link',
      actorId: t.admin.id,
      details: { platform: 'slack', channelId: 'C1' },
    });

    const relinked = await engine.handle('/account link wayne', inChannel(t.member));
    expect(relinked.reply.summary).toBe('This channel is now linked to Wayne Enterprises (wayne).');
    expect((await t.ws.channelLinks.forChannel('slack', 'C1'))?.accountId).toBe(wayne.id);
    expect(await lastAccountEvent('wayne')).toMatchObject({ action: 'channel.link', actorId: t.member.id });

    const unlinked = await engine.handle('/account unlink', inChannel(t.member));
    expect(unlinked.status).toBe('ok');
    expect(unlinked.reply).toMatchObject({
      audience: 'channel',
      summary: 'This channel is no longer linked to Wayne Enterprises (wayne).',
    });
    expect(await t.ws.channelLinks.forChannel('slack', 'C1')).toBeNull();
    expect(await lastAccountEvent('wayne')).toMatchObject({
      action: 'channel.unlink',
      actorId: t.member.id,
      details: { platform: 'slack', channelId: 'C1' },
    });

    const before = rowCounts(db.path);
    const again = await engine.handle('/account unlink', inChannel(t.member));
    expect(again.status).toBe('ok');
    expect(again.reply.summary).toBe('This channel is not linked to an account.');
    expect(rowCounts(db.path)).toEqual(before);
  });

  it.each([
    ['/account link', 'Say which account this channel is about, e.g. /account link acme.'],
    ['/account link zzqqxx', "I couldn't find an account called “zzqqxx”; /account list shows them all."],
    ['/account link vault', "I couldn't find an account called “vault”; /account list shows them all."],
  ])('in a channel, %s → one clear sentence, nothing linked', async (command, message) => {
    const engine = new CommandEngine(silentLogger);
    const before = rowCounts(db.path);
    const outcome = await engine.handle(command, inChannel(t.member, 'C2'));
    expect(outcome.status).toBe('user_error');
    expect(rowCounts(db.path)).toEqual(before);
    expect(outcome.reply.summary).toBe(message);
    expect(await t.ws.channelLinks.forChannel('slack', 'C2')).toBeNull();
  });
});
