// health <account>, the gut-feel override (override: and override:clear) and health settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandEngine, type Outcome } from '../../src/commands/engine.ts';
import { isoWeekKey } from '../../src/domain/health-trend.ts';
import type { Account, User } from '../../src/domain/records.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Block, FieldsBlock, ListBlock } from '../../src/replies/reply.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { refuser } from '../helpers/replies.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;
let solo: Account;
let globex: Account;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  solo = await t.ws.accounts.create({ key: 'solo', name: 'Solo Corp', ownerId: t.admin.id }, SYSTEM_ACTOR);
  // Last spoken to 80 days ago: tier B's cadence is 30 days, so engagement is down to 17.
  await t.ws.contacts.add(
    { accountId: solo.id, name: 'Jane Roe', relationship: 0, lastContactAt: new Date(NOW.getTime() - 80 * 86_400_000) },
    SYSTEM_ACTOR,
  );
  await t.ws.snapshots.record({
    accountId: solo.id,
    periodKey: isoWeekKey(new Date(NOW.getTime() - 7 * 86_400_000)),
    score: 20,
    band: 'red',
    components: {},
    computedAt: new Date(NOW.getTime() - 7 * 86_400_000),
  });
  await t.ws.accounts.create({ key: 'empty', name: 'Empty Inc' }, SYSTEM_ACTOR);
  await t.ws.accounts.create({ key: 'acme', name: 'Acme Corporation', ownerId: t.admin.id }, SYSTEM_ACTOR);
  globex = await t.ws.accounts.create({ key: 'globex', name: 'Globex', ownerId: t.member.id }, SYSTEM_ACTOR);
  await t.ws.accounts.create(
    { key: 'vault', name: 'Vault-Tec', ownerId: t.admin.id, visibility: 'restricted' },
    SYSTEM_ACTOR,
  );
});
afterAll(() => db.close());

const refused = (command: string, message: string, user?: User) => refuser(t, db.path)(command, message, user);

function blockOf<T extends Block['type']>(blocks: readonly Block[], type: T): Extract<Block, { type: T }> {
  const block = blocks.find((candidate) => candidate.type === type);
  if (!block) throw new Error(`expected a ${type} block`);
  return block as Extract<Block, { type: T }>;
}

function fieldsOf(outcome: Outcome): Record<string, string> {
  const block: FieldsBlock = blockOf(outcome.reply.blocks, 'fields');
  return Object.fromEntries(block.fields.map((field) => [field.label, field.value]));
}

async function current(key: string): Promise<Account> {
  const found = await t.ws.accounts.byKey(key);
  if (!found) throw new Error(`fixture account ${key} is missing`);
  return found;
}

describe('/account health <account>', () => {
  it('shows the score, band, trend and each component with its reason', async () => {
    const result = await t.run('/account health solo', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply).toMatchObject({
      title: 'Health: Solo Corp (solo)',
      band: 'red',
      summary: 'Solo Corp: health 10 (red)',
    });
    const fields = fieldsOf(result);
    // The title says Health already; the change reads as a change, never as "10 → 0".
    expect(fields.Health).toBeUndefined();
    expect(fields.Score).toBe('10 red · ↓ -10 since last week  ▂▁');
    expect(fields.Why).toBe('no positive contact; single-threaded (only Jane Roe)');
    const components: ListBlock = blockOf(result.reply.blocks, 'list');
    expect(components.items).toHaveLength(5);
    expect(components.items).toContainEqual({
      title: 'Relationships: 0',
      text: 'no positive contact; single-threaded (only Jane Roe)',
      meta: 'weight 40%',
    });
    expect(components.items).toContainEqual({
      title: 'Engagement: 17',
      text: 'no contact for 80 days; tier B expects 30',
      meta: 'weight 60%',
    });
    expect(components.items).toContainEqual({
      title: 'Sentiment: no data',
      text: 'no notes in the last 90 days',
      meta: 'left out of the score',
    });
  });

  it('says when there is not enough data for a score', async () => {
    const result = await t.run('/account health empty');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Empty Inc: not enough data for a health score yet');
    expect(result.reply.band).toBeUndefined();
    expect(fieldsOf(result)).toEqual({
      Score: 'not enough data yet',
      Why: 'no interactions recorded yet; no contacts recorded yet',
    });
  });

  it.each([
    ['/account health', 'Say which account, e.g. /account health acme.', 'admin'],
    ['/account health zzqqxx', "I couldn't find an account called “zzqqxx”; /account list shows them all.", 'admin'],
    ['/account health vault', "I couldn't find an account called “vault”; /account list shows them all.", 'member'],
  ] as const)('%s → one clear sentence', async (command, message, who) => {
    await refused(command, message, who === 'admin' ? t.admin : t.member);
  });
});

