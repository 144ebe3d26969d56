// Records that can be kept right (issue 13): notes edited and deleted, follow-ups moved and reassigned, contacts who
// left or were entered by mistake, unarchiving, a won deal reopened only when confirmed, values with spaces kept
// whole, and a person named with spaces wherever a person is taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandEngine } from '../../src/commands/engine.ts';
import type { Account, User } from '../../src/domain/records.ts';
import { silentLogger } from '../../src/logger.ts';
import { renderText } from '../../src/replies/text.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
let acme: Account;
let katrin: User;
const DAY = 86_400_000;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  katrin = await t.ws.users.ensureFromIdentity({ platform: 'slack', externalId: 'U-KV', displayName: 'Katrin Vogel' });
  acme = await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation', ownerId: t.admin.id }, SYSTEM_ACTOR);
});
afterAll(() => db.close());

async function german(text: string, user: User = t.admin): Promise<string> {
  const outcome = await new CommandEngine(silentLogger).handle(text, { ...t.context(user), locale: 'de' });
  return renderText(outcome.reply);
}

describe('a note', () => {
  it('is edited by its author: new text, tags and sentiment, marked edited, the earlier text audited', async () => {
    const saved = await t.ws.notes.add(
      { accountId: acme.id, body: 'Budget approved', authorId: t.member.id },
      { userId: t.member.id, origin: 'slack' },
    );
    const id = saved.note.id;
    const result = await t.run(`/account note ${id} edit Budget approved for phase 2 #win`, t.member);
    expect(result.reply.summary).toBe(`Updated note #${id} at Acme Corporation (acme).`);
    expect(await t.ws.notes.byId(id)).toMatchObject({
      body: 'Budget approved for phase 2 #win',
      tags: ['win'],
      sentiment: 'positive',
      editedAt: NOW,
    });
    expect((await t.ws.audit.forEntity('note', id, 1))[0]).toMatchObject({
      action: 'note.edit',
      actorId: t.member.id,
      details: { before: { body: 'Budget approved', sentiment: 'neutral' } },
    });
    const listed = await t.run('/account notes acme');
    expect(listed.text).toContain(`edited · #${id} — Budget approved for phase 2 #win`);
  });

  it('is deleted by its author or an admin, never by someone else, and its follow-ups stay', async () => {
    const saved = await t.ws.notes.add(
      {
        accountId: acme.id,
        body: 'Wrong account, sorry',
        authorId: t.member.id,
        tasks: [{ title: 'Call back', dueAt: new Date(NOW.getTime() + DAY) }],
      },
      { userId: t.member.id, origin: 'slack' },
    );
    const id = saved.note.id;
    const before = await rowCounts(db.path);
    const refused = await t.run(`/account note ${id} delete`, katrin);
    expect(refused.status).toBe('user_error');
    expect(refused.reply.summary).toBe(`Only the person who wrote note ${id} or an admin can change it.`);
    expect(await rowCounts(db.path)).toEqual(before);

    expect(await german(`/account note ${id} löschen`)).toBe(
      `Notiz #${id} aus Acme Corporation (acme) gelöscht; das Änderungsprotokoll behält ihren Text.`,
    );
    expect(await t.ws.notes.byId(id)).toBeNull();
    expect(await t.ws.tasks.byId(saved.tasks[0]?.id ?? 0)).toMatchObject({ title: 'Call back', noteId: null });
    expect((await t.ws.audit.forEntity('note', id, 1))[0]).toMatchObject({
      action: 'note.delete',
      actorId: t.admin.id,
      details: { removed: { body: 'Wrong account, sorry' } },
    });
    expect((await t.run(`/account note ${id} edit again`)).reply.summary).toBe(
      `There is no note ${id}; the numbers are shown beside each note in /account notes <account>.`,
    );
  });
});

