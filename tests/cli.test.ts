// The `kam` command line as a newcomer runs it: a real process, a real database file, exit codes and output.
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, SYSTEM_ACTOR } from '../src/store/store.ts';
import { kam } from './helpers/kam-cli.ts';
import { freshDatabaseFile } from './helpers/store.ts';

let database: ReturnType<typeof freshDatabaseFile>;
let env: Record<string, string>;

beforeAll(() => {
  database = freshDatabaseFile();
  env = { DATABASE_URL: database.url };
});
afterAll(() => database.remove());

function accountCount(): number {
  const sqlite = new BetterSqlite3(database.path, { readonly: true });
  const { count } = sqlite.prepare('SELECT COUNT(*) AS count FROM Account').get() as { count: number };
  sqlite.close();
  return count;
}

describe('kam exec', () => {
  it('creates an account and shows it, exit code 0', async () => {
    const created = await kam(['exec', '/account new Acme Corporation tier:A'], env);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain('Created Acme Corporation (acme): tier A (strategic), owner Dana Scully.');
    const shown = await kam(['exec', '/account show acme'], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      /^Acme Corporation \(acme\)\n {2}Health: +not enough data yet\n {2}Why: +no interactions recorded yet; no contacts recorded yet\n {2}Owner: +Dana Scully/,
    );
  });

  it.each([
    ['/account new', 'Give the new account a name'],
    ['/account new Initech tier:Z', 'The tier must be A (strategic), B (key) or C (development).'],
  ])('%s answers one clear sentence with exit code 1 and writes nothing', async (command, message) => {
    const before = accountCount();
    const result = await kam(['exec', command], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(accountCount()).toBe(before);
  });

  it('acts as another person with --as', async () => {
    const result = await kam(['exec', '--as', 'Walter Skinner', '/account note acme Met the CFO #win'], env);
    expect(result.code).toBe(0);
    const notes = await kam(['exec', '/account notes acme'], env);
    expect(notes.stdout).toContain('Walter Skinner');
  });
});

describe('kam configuration and maintenance', () => {
  it('refuses bad settings with every problem listed and exit code 2', async () => {
    const result = await kam(['exec', '/account list'], { ...env, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be a port number');
    expect(result.stderr).toContain('LOG_LEVEL must be one of');
  });

  it('migrates and backs up the database', async () => {
    expect((await kam(['migrate'], env)).stdout).toContain('The database is up to date.');
    const target = `${database.path}.bak`;
    const backup = await kam(['backup', target], env);
    expect(backup.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const again = await kam(['backup', target], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});

describe('kam workspaces', () => {
  it('links a Teams tenant to a Slack team’s workspace so both see the same accounts', async () => {
    const store = await Store.open(database.url);
    const slack = await store.workspaces.ensureInstallation('slack', 'T0SLACK', {
      name: 'Acme Slack',
      timeZone: 'UTC',
    });
    await store.forWorkspace(slack.id).accounts.create({ key: 'shared', name: 'Shared Account' }, SYSTEM_ACTOR);
    const teams = await store.workspaces.ensureInstallation('teams', 'tenant-1', {
      name: 'Acme Teams',
      timeZone: 'UTC',
    });
    await store.forWorkspace(teams.id).accounts.create({ key: 'own', name: 'Own Account' }, SYSTEM_ACTOR);
    await store.close();

    const refused = await kam(['workspaces', 'link', 'slack:T0SLACK', 'teams:tenant-1'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('teams:tenant-1 has 1 accounts of its own');
    const linked = await kam(['workspaces', 'link', 'slack:T0SLACK', 'teams:tenant-1', '--force'], env);
    expect(linked.code).toBe(0);
    expect(linked.stdout).toContain(`teams:tenant-1 now uses workspace ${slack.id} (Acme Slack), like slack:T0SLACK.`);

    const after = await Store.open(database.url);
    const fromTeams = await after.workspaces.forInstallation('teams', 'tenant-1');
    expect(fromTeams?.id).toBe(slack.id);
    expect((await after.forWorkspace(fromTeams?.id ?? 0).accounts.byKey('shared'))?.name).toBe('Shared Account');
    await after.close();
    expect((await kam(['workspaces'], env)).stdout).toContain('slack:T0SLACK teams:tenant-1');
  });
});

describe('kam (the console chat) on a new database', () => {
  it('creates the database, offers the demo, loads it and answers', async () => {
    const fresh = freshDatabaseFile();
    try {
      const url = `file:${fresh.path}.new`;
      const result = await kam([], { DATABASE_URL: url }, 'y\n/account list\nhow is nordwind doing?\nexit\n');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Load the demo portfolio? [Y/n]');
      expect(result.stdout).toMatch(/Loaded \d+ accounts/);
      expect(result.stdout).toMatch(/Portfolio \(3\d accounts\)/);
      expect(result.stdout).toContain('Nordwind Industries (nordwind)');
      expect(result.stdout.trimEnd().endsWith('Bye.')).toBe(true);
    } finally {
      fresh.remove();
    }
  });
});
