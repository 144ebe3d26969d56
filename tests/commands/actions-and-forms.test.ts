// Buttons (engine.action) and submitted forms (engine.submit): the same rules as typed commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/commands/context.ts';
import { CommandEngine } from '../../src/commands/engine.ts';
import type { Account, User } from '../../src/domain/records.ts';
import { silentLogger } from '../../src/logger.ts';
import type { FormBlock } from '../../src/replies/reply.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { idIn } from '../helpers/replies.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

const engine = new CommandEngine(silentLogger);

let db: TestDatabase;
let t: TestWorkspace;
let acme: Account;
let globex: Account;
let vault: Account;
let archived: Account;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  acme = await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation', ownerId: t.admin.id }, SYSTEM_ACTOR);
  globex = await t.ws.accounts.create({ key: 'globex', name: 'Globex', ownerId: t.member.id }, SYSTEM_ACTOR);
  vault = await t.ws.accounts.create(
    { key: 'vault', name: 'Vault-Tec', ownerId: t.admin.id, visibility: 'restricted' },
    SYSTEM_ACTOR,
  );
  archived = await t.ws.accounts.create({ key: 'oldco', name: 'Old Company' }, SYSTEM_ACTOR);
  await t.ws.accounts.archive(archived.id, SYSTEM_ACTOR, NOW);
});
afterAll(() => db.close());

const ctx = (user: User = t.admin): RequestContext => ({ ...t.context(user), surface: { forms: true, buttons: true } });

/** Checks a failed outcome: its sentence, and that nothing was written while it ran. */
async function refusedWith(run: () => Promise<{ status: string; reply: { summary: string } }>, message: string) {
  const before = rowCounts(db.path);
  const outcome = await run();
  expect(outcome.status).toBe('user_error');
  expect(rowCounts(db.path)).toEqual(before);
  expect(outcome.reply.summary).toBe(message);
}

describe('engine.action', () => {
  it('account_show shows the account card', async () => {
    const outcome = await engine.action('account_show', String(acme.id), ctx(t.member));
    expect(outcome.status).toBe('ok');
    expect(outcome.reply.title).toBe('Acme Corporation (acme)');
  });

  it.each([
    ['an id that is not a number', (): string => 'abc', 'admin'],
    ['an archived account', (): string => String(archived.id), 'admin'],
    ['a restricted account outside the team', (): string => String(vault.id), 'member'],
  ] as const)('account_show with %s → one clear sentence', async (_case, value, who) => {
    await refusedWith(
      () => engine.action('account_show', value(), ctx(who === 'admin' ? t.admin : t.member)),
      'That account is no longer there.',
    );
  });

  it('task_done marks the follow-up done and records who pressed the button', async () => {
    const task = await t.ws.tasks.add({ accountId: globex.id, title: 'Send the minutes' }, SYSTEM_ACTOR);
    const outcome = await engine.action('task_done', String(task.id), ctx(t.member));
    expect(outcome.status).toBe('ok');
    expect(outcome.reply.summary).toBe('Done: “Send the minutes” (Globex).');
    expect((await t.ws.tasks.byId(task.id))?.doneAt).toEqual(NOW);
    expect((await t.ws.audit.forEntity('task', task.id, 1))[0]).toMatchObject({
      action: 'task.done',
      actorId: t.member.id,
    });
  });

  it.each([
    ['999999', 'There is no follow-up #999999; /account tasks lists them.'],
    ['soon', 'Say which follow-up is done, by its number: /account done 42.'],
  ])('task_done with %s → one clear sentence, nothing done', async (value, message) => {
    await refusedWith(() => engine.action('task_done', value, ctx()), message);
  });

  it('note_open opens the note form for the account, and writes nothing', async () => {
    const before = rowCounts(db.path);
    const outcome = await engine.action('note_open', String(acme.id), ctx(t.member));
    expect(outcome.status).toBe('ok');
    const form = outcome.reply.blocks[0] as FormBlock;
    expect(form).toMatchObject({ type: 'form', formId: 'note_new', title: 'Note on Acme Corporation' });
    expect(form.fields.find((field) => field.name === 'account')?.value).toBe(String(acme.id));
    expect(rowCounts(db.path)).toEqual(before);
  });

  it('note_open for an account that is gone → one clear sentence', async () => {
    await refusedWith(() => engine.action('note_open', String(archived.id), ctx()), 'That account is no longer there.');
  });

  it('account_choose runs the command the choice stands for, as the person who chose', async () => {
    const before = await t.ws.notes.countForAccount(acme.id);
    const outcome = await engine.action('account_choose', '/account note acme Picked from the list', ctx(t.member));
    expect(outcome.status).toBe('ok');
    expect(outcome.reply.summary).toBe('Saved a note to Acme Corporation (acme).');
    expect(await t.ws.notes.countForAccount(acme.id)).toBe(before + 1);
    const [note] = await t.ws.notes.forAccount(acme.id, 1);
    expect(note).toMatchObject({ body: 'Picked from the list', authorId: t.member.id });
    expect(await t.ws.audit.forEntity('note', note?.id ?? 0)).toMatchObject([
      { action: 'note.create', actorId: t.member.id },
    ]);
  });

  it('account_choose with a command that does not exist → one clear sentence', async () => {
    await refusedWith(
      () => engine.action('account_choose', '/account frobnicate acme', ctx()),
      'There is no command “frobnicate”.',
    );
  });

  it('an unknown button → one clear sentence, nothing written', async () => {
    await refusedWith(
      () => engine.action('launch_missiles', String(acme.id), ctx()),
      'That button no longer works; type the command instead.',
    );
  });
});