describe('a follow-up', () => {
  it('gets a new due date and assignee, named with spaces, and the audit keeps what they were', async () => {
    const task = await t.ws.tasks.add(
      { accountId: acme.id, title: 'Send the quote', dueAt: new Date('2026-11-30T12:00:00Z'), assigneeId: t.admin.id },
      SYSTEM_ACTOR,
    );
    const moved = await t.run(`task ${task.id} due:2026-12-07 for:@"Katrin Vogel"`);
    expect(moved.reply.summary).toBe(
      `Follow-up #${task.id} at Acme Corporation (acme): Send the quote, due 2026-12-07, for Katrin Vogel.`,
    );
    expect(await t.ws.tasks.byId(task.id)).toMatchObject({ assigneeId: katrin.id });
    expect((await t.ws.tasks.byId(task.id))?.dueAt?.toISOString().slice(0, 10)).toBe('2026-12-07');
    expect((await t.ws.audit.forEntity('task', task.id, 1))[0]).toMatchObject({
      action: 'task.update',
      details: { fields: ['dueAt', 'assigneeId'] },
    });
    expect(await german(`/account task ${task.id} due:keine`)).toBe(
      `Nachfass-Aufgabe #${task.id} bei Acme Corporation (acme): Send the quote, ohne Fälligkeit, für Katrin Vogel.`,
    );
    expect((await t.ws.tasks.byId(task.id))?.dueAt).toBeNull();
  });

  it('says which words it did not use instead of dropping them, and changes nothing', async () => {
    const task = await t.ws.tasks.add({ accountId: acme.id, title: 'Book the visit' }, SYSTEM_ACTOR);
    const before = await rowCounts(db.path);
    const result = await t.run(`/account task ${task.id} monday please`);
    expect(result.status).toBe('user_error');
    expect(result.reply.summary).toBe(
      '“monday please” is not part of any option, so nothing was changed; write it after the option it belongs to, e.g. phone:+49 89 1234.',
    );
    expect(await rowCounts(db.path)).toEqual(before);
  });
});

describe('a contact', () => {
  it('keeps a value with spaces whole: phone:+49 89 1234 5678', async () => {
    const jane = await t.ws.contacts.add({ accountId: acme.id, name: 'Jane Roe' }, SYSTEM_ACTOR);
    const result = await t.run(`/account contact ${jane.id} phone:+49 89 1234 5678 title:Head of IT`);
    expect(result.reply.summary).toBe('Updated Jane Roe at Acme Corporation (acme).');
    expect(await t.ws.contacts.byId(jane.id)).toMatchObject({ phone: '+49 89 1234 5678', title: 'Head of IT' });
  });

  it('who left stays in the history, leaves the card and the health score, and can come back', async () => {
    const ute = await t.ws.contacts.add(
      { accountId: acme.id, name: 'Ute Hoffmann', buyingRole: 'economic_buyer', relationship: -2, influence: 5 },
      SYSTEM_ACTOR,
    );
    const hostile = await t.run('/account health acme');
    expect(hostile.text).toContain('economic buyer Ute Hoffmann (influence 5/5) is hostile');

    const left = await t.run(`contact ${ute.id} left`, t.member);
    expect(left.reply.summary).toBe(
      `Ute Hoffmann has left Acme Corporation (acme): kept in the history, no longer counted in coverage or health. /account contact ${ute.id} back undoes it.`,
    );
    expect((await t.ws.contacts.byId(ute.id))?.leftAt).toEqual(NOW);
    expect((await t.run('/account contacts acme')).text).toContain('left 2026-11-27');
    expect((await t.run('/account show acme')).text).not.toContain('Ute Hoffmann');
    expect((await t.run('/account health acme')).text).not.toContain('Ute Hoffmann');

    await t.run(`/account contact ${ute.id} back`);
    expect((await t.ws.contacts.byId(ute.id))?.leftAt).toBeNull();
  });

  it('entered by mistake is removed by the account team or an admin, its record kept in the audit trail', async () => {
    const typo = await t.ws.contacts.add({ accountId: acme.id, name: 'Jnae Roe' }, SYSTEM_ACTOR);
    const refused = await t.run(`/account contact ${typo.id} remove`, katrin);
    expect(refused.status).toBe('user_error');
    expect(await t.ws.contacts.byId(typo.id)).not.toBeNull();
    const removed = await t.run(`/account contact ${typo.id} remove`);
    expect(removed.reply.summary).toBe(
      'Removed Jnae Roe from Acme Corporation (acme); the audit trail keeps what was recorded.',
    );
    expect(await t.ws.contacts.byId(typo.id)).toBeNull();
    expect((await t.ws.audit.forEntity('contact', typo.id, 1))[0]).toMatchObject({
      action: 'contact.delete',
      details: { removed: { name: 'Jnae Roe' } },
    });
  });
});

