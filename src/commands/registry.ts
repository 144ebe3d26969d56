// The one place that knows every subcommand by name.
import type { Command, CommandRegistry } from './command.ts';
import { help } from './help.ts';
import { listAccounts } from './list.ts';
import { newAccount } from './new.ts';
import { note } from './note.ts';
import { notes } from './notes.ts';
import { show } from './show.ts';

export const COMMANDS: readonly Command[] = [help, listAccounts, show, newAccount, note, notes];

export function createRegistry(commands: readonly Command[] = COMMANDS): CommandRegistry {
  const byName = new Map<string, Command>();
  for (const command of commands) {
    for (const name of [command.name, ...command.aliases]) {
      if (byName.has(name)) throw new Error(`Two commands answer to "${name}"`);
      byName.set(name, command);
    }
  }
  return { all: () => commands, find: (name) => byName.get(name.toLowerCase()) };
}
