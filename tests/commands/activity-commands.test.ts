// timeline, tasks, task add, done, search and savethread: what happened at an account, and what is to be done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext, ThreadCapture } from '../../src/commands/context.ts';
import { CommandEngine } from '../../src/commands/engine.ts';
import type { Account, User } from '../../src/domain/records.ts';
import { silentLogger } from '../../src/logger.ts';
import { reply } from '../../src/replies/build.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { idIn, listOf, refuser } from '../helpers/replies.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

let db: TestDatabase;
let t: TestWorkspace;
let dana: User;
let acme: Account;
let globex: Account;
let vault: Account;
let initech: Account;

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
  initech = await t.ws.accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR);

  await t.ws.notes.add(
    {
      accountId: acme.id,
      body: 'Kick-off with the CFO, budget approval expected in Q1',
      authorId: t.admin.id,
      occurredAt: daysAgo(5),
    },
    SYSTEM_ACTOR,
  );
  await t.ws.notes.add(
    { accountId: vault.id, body: 'The vault budget is a secret', authorId: t.admin.id, occurredAt: daysAgo(3) },
    SYSTEM_ACTOR,
  );
  await t.ws.contacts.add({ accountId: acme.id, name: 'Jane Roe', title: 'CFO' }, SYSTEM_ACTOR);
  await t.ws.tasks.add(
    {
      accountId: acme.id,
      title: 'Send the renewal offer',
      dueAt: day('2026-11-20'),
      assigneeId: t.admin.id,
      createdAt: daysAgo(10),
    },
    SYSTEM_ACTOR,
  );
  await t.ws.tasks.add(
    {
      accountId: acme.id,
      title: 'Book the QBR',
      dueAt: day('2026-12-10'),
      assigneeId: t.member.id,
      createdAt: daysAgo(4),
    },
    SYSTEM_ACTOR,
  );
  const old = await t.ws.tasks.add(
    { accountId: acme.id, title: 'Old follow-up', assigneeId: t.member.id, createdAt: daysAgo(20) },
    SYSTEM_ACTOR,
  );
  await t.ws.tasks.complete(old.id, SYSTEM_ACTOR, daysAgo(2));
  await t.ws.tasks.add({ accountId: globex.id, title: 'Call Bob', assigneeId: t.member.id }, SYSTEM_ACTOR);
  await t.ws.tasks.add(
    { accountId: vault.id, title: 'Secret thing', dueAt: day('2026-11-01'), assigneeId: t.admin.id },
    SYSTEM_ACTOR,
  );
  await t.ws.opportunities.add(
    { accountId: acme.id, title: 'Pilot project', stage: 'won', stageChangedAt: daysAgo(1), closedAt: daysAgo(1) },
    SYSTEM_ACTOR,
  );
});
afterAll(() => db.close());

const refused = (command: string, message: string, user?: User) => refuser(t, db.path)(command, message, user);

describe('/account timeline', () => {
  it('lists notes, follow-ups, opportunities and changes newest first, with who made each change', async () => {
    expect((await t.run('/account edit acme tier:A')).status).toBe('ok');
    const result = await t.run('/account timeline acme');
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('Timeline: Acme Corporation (acme)');
    expect(result.reply.summary).toBe('The latest at Acme Corporation');
    const items = listOf(result).items;
    // Changes and contacts are dated by the database's clock, the rest by the fixture's.
    const dated = items
      .map((item) => item.title)
      .filter((title) => !/Account (created|changed)|Contact added/.test(title));
    expect(items.find((item) => item.title.endsWith('Contact added: Jane Roe'))?.meta).toBe('kam-bot');
    expect(dated).toEqual([
      '2026-11-26 · Opportunity won: Pilot project',
      '2026-11-25 · Follow-up done: Old follow-up',
      '2026-11-23 · Follow-up set: Book the QBR',
      '2026-11-22 · Note by Ada Admin',
      '2026-11-17 · Follow-up set: Send the renewal offer',
      '2026-11-07 · Follow-up set: Old follow-up',
    ]);
    expect(items.find((item) => item.title.endsWith('Note by Ada Admin'))?.text).toBe(
      'Kick-off with the CFO, budget approval expected in Q1',
    );
    expect(items.find((item) => item.title.endsWith('Account changed'))).toMatchObject({
      meta: 'Ada Admin',
      text: 'Tier B → A',
    });
    expect(items.find((item) => item.title.endsWith('Account created'))?.meta).toBe('kam-bot');
  });

  it('shows as many events as asked', async () => {
    const result = await t.run('/account timeline acme 2');
    const block = listOf(result);
    expect(block.items).toHaveLength(2);
    expect(block.total).toBeGreaterThan(2);
    expect(result.text).toContain(`…and ${block.total - 2} more`);
  });

  it.each([
    ['/account timeline', 'Say whose timeline to show, e.g. /account timeline acme.', 'admin'],
    ['/account timeline acme 0', 'Ask for at least 1 event.', 'admin'],
    ['/account timeline acme 500', 'Ask for at most 100 events at a time.', 'admin'],
    ['/account timeline zzqqxx', "I couldn't find an account called “zzqqxx”; /account list shows them all.", 'admin'],
    ['/account timeline vault', "I couldn't find an account called “vault”; /account list shows them all.", 'member'],
  ] as const)('%s → one clear sentence', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
  });
});