describe('engine.submit', () => {
  describe('account_new', () => {
    it('creates the account from the form, owned by the person picked, and records who created it', async () => {
      const outcome = await engine.submit(
        'account_new',
        { name: 'Hooli', tier: 'A', owner: String(t.member.id), parent: '', region: '', country: 'USA' },
        undefined,
        ctx(),
      );
      expect(outcome.status).toBe('ok');
      expect(outcome.reply.summary).toBe('Created Hooli (hooli): tier A (strategic), owner Max Member.');
      const hooli = await t.ws.accounts.byKey('hooli');
      expect(hooli).toMatchObject({ name: 'Hooli', tier: 'A', ownerId: t.member.id, country: 'USA', region: null });
      expect(await t.ws.audit.forEntity('account', hooli?.id ?? 0)).toMatchObject([
        { action: 'account.create', actorId: t.admin.id },
      ]);
    });

    it.each([
      [{ name: '', tier: 'A' }, 'Give the account a name.'],
      [{ name: 'Initech', tier: 'Z' }, 'The tier must be A (strategic), B (key) or C (development).'],
      [{ name: 'Initech', owner: '999999' }, 'That person is not known here; pick another.'],
      [{ name: 'Initech', parent: String(9_999_999) }, 'That account is no longer there; pick another.'],
      [{ name: 'Initech', owner: 'Dana' }, 'Pick one from the list.'],
      [{ name: 'ACME Corp.' }, 'There is already an account called Acme Corporation (acme).'],
    ])('%o → one clear sentence, no account created', async (values, message) => {
      const count = await t.ws.accounts.count(true);
      await refusedWith(() => engine.submit('account_new', values, undefined, ctx()), message);
      expect(await t.ws.accounts.count(true)).toBe(count);
    });
  });

  describe('account_edit', () => {
    const values = {
      name: 'Globex Corporation',
      tier: 'A',
      status: 'on hold',
      region: 'APAC',
      country: '',
      sector: 'Energy',
      renewal: '2027-03-31',
      strategy: 'Become their sole supplier',
    };

    it('saves the form on the account named in its state, and records who saved it', async () => {
      const outcome = await engine.submit('account_edit', values, String(globex.id), ctx(t.member));
      expect(outcome.status).toBe('ok');
      expect(outcome.reply.summary).toBe('Saved Globex Corporation (globex).');
      expect(await t.ws.accounts.byId(globex.id)).toMatchObject({
        name: 'Globex Corporation',
        tier: 'A',
        status: 'on_hold',
        region: 'APAC',
        country: null,
        sector: 'Energy',
        renewalAt: new Date('2027-03-31T12:00:00Z'),
        strategy: 'Become their sole supplier',
      });
      expect((await t.ws.audit.forEntity('account', globex.id, 1))[0]).toMatchObject({
        action: 'account.update',
        actorId: t.member.id,
      });
    });

    it.each([
      [
        'a bad tier',
        { ...values, tier: 'Z' },
        () => String(globex.id),
        'member',
        'The tier must be A (strategic), B (key) or C (development).',
      ],
      [
        'a bad renewal date',
        { ...values, renewal: 'someday' },
        () => String(globex.id),
        'member',
        "I can't read “someday” as a renewal date; try friday, next tuesday, in 2 weeks or 2027-03-31.",
      ],
      [
        'a bad status',
        { ...values, status: 'sleeping' },
        () => String(globex.id),
        'member',
        'The status must be active, prospect, on hold, churned.',
      ],
      [
        'an account outside the team',
        values,
        () => String(acme.id),
        'member',
        'Only the account team of Acme Corporation or an admin can change it.',
      ],
      [
        'an archived account',
        values,
        () => String(archived.id),
        'admin',
        'That account is no longer there; pick another.',
      ],
    ] as const)('with %s → one clear sentence, account unchanged', async (_case, form, state, who, message) => {
      const before = await t.ws.accounts.byId(Number(state()));
      await refusedWith(
        () => engine.submit('account_edit', { ...form }, state(), ctx(who === 'admin' ? t.admin : t.member)),
        message,
      );
      expect(await t.ws.accounts.byId(Number(state()))).toEqual(before);
    });
  });

  describe('note_new', () => {
    it('saves the note with its tags and follow-ups, and records who saved it', async () => {
      const outcome = await engine.submit(
        'note_new',
        { account: String(acme.id), body: 'Met the CFO, budget approved #win\ntodo: send the offer by tuesday' },
        undefined,
        ctx(t.member),
      );
      expect(outcome.status).toBe('ok');
      expect(outcome.reply.summary).toBe('Saved a note to Acme Corporation (acme).');
      const [note] = await t.ws.notes.forAccount(acme.id, 1);
      expect(note).toMatchObject({
        body: 'Met the CFO, budget approved #win\ntodo: send the offer by tuesday',
        authorId: t.member.id,
        tags: ['win'],
        sentiment: 'positive',
        occurredAt: NOW,
      });
      const task = (await t.ws.tasks.list({ accountId: acme.id })).find((candidate) => candidate.noteId === note?.id);
      expect(task).toMatchObject({
        title: 'send the offer',
        dueAt: new Date('2026-12-01T12:00:00Z'),
        assigneeId: t.member.id,
      });
      expect(await t.ws.audit.forEntity('note', note?.id ?? 0)).toMatchObject([
        { action: 'note.create', actorId: t.member.id },
      ]);
    });

    it.each([
      [
        'a blank note',
        () => ({ account: String(acme.id), body: '   ' }),
        'Write the note after the account, e.g. /account note acme Met the CFO, budget approved.',
      ],
      ['no account', () => ({ account: '', body: 'Hello' }), 'Pick one from the list.'],
      [
        'an archived account',
        () => ({ account: String(archived.id), body: 'Hello' }),
        'That account is no longer there; pick another.',
      ],
      [
        'a note that is too long',
        () => ({ account: String(acme.id), body: 'x'.repeat(40_001) }),
        'A note can be at most 40,000 characters.',
      ],
    ])('with %s → one clear sentence, no note saved', async (_case, values, message) => {
      const before = await t.ws.notes.countForAccount(acme.id);
      await refusedWith(() => engine.submit('note_new', values(), undefined, ctx()), message);
      expect(await t.ws.notes.countForAccount(acme.id)).toBe(before);
    });
  });

  describe('task_new', () => {
    it('adds the follow-up for the person picked, and records who added it', async () => {
      const outcome = await engine.submit(
        'task_new',
        { account: String(acme.id), title: 'Send the offer', due: '2027-01-15', assignee: String(t.admin.id) },
        undefined,
        ctx(t.member),
      );
      expect(outcome.status).toBe('ok');
      const id = idIn(outcome.reply.summary);
      expect(await t.ws.tasks.byId(id)).toMatchObject({
        accountId: acme.id,
        title: 'Send the offer',
        dueAt: new Date('2027-01-15T12:00:00Z'),
        assigneeId: t.admin.id,
        createdById: t.member.id,
      });
      expect(await t.ws.audit.forEntity('task', id)).toMatchObject([{ action: 'task.create', actorId: t.member.id }]);
    });

    it('answers like /account task add, naming the person when it is someone else’s follow-up', async () => {
      const outcome = await engine.submit(
        'task_new',
        { account: String(acme.id), title: 'Book the venue', due: '2027-01-15', assignee: String(t.admin.id) },
        undefined,
        ctx(t.member),
      );
      const id = idIn(outcome.reply.summary);
      expect(outcome.reply.summary).toBe(
        `Added follow-up #${id} on Acme Corporation (acme): “Book the venue”, due 2027-01-15 for Ada Admin.`,
      );
    });

    it('leaves the due date empty and gives it to the person submitting when those are blank', async () => {
      const outcome = await engine.submit(
        'task_new',
        { account: String(globex.id), title: 'Call Bob', due: '', assignee: '' },
        undefined,
        ctx(t.member),
      );
      expect(await t.ws.tasks.byId(idIn(outcome.reply.summary))).toMatchObject({
        title: 'Call Bob',
        dueAt: null,
        assigneeId: t.member.id,
      });
    });

    it.each([
      [
        'a due date that is not a date',
        () => ({ account: String(globex.id), title: 'Call Bob', due: 'someday' }),
        "I can't read “someday” as a due date; try friday, next tuesday, in 2 weeks or 2027-03-31.",
      ],
      [
        'no title',
        () => ({ account: String(globex.id), title: '' }),
        'Say what needs doing, e.g. /account task add acme Send the renewal offer by friday.',
      ],
      [
        'an unknown assignee',
        () => ({ account: String(globex.id), title: 'Call Bob', assignee: '999999' }),
        'That person is not known here; pick another.',
      ],
      [
        'a restricted account outside the team',
        () => ({ account: String(vault.id), title: 'Call Bob' }),
        'That account is no longer there; pick another.',
      ],
    ])('with %s → one clear sentence, no follow-up added', async (_case, values, message) => {
      const before = await t.ws.tasks.list({ includeDone: true }, 5_000);
      await refusedWith(() => engine.submit('task_new', values(), undefined, ctx(t.member)), message);
      expect(await t.ws.tasks.list({ includeDone: true }, 5_000)).toEqual(before);
    });
  });

  it('an unknown form → one clear sentence, nothing written', async () => {
    await refusedWith(
      () => engine.submit('account_delete', { account: String(acme.id) }, undefined, ctx()),
      'That form is out of date; open it again.',
    );
  });
});
