// The people a file names as owners or authors ("Dana Scully", "dana@example.com", "Dana Scully <dana@…>"): a
// kam-bot user already known by email or name, or a new user, created once however many rows name them. New
// users are members without a Slack or Teams identity; when the person first uses kam-bot, their email (or, in the
// console, their name) links them to the user made here.
import { normalize } from '../domain/normalize.ts';
import type { User } from '../domain/records.ts';
import type { Actor, NewUser, WorkspaceStore } from '../store/store.ts';
import type { PersonRef } from './cells.ts';
import type { ImportSource } from './plan.ts';

/** A user to point at: filled in when a new user is written, so rows can name people before they exist. */
export interface UserSlot {
  id: number | null;
}

export interface PendingUser {
  user: NewUser;
  line: number;
  slot: UserSlot;
}

export class People {
  private readonly byEmail = new Map<string, UserSlot>();
  /** By name: the user, and whether they have an email (then only that email names them for sure). */
  private readonly byName = new Map<string, { slot: UserSlot; email: boolean }>();
  private readonly pending: PendingUser[] = [];

  constructor(existing: readonly User[]) {
    for (const user of existing) {
      const slot = { id: user.id };
      if (user.email) this.byEmail.set(user.email, slot);
      // The first user of a name wins; an import cannot tell two people of one name apart without their emails.
      const name = normalize(user.displayName);
      if (!this.byName.has(name)) this.byName.set(name, { slot, email: user.email !== null });
    }
  }

  /**
   * The user the cell names: by email, else by name (a cell with an email matches a user of that name only when
   * the user has no email); a new user, written later, when nobody matches.
   */
  resolve(person: PersonRef, line: number): UserSlot {
    const byEmail = person.email ? this.byEmail.get(person.email) : undefined;
    if (byEmail) return byEmail;
    const name = person.name ?? person.email?.split('@')[0] ?? '';
    const byName = this.byName.get(normalize(name));
    if (byName && (!person.email || !byName.email)) return byName.slot;
    const slot: UserSlot = { id: null };
    this.pending.push({ user: { displayName: name, email: person.email }, line, slot });
    if (person.email) this.byEmail.set(person.email, slot);
    if (!byName) this.byName.set(normalize(name), { slot, email: person.email !== null });
    return slot;
  }

  /** The new users among `slots` that are not written yet (not those only failed rows named). */
  unwritten(slots: Iterable<UserSlot | null | undefined>): PendingUser[] {
    const wanted = new Set([...slots].filter((slot) => slot && slot.id === null));
    return this.pending.filter((entry) => wanted.has(entry.slot));
  }

  /** Records the ids the new users were written with. */
  written(entries: readonly PendingUser[], ids: readonly number[]): void {
    entries.forEach((entry, index) => {
      entry.slot.id = ids[index] ?? null;
    });
  }
}

/** Writes the new users `slots` name, through Prisma (inside a WorkspaceStore transaction). */
export async function createUsersFor(
  people: People,
  store: WorkspaceStore,
  slots: Iterable<UserSlot | null | undefined>,
  source: ImportSource,
  by: Actor,
): Promise<number> {
  const entries = people.unwritten(slots);
  const ids = await store.imports.createUsers(
    entries.map((entry) => entry.user),
    entries.map((entry) => ({ ...source, line: entry.line })),
    by,
  );
  people.written(entries, ids);
  return entries.length;
}

/** The id a slot stands for, once written. */
export function idOf(slot: UserSlot | null | undefined): number | null | undefined {
  if (slot === undefined) return undefined;
  if (slot === null) return null;
  if (slot.id === null) throw new Error('A new user was used before it was written.');
  return slot.id;
}
