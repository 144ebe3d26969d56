// Starts kam-bot: reads config, opens the store, starts the front end. Slack and Teams join here as they land;
// until one is configured, kam-bot runs as the console chat.
import { userInfo } from 'node:os';
import { CommandEngine } from './commands/engine.ts';
import type { Config } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { terminalLocale } from './i18n/locale.ts';
import type { Logger } from './logger.ts';
import { runChat } from './platforms/console/chat.ts';
import { openConsoleSession } from './platforms/console/session.ts';
import { Store } from './store/store.ts';

/** Who the console acts as: KAM_USER, else the login name. */
export function consoleUserName(config: Config): string {
  if (config.consoleUser) return config.consoleUser;
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

export async function startConsole(config: Config, logger: Logger): Promise<void> {
  const store = await Store.open(config.databaseUrl);
  try {
    const session = await openConsoleSession(store, {
      engine: new CommandEngine(logger),
      userName: consoleUserName(config),
      timeZone: config.defaultTimeZone,
      locale: terminalLocale(),
    });
    await runChat(
      session,
      { input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY) },
      {
        offerDemo: async () => {
          const summary = await loadDemo(session.store, { now: new Date(), you: session.user.id });
          return `Loaded ${summary.accounts} accounts, ${summary.notes} notes and ${summary.tasks} tasks. Try /account list.`;
        },
      },
    );
  } finally {
    await store.close();
  }
}
