// What the `kam` subcommands do, apart from parsing their arguments (cli.ts).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CommandEngine } from './commands/engine.ts';
import type { Config } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { ValidationError } from './errors.ts';
import { terminalLocale } from './i18n/locale.ts';
import type { Logger } from './logger.ts';
import { consoleUserName } from './main.ts';
import { openConsoleSession } from './platforms/console/session.ts';
import { renderText } from './replies/text.ts';
import { BackupError, backupDatabase } from './store/backup.ts';
import { databaseFilePath } from './store/database.ts';
import { Store } from './store/store.ts';

export const EXIT_FOR = { ok: 0, user_error: 1, internal_error: 70 } as const;

export async function withStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(config.databaseUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The command line acts in the console's workspace, as `--as`, KAM_USER or the login name. */
function cliSession(store: Store, config: Config, logger: Logger, as: string | undefined, locale?: string) {
  return openConsoleSession(store, {
    engine: new CommandEngine(logger),
    userName: as ?? consoleUserName(config),
    timeZone: config.defaultTimeZone,
    origin: 'cli',
    locale: locale ?? terminalLocale(),
  });
}

export async function execText(
  config: Config,
  logger: Logger,
  text: string,
  as?: string,
  locale?: string,
): Promise<number> {
  return withStore(config, async (store) => {
    const session = await cliSession(store, config, logger, as, locale);
    const outcome = await session.run(text);
    const rendered = `${renderText(outcome.reply)}\n`;
    if (outcome.status === 'ok') process.stdout.write(rendered);
    else process.stderr.write(rendered);
    return EXIT_FOR[outcome.status];
  });
}

export async function loadDemoPortfolio(config: Config, logger: Logger, as?: string): Promise<number> {
  return withStore(config, async (store) => {
    const session = await cliSession(store, config, logger, as);
    const summary = await loadDemo(session.store, { now: new Date(), you: session.user.id });
    if (summary.alreadyLoaded) {
      console.log(`The demo portfolio is already loaded (${summary.accounts} accounts); nothing changed.`);
    } else {
      console.log(
        `Loaded the demo portfolio: ${summary.accounts} accounts, ${summary.users} people, ${summary.contacts} contacts, ` +
          `${summary.opportunities} opportunities, ${summary.notes} notes, ${summary.tasks} tasks.`,
      );
    }
    return 0;
  });
}

export async function migrate(config: Config): Promise<number> {
  const store = await Store.open(config.databaseUrl, { migrate: 'repair' });
  try {
    for (const sentence of store.repairedMigrations) console.log(sentence);
    const applied = store.appliedMigrations;
    console.log(applied.length > 0 ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
    return 0;
  } finally {
    await store.close();
  }
}

export async function backup(config: Config, file: string, force: boolean): Promise<number> {
  if (existsSync(file) && !force) {
    throw new ValidationError(`${file} already exists. Choose another name, or add --force to overwrite it.`);
  }
  const source = databaseFilePath(config.databaseUrl);
  const folder = dirname(resolve(file));
  if (!existsSync(folder)) {
    throw new ValidationError(`The folder ${folder} does not exist; create it first, or back up to another place.`);
  }
  try {
    const { bytes, ms } = backupDatabase(source, file);
    const size =
      bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1_024))} KB`;
    console.log(
      `Backed up ${source} to ${file} (${size} in ${(ms / 1_000).toFixed(1)} s; the copy passed SQLite's integrity check).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError) throw new ValidationError(error.message);
    throw error;
  }
}

/** `kam db copy --to postgres://…`: the whole SQLite database into an empty PostgreSQL one, verified table by table. */
export async function copyDatabaseTo(config: Config, to: string): Promise<number> {
  const { CopyError, copySqliteToPostgres, withoutPassword } = await import('./store/sql/copy.ts');
  if (!/^postgres(ql)?:\/\//.test(to)) {
    throw new ValidationError(
      `--to takes a PostgreSQL URL (postgres://user:password@host:5432/database), not “${to}”.`,
    );
  }
  if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new ValidationError('kam db copy copies the SQLite database; DATABASE_URL names a PostgreSQL one already.');
  }
  const source = databaseFilePath(config.databaseUrl);
  try {
    let rows = 0;
    const tables = await copySqliteToPostgres(source, to, (table, count) => {
      rows += count;
      console.log(`  ${table}: ${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`);
    });
    console.log(
      `Copied ${rows.toLocaleString('en')} rows in ${tables.length} tables from ${source} to ${withoutPassword(to)}; ` +
        'every table has the same row count and checksum on both.',
    );
    return 0;
  } catch (error) {
    if (error instanceof CopyError) throw new ValidationError(error.message);
    throw error;
  }
}

export async function listWorkspaces(config: Config): Promise<number> {
  return withStore(config, async (store) => {
    const installations = await store.workspaces.installations();
    for (const workspace of await store.workspaces.list()) {
      const where = installations
        .filter((installation) => installation.workspaceId === workspace.id)
        .map((installation) => `${installation.platform}:${installation.externalId}`);
      const accounts = await store.forWorkspace(workspace.id).accounts.count();
      console.log(
        `${workspace.id}  ${workspace.name}  (${accounts} accounts)  ${where.join(' ') || 'no installation'}`,
      );
    }
    return 0;
  });
}

const INSTALLATION = /^(slack|teams|console):(.+)$/;

function installation(text: string): { platform: 'slack' | 'teams' | 'console'; externalId: string } {
  const match = INSTALLATION.exec(text);
  if (!match)
    throw new ValidationError(`“${text}” is not an installation; write it as slack:<team id> or teams:<tenant id>.`);
  return { platform: match[1] as 'slack' | 'teams' | 'console', externalId: match[2] ?? '' };
}

/** Makes `second` use the workspace of `first`, so a Slack team and a Teams tenant see the same accounts. */
export async function linkWorkspaces(config: Config, first: string, second: string, force: boolean): Promise<number> {
  const target = installation(first);
  const joining = installation(second);
  return withStore(config, async (store) => {
    const workspace = await store.workspaces.forInstallation(target.platform, target.externalId);
    if (!workspace) throw new ValidationError(`${first} has not used kam-bot yet; nothing to link to.`);
    const current = await store.workspaces.forInstallation(joining.platform, joining.externalId);
    if (current?.id === workspace.id) {
      console.log(`${second} already uses workspace ${workspace.id} (${workspace.name}).`);
      return 0;
    }
    const stranded = current ? await store.forWorkspace(current.id).accounts.count() : 0;
    if (stranded > 0 && !force) {
      throw new ValidationError(
        `${second} has ${stranded} accounts of its own in workspace ${current?.id}; they would no longer be seen from there. Add --force to link anyway.`,
      );
    }
    await store.workspaces.link(joining.platform, joining.externalId, workspace.id);
    console.log(`${second} now uses workspace ${workspace.id} (${workspace.name}), like ${first}.`);
    return 0;
  });
}