describe('/account tasks', () => {
  const titles = async (command: string, user: User) => {
    const result = await t.run(command, user);
    expect(result.status).toBe('ok');
    return { title: result.reply.title, items: listOf(result).items.map((item) => item.title) };
  };

  it('lists the open follow-ups the person may see, soonest due first, each with a Done button', async () => {
    expect(await titles('/account tasks', t.member)).toEqual({
      title: 'Open follow-ups (3)',
      items: ['Send the renewal offer', 'Book the QBR', 'Call Bob'],
    });
    expect((await titles('/account tasks', t.admin)).items).toEqual([
      'Secret thing',
      'Send the renewal offer',
      'Book the QBR',
      'Call Bob',
    ]);
    const first = listOf(await t.run('/account tasks', t.member)).items[0];
    expect(first?.meta).toBe(
      `#${(await t.ws.tasks.list({ accountId: acme.id }))[0]?.id} · Acme Corporation · due 2026-11-20 (overdue) · Ada Admin`,
    );
    expect(first?.buttons?.[0]).toMatchObject({
      actionId: 'task_done',
      command: expect.stringMatching(/^\/account done \d+$/),
    });
  });

  it.each([
    ['/account tasks mine', 'member', 'Your follow-ups (2)', ['Book the QBR', 'Call Bob']],
    ['/account tasks overdue', 'member', 'Open overdue follow-ups (1)', ['Send the renewal offer']],
    ['/account tasks mine overdue', 'admin', 'Your overdue follow-ups (2)', ['Secret thing', 'Send the renewal offer']],
    [
      '/account tasks account:acme',
      'member',
      'Acme Corporation: follow-ups (2)',
      ['Send the renewal offer', 'Book the QBR'],
    ],
    ['/account tasks acme', 'member', 'Acme Corporation: follow-ups (2)', ['Send the renewal offer', 'Book the QBR']],
  ] as const)('%s as %s → %s', async (command, who, title, items) => {
    expect(await titles(command, who === 'admin' ? t.admin : t.member)).toEqual({ title, items });
  });

  it.each([
    ['/account tasks acme account:globex', 'Say the account once, e.g. /account tasks acme overdue.', 'admin'],
    ['/account tasks when:friday', '“when:” is not an option of tasks. Its options are account: for: due:.', 'admin'],
    [
      '/account tasks account:zzqqxx',
      "I couldn't find an account called “zzqqxx”; /account list shows them all.",
      'admin',
    ],
    [
      '/account tasks account:vault',
      "I couldn't find an account called “vault”; /account list shows them all.",
      'member',
    ],
  ] as const)('%s → one clear sentence', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
  });
});

