// list, show, notes and help: what people read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

let db: TestDatabase;
let t: TestWorkspace;

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  const acme = await t.ws.accounts.create(
    {
      key: 'acme',
      name: 'Acme Corporation',
      tier: 'A',
      region: 'EMEA',
      country: 'Germany',
      ownerId: t.admin.id,
      annualRevenue: 1_200_000,
      currency: 'EUR',
      renewalAt: new Date('2027-01-31T00:00:00Z'),
      strategy: 'Grow from logistics into the whole supply chain.',
    },
    SYSTEM_ACTOR,
  );
  await t.ws.accounts.create(
    { key: 'acme-fr', name: 'Acme France', parentId: acme.id, tier: 'B', ownerId: t.member.id },
    SYSTEM_ACTOR,
  );
  await t.ws.accounts.create(
    { key: 'globex', name: 'Globex', tier: 'C', region: 'APAC', ownerId: t.member.id },
    SYSTEM_ACTOR,
  );
  await t.ws.accounts.create(
    { key: 'vault', name: 'Vault-Tec', tier: 'A', visibility: 'restricted', ownerId: t.admin.id },
    SYSTEM_ACTOR,
  );
  for (let day = 1; day <= 12; day++) {
    await t.ws.notes.add(
      {
        accountId: acme.id,
        body: `Weekly sync number ${day}`,
        authorId: t.admin.id,
        occurredAt: new Date(NOW.getTime() - day * 86_400_000),
      },
      SYSTEM_ACTOR,
    );
  }
  await t.ws.tasks.add(
    { accountId: acme.id, title: 'Send the renewal offer', dueAt: new Date('2026-11-20T00:00:00Z') },
    SYSTEM_ACTOR,
  );
  await t.ws.opportunities.add(
    { accountId: acme.id, title: 'Warehouse automation', stage: 'propose', value: 450_000, competitors: ['Initech'] },
    SYSTEM_ACTOR,
  );
  await t.ws.contacts.add(
    { accountId: acme.id, name: 'Jane Roe', title: 'CFO', buyingRole: 'economic_buyer' },
    SYSTEM_ACTOR,
  );
});
afterAll(() => db.close());

describe('/account list', () => {
  it('shows the whole portfolio the person may see', async () => {
    const result = await t.run('/account list', t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('Portfolio (3 accounts)');
    expect(result.text).toContain('Acme Corporation (acme)');
    expect(result.text).toContain('part of Acme Corporation');
    expect(result.text).not.toContain('Vault-Tec');
    expect((await t.run('/account list')).reply.title).toBe('Portfolio (4 accounts)');
  });

  it('filters by tier, region, owner and mine', async () => {
    const titles = async (command: string) => {
      const block = (await t.run(command, t.member)).reply.blocks.find((candidate) => candidate.type === 'list');
      return block?.type === 'list' ? block.items.map((item) => item.title) : [];
    };
    expect(await titles('/account list tier:a')).toEqual(['Acme Corporation (acme)']);
    expect(await titles('/account list region:APAC')).toEqual(['Globex (globex)']);
    expect(await titles('/account list mine')).toEqual(['Acme France (acme-fr)', 'Globex (globex)']);
    expect(await titles('/account list owner:"Ada Admin"')).toEqual(['Acme Corporation (acme)']);
    expect(await titles('/account list tier:B region:APAC')).toEqual([]);
  });

  it('says what is wrong with a filter', async () => {
    expect((await t.run('/account list tier:Q')).reply.summary).toBe(
      'The tier must be A (strategic), B (key) or C (development).',
    );
    expect((await t.run('/account list acme')).reply.summary).toContain(
      'to find an account by name use show or search',
    );
  });
});

describe('/account show', () => {
  it('shows the account card with facts, notes, tasks, opportunities and contacts', async () => {
    const result = await t.run('/account show acme');
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('Acme Corporation (acme)');
    for (const expected of [
      'Owner:',
      'Ada Admin',
      'EMEA / Germany',
      '1.2M EUR',
      '2027-01-31',
      'Subsidiaries:',
      'Acme France',
      'Grow from logistics',
      'Weekly sync number 1',
      '…and 9 more',
      'Send the renewal offer',
      '(overdue)',
      'Warehouse automation',
      'vs Initech',
      'Jane Roe, CFO',
      'economic buyer',
    ]) {
      expect(result.text).toContain(expected);
    }
  });

  it('finds the account by name, typo or subsidiary', async () => {
    expect((await t.run('/account show acme corp')).reply.title).toBe('Acme Corporation (acme)');
    expect((await t.run('/account show Acme Frnace')).reply.title).toBe('Acme France (acme-fr)');
    expect((await t.run('/account show "globex"')).reply.title).toBe('Globex (globex)');
  });

  it('keeps restricted accounts from people outside the team', async () => {
    const result = await t.run('/account show vault', t.member);
    expect(result.status).toBe('user_error');
    expect(result.reply.summary).toContain("couldn't find an account called “vault”");
    expect((await t.run('/account show vault', t.admin)).status).toBe('ok');
  });

  it('asks for an account when none is given', async () => {
    expect((await t.run('/account show')).reply.summary).toBe('Say which account to show, e.g. /account show acme.');
  });
});

describe('/account notes', () => {
  it('shows the newest notes first, as many as asked', async () => {
    const result = await t.run('/account notes acme 3');
    const block = result.reply.blocks[0];
    expect(block?.type === 'list' && block.items.map((item) => item.text)).toEqual([
      'Weekly sync number 1',
      'Weekly sync number 2',
      'Weekly sync number 3',
    ]);
    expect(result.text).toContain('…and 9 more');
    expect(result.reply.summary).toBe('12 notes on Acme Corporation');
  });

  it.each([
    ['/account notes acme 0', 'Ask for at least 1 note.'],
    ['/account notes acme 500', 'Ask for at most 50 notes at a time.'],
    ['/account notes', 'Say whose notes to show, e.g. /account notes acme.'],
  ])('%s → %s', async (command, message) => {
    const result = await t.run(command);
    expect(result.status).toBe('user_error');
    expect(result.reply.summary).toBe(message);
  });
});

describe('/account help', () => {
  it('lists every command and explains one with examples', async () => {
    const overview = await t.run('/account help');
    for (const name of ['list', 'show', 'new', 'note', 'notes', 'help'])
      expect(overview.text).toContain(`/account ${name}`);
    const one = await t.run('/account help note');
    expect(one.text).toContain('Usage:');
    expect(one.text).toContain('/account note nordwind Met Ute (CFO): budget approved for phase 2 #win');
  });

  it('suggests the command that was probably meant', async () => {
    expect((await t.run('/account help shwo')).reply.summary).toBe('There is no command “shwo”. Did you mean show?');
    expect((await t.run('/account shwo')).reply.summary).toBe('There is no command “shwo”. Did you mean show?');
    // With an account after it, the typo reads as the question it is.
    expect((await t.run('/account shwo acme')).reply.title).toMatch(/^Acme Corporation \(acme\)/);
  });
});
