// Opportunities from a file: matched by their CRM id, else (when the file has no ids) by title at the same account.
// Won and lost deals are closed on their close date, never "now": an import of last year's wins must not show up as
// this week's wins in the digest.
import { normalize } from '../domain/normalize.ts';
import type { OpportunityStage } from '../domain/records.ts';
import type { ImportedOpportunity, NewImportedOpportunity, OpportunityImportPatch } from '../store/store.ts';
import type { AccountDirectory } from './account-refs.ts';
import { idOf, type People, type UserSlot } from './people.ts';
import { Claims, changes, defined, emptyPlan, type Parsed, type Plan } from './plan.ts';
import { matchingId, RecordIds } from './record-ids.ts';
import type { OpportunityRow } from './rows.ts';
import type { BatchWriter } from './write.ts';

type Fields = Omit<NewImportedOpportunity, 'ownerId'> & { ownerId?: UserSlot | null };
type Create = { data: Fields };
type Update = { patch: Omit<OpportunityImportPatch, 'ownerId'> & { ownerId?: UserSlot | null } };
export type OpportunityPlan = Plan<Create, Update>;

const isClosed = (stage: OpportunityStage | undefined) => stage === 'won' || stage === 'lost';

/** closedAt and stageChangedAt as the row implies them (undefined: leave them). */
function stageDates(
  row: OpportunityRow,
  stage: OpportunityStage | undefined,
  match: ImportedOpportunity | undefined,
  now: Date,
) {
  let closedAt: Date | null | undefined = row.closedAt;
  if (closedAt === undefined && row.stage) {
    const kept = match && match.stage === stage ? match.closedAt : null;
    closedAt = isClosed(stage) ? (row.expectedCloseAt ?? kept) : null;
  }
  let stageChangedAt = row.stageChangedAt ?? undefined;
  if (stageChangedAt === undefined && (!match || (row.stage && row.stage !== match.stage))) {
    stageChangedAt = closedAt ?? (match ? now : (row.createdAt ?? now));
  }
  return { closedAt, stageChangedAt };
}

export function planOpportunities(
  rows: readonly Parsed<OpportunityRow>[],
  existing: readonly ImportedOpportunity[],
  accounts: AccountDirectory,
  people: People,
  options: { currency: string | undefined; now: Date },
): OpportunityPlan {
  const byExternalId = new RecordIds(existing, (opportunity) => opportunity.externalId);
  const byTitle = new Map<string, ImportedOpportunity[]>();
  for (const opp of existing) {
    if (opp.externalId) continue;
    const key = `${opp.accountId}|${normalize(opp.title)}`;
    byTitle.set(key, [...(byTitle.get(key) ?? []), opp]);
  }
  const plan: OpportunityPlan = emptyPlan();
  const claims = new Claims();
  for (const { line, row } of rows) {
    const fail = (reason: string) => plan.failures.push({ line, reason });
    const lookup = accounts.find(row, 'an opportunity');
    if (lookup === null && !row.externalId) {
      fail('names no account, and an opportunity belongs to one');
      continue;
    }
    if (lookup && 'problem' in lookup) {
      fail(lookup.problem);
      continue;
    }
    const account = lookup?.account;
    // Without ids, the same title at the same account (and the same creation time, when given) is the same deal.
    const sameTitle =
      (account && row.title && !row.externalId ? byTitle.get(`${account.id}|${normalize(row.title)}`) : undefined) ??
      [];
    const candidates = row.createdAt
      ? sameTitle.filter((o) => o.createdAt.getTime() === row.createdAt?.getTime())
      : sameTitle;
    if (candidates.length > 1) {
      fail(
        `${account?.name} has ${candidates.length} opportunities called “${row.title}”; add an id column to tell them apart`,
      );
      continue;
    }
    const match = byExternalId.get(row.externalId) ?? candidates[0];
    if (!match && !account) {
      fail('names no account, and a new opportunity belongs to one');
      continue;
    }
    if (!match && !row.title) {
      fail('a new opportunity needs a title (the title cell is empty)');
      continue;
    }
    const earlier = claims.claim(line, [
      match ? `match:${match.id}` : null,
      row.externalId ? `id:${matchingId(row.externalId)}` : null,
    ]);
    if (earlier !== null) {
      fail(`it is the same opportunity as line ${earlier}; give each opportunity one row`);
      continue;
    }
    const stage = row.stage ?? (match ? undefined : 'lead');
    const fields: Partial<Fields> = defined({
      accountId: account?.id,
      title: row.title ?? undefined,
      externalId: row.externalId,
      stage,
      value: row.value === null ? null : row.value?.value,
      currency: row.currency ?? row.value?.currency ?? (match ? undefined : (options.currency ?? account?.currency)),
      expectedCloseAt: row.expectedCloseAt,
      probability: row.probability,
      competitors: row.competitors === null ? [] : row.competitors,
      lossReason: row.lossReason,
      ownerId: row.owner === null ? null : row.owner && people.resolve(row.owner, line),
      createdAt: row.createdAt ?? undefined,
      ...stageDates(row, stage, match, options.now),
    });
    if (!match) {
      plan.creates.push({ line, data: { ...fields, accountId: account?.id as number, title: row.title as string } });
      continue;
    }
    const { ownerId, ...rest } = fields;
    const patch: Update['patch'] = changes(match, rest);
    if (ownerId !== undefined && (ownerId?.id ?? null) !== match.ownerId) patch.ownerId = ownerId;
    if (Object.keys(patch).length === 0) plan.unchanged++;
    else plan.updates.push({ line, id: match.id, patch });
  }
  return plan;
}

export const opportunityWriter: BatchWriter<Create, Update> = {
  slots: (item) => ['data' in item ? item.data.ownerId : item.patch.ownerId],
  create: (insert, items, origins, by) =>
    insert.opportunities(
      items.map(({ data: { ownerId, ...data } }) => ({ ...data, ownerId: idOf(ownerId) ?? null })),
      origins,
      by,
    ),
  update: (store, { id, patch: { ownerId, ...patch } }, origin, by) =>
    store.imports.updateOpportunity(
      id,
      ownerId === undefined ? patch : { ...patch, ownerId: idOf(ownerId) },
      origin,
      by,
    ),
};