describe('/account task add', () => {
  it('adds a follow-up with the due date written at the end of the text, for the person asking', async () => {
    const result = await t.run('/account task add initech Send the pricing sheet by tuesday', t.member);
    expect(result.status).toBe('ok');
    const id = idIn(result.reply.summary);
    expect(result.reply.summary).toBe(
      `Added follow-up #${id} on Initech (initech): “Send the pricing sheet”, due 2026-12-01.`,
    );
    expect(await t.ws.tasks.byId(id)).toMatchObject({
      accountId: initech.id,
      title: 'Send the pricing sheet',
      dueAt: day('2026-12-01'),
      assigneeId: t.member.id,
      createdById: t.member.id,
      doneAt: null,
    });
    expect(await t.ws.audit.forEntity('task', id)).toMatchObject([
      { action: 'task.create', actorId: t.member.id, origin: 'slack' },
    ]);
  });

  it('reads "by friday" on a Friday as today', async () => {
    const result = await t.run('/account task add initech Confirm the agenda by friday.');
    const task = await t.ws.tasks.byId(idIn(result.reply.summary));
    expect(task).toMatchObject({ title: 'Confirm the agenda', dueAt: day('2026-11-27') });
  });

  it('takes due: and for: options, and an account name in quotes', async () => {
    const result = await t.run('/account task add "Acme Germany" Call Tom about the pilot due:2027-01-15 for:@dana');
    expect(result.status).toBe('ok');
    const id = idIn(result.reply.summary);
    expect(result.reply.summary).toBe(
      `Added follow-up #${id} on Acme Germany (acme-de): “Call Tom about the pilot”, due 2027-01-15 for Dana Scully.`,
    );
    expect(await t.ws.tasks.byId(id)).toMatchObject({
      title: 'Call Tom about the pilot',
      dueAt: day('2027-01-15'),
      assigneeId: dana.id,
      createdById: t.admin.id,
    });
    expect(await t.ws.audit.forEntity('task', id)).toMatchObject([{ action: 'task.create', actorId: t.admin.id }]);
  });

  it('reads a due: phrase relative to today', async () => {
    const result = await t.run('/account task add initech Prepare the demo due:"next tuesday"');
    expect((await t.ws.tasks.byId(idIn(result.reply.summary)))?.dueAt).toEqual(day('2026-12-01'));
  });

  it.each([
    [
      '/account task initech Call Bob',
      'Say add, or the number of the follow-up to change, e.g. /account task add acme Call Bob by friday or /account task 12 due:monday.',
      'admin',
    ],
    [
      '/account task',
      'Say add, or the number of the follow-up to change, e.g. /account task add acme Call Bob by friday or /account task 12 due:monday.',
      'admin',
    ],
    [
      '/account task add initech',
      'Say what needs doing, e.g. /account task add acme Send the renewal offer by friday.',
      'admin',
    ],
    [
      '/account task add initech Call Bob due:someday',
      "I can't read “someday” as a due date; try friday, next tuesday, in 2 weeks or 2027-03-31.",
      'admin',
    ],
    [
      '/account task add initech Call Bob due:3/4/2027',
      '“3/4/2027” could be two dates; write it as 2027-03-04 or 4 March 2027.',
      'admin',
    ],
    ['/account task add initech Call Bob due:1999-01-01', '1999-01-01 is too far off to be a due date.', 'admin'],
    [
      '/account task add initech Call Bob for:@nobody',
      "I don't know anyone called “nobody” here; people become known to kam-bot when they first use it.",
      'admin',
    ],
    [
      `/account task add initech ${'x'.repeat(201)}`,
      'A task can be at most 200 characters; put the details in a note.',
      'admin',
    ],
    [
      '/account task add zzqqxx Call Bob',
      "I couldn't find an account called “zzqqxx”; /account list shows them all.",
      'admin',
    ],
    [
      '/account task add vault Call Bob',
      "I couldn't find an account called “vault”; /account list shows them all.",
      'member',
    ],
  ] as const)('%s → one clear sentence, no follow-up added', async (command, message, who) => {
    const before = await t.ws.tasks.list({ includeDone: true }, 5_000);
    await refused(command, message, who === 'admin' ? t.admin : t.member);
    expect(await t.ws.tasks.list({ includeDone: true }, 5_000)).toEqual(before);
  });
});

describe('/account done', () => {
  let workshop: number;
  let slides: number;
  let secret: number;

  beforeAll(async () => {
    workshop = (
      await t.ws.tasks.add(
        { accountId: globex.id, title: 'Confirm the workshop date', assigneeId: t.member.id },
        SYSTEM_ACTOR,
      )
    ).id;
    slides = (await t.ws.tasks.add({ accountId: globex.id, title: 'Send the slides' }, SYSTEM_ACTOR)).id;
    secret = (await t.ws.tasks.add({ accountId: vault.id, title: 'Check the vault' }, SYSTEM_ACTOR)).id;
  });

  it('marks the follow-up done now, and records who did it', async () => {
    const result = await t.run(`/account done ${workshop}`, t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Done: “Confirm the workshop date” (Globex).');
    expect((await t.ws.tasks.byId(workshop))?.doneAt).toEqual(NOW);
    expect((await t.ws.audit.forEntity('task', workshop, 1))[0]).toMatchObject({
      action: 'task.done',
      actorId: t.member.id,
    });
  });

  it('takes the number with a #', async () => {
    expect((await t.run(`/account done #${slides}`)).status).toBe('ok');
    expect((await t.ws.tasks.byId(slides))?.doneAt).toEqual(NOW);
    expect((await t.ws.audit.forEntity('task', slides, 1))[0]).toMatchObject({
      action: 'task.done',
      actorId: t.admin.id,
    });
  });

  it('says when the follow-up was already done, and writes nothing', async () => {
    const before = rowCounts(db.path);
    const result = await t.run(`/account done ${workshop}`);
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe(
      `Follow-up #${workshop} “Confirm the workshop date” was already done on 2026-11-27.`,
    );
    expect(rowCounts(db.path)).toEqual(before);
  });

  it.each([
    ['/account done', 'Say which follow-up is done, by its number: /account done 42.', 'admin'],
    ['/account done soon', 'Say which follow-up is done, by its number: /account done 42.', 'admin'],
    ['/account done 999999', 'There is no follow-up #999999; /account tasks lists them.', 'admin'],
  ] as const)('%s → one clear sentence, nothing done', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
  });

  it('treats a follow-up on a restricted account as missing for people outside its team', async () => {
    await refused(`/account done ${secret}`, `There is no follow-up #${secret}; /account tasks lists them.`, t.member);
    expect((await t.ws.tasks.byId(secret))?.doneAt).toBeNull();
  });
});

