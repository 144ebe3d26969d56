// The `kam` command line as a newcomer runs it: a real process, a real database file, exit codes and output.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, SYSTEM_ACTOR } from '../src/store/store.ts';
import { kam } from './helpers/kam-cli.ts';
import { openTestPostgres, postgresServer } from './helpers/postgres.ts';
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

describe('kam conventions', () => {
  it('prints its version, help for one command, and names the commands for an unknown one (exit 1)', async () => {
    const version = await kam(['--version'], env);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = await kam(['help', 'exec'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: kam exec \[options\] <text>/);
    const unknown = await kam(['frobnicate'], env);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe(
      'kam: unknown command “frobnicate”. The commands are: serve, exec, demo, workspaces, digest, import, export, migrate, backup, db, help. Try kam help <command>.\n',
    );
    expect((await kam(['serve', '--help'], env)).stdout).toMatch(/\/api\/messages\s+\(Teams\)/);
    expect((await kam(['help', 'digest', 'preview'], env)).stdout).toMatch(/^Usage: kam digest preview/);
    const chat = await kam(['help', 'note'], env);
    expect(chat).toMatchObject({ code: 1, stdout: '' });
    expect(chat.stderr).toBe(
      'kam: “note” is a chat command, not a kam command: /account help note explains it (in the console, or kam exec "/account help note").\n',
    );
  });

  it('says in one sentence, exit 1, when the database is not one, is a folder, or a backup has nowhere to go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-cli-'));
    try {
      const notDb = join(dir, 'notes.txt');
      writeFileSync(notDb, 'this is not a database');
      const cases: [Record<string, string>, string[], string][] = [
        [
          { DATABASE_URL: `file:${notDb}` },
          ['exec', '/account list'],
          `The database ${notDb} is not a database; set DATABASE_URL to kam-bot's database, or to a new file to start one.\n`,
        ],
        [
          { DATABASE_URL: `file:${dir}` },
          ['exec', '/account list'],
          `The database ${dir} is a folder; set DATABASE_URL to a file in it, e.g. file:${dir}/kam.db.\n`,
        ],
        [
          env,
          ['backup', join(dir, 'missing', 'copy.db')],
          `The folder ${join(dir, 'missing')} does not exist; create it first, or back up to another place.\n`,
        ],
      ];
      for (const [environment, args, sentence] of cases) {
        expect(await kam(args, environment)).toEqual({ code: 1, stdout: '', stderr: sentence });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!postgresServer)('kam db copy', () => {
  it('copies the database into an empty PostgreSQL one, then refuses to copy into it again (exit 1)', async () => {
    const target = await openTestPostgres({ migrated: false });
    try {
      expect((await kam(['exec', '/account new Copied Corporation'], env)).code).toBe(0);
      const url = target.url.replace('//kam@', '//kam:secret@');
      const copied = await kam(['db', 'copy', '--to', url], env);
      expect(copied).toMatchObject({ code: 0, stderr: '' });
      expect(copied.stdout).toContain('  Account: ');
      expect(copied.stdout).toMatch(
        /Copied [\d,]+ rows in 18 tables from .* to postgres:\/\/kam:•••@127\.0\.0\.1:\d+\/kam_\w+; every table has the same row count and checksum on both\.\n$/,
      );
      expect(copied.stdout).not.toContain('secret');
      const again = await kam(['db', 'copy', '--to', url], env);
      expect(again).toMatchObject({ code: 1, stdout: '' });
      expect(again.stderr).toMatch(/^The target database is not empty \(Workspace, .*\); copy into a new one\.\n$/);
    } finally {
      await target.drop();
    }
  });
});
