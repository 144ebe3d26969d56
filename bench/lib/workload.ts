// What people type: account references (keys, names, names without the legal form, "parent country" for
// subsidiaries, typos), each with the account it should find, checked against the app's own matcher so that a
// "show" request is a real answer and not a question back.
import BetterSqlite3 from 'better-sqlite3';
import { Random } from '../../src/demo/random.ts';
import { AccountMatcher, type MatchableAccount } from '../../src/domain/account-matching.ts';
import { coreName } from '../../src/domain/normalize.ts';
import type { DatasetMeta, Persona } from './dataset.ts';

export interface IndexRow extends MatchableAccount {
  ownerId: number | null;
  visibility: string;
  archived: boolean;
  tier: string;
}

export type ReferenceKind = 'key' | 'name' | 'short name' | 'parent + country' | 'typo, 1 edit' | 'typo, 2 edits';

export interface Reference {
  kind: ReferenceKind;
  text: string;
  accountId: number;
  name: string;
}

export function readIndex(path: string, workspaceId: number): IndexRow[] {
  const db = new BetterSqlite3(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT id, key, name, aliases, parentId, country, ownerId, visibility, tier, archivedAt IS NOT NULL AS archived
       FROM Account WHERE workspaceId = ?`,
    )
    .all(workspaceId) as (Omit<IndexRow, 'aliases' | 'archived'> & { aliases: string; archived: number })[];
  db.close();
  return rows.map((row) => ({ ...row, aliases: JSON.parse(row.aliases) as string[], archived: row.archived === 1 }));
}

/** The accounts a person may see, as the app decides it (open ones, and restricted ones of their team). */
export function visibleTo(path: string, index: IndexRow[], persona: Persona): IndexRow[] {
  if (persona.role === 'admin') return index.filter((row) => !row.archived);
  const db = new BetterSqlite3(path, { readonly: true });
  const team = new Set(
    (
      db
        .prepare('SELECT id FROM Account WHERE ownerId = ? UNION SELECT accountId FROM AccountMember WHERE userId = ?')
        .all(persona.userId, persona.userId) as { id: number }[]
    ).map((row) => row.id),
  );
  db.close();
  return index.filter((row) => !row.archived && (row.visibility === 'open' || team.has(row.id)));
}

/** One typing mistake: a letter dropped, doubled, swapped with the next, or replaced by its keyboard neighbour. */
function typo(text: string, rng: Random): string {
  const letters = [...text];
  const positions = letters.map((char, index) => (/\p{L}/u.test(char) && index > 0 ? index : -1)).filter((i) => i > 0);
  const at = rng.pick(positions);
  const kind = rng.int(0, 3);
  if (kind === 0) letters.splice(at, 1);
  else if (kind === 1) letters.splice(at, 0, letters[at] ?? '');
  else if (kind === 2 && at + 1 < letters.length && /\p{L}/u.test(letters[at + 1] ?? '')) {
    [letters[at], letters[at + 1]] = [letters[at + 1] ?? '', letters[at] ?? ''];
  } else letters[at] = 'qwertyuiopasdfghjklzxcvbnm'[rng.int(0, 25)] ?? 'x';
  return letters.join('');
}

/**
 * References to `count` accounts the persona may see, in the given mix of kinds. Only references the app's matcher
 * resolves to the intended account are kept (a typo that lands on another name is a different benchmark); the share
 * of typos that did resolve is reported by the resolution scenario, which keeps all of them.
 */
export function references(
  visible: IndexRow[],
  count: number,
  mix: readonly (readonly [ReferenceKind, number])[],
  seed: number,
  options: { keepUnresolved?: boolean } = {},
): Reference[] {
  const rng = new Random(seed);
  const matcher = new AccountMatcher(visible);
  const byId = new Map(visible.map((row) => [row.id, row]));
  const out: Reference[] = [];
  let attempts = 0;
  while (out.length < count && attempts++ < count * 50) {
    const row = rng.pick(visible);
    const kind = rng.weighted(mix);
    let text: string;
    const core = coreName(row.name);
    switch (kind) {
      case 'key':
        text = row.key;
        break;
      case 'name':
        text = row.name;
        break;
      case 'short name':
        if (core === row.name.toLowerCase()) continue;
        text = core;
        break;
      case 'parent + country': {
        const parent = row.parentId === null ? undefined : byId.get(row.parentId);
        if (!parent || !row.country) continue;
        text = `${coreName(parent.name)} ${row.country}`;
        break;
      }
      case 'typo, 1 edit':
        if (core.length < 5) continue;
        text = typo(core, rng);
        break;
      case 'typo, 2 edits':
        if (core.length < 9) continue;
        text = typo(typo(core, rng), rng);
        break;
    }
    const match = matcher.match(text);
    if (!options.keepUnresolved && !(match.kind === 'found' && match.id === row.id)) continue;
    out.push({ kind, text, accountId: row.id, name: row.name });
  }
  return out;
}

/** The mix of references people use with /account show. */
export const SHOW_MIX = [
  ['key', 50],
  ['name', 25],
  ['short name', 10],
  ['parent + country', 5],
  ['typo, 1 edit', 10],
] as const;

export type Meta = DatasetMeta;
