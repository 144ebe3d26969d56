// The understanding layer's view of a workspace for one person: the accounts they may see (exact names only) and
// their colleagues by full or first name.
import { normalize } from '../domain/normalize.ts';
import type { Vocabulary } from '../understanding/vocabulary.ts';
import { type CommandContext, timeZoneOf } from './context.ts';
import { exactAccounts } from './resolve-account.ts';
import { today } from './values/dates.ts';

/** Colleagues by full and first name (null where a first name is shared), once per list of names the store gives. */
const PEOPLE = new WeakMap<readonly string[], Map<string, string | null>>();

function peopleOf(names: readonly string[]): Map<string, string | null> {
  let people = PEOPLE.get(names);
  if (people) return people;
  people = new Map();
  const add = (phrase: string, name: string) => {
    if (!phrase || !people) return;
    const known = people.get(phrase);
    people.set(phrase, known === undefined || known === name ? name : null);
  };
  for (const name of names) {
    const full = normalize(name);
    add(full, name);
    const first = full.split(' ')[0] ?? '';
    if (first !== full && first.length >= 3) add(first, name);
  }
  PEOPLE.set(names, people);
  return people;
}

export async function vocabularyFor(ctx: CommandContext): Promise<Vocabulary> {
  const people = peopleOf(await ctx.store.users.activeNames());
  return {
    account: exactAccounts(ctx),
    person: (phrase) => {
      const name = people.get(phrase);
      return name ? { name } : null;
    },
    today: today(ctx.now(), timeZoneOf(ctx)),
  };
}
