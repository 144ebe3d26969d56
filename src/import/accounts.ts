// Accounts from a file: each row is matched to an account by its CRM id, else its key, else its exact name, and
// creates or updates it. All accounts are written in one transaction, so subsidiaries and their parents arrive
// together.

import { KEY_PATTERN, sharedKeys, suggestKey } from '../domain/account-key.ts';
import { normalize } from '../domain/normalize.ts';
import type { Account } from '../domain/records.ts';
import { regionOfCountry } from '../domain/regions.ts';
import type { AccountPatch, Actor, NewImportedAccount, WorkspaceStore } from '../store/store.ts';
import { shown } from './cells.ts';
import { type AccountDraft, resolveParents } from './hierarchy.ts';
import { createUsersFor, idOf, type People, type UserSlot } from './people.ts';
import { Claims, changes, defined, type ImportSource, type Parsed, type Plan } from './plan.ts';
import { matchingId, RecordIds, sameRecordId } from './record-ids.ts';
import type { AccountRow } from './rows.ts';

type Fields = Omit<NewImportedAccount, 'ownerId'> & { ownerId?: UserSlot | null };
export type AccountPlan = Plan<
  { draft: AccountDraft; data: Fields },
  { draft: AccountDraft; patch: Partial<Fields>; parentChanged: boolean }
>;

const MILLION = 1_000_000;

function identify(
  rows: readonly Parsed<AccountRow>[],
  existing: readonly Account[],
  allowDuplicates: boolean,
): AccountDraft[] {
  const byExternalId = new RecordIds(existing, (account) => account.externalId);
  const byKey = new Map(existing.map((account) => [account.key, account]));
  const byName = new Map<string, Account[]>();
  for (const account of existing)
    byName.set(normalize(account.name), [...(byName.get(normalize(account.name)) ?? []), account]);
  const claims = new Claims();
  const drafts: AccountDraft[] = [];
  for (const { line, row } of rows) {
    const key = row.key?.toLowerCase() ?? null;
    const draft: AccountDraft = { line, row, match: null, key: key ?? '', name: row.name ?? '' };
    drafts.push(draft);
    // Another system's id wins; a name only matches an account that has no other id. A key is kam-bot's own handle,
    // so it matches whatever id the account holds: that is how a second CRM's rows update the same accounts.
    const free = (account: Account | undefined) =>
      account && (!row.externalId || !account.externalId || sameRecordId(account.externalId, row.externalId))
        ? account
        : undefined;
    const named = row.name ? (byName.get(normalize(row.name)) ?? []).filter((account) => free(account)) : [];
    if (key !== null && !KEY_PATTERN.test(key)) {
      draft.failure = `the key ${shown(key)} is not one: up to 32 lower-case letters, digits and dashes`;
      continue;
    }
    if (named.length > 1 && !row.externalId && key === null) {
      draft.failure = `${shown(row.name ?? '')} is the name of ${named.length} accounts (${named.map((a) => a.key).join(', ')}); add a key column`;
      continue;
    }
    draft.match =
      byExternalId.get(row.externalId) ??
      (key === null ? undefined : byKey.get(key)) ??
      (key === null && named.length === 1 ? named[0] : undefined) ??
      null;
    const owner = key === null ? undefined : byKey.get(key);
    if (owner && owner !== draft.match) {
      draft.failure = `the key ${shown(key ?? '')} belongs to another account, ${owner.name}`;
      continue;
    }
    if (!draft.match && !row.name) {
      draft.failure = 'a new account needs a name (the name cell is empty)';
      continue;
    }
    // The same customer from another CRM (its id differs only by source): never a second account unless asked.
    const twin = row.name ? byName.get(normalize(row.name))?.[0] : undefined;
    if (!draft.match && twin && !allowDuplicates) {
      draft.failure = `an account named ${shown(twin.name)} exists already (${twin.key}), so it was not created twice; add key ${twin.key} to the row to update it, or --allow-duplicates to create a second one`;
      continue;
    }
    draft.name = row.name ?? draft.match?.name ?? '';
    const earlier = claims.claim(line, [
      draft.match ? `match:${draft.match.id}` : null,
      row.externalId ? `id:${matchingId(row.externalId)}` : null,
      key === null ? null : `key:${key}`,
      row.externalId ? null : `name:${normalize(draft.name)}`,
    ]);
    if (earlier !== null) draft.failure = `it is the same account as line ${earlier}; give each account one row`;
  }
  // Keys for new accounts come last, so that none takes a key a later row asks for.
  // A subsidiary's key follows its own name: "siemens" is left to Siemens AG when Siemens Mobility is beside it.
  const taken = new Set([...existing.map((account) => account.key), ...drafts.map((draft) => draft.key)]);
  const shared = sharedKeys([...existing.map((account) => account.name), ...drafts.map((draft) => draft.name)]);
  for (const draft of drafts) {
    if (draft.failure || draft.key) continue;
    draft.key = draft.match?.key ?? suggestKey(draft.name, (candidate) => taken.has(candidate), shared);
    taken.add(draft.key);
  }
  return drafts;
}