describe('an account', () => {
  it('comes back from the archive with its notes, and says so when it was not archived', async () => {
    const old = await t.ws.accounts.create({ key: 'initech', name: 'Initech', ownerId: t.admin.id }, SYSTEM_ACTOR);
    await t.run('/account archive initech');
    expect((await t.run('/account show initech')).status).toBe('user_error');
    const back = await t.run('/account unarchive initech');
    expect(back.reply.summary).toBe(
      'Initech (initech) is back: in lists, searches and digests again, with its notes and history.',
    );
    expect((await t.ws.accounts.byId(old.id))?.archivedAt).toBeNull();
    expect((await t.ws.audit.forEntity('account', old.id, 1))[0]?.action).toBe('account.unarchive');
    expect(await german('/account unarchive initech')).toBe('Initech (initech) ist nicht archiviert.');
  });

  it('with only a renewal date is not green: its own group, saying what is missing', async () => {
    await t.ws.accounts.create(
      { key: 'quellbach', name: 'Quellbach Energie', renewalAt: new Date(NOW.getTime() + 41 * DAY) },
      SYSTEM_ACTOR,
    );
    const listed = await t.run('/account list');
    expect(listed.text).toMatch(/not enough data yet/);
    expect(listed.text).toContain(
      'Quellbach Energie (quellbach) — not enough data yet: no interactions recorded yet; no contacts recorded yet',
    );
    expect(listed.text).not.toMatch(/🟢 Quellbach/);
  });
});

describe('a won deal', () => {
  it('moved off won by stage: asks first and changes nothing until confirmed', async () => {
    const deal = await t.ws.opportunities.add(
      { accountId: acme.id, title: 'Rollout', stage: 'won', currency: 'EUR', closedAt: new Date('2026-10-01') },
      SYSTEM_ACTOR,
    );
    const before = await rowCounts(db.path);
    const asked = await t.run(`/account opp ${deal.id} stage:negotiate`);
    expect(asked.reply.summary).toBe(
      `Opportunity #${deal.id} “Rollout” was won on 2026-10-01. Reopen it as negotiate? Nothing changed yet; say it again with reopen:yes (or press Reopen).`,
    );
    expect(asked.text).toContain(`/account opp ${deal.id} stage:negotiate reopen:yes`);
    expect(await rowCounts(db.path)).toEqual(before);
    expect((await t.ws.opportunities.byId(deal.id))?.stage).toBe('won');
    await t.run(`/account opp ${deal.id} stage:negotiate reopen:yes`);
    expect((await t.ws.opportunities.byId(deal.id))?.stage).toBe('negotiate');
  });

  it('keeps no quotes in a title typed in quotes', async () => {
    const added = await t.run('/account opp add acme "Rollout phase 2" value:1.6M stage:propose');
    expect(added.reply.summary).toContain('“Rollout phase 2”');
    expect(added.reply.summary).not.toContain('"');
  });
});

describe('the timeline', () => {
  it('says what changed, with contacts and opportunity edits among the events', async () => {
    const globex = await t.ws.accounts.create(
      { key: 'globex', name: 'Globex', tier: 'B', ownerId: t.admin.id },
      SYSTEM_ACTOR,
    );
    await t.run('/account edit globex tier:A');
    await t.run('/account owner globex @"Katrin Vogel"');
    await t.run('/account health globex override:35 reason:"CFO leaves"');
    const hans = await t.ws.contacts.add({ accountId: globex.id, name: 'Hans Berg' }, SYSTEM_ACTOR);
    await t.run(`/account contact ${hans.id} left`);
    const deal = await t.ws.opportunities.add(
      { accountId: globex.id, title: 'Pilot', stage: 'propose', currency: 'EUR' },
      SYSTEM_ACTOR,
    );
    await t.run(`/account opp ${deal.id} value:50k`);
    const shown = (await t.run('/account timeline globex')).text;
    for (const line of [
      'Account changed — Tier B → A',
      'Account changed — Owner Ada Admin → Katrin Vogel',
      'Account changed — gut feel 35 set: CFO leaves',
      'Left the customer: Hans Berg',
      'Contact added: Hans Berg',
      'Opportunity changed: Pilot (value)',
    ]) {
      expect(shown).toContain(line);
    }
    expect(await german('/account timeline globex')).toContain('Konto geändert — Stufe B → A');
  });
});

