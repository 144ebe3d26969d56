// People from a file (a team list such as the Maven data set's sales_teams.csv): matched by email, else by name.
// They become members of the workspace; roles other than member are taken only from a role column.
import { normalize } from '../domain/normalize.ts';
import type { User } from '../domain/records.ts';
import type { NewUser, UserImportPatch } from '../store/store.ts';
import { Claims, changes, defined, emptyPlan, type Parsed, type Plan } from './plan.ts';
import type { UserRow } from './rows.ts';
import type { BatchWriter } from './write.ts';

type Create = { data: NewUser };
type Update = { patch: UserImportPatch };
export type UserPlan = Plan<Create, Update>;

export function planUsers(rows: readonly Parsed<UserRow>[], existing: readonly User[]): UserPlan {
  const byEmail = new Map(existing.flatMap((user) => (user.email ? [[user.email, user] as const] : [])));
  const byName = new Map<string, User[]>();
  for (const user of existing) {
    const name = normalize(user.displayName);
    byName.set(name, [...(byName.get(name) ?? []), user]);
  }
  const plan: UserPlan = emptyPlan();
  const claims = new Claims();
  for (const { line, row } of rows) {
    const fail = (reason: string) => plan.failures.push({ line, reason });
    const named = row.name ? (byName.get(normalize(row.name)) ?? []) : [];
    if (!row.email && named.length > 1) {
      fail(`${named.length} people are called ${row.name}; add an email column to tell them apart`);
      continue;
    }
    const match = (row.email ? byEmail.get(row.email) : undefined) ?? named.find((user) => !row.email || !user.email);
    const displayName = row.name ?? match?.displayName ?? row.email?.split('@')[0];
    if (!displayName) {
      fail('the name and the email are both empty');
      continue;
    }
    const earlier = claims.claim(line, [
      match ? `match:${match.id}` : null,
      row.email ? `email:${row.email}` : `name:${normalize(displayName)}`,
    ]);
    if (earlier !== null) {
      fail(`it is the same person as line ${earlier}; give each person one row`);
      continue;
    }
    const fields = defined({
      displayName: row.name ?? undefined,
      email: row.email,
      role: row.role ?? undefined,
      timeZone: row.timeZone,
    });
    if (!match) {
      plan.creates.push({ line, data: { ...fields, displayName } });
      continue;
    }
    const patch = changes(match, fields);
    if (Object.keys(patch).length === 0) plan.unchanged++;
    else plan.updates.push({ line, id: match.id, patch });
  }
  return plan;
}

export const userWriter: BatchWriter<Create, Update> = {
  slots: () => [],
  create: (insert, items, origins, by) =>
    insert.users(
      items.map((item) => item.data),
      origins,
      by,
    ),
  update: (store, item, origin, by) => store.imports.updateUser(item.id, item.patch, origin, by),
};
