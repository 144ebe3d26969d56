// The understanding layer's view of a workspace for one person: the accounts they may see (exact names only) and
// their colleagues by full or first name.
import { normalize } from '../domain/normalize.ts';
import type { Vocabulary } from '../understanding/vocabulary.ts';
import { type CommandContext, timeZoneOf } from './context.ts';
import { exactAccounts } from './resolve-account.ts';
import { today } from './values/dates.ts';

export async function vocabularyFor(ctx: CommandContext): Promise<Vocabulary> {
  const people = new Map<string, string | null>();
  const add = (phrase: string, name: string) => {
    if (!phrase) return;
    const known = people.get(phrase);
    people.set(phrase, known === undefined || known === name ? name : null);
  };
  for (const user of await ctx.store.users.list()) {
    const full = normalize(user.displayName);
    add(full, user.displayName);
    const first = full.split(' ')[0] ?? '';
    if (first !== full && first.length >= 3) add(first, user.displayName);
  }
  return {
    account: exactAccounts(ctx),
    person: (phrase) => {
      const name = people.get(phrase);
      return name ? { name } : null;
    },
    today: today(ctx.now(), timeZoneOf(ctx)),
  };
}
