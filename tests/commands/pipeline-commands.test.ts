// contacts, contact add / contact <id>, opps, opp add / opp <id>: the people at the customer and the projects to win.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, User } from '../../src/domain/records.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { idIn, listOf, refuser } from '../helpers/replies.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

let db: TestDatabase;
let t: TestWorkspace;
let dana: User;
let acme: Account;
let globex: Account;
let vault: Account;
let jane: number;
let secretContact: number;
let warehouse: number;
let secretOpp: number;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  dana = await t.ws.users.create({ displayName: 'Dana Scully', email: 'dana.scully@example.com' }, SYSTEM_ACTOR);
  acme = await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation', ownerId: t.admin.id }, SYSTEM_ACTOR);
  await t.ws.accounts.create({ key: 'acme-de', name: 'Acme Germany', parentId: acme.id }, SYSTEM_ACTOR);
  globex = await t.ws.accounts.create({ key: 'globex', name: 'Globex', ownerId: t.member.id }, SYSTEM_ACTOR);
  vault = await t.ws.accounts.create(
    { key: 'vault', name: 'Vault-Tec', ownerId: t.admin.id, visibility: 'restricted' },
    SYSTEM_ACTOR,
  );
  jane = (
    await t.ws.contacts.add(
      {
        accountId: acme.id,
        name: 'Jane Roe',
        title: 'CFO',
        buyingRole: 'economic_buyer',
        influence: 5,
        relationship: 1,
        email: 'jane.roe@acme.example',
      },
      SYSTEM_ACTOR,
    )
  ).id;
  secretContact = (await t.ws.contacts.add({ accountId: vault.id, name: 'Overseer' }, SYSTEM_ACTOR)).id;
  warehouse = (
    await t.ws.opportunities.add(
      {
        accountId: acme.id,
        title: 'Warehouse automation',
        stage: 'propose',
        value: 450_000,
        expectedCloseAt: day('2027-03-31'),
        probability: 40,
        competitors: ['Initech'],
        ownerId: t.admin.id,
      },
      SYSTEM_ACTOR,
    )
  ).id;
  await t.ws.opportunities.add(
    {
      accountId: acme.id,
      title: 'Pilot',
      stage: 'won',
      value: 50_000,
      closedAt: day('2026-10-01'),
      ownerId: t.admin.id,
    },
    SYSTEM_ACTOR,
  );
  secretOpp = (await t.ws.opportunities.add({ accountId: vault.id, title: 'Vault 2.0' }, SYSTEM_ACTOR)).id;
});
afterAll(() => db.close());

const refused = (command: string, message: string, user?: User) => refuser(t, db.path)(command, message, user);

const NOT_FOUND = (name: string) => `I couldn't find an account called “${name}”; /account list shows them all.`;

describe('/account contacts', () => {
  it('lists the stakeholders with their role, influence and relationship', async () => {
    const result = await t.run('/account contacts acme', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('Contacts: Acme Corporation (acme)');
    expect(result.reply.summary).toBe('1 contact at Acme Corporation');
    expect(listOf(result).items).toEqual([
      {
        title: 'Jane Roe, CFO',
        meta: `#${jane} · economic buyer · influence 5/5 · relationship good · jane.roe@acme.example`,
      },
    ]);
  });

  it('says how to add the first one', async () => {
    const result = await t.run('/account contacts globex');
    expect(result.reply.summary).toBe('0 contacts at Globex');
    expect(result.text).toContain(
      'No contacts yet. Add one: /account contact add globex <name>, <title> role:champion',
    );
  });

  it.each([
    ['/account contacts', 'Say whose contacts to show, e.g. /account contacts acme.', 'admin'],
    ['/account contacts zzqqxx', NOT_FOUND('zzqqxx'), 'admin'],
    ['/account contacts vault', NOT_FOUND('vault'), 'member'],
  ] as const)('%s → one clear sentence', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
  });
});

