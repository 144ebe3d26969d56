// Contacts from a file: matched by their CRM id, else by email at the same account, else by name there.
import { normalize } from '../domain/normalize.ts';
import type { ContactImportPatch, ImportedContact, NewContact } from '../store/store.ts';
import type { AccountDirectory } from './account-refs.ts';
import { Claims, changes, defined, emptyPlan, type Parsed, type Plan } from './plan.ts';
import { matchingId, RecordIds } from './record-ids.ts';
import type { ContactRow } from './rows.ts';
import type { BatchWriter } from './write.ts';

export type ContactPlan = Plan<{ data: NewContact }, { patch: ContactImportPatch }>;

function nameOf(row: ContactRow): string | null | undefined {
  if (row.name !== undefined && row.name !== null) return row.name;
  const parts = [row.firstName, row.lastName].filter((part): part is string => Boolean(part));
  if (parts.length > 0) return parts.join(' ');
  return row.name === undefined && row.firstName === undefined && row.lastName === undefined ? undefined : null;
}

export function planContacts(
  rows: readonly Parsed<ContactRow>[],
  existing: readonly ImportedContact[],
  accounts: AccountDirectory,
): ContactPlan {
  const byExternalId = new RecordIds(existing, (contact) => contact.externalId);
  const byEmail = new Map(existing.flatMap((c) => (c.email ? [[`${c.accountId}|${c.email}`, c] as const] : [])));
  const byName = new Map(existing.map((c) => [`${c.accountId}|${normalize(c.name)}`, c] as const));
  const plan: ContactPlan = emptyPlan();
  const claims = new Claims();
  for (const { line, row } of rows) {
    const fail = (reason: string) => plan.failures.push({ line, reason });
    const lookup = accounts.find(row, 'a contact');
    if (lookup && 'problem' in lookup) {
      fail(lookup.problem);
      continue;
    }
    const accountId = lookup?.account.id;
    const name = nameOf(row);
    const match =
      byExternalId.get(row.externalId) ??
      (accountId !== undefined && row.email ? byEmail.get(`${accountId}|${row.email}`) : undefined) ??
      (accountId !== undefined && name && !row.externalId ? byName.get(`${accountId}|${normalize(name)}`) : undefined);
    if (!match && accountId === undefined) {
      fail('names no account, and a new contact belongs to one');
      continue;
    }
    if (!match && !name) {
      fail('a new contact needs a name (the name cells are empty)');
      continue;
    }
    const earlier = claims.claim(line, [
      match ? `match:${match.id}` : null,
      row.externalId ? `id:${matchingId(row.externalId)}` : null,
      row.email ? `email:${accountId}|${row.email}` : null,
      name && !row.email && !row.externalId ? `name:${accountId}|${normalize(name)}` : null,
    ]);
    if (earlier !== null) {
      fail(`it is the same contact as line ${earlier}; give each contact one row`);
      continue;
    }
    const fields = defined({
      accountId,
      name: name ?? undefined,
      externalId: row.externalId,
      title: row.title,
      email: row.email,
      phone: row.phone,
      buyingRole: row.buyingRole,
      influence: row.influence,
      relationship: row.relationship,
      lastContactAt: row.lastContactAt,
      leftAt: row.leftAt,
    });
    if (!match) {
      plan.creates.push({ line, data: { ...fields, accountId: accountId as number, name: name as string } });
      continue;
    }
    const patch = changes(match, fields);
    if (Object.keys(patch).length === 0) plan.unchanged++;
    else plan.updates.push({ line, id: match.id, patch });
  }
  return plan;
}

export const contactWriter: BatchWriter<{ data: NewContact }, { patch: ContactImportPatch }> = {
  slots: () => [],
  create: (insert, items, origins, by) =>
    insert.contacts(
      items.map((item) => item.data),
      origins,
      by,
    ),
  update: (store, item, origin, by) => store.imports.updateContact(item.id, item.patch, origin, by),
};