describe('/account health <account> override:', () => {
  it('sets a gut-feel score with reason and expiry, records who set it, and shows it as such', async () => {
    const result = await t.run('/account health solo override:35 reason:"CFO leaves in January" until:2027-01-31');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe(
      'Set the health of Solo Corp to 35 (gut feel) until 2027-01-31: CFO leaves in January.',
    );
    expect((await current('solo')).healthOverride).toEqual({
      score: 35,
      reason: 'CFO leaves in January',
      until: new Date('2027-01-31T12:00:00Z'),
      byId: t.admin.id,
    });
    expect((await t.ws.audit.forEntity('account', solo.id, 1))[0]).toMatchObject({
      action: 'account.update',
      actorId: t.admin.id,
      details: { fields: ['healthOverride'] },
    });

    const shown = await t.run('/account health solo', t.member);
    expect(shown.reply.summary).toBe('Solo Corp: health 35 (red)');
    expect(fieldsOf(shown).Override).toBe(
      'gut feel 35 by Ada Admin until 2027-01-31: CFO leaves in January; computed 10 red',
    );
  });

  it('lets the owner set and clear an override on their account', async () => {
    const set = await t.run('/account health globex override:80 reason:"New CIO is a fan"', t.member);
    expect(set.reply.summary).toBe('Set the health of Globex to 80 (gut feel): New CIO is a fan.');
    expect((await current('globex')).healthOverride).toEqual({
      score: 80,
      reason: 'New CIO is a fan',
      until: null,
      byId: t.member.id,
    });
    expect((await t.ws.audit.forEntity('account', globex.id, 1))[0]).toMatchObject({
      action: 'account.update',
      actorId: t.member.id,
    });

    const cleared = await t.run('/account health globex override:CLEAR', t.member);
    expect(cleared.status).toBe('ok');
    expect(cleared.reply.summary).toBe('Cleared the health override of Globex (globex).');
    expect((await current('globex')).healthOverride).toBeNull();
    const events = await t.ws.audit.forEntity('account', globex.id);
    expect(events.filter((event) => event.action === 'account.update' && event.actorId === t.member.id)).toHaveLength(
      2,
    );
  });

  it.each([
    ['/account health solo override:40', 'Say why, e.g. override:35 reason:"CFO is leaving in January".', 'admin'],
    ['/account health solo override:150 reason:x', 'The override is a score from 0 to 100.', 'admin'],
    ['/account health solo override:abc reason:x', 'The override is a score from 0 to 100, or clear.', 'admin'],
    ['/account health solo override:35.5 reason:x', 'The override is a whole number from 0 to 100.', 'admin'],
    [
      '/account health solo override:40 reason:x until:2026-11-01',
      'The override should last until a day after today.',
      'admin',
    ],
    [
      '/account health solo override:40 reason:x until:someday',
      "I can't read “someday” as a date; try friday, next tuesday, in 2 weeks or 2027-03-31.",
      'admin',
    ],
    [
      `/account health solo override:40 reason:"${'r'.repeat(301)}"`,
      'A reason can be at most 300 characters.',
      'admin',
    ],
    ['/account health solo reason:x', 'reason: and until: go with override:.', 'admin'],
    ['/account health solo green:80', 'green: is a workspace setting; use /account health settings green:….', 'admin'],
    [
      '/account health acme override:40 reason:x',
      'Only the account team of Acme Corporation or an admin can change it.',
      'member',
    ],
  ] as const)('%s → one clear sentence, override unchanged', async (command, message, who) => {
    const before = (await current('solo')).healthOverride;
    await refused(command, message, who === 'admin' ? t.admin : t.member);
    expect((await current('solo')).healthOverride).toEqual(before);
    expect((await current('acme')).healthOverride).toBeNull();
  });
});