describe('/account contact add', () => {
  it('adds a stakeholder with title, role, influence, relationship and email, and records who added them', async () => {
    const result = await t.run(
      '/account contact add acme Tom Berg, Head of IT role:champion influence:4 relationship:+1 email:Tom.Berg@Acme.example',
      t.member,
    );
    expect(result.status).toBe('ok');
    const id = idIn(result.reply.summary);
    expect(result.reply.summary).toBe(`Added Tom Berg, Head of IT to Acme Corporation (acme) as contact #${id}.`);
    expect(await t.ws.contacts.byId(id)).toMatchObject({
      accountId: acme.id,
      name: 'Tom Berg',
      title: 'Head of IT',
      buyingRole: 'champion',
      influence: 4,
      relationship: 1,
      email: 'tom.berg@acme.example',
    });
    expect(await t.ws.audit.forEntity('contact', id)).toMatchObject([
      { action: 'contact.create', actorId: t.member.id, origin: 'slack' },
    ]);
  });

  it('takes an account name with spaces in quotes', async () => {
    const result = await t.run('/account contact add "Acme Germany" Lena Weiss, Procurement role:gatekeeper');
    expect(result.status).toBe('ok');
    const contact = await t.ws.contacts.byId(idIn(result.reply.summary));
    expect(contact).toMatchObject({ name: 'Lena Weiss', title: 'Procurement', buyingRole: 'gatekeeper' });
    expect((await t.ws.accounts.byId(contact?.accountId ?? 0))?.key).toBe('acme-de');
  });

  it('takes a name and a title in quotes without the quotes', async () => {
    const result = await t.run('/account contact add acme "Jo Beck", „Head of Buying“ role:champion');
    expect(await t.ws.contacts.byId(idIn(result.reply.summary))).toMatchObject({
      name: 'Jo Beck',
      title: 'Head of Buying',
    });
  });

  it.each([
    [
      '/account contact',
      'Say add, or the number of the contact to change, e.g. /account contact add acme Jane Roe, CFO.',
    ],
    [
      '/account contact acme',
      'Say add, or the number of the contact to change, e.g. /account contact 12 role:champion.',
    ],
    ['/account contact add acme', 'Give the contact a name.'],
    [
      '/account contact add acme Bob, CTO role:boss',
      'The role must be one of decision maker, economic buyer, influencer, champion, user, gatekeeper.',
    ],
    ['/account contact add acme Bob, CTO influence:9', 'Influence must be from 1 to 5.'],
    ['/account contact add acme Bob, CTO relationship:+3', 'The relationship must be -2 (hostile) to +2 (strong).'],
    ['/account contact add acme Bob, CTO email:nope', 'That does not look like an email address.'],
    ['/account contact add acme Bob, CTO rol:champion', '“rol:” is not an option of contact. Did you mean role:?'],
    ['/account contact add zzqqxx Bob, CTO', NOT_FOUND('zzqqxx')],
  ])('%s → one clear sentence, no contact added', async (command, message) => {
    const before = await t.ws.contacts.forAccount(acme.id);
    await refused(command, message);
    expect(await t.ws.contacts.forAccount(acme.id)).toEqual(before);
  });

  it('keeps restricted accounts out of reach', async () => {
    await refused('/account contact add vault Bob, CTO', NOT_FOUND('vault'), t.member);
  });
});