describe('/account search', () => {
  beforeAll(async () => {
    const old = await t.ws.accounts.create({ key: 'oldco', name: 'Old Company' }, SYSTEM_ACTOR);
    await t.ws.notes.add({ accountId: old.id, body: 'An old budget discussion' }, SYSTEM_ACTOR);
    await t.ws.accounts.archive(old.id, SYSTEM_ACTOR, daysAgo(30));
  });

  it('finds notes by word, leaving out archived accounts and those the person may not see', async () => {
    const forAdmin = await t.run('/account search budget');
    expect(forAdmin.status).toBe('ok');
    expect(forAdmin.reply.summary).toBe('2 results for “budget”');
    expect(listOf(forAdmin, 2).items.map((item) => item.text)).toEqual(
      expect.arrayContaining(['Kick-off with the CFO, budget approval expected in Q1', 'The vault budget is a secret']),
    );
    expect(forAdmin.text).not.toContain('An old budget discussion');

    const forMember = await t.run('/account search budget', t.member);
    expect(listOf(forMember, 2).items).toEqual([
      { title: 'Acme Corporation (acme) · 2026-11-22', text: 'Kick-off with the CFO, budget approval expected in Q1' },
    ]);
    expect(forMember.text).not.toContain('vault');
  });

  it('counts a single result as one result', async () => {
    expect((await t.run('/account search budget', t.member)).reply.summary).toBe('1 result for “budget”');
  });

  it('finds accounts by the start of their name and contacts by name', async () => {
    const accounts = await t.run('/account search acm');
    expect(listOf(accounts, 0).items.map((item) => item.buttons?.[0]?.command)).toEqual(
      expect.arrayContaining(['/account show acme', '/account show acme-de']),
    );
    const contacts = await t.run('/account find jane');
    expect(listOf(contacts, 1).items).toEqual([{ title: 'Jane Roe, CFO', meta: 'Acme Corporation (acme)' }]);
  });

  it('says when nothing was found', async () => {
    const result = await t.run('/account search zebra');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Nothing found for “zebra”.');
  });

  it.each([
    ['/account search', 'Say what to look for, e.g. /account search budget approval.'],
    ['/account search x', 'Say what to look for, e.g. /account search budget approval.'],
    [`/account search ${'y'.repeat(201)}`, 'Search for at most 200 characters.'],
  ])('%s → one clear sentence', async (command, message) => {
    await refused(command, message);
  });
});

describe('save this thread', () => {
  const engine = new CommandEngine(silentLogger);

  /** A thread that records what it was asked to save. */
  function thread(): ThreadCapture & { saved: Account[] } {
    const saved: Account[] = [];
    return {
      saved,
      async save(account) {
        saved.push(account);
        return reply({ tone: 'success', summary: `Saved the thread to ${account.name}.` });
      },
    };
  }

  const withThread = (capture: ThreadCapture, user: User = t.member): RequestContext => ({
    ...t.context(user),
    thread: capture,
  });

  it.each(['save this thread to acme', '/account savethread acme'])(
    '%s in the console → one clear sentence, nothing saved',
    async (typed) => {
      await refused(
        typed,
        'Saving a thread works inside a Slack thread: reply there with “@kam save this thread to <account>”.',
      );
    },
  );

  it('hands the resolved account to the thread capture and answers with its reply', async () => {
    const capture = thread();
    const outcome = await engine.handle('save this thread to Acme Corporation', withThread(capture));
    expect(outcome.status).toBe('ok');
    expect(outcome.reply.summary).toBe('Saved the thread to Acme Corporation.');
    expect(capture.saved.map((account) => account.id)).toEqual([acme.id]);
  });

  it.each([
    ['/account savethread', 'Say which account the thread is about, e.g. “save this thread to acme”.'],
    ['save this thread to zzqqxx', "I couldn't find an account called “zzqqxx”; /account list shows them all."],
    ['save this thread to vault', "I couldn't find an account called “vault”; /account list shows them all."],
  ])('%s in a thread → one clear sentence, nothing saved', async (typed, message) => {
    const capture = thread();
    const before = rowCounts(db.path);
    const outcome = await engine.handle(typed, withThread(capture));
    expect(outcome.status).toBe('user_error');
    expect(rowCounts(db.path)).toEqual(before);
    expect(outcome.reply.summary).toBe(message);
    expect(capture.saved).toEqual([]);
  });
});