/** The fields a row sets (undefined: not in the file). */
function fieldsOf(draft: AccountDraft, people: People, currency: string | undefined): Partial<Fields> {
  const { row } = draft;
  const revenue =
    row.annualRevenueMillions === undefined
      ? row.annualRevenue
      : row.annualRevenueMillions && {
          ...row.annualRevenueMillions,
          value: Math.round(row.annualRevenueMillions.value * MILLION * 100) / 100,
        };
  const amountCurrency = revenue?.currency ?? row.potential?.currency ?? null;
  return defined({
    key: draft.key,
    name: draft.name,
    // An account keeps the id of the system it came from; a second CRM's id does not replace it.
    externalId: draft.match?.externalId ? undefined : row.externalId,
    aliases: row.aliases === null ? [] : row.aliases,
    tier: row.tier ?? undefined,
    status: row.status ?? undefined,
    sector: row.sector,
    country: row.country,
    // A new account's region follows its country when the file has no region column ("Germany" → EMEA).
    region: row.region === undefined && !draft.match ? (regionOfCountry(row.country) ?? undefined) : row.region,
    ownerId: row.owner === null ? null : row.owner && people.resolve(row.owner, draft.line),
    annualRevenue: revenue === null ? null : revenue?.value,
    potential: row.potential === null ? null : row.potential?.value,
    currency: row.currency ?? amountCurrency ?? (draft.match ? undefined : currency),
    renewalAt: row.renewalAt,
    visibility: row.visibility ?? undefined,
    strategy: row.strategy,
    archivedAt: row.archivedAt,
  });
}

/** The parent id the row asks for, NaN for a parent that is new in this file (so it always differs). */
function wantedParentId(draft: AccountDraft): number | null {
  const parent = draft.parent;
  if (!parent) return null;
  if ('account' in parent) return parent.account.id;
  return parent.draft.match?.id ?? Number.NaN;
}

export function planAccounts(
  rows: readonly Parsed<AccountRow>[],
  existing: readonly Account[],
  people: People,
  currency: string | undefined,
  allowDuplicates = false,
): AccountPlan {
  const drafts = identify(rows, existing, allowDuplicates);
  resolveParents(drafts, existing);
  const plan: AccountPlan = { creates: [], updates: [], unchanged: 0, failures: [] };
  for (const draft of drafts) {
    if (draft.failure) {
      plan.failures.push({ line: draft.line, reason: draft.failure });
      continue;
    }
    const fields = fieldsOf(draft, people, currency);
    if (!draft.match) {
      plan.creates.push({ line: draft.line, draft, data: { key: draft.key, name: draft.name, ...fields } });
      continue;
    }
    const { ownerId, ...rest } = fields;
    const patch: Partial<Fields> = changes(draft.match, rest);
    if (ownerId !== undefined && (ownerId?.id ?? null) !== draft.match.ownerId) patch.ownerId = ownerId;
    const parentChanged = draft.parent !== undefined && wantedParentId(draft) !== draft.match.parentId;
    if (Object.keys(patch).length === 0 && !parentChanged) plan.unchanged++;
    else plan.updates.push({ line: draft.line, id: draft.match.id, draft, patch, parentChanged });
  }
  return plan;
}

/** Writes the plan in one transaction: users it needs, new accounts, changes, then every parent link. */
export async function writeAccounts(
  store: WorkspaceStore,
  plan: AccountPlan,
  people: People,
  source: ImportSource,
  by: Actor,
) {
  return store.transaction(
    async (tx) => {
      const owners = [...plan.creates.map((c) => c.data.ownerId), ...plan.updates.map((u) => u.patch.ownerId)];
      const usersCreated = await createUsersFor(people, tx, owners, source, by);
      const idOfDraft = new Map<AccountDraft, number>();
      const ids = await tx.imports.createAccounts(
        plan.creates.map(({ data: { ownerId, ...data } }) => ({ ...data, ownerId: idOf(ownerId) ?? null })),
        plan.creates.map(({ line }) => ({ ...source, line })),
        by,
      );
      plan.creates.forEach((create, index) => {
        idOfDraft.set(create.draft, ids[index] as number);
      });
      for (const update of plan.updates) idOfDraft.set(update.draft, update.id);
      const parentIdOf = (draft: AccountDraft): number | null | undefined => {
        const parent = draft.parent;
        if (parent === undefined || parent === null) return parent;
        return 'draft' in parent ? (idOfDraft.get(parent.draft) ?? parent.draft.match?.id) : parent.account.id;
      };
      for (const { id, line, draft, patch, parentChanged } of plan.updates) {
        const { ownerId, ...rest } = patch;
        const accountPatch: AccountPatch = { ...rest };
        if (ownerId !== undefined) accountPatch.ownerId = idOf(ownerId);
        if (parentChanged) accountPatch.parentId = parentIdOf(draft);
        await tx.accounts.update(id, accountPatch, by, { ...source, line });
      }
      for (const { draft } of plan.creates) {
        const parentId = parentIdOf(draft);
        if (parentId) await tx.imports.setParent(idOfDraft.get(draft) as number, parentId);
      }
      return { usersCreated };
    },
    { timeoutMs: 120_000 },
  );
}