describe('merging two accounts', () => {
  it('asks first, then moves every record, keeps the old name finding the account, and audits it in full', async () => {
    const into = await t.ws.accounts.create(
      { key: 'umbrella', name: 'Umbrella Corp', ownerId: t.admin.id },
      SYSTEM_ACTOR,
    );
    const dup = await t.ws.accounts.create(
      { key: 'umbrella-gmbh', name: 'Umbrella Deutschland GmbH', ownerId: katrin.id },
      SYSTEM_ACTOR,
    );
    const note = await t.ws.notes.add({ accountId: dup.id, body: 'Met the buyer' }, SYSTEM_ACTOR);
    const contact = await t.ws.contacts.add({ accountId: dup.id, name: 'Eva Stein' }, SYSTEM_ACTOR);
    const task = await t.ws.tasks.add({ accountId: dup.id, title: 'Send the offer' }, SYSTEM_ACTOR);
    const deal = await t.ws.opportunities.add(
      { accountId: dup.id, title: 'Rollout', stage: 'propose', currency: 'EUR' },
      SYSTEM_ACTOR,
    );

    const member = await t.run('/account merge umbrella-gmbh into umbrella confirm:yes', t.member);
    expect(member.reply.summary).toBe('Only an admin can merge accounts.');
    const before = await rowCounts(db.path);
    const asked = await t.run('/account merge umbrella-gmbh into umbrella');
    expect(asked.reply.summary).toMatch(/^Merge Umbrella Deutschland GmbH \(umbrella-gmbh\) into Umbrella Corp/);
    expect(asked.text).toContain('/account merge umbrella-gmbh into umbrella confirm:yes');
    expect(await rowCounts(db.path)).toEqual(before);

    const done = await t.run('/account merge umbrella-gmbh into umbrella confirm:yes');
    expect(done.reply.summary).toBe(
      'Merged Umbrella Deutschland GmbH (umbrella-gmbh) into Umbrella Corp (umbrella): 1 note, 1 contact, 1 opportunity, 1 follow-up and 1 team member moved.',
    );
    expect((await t.ws.notes.byId(note.note.id))?.accountId).toBe(into.id);
    expect((await t.ws.contacts.byId(contact.id))?.accountId).toBe(into.id);
    expect((await t.ws.tasks.byId(task.id))?.accountId).toBe(into.id);
    expect((await t.ws.opportunities.byId(deal.id))?.accountId).toBe(into.id);
    expect(await t.ws.members.isMember(into.id, katrin.id)).toBe(true);
    expect((await t.ws.accounts.byId(dup.id))?.archivedAt).toEqual(NOW);
    // The old key and name now find the account it went into.
    expect((await t.run('/account show umbrella-gmbh')).reply.title).toBe('Umbrella Corp (umbrella)');
    expect((await t.run('/account show Umbrella Deutschland GmbH')).reply.title).toBe('Umbrella Corp (umbrella)');
    expect((await t.ws.audit.forEntity('account', into.id, 1))[0]).toMatchObject({
      action: 'account.merge',
      details: {
        from: { id: dup.id, key: 'umbrella-gmbh' },
        moved: { notes: [note.note.id], contacts: [contact.id], tasks: [task.id], opportunities: [deal.id] },
      },
    });
    expect(await german('/account merge umbrella into umbrella')).toBe(
      'Das ist zweimal Umbrella Corp; nenn das doppelte Konto und das, in das es geht.',
    );
  });
});
