// A console session as dana on a fresh database holding the demo portfolio, at a fixed moment and language: what
// the understanding and translation tests read sentences and replies against.
import { CommandEngine } from '../../src/commands/engine.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { createLogger } from '../../src/logger.ts';
import { type ConsoleSession, openConsoleSession } from '../../src/platforms/console/session.ts';
import { openTestStore, type TestDatabase } from './store.ts';

export async function openDemoSession(
  now: Date,
  locale: Locale,
): Promise<{ db: TestDatabase; session: ConsoleSession }> {
  const db = await openTestStore();
  const session = await openConsoleSession(db.store, {
    engine: new CommandEngine(createLogger('silent')),
    userName: 'dana',
    timeZone: 'Europe/Berlin',
    locale,
    now: () => now,
  });
  await loadDemo(session.store, { now, you: session.user.id });
  return { db, session };
}
