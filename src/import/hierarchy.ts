// Parent accounts, whatever the order of the rows: a subsidiary may come before its parent. A parent is looked for
// among the file's accounts first, then among kam-bot's. A row whose parent is missing, was itself refused, or would
// close a loop (A under B under A) is refused whole, so no account is imported without the parent its row names.
import { normalize } from '../domain/normalize.ts';
import type { Account } from '../domain/records.ts';
import { shown } from './cells.ts';
import { matchingId } from './record-ids.ts';
import type { AccountRow } from './rows.ts';

export interface AccountDraft {
  line: number;
  row: AccountRow;
  /** The account the row updates; null for a new one. */
  match: Account | null;
  key: string;
  name: string;
  /** undefined: the file says nothing about the parent; null: none. */
  parent?: ParentTarget | null;
  /** Why the row is refused. */
  failure?: string;
}

export type ParentTarget = { draft: AccountDraft } | { account: Account };

/** The parent reference of a row: by id, key or anything (id, key or name), or undefined/null. */
function parentRef(row: AccountRow): { text: string; by: 'id' | 'key' | 'any' } | null | undefined {
  if (row.parentExternalId) return { text: matchingId(row.parentExternalId), by: 'id' };
  if (row.parentKey) return { text: row.parentKey.toLowerCase(), by: 'key' };
  if (row.parent) return { text: row.parent, by: 'any' };
  const present = row.parent !== undefined || row.parentKey !== undefined || row.parentExternalId !== undefined;
  return present ? null : undefined;
}

function indexOf<T>(items: readonly T[], keys: (item: T) => (string | null)[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) if (key !== null) index.set(key, [...(index.get(key) ?? []), item]);
  }
  return index;
}

const identities = (id: string | null, key: string, name: string) => [
  id === null ? null : `id:${matchingId(id)}`,
  `key:${key}`,
  `name:${normalize(name)}`,
];

export function resolveParents(drafts: readonly AccountDraft[], existing: readonly Account[]): void {
  const live = drafts.filter((draft) => !draft.failure);
  const inFile = indexOf(live, (d) => identities(d.row.externalId ?? d.match?.externalId ?? null, d.key, d.name));
  const inStore = indexOf(existing, (a) => identities(a.externalId, a.key, a.name));
  const draftFor = new Map(live.flatMap((draft) => (draft.match ? [[draft.match.id, draft] as const] : [])));
  for (const draft of live) {
    const ref = parentRef(draft.row);
    if (ref === undefined || ref === null) {
      draft.parent = ref;
      continue;
    }
    const lookups =
      ref.by === 'any'
        ? [`id:${matchingId(ref.text)}`, `key:${ref.text.toLowerCase()}`, `name:${normalize(ref.text)}`]
        : [`${ref.by}:${ref.text}`];
    const lookup = lookups.find((key) => inFile.has(key) || inStore.has(key));
    const candidates: ParentTarget[] = lookup
      ? (inFile.get(lookup)?.map((d) => ({ draft: d })) ??
        inStore.get(lookup)?.map((account) => {
          const same = draftFor.get(account.id);
          return same ? { draft: same } : { account };
        }) ??
        [])
      : [];
    if (candidates.length === 0) {
      draft.failure = `the parent account ${shown(ref.text)} is neither in the file nor in kam-bot`;
    } else if (candidates.length > 1) {
      draft.failure = `the parent ${shown(ref.text)} fits ${candidates.length} accounts; name it by key or id`;
    } else if (candidates[0] && 'draft' in candidates[0] && candidates[0].draft === draft) {
      draft.failure = 'the account is named as its own parent';
    } else {
      draft.parent = candidates[0];
    }
  }
  refuseOrphansAndLoops(drafts, existing);
}

/**
 * Refuses rows whose parent is a new account whose row was refused, and rows that would close a loop, until none is
 * left.
 */
function refuseOrphansAndLoops(drafts: readonly AccountDraft[], existing: readonly Account[]): void {
  const byId = new Map(existing.map((account) => [account.id, account]));
  const draftFor = new Map(drafts.flatMap((draft) => (draft.match ? [[draft.match.id, draft] as const] : [])));
  /** The parent of a draft or an account once the import is done. */
  const up = (node: AccountDraft | Account): AccountDraft | Account | null => {
    if ('row' in node) {
      // A refused row changes nothing: its account (if it exists) keeps the parent it has.
      if (node.failure || node.parent === undefined) return node.match ? up(node.match) : null;
      if (node.parent === null) return null;
      return 'draft' in node.parent ? node.parent.draft : (draftFor.get(node.parent.account.id) ?? node.parent.account);
    }
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    return parent ? (draftFor.get(parent.id) ?? parent) : null;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const draft of drafts) {
      if (draft.failure || !draft.parent || !('draft' in draft.parent)) continue;
      const parent = draft.parent.draft;
      if (!parent.failure) continue;
      // A refused row about an account kam-bot has still leaves that account there to be a parent.
      if (parent.match) draft.parent = { account: parent.match };
      else draft.failure = `its parent ${shown(parent.name)} (line ${parent.line}) was not imported`;
      changed = true;
    }
    // Every row of a loop is found before any is refused, so that each is told about the loop.
    const looped = drafts.filter((draft) => {
      if (draft.failure || !draft.parent) return false;
      const seen = new Set<AccountDraft | Account>([draft]);
      for (let node = up(draft); node; node = up(node)) {
        if (node === draft) return true;
        if (seen.has(node)) return false;
        seen.add(node);
      }
      return false;
    });
    for (const draft of looped) {
      draft.failure = `making ${shown(parentName(draft))} its parent would put the account under itself`;
      changed = true;
    }
  }
}

function parentName(draft: AccountDraft): string {
  if (!draft.parent) return '';
  return 'draft' in draft.parent ? draft.parent.draft.name : draft.parent.account.name;
}
