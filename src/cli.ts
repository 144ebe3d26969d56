// The `kam` command line. Each command loads only what it needs, so the console starts fast.
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ExportCommandOptions, ImportCommandOptions } from './cli-import.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { isUserError, StartupError } from './errors.ts';
import { createLogger, type Logger } from './logger.ts';
import { MigrationError } from './store/migrations.ts';

export const EXIT = { ok: 0, userError: 1, config: 2, internal: 70 } as const;

/** `serve` serves; the bare `kam` serves when Slack or Teams is configured; every other command is one-shot. */
type Mode = 'serve' | 'serve-if-configured' | 'one-shot';

function setup(mode: Mode): { config: Config; logger: Logger } {
  // A .env file beside the bot is read like the real environment, which wins where both set a variable.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // The console and one-shot commands share the terminal with people: only warnings and errors, unless asked.
  const serves =
    mode === 'serve' || (mode === 'serve-if-configured' && (config.slack !== null || config.teams !== null));
  return { config, logger: createLogger(config.logLevel ?? (serves ? 'info' : 'warn')) };
}

/** Runs a command body, turning known failures into a message and an exit code instead of a stack trace. */
function run(body: (config: Config, logger: Logger) => Promise<number | undefined>, mode: Mode = 'one-shot') {
  return async () => {
    let logger: Logger | undefined;
    try {
      const setUp = setup(mode);
      logger = setUp.logger;
      process.exitCode = (await body(setUp.config, setUp.logger)) ?? EXIT.ok;
    } catch (error) {
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exitCode = EXIT.config;
      } else if (error instanceof MigrationError || error instanceof StartupError || isUserError(error)) {
        console.error(error.message);
        process.exitCode = EXIT.userError;
      } else {
        logger?.error({ err: error }, 'kam failed');
        console.error(`kam: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = EXIT.internal;
      }
    }
  };
}

const program = new Command('kam')
  .description('kam-bot: key account management in Slack, Teams and the terminal')
  .version(packageVersion(), '-V, --version', 'print the version')
  .usage('[command] [options]')
  .helpCommand(false)
  .showHelpAfterError()
  .argument('[command]')
  .allowExcessArguments()
  .action((word: string | undefined) => (word === undefined ? serveOrConsole() : unknownCommand(word)));

/** `kam frobnicate`: one sentence naming the commands, exit 1 (commander would say "too many arguments"). */
function unknownCommand(word: string): void {
  const names = program.commands.map((command) => command.name());
  console.error(`kam: unknown command “${word}”. The commands are: ${names.join(', ')}. Try kam help <command>.`);
  process.exitCode = EXIT.userError;
}

/**
 * `kam help digest preview`: that command's help. `kam help note` names the chat command of that name, which is
 * where people who read "/account note" in the README look first.
 */
async function helpFor(words: readonly string[]): Promise<void> {
  let target: Command = program;
  for (const word of words) {
    const next = target.commands.find((command) => command.name() === word || command.aliases().includes(word));
    if (next) {
      target = next;
      continue;
    }
    const { COMMANDS } = await import('./commands/registry.ts');
    if (target === program && COMMANDS.some((command) => command.name === word || command.aliases?.includes(word))) {
      console.error(
        `kam: “${word}” is a chat command, not a kam command: /account help ${word} explains it (in the console, or kam exec "/account help ${word}").`,
      );
      process.exitCode = EXIT.userError;
      return;
    }
    unknownCommand(word);
    return;
  }
  target.outputHelp();
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function serveOrConsole() {
  return run(async (config, logger) => {
    // Serve when Slack or Teams is configured; otherwise the console chat.
    if (config.slack || config.teams) {
      const { serveUntilStopped } = await import('./serve.ts');
      await serveUntilStopped(config, logger);
      // Connections and retries the SDKs keep open must not hold the process after a clean stop.
      process.exit(EXIT.ok);
    }
    const { startConsole } = await import('./main.ts');
    await startConsole(config, logger);
    return EXIT.ok;
  }, 'serve-if-configured')();
}

program
  .command('serve')
  .description('Serve Slack and Teams on one HTTP server: /slack/events (Slack), /api/messages (Teams), /healthz')
  .action(() =>
    run(async (config, logger) => {
      const { serveUntilStopped } = await import('./serve.ts');
      await serveUntilStopped(config, logger);
      process.exit(EXIT.ok);
    }, 'serve')(),
  );

program
  .command('exec')
  .description('Run one command or question and print the reply')
  .argument('<text>', 'e.g. "/account show acme" or "how is acme doing?"')
  .option('--as <user>', 'act as this person (a name or email the workspace knows, or a new person)')
  .option('--locale <language>', 'answer in this language: en or de (default: from LANG)')
  .action((text: string, options: { as?: string; locale?: string }) =>
    run(async (config, logger) => {
      const { execText } = await import('./cli-commands.ts');
      return execText(config, logger, text, options.as, options.locale);
    })(),
  );

program
  .command('demo')
  .description('Load the demo portfolio into the local workspace')
  .option('--as <user>', 'the person who owns some of the demo accounts (default: you)')
  .action((options: { as?: string }) =>
    run(async (config, logger) => {
      const { loadDemoPortfolio } = await import('./cli-commands.ts');
      return loadDemoPortfolio(config, logger, options.as);
    })(),
  );

const workspaces = program
  .command('workspaces')
  .description('The workspaces and the Slack teams and Teams tenants that use them')
  .addHelpText(
    'after',
    `
The console, kam exec, kam demo and kam import use the local workspace (console:local). To see that data in
Slack or Teams, let the Slack team or Teams tenant join it:
  kam workspaces link console:local slack:T0A1B2C3D4E
  kam workspaces link console:local teams:<tenant id>
(--force when the team already has accounts of its own). It takes effect at once.`,
  );
workspaces.action(() =>
  run(async (config) => {
    const { listWorkspaces } = await import('./cli-commands.ts');
    return listWorkspaces(config);
  })(),
);
workspaces
  .command('link')
  .description('Let a Slack team and a Teams tenant share one workspace (the second joins the first)')
  .argument('<first>', 'e.g. slack:T0A1B2C3D4E')
  .argument('<second>', 'e.g. teams:5f0e1d2c-3b4a-4958-8776-a1b2c3d4e5f6')
  .option('--force', 'link even when the second has accounts of its own')
  .action((first: string, second: string, options: { force?: boolean }) =>
    run(async (config) => {
      const { linkWorkspaces } = await import('./cli-commands.ts');
      return linkWorkspaces(config, first, second, options.force ?? false);
    })(),
  );

const digest = program.command('digest').description('The account health digest: see it, or post it now');
digest
  .command('preview')
  .description("Print the local workspace's digest, or a subscription's exactly as it would be posted")
  .option('--subscription <id>', 'the digest subscription, by its number (/account digest list shows them)')
  .action((options: { subscription?: string }) =>
    run(async (config, logger) => {
      const { digestPreview } = await import('./cli-digest.ts');
      return digestPreview(config, logger, options.subscription);
    })(),
  );
digest
  .command('run')
  .description("Post the current period's digest now, once per period: of one subscription, or of every active one")
  .option('--subscription <id>', 'only this digest subscription, by its number')
  .action((options: { subscription?: string }) =>
    run(async (config, logger) => {
      const { digestRun } = await import('./cli-digest.ts');
      return digestRun(config, logger, options.subscription);
    })(),
  );

/** Commander's way to take an option more than once: --map a=b --map c=d. */
const repeated = (value: string, previous: string[] = []) => [...previous, value];

program
  .command('import')
  .description(
    'Import accounts, contacts, opportunities, notes or users from a CSV file (Salesforce, HubSpot, kam export)',
  )
  .argument('<entity>', 'accounts, contacts, opportunities, notes or users')
  .argument('<file>', 'the CSV file')
  .option('--dry-run', 'check every row and say what would change, writing nothing')
  .option('--strict', 'import nothing if any row fails')
  .option('--allow-duplicates', 'accounts: create one even when an account of the same name exists')
  .option(
    '--workspace <workspace>',
    'a workspace number or slack:<team id> / teams:<tenant id> (default: the local one)',
  )
  .option('--map <column=field>', 'read a column as a field (repeatable); column=- ignores it', repeated)
  .option('--date-format <order>', 'iso, dmy (31/03/2017) or mdy (3/31/2017); detected when the file settles it')
  .option('--decimal <mark>', 'point or comma; detected from the amounts, else from the separator')
  .option('--currency <code>', "the currency of amounts that name none (default: the account's or workspace's)")
  .option('--stage <name=stage>', 'map a stage name of yours, e.g. "Technical Win=negotiate" (repeatable)', repeated)
  .option(
    '--encoding <name>',
    'e.g. windows-1252; detected when absent (UTF-8 with or without BOM, UTF-16, Windows-1252)',
  )
  .option('--separator <char>', ', ; tab or |; detected from the header when absent')
  .option('--failures <file>', 'write every failed row (line, reason) to this CSV file')
  .option('--as <user>', 'who the audit trail names (default: KAM_USER or your login name)')
  .action((entity: string, file: string, options: ImportCommandOptions) =>
    run(async (config) => {
      const { importCommand } = await import('./cli-import.ts');
      return importCommand(config, entity, file, options);
    })(),
  );

program
  .command('export')
  .description('Export accounts, contacts, opportunities, notes or users as CSV that kam import reads back')
  .argument('<entity>', 'accounts, contacts, opportunities, notes or users')
  .argument('[file]', 'where to write it (default: standard output)')
  .option(
    '--workspace <workspace>',
    'a workspace number or slack:<team id> / teams:<tenant id> (default: the local one)',
  )
  .option('--as <user>', 'export only what this person may see (default: everything, restricted accounts included)')
  .option('--separator <char>', ', (default) or ; (then numbers get a decimal comma)')
  .option('--force', 'overwrite the file if it exists')
  .action((entity: string, file: string | undefined, options: ExportCommandOptions) =>
    run(async (config) => {
      const { exportCommand } = await import('./cli-import.ts');
      return exportCommand(config, entity, file, options);
    })(),
  );

program
  .command('migrate')
  .description('Apply pending database migrations (kam also does this at start)')
  .action(() =>
    run(async (config) => {
      const { migrate } = await import('./cli-commands.ts');
      return migrate(config);
    })(),
  );

program
  .command('backup')
  .description('Copy the database to a file, safely while the bot runs (SQLite online backup)')
  .argument('<file>', 'where to write the copy')
  .option('--force', 'overwrite the file if it exists')
  .action((file: string, options: { force?: boolean }) =>
    run(async (config) => {
      const { backup } = await import('./cli-commands.ts');
      return backup(config, file, options.force ?? false);
    })(),
  );

const db = program.command('db').description('The database itself: copy it to PostgreSQL');
db.command('copy')
  .description('Copy the whole SQLite database (DATABASE_URL) into an empty PostgreSQL database, verified per table')
  .requiredOption('--to <url>', 'the PostgreSQL database, e.g. postgres://kam:secret@db.example.com:5432/kam')
  .action((options: { to: string }) =>
    run(async (config) => {
      const { copyDatabaseTo } = await import('./cli-commands.ts');
      return copyDatabaseTo(config, options.to);
    })(),
  );

program
  .command('help')
  .description('show help for a command')
  .argument('[command...]', 'e.g. import, or digest preview')
  .action((words: string[]) => helpFor(words));

await program.parseAsync(process.argv);
