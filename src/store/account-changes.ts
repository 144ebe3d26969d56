// What an account update changed, field by field, for the audit trail and the timeline ("tier B → A").
import type { AccountPatch } from './accounts.ts';
import type { Prisma } from './prisma.ts';

type AccountRow = Prisma.AccountGetPayload<object>;

/** Fields whose old and new value the audit keeps, so the timeline can say "tier B → A". */
const TRACKED = [
  'name',
  'key',
  'tier',
  'status',
  'ownerId',
  'parentId',
  'region',
  'country',
  'sector',
  'visibility',
  'renewalAt',
  'annualRevenue',
  'potential',
] as const;

/** What a patch changes, as JSON-safe before and after values; the gut feel as score and reason. */
export function changesOf(existing: AccountRow, patch: AccountPatch): Record<string, { from: unknown; to: unknown }> {
  const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of TRACKED) {
    if (!(field in patch)) continue;
    const from = plain(existing[field]);
    const to = plain(patch[field]);
    if (from !== to) changes[field] = { from, to };
  }
  if ('healthOverride' in patch) {
    const before =
      existing.healthOverrideScore === null
        ? null
        : { score: existing.healthOverrideScore, reason: existing.healthOverrideReason };
    const after = patch.healthOverride
      ? { score: patch.healthOverride.score, reason: patch.healthOverride.reason }
      : null;
    changes.healthOverride = { from: before, to: after };
  }
  return changes;
}
