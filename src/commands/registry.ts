// The one place that knows every subcommand by name.
import { archive, unarchive } from './archive.ts';
import type { Command, CommandRegistry } from './command.ts';
import { contact } from './contact.ts';
import { contacts } from './contacts.ts';
import { digest } from './digest.ts';
import { done } from './done.ts';
import { edit } from './edit.ts';
import { health } from './health.ts';
import { help } from './help.ts';
import { link } from './link.ts';
import { listAccounts } from './list.ts';
import { merge } from './merge.ts';
import { newAccount } from './new.ts';
import { note } from './note.ts';
import { notes } from './notes.ts';
import { opp } from './opp.ts';
import { opps } from './opps.ts';
import { owner } from './owner.ts';
import { renewals } from './renewals.ts';
import { saveThread } from './save-thread.ts';
import { search } from './search.ts';
import { settings } from './settings.ts';
import { show } from './show.ts';
import { task } from './task.ts';
import { tasks } from './tasks.ts';
import { team } from './team.ts';
import { thanks } from './thanks.ts';
import { timeline } from './timeline.ts';
import { unlink } from './unlink.ts';

/** In the order help lists them. */
export const COMMANDS: readonly Command[] = [
  help,
  listAccounts,
  show,
  health,
  newAccount,
  edit,
  archive,
  unarchive,
  merge,
  note,
  notes,
  timeline,
  contacts,
  contact,
  opps,
  opp,
  renewals,
  tasks,
  task,
  done,
  team,
  owner,
  link,
  unlink,
  search,
  digest,
  settings,
  saveThread,
  thanks,
];

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