describe('/account health settings', () => {
  const engine = new CommandEngine(silentLogger);
  /** Each message reads its workspace afresh, as a platform does, so settings saved before are in force. */
  const runFresh = async (text: string, user: User = t.admin) =>
    engine.handle(text, { ...t.context(user), workspace: await t.ws.workspaceSettings.get() });

  it('shows the workspace settings to anyone', async () => {
    const result = await runFresh('/account health settings', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('Health settings');
    expect(fieldsOf(result)).toEqual({
      Bands: 'green from 70, amber from 40, red below',
      'Contact cadence': 'tier A every 14 days, tier B every 30 days, tier C every 60 days',
      Weights: 'Engagement 30%, Relationships 20%, Sentiment 20%, Follow-through 15%, Pipeline & renewal 15%',
    });
  });

  it.each([
    ['/account health settings green:75', 'Only an admin can change the health settings.', 'member'],
    ['/account health settings green:abc', 'green: must be a whole number.', 'admin'],
    ['/account health settings green:30', 'The amber threshold (40) must be below the green threshold (30).', 'admin'],
    [
      '/account health settings cadence-b:0',
      'The contact cadence for tier B (days) must be a whole number from 1 to 365.',
      'admin',
    ],
    [
      '/account health settings weight-engagement:0 weight-relationships:0 weight-sentiment:0 weight-follow-through:0 weight-pipeline:0',
      'At least one health component needs a weight above 0.',
      'admin',
    ],
  ] as const)('%s → one clear sentence, settings unchanged', async (command, message, who) => {
    const before = rowCounts(db.path);
    const settings = (await t.ws.workspaceSettings.get()).healthSettings;
    const outcome = await runFresh(command, who === 'admin' ? t.admin : t.member);
    expect(outcome.status).toBe('user_error');
    expect(rowCounts(db.path)).toEqual(before);
    expect(outcome.reply.summary).toBe(message);
    expect((await t.ws.workspaceSettings.get()).healthSettings).toEqual(settings);
  });

  it('saves an admin’s bands, cadence and weights, and health uses them', async () => {
    const saved = await runFresh('/account health settings green:75 amber:45 cadence-a:10 weight-sentiment:25');
    expect(saved.status).toBe('ok');
    expect(saved.reply.summary).toBe('Saved the health settings.');
    expect((await t.ws.workspaceSettings.get()).healthSettings).toEqual({
      bands: { green: 75, amber: 45 },
      cadenceDays: { A: 10 },
      weights: { sentiment: 25 },
    });
    expect(fieldsOf(saved).Bands).toBe('green from 75, amber from 45, red below');

    const added = await runFresh('/account health settings cadence-c:90');
    expect(added.status).toBe('ok');
    expect((await t.ws.workspaceSettings.get()).healthSettings).toEqual({
      bands: { green: 75, amber: 45 },
      cadenceDays: { A: 10, C: 90 },
      weights: { sentiment: 25 },
    });
  });

  it('records who changed the health settings', async () => {
    const before = await t.ws.audit.forEntity('workspace', t.workspace.id);
    expect((await runFresh('/account health settings amber:50')).status).toBe('ok');
    const after = await t.ws.audit.forEntity('workspace', t.workspace.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ actorId: t.admin.id, origin: 'slack' });
  });

  it('states the workspace’s own bands under an account’s health', async () => {
    const result = await runFresh('/account health solo');
    const { bands } = (await t.ws.workspaceSettings.get()).healthSettings as {
      bands: { green: number; amber: number };
    };
    expect(blockOf(result.reply.blocks, 'context').text).toContain(
      `Bands: green from ${bands.green}, amber from ${bands.amber}.`,
    );
  });

  it('goes back to the defaults on reset', async () => {
    const result = await runFresh('/account health settings reset:yes');
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe('Health settings are back to the defaults.');
    expect((await t.ws.workspaceSettings.get()).healthSettings).toBeNull();
  });
});