describe('/account contact <id>', () => {
  it('changes the fields given and records who changed them', async () => {
    const result = await t.run(`/account contact #${jane} relationship:strong role:dm`, t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Updated Jane Roe at Acme Corporation (acme).');
    expect(await t.ws.contacts.byId(jane)).toMatchObject({
      relationship: 2,
      buyingRole: 'decision_maker',
      title: 'CFO',
      influence: 5,
    });
    expect((await t.ws.audit.forEntity('contact', jane, 1))[0]).toMatchObject({
      action: 'contact.update',
      actorId: t.member.id,
      details: { fields: ['buyingRole', 'relationship'] },
    });
  });

  it.each([
    [
      `/account contact ${999_999}`,
      'Say what to change, e.g. /account contact 999999 relationship:+1 role:champion.',
      'admin',
    ],
    ['/account contact 999999 role:champion', 'There is no contact #999999.', 'admin'],
    ['JANE influence:0', 'Influence must be from 1 to 5.', 'admin'],
    ['JANE name:""', 'Give the contact a name.', 'admin'],
    ['SECRET role:champion', 'There is no contact #SECRET.', 'member'],
  ] as const)('%s → one clear sentence, contact unchanged', async (template, message, who) => {
    const fill = (text: string) =>
      text.replace('JANE', `/account contact ${jane}`).replace('SECRET', `/account contact ${secretContact}`);
    const beforeJane = await t.ws.contacts.byId(jane);
    const beforeSecret = await t.ws.contacts.byId(secretContact);
    await refused(
      fill(template),
      message.replace('#SECRET', `#${secretContact}`),
      who === 'admin' ? t.admin : t.member,
    );
    expect(await t.ws.contacts.byId(jane)).toEqual(beforeJane);
    expect(await t.ws.contacts.byId(secretContact)).toEqual(beforeSecret);
  });
});

describe('/account opps', () => {
  it('lists open opportunities, then won and lost', async () => {
    const result = await t.run('/account opps acme', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('Opportunities: Acme Corporation (acme)');
    expect(result.reply.summary).toBe('1 open opportunity at Acme Corporation');
    expect(listOf(result, 0).items).toEqual([
      {
        title: 'Warehouse automation',
        meta: `#${warehouse} · propose · 450K EUR · 40% · closes 2027-03-31 · vs Initech`,
      },
    ]);
    expect(listOf(result, 1).items.map((item) => [item.title, item.meta?.includes('closed 2026-10-01')])).toEqual([
      ['Pilot', true],
    ]);
  });

  it('says how to add the first one', async () => {
    const result = await t.run('/account opps globex');
    expect(result.reply.summary).toBe('0 open opportunities at Globex');
    expect(result.text).toContain('None open. Add one: /account opp add globex <title> value:120k close:2027-03-31');
  });

  it.each([
    ['/account opps zzqqxx', NOT_FOUND('zzqqxx'), 'admin'],
    ['/account opps vault', NOT_FOUND('vault'), 'member'],
  ] as const)('%s → one clear sentence', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
  });
});

describe('/account opp add', () => {
  it('adds an opportunity owned by the person adding it, and records who added it', async () => {
    const result = await t.run(
      '/account opp add acme Fleet telematics value:120k close:2027-03-31 stage:qualify probability:30% competitors:"Initech, Globex"',
      t.member,
    );
    expect(result.status).toBe('ok');
    const id = idIn(result.reply.summary);
    expect(result.reply.summary).toBe(
      `Added opportunity #${id} “Fleet telematics” (qualify) to Acme Corporation (acme).`,
    );
    expect(await t.ws.opportunities.byId(id)).toMatchObject({
      accountId: acme.id,
      title: 'Fleet telematics',
      stage: 'qualify',
      value: 120_000,
      currency: 'EUR',
      expectedCloseAt: day('2027-03-31'),
      probability: 30,
      competitors: ['Initech', 'Globex'],
      ownerId: t.member.id,
      stageChangedAt: NOW,
      closedAt: null,
    });
    expect(await t.ws.audit.forEntity('opportunity', id)).toMatchObject([
      { action: 'opportunity.create', actorId: t.member.id },
    ]);
  });

  it('starts as a lead, owned by someone else when asked', async () => {
    const result = await t.run('/account opp add globex Data platform owner:@dana');
    const opp = await t.ws.opportunities.byId(idIn(result.reply.summary));
    expect(opp).toMatchObject({ accountId: globex.id, title: 'Data platform', stage: 'lead', ownerId: dana.id });
  });

  it('closes an opportunity added as won on the day it is added', async () => {
    const result = await t.run('/account opp add acme Spare parts contract value:80k stage:won');
    expect(result.status).toBe('ok');
    expect(await t.ws.opportunities.byId(idIn(result.reply.summary))).toMatchObject({ stage: 'won', closedAt: NOW });
  });

  it.each([
    [
      '/account opp',
      'Say add, or the number of the opportunity to change, e.g. /account opp add acme Warehouse automation.',
    ],
    ['/account opp acme', 'Say add, or the number of the opportunity to change, e.g. /account opp 7 stage:won.'],
    ['/account opp add acme', 'Give the opportunity a title.'],
    [
      '/account opp add acme Robots value:lots',
      "I can't read “lots” as a value; try 120k, 1.2M, €50,000 or 50.000 EUR.",
    ],
    ['/account opp add acme Robots value:$50k', "Acme Corporation's amounts are in EUR; give the value in EUR."],
    ['/account opp add acme Robots stage:closed', 'The stage must be lead, qualify, propose, negotiate, won, lost.'],
    [
      '/account opp add acme Robots close:someday',
      "I can't read “someday” as a close date; try friday, next tuesday, in 2 weeks or 2027-03-31.",
    ],
    ['/account opp add acme Robots probability:150', 'The probability is a percentage from 0 to 100.'],
    [
      '/account opp add acme Robots owner:@nobody',
      "I don't know anyone called “nobody” here; people become known to kam-bot when they first use it.",
    ],
    ['/account opp add zzqqxx Robots', NOT_FOUND('zzqqxx')],
  ])('%s → one clear sentence, no opportunity added', async (command, message) => {
    const before = await t.ws.opportunities.forAccount(acme.id);
    await refused(command, message);
    expect(await t.ws.opportunities.forAccount(acme.id)).toEqual(before);
  });
});

describe('/account opp <id>', () => {
  it('moves the stage on, stamps when it moved, and records who moved it', async () => {
    const result = await t.run(`/account opp ${warehouse} stage:negotiate probability:70`);
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe(
      `Updated opportunity #${warehouse} “Warehouse automation” at Acme Corporation (propose → negotiate).`,
    );
    expect(await t.ws.opportunities.byId(warehouse)).toMatchObject({
      stage: 'negotiate',
      probability: 70,
      stageChangedAt: NOW,
      closedAt: null,
    });
    expect((await t.ws.audit.forEntity('opportunity', warehouse, 1))[0]).toMatchObject({
      action: 'opportunity.update',
      actorId: t.admin.id,
      details: { from: 'propose', to: 'negotiate' },
    });
  });

  it("lets the opportunity's owner close it as lost with the reason", async () => {
    const lost = (
      await t.ws.opportunities.add({ accountId: acme.id, title: 'Conveyor belts', ownerId: t.member.id }, SYSTEM_ACTOR)
    ).id;
    const result = await t.run(`/account opp #${lost} stage:lost loss:"price: 15% above Initech"`, t.member);
    expect(result.status).toBe('ok');
    expect(await t.ws.opportunities.byId(lost)).toMatchObject({
      stage: 'lost',
      lossReason: 'price: 15% above Initech',
      closedAt: NOW,
    });
    expect((await t.ws.audit.forEntity('opportunity', lost, 1))[0]).toMatchObject({
      action: 'opportunity.update',
      actorId: t.member.id,
    });
  });

  it.each([
    ['OPP', 'Say what to change, e.g. /account opp WAREHOUSE stage:won.', 'admin'],
    ['OPP stage:lost', 'Say why it was lost, e.g. /account opp WAREHOUSE stage:lost loss:"price".', 'admin'],
    ['OPP stage:bogus', 'The stage must be lead, qualify, propose, negotiate, won, lost.', 'admin'],
    ['OPP value:$2M', "Acme Corporation's amounts are in EUR; give the value in EUR.", 'admin'],
    ['/account opp 999999 stage:won', 'There is no opportunity #999999.', 'admin'],
    [
      'OPP stage:won',
      "Only the opportunity's owner, the account team of Acme Corporation or an admin can change it.",
      'dana',
    ],
    ['SECRET stage:won', 'There is no opportunity #SECRET.', 'member'],
  ] as const)('%s → one clear sentence, opportunity unchanged', async (template, message, who) => {
    const command = template.replace('OPP', `/account opp ${warehouse}`).replace('SECRET', `/account opp ${secretOpp}`);
    const expected = message.replace('WAREHOUSE', String(warehouse)).replace('#SECRET', `#${secretOpp}`);
    const before = await t.ws.opportunities.byId(warehouse);
    await refused(command, expected, who === 'admin' ? t.admin : who === 'dana' ? dana : t.member);
    expect(await t.ws.opportunities.byId(warehouse)).toEqual(before);
    expect((await t.ws.opportunities.byId(secretOpp))?.stage).toBe('lead');
  });
});
