// What a digest is made of (digest.ts composes it, src/replies/digest-reply.ts shows it), as plain data.
import type { Health } from './health.ts';
import type { HealthSettings } from './health-settings.ts';
import type { Trend } from './health-trend.ts';
import type { HealthBand, OpportunityStage, Tier } from './records.ts';

/** One account as the digest sees it. Restricted accounts are never given to the digest. */
export interface DigestAccount {
  id: number;
  key: string;
  name: string;
  tier: Tier;
  ownerName: string | null;
  renewalAt: Date | null;
  health: Health;
  /** Weekly scores of the 7 weeks before this one, oldest first (null: no snapshot that week). */
  previousWeeks: (number | null)[];
  /** The band of last week's snapshot, if there was one. */
  lastWeekBand: HealthBand | null;
  /** Newest note or contact touch. */
  lastInteractionAt: Date | null;
  /** Notes written in the digest's week. */
  notesThisWeek: number;
}

export interface DigestOpportunity {
  accountId: number;
  title: string;
  stage: OpportunityStage;
  value: number | null;
  currency: string;
  expectedCloseAt: Date | null;
  closedAt: Date | null;
  lossReason: string | null;
}

export interface DigestTask {
  accountId: number;
  title: string;
  dueAt: Date;
  assigneeName: string | null;
}

export interface DigestInput {
  /** The moment the digest is for; the week is the 7 days before it. */
  now: Date;
  settings: HealthSettings;
  accounts: DigestAccount[];
  /** Open opportunities and those closed in the last 7 days, of these accounts. */
  opportunities: DigestOpportunity[];
  /** Open tasks due before today, of these accounts. */
  overdueTasks: DigestTask[];
}

export interface DigestLine {
  account: Pick<DigestAccount, 'id' | 'key' | 'name' | 'tier' | 'ownerName'>;
}

export interface Digest {
  now: Date;
  /** Accounts per band now, and a week ago (from snapshots; null when there were none). */
  counts: Record<HealthBand | 'unscored', number>;
  lastWeekCounts: Record<HealthBand, number> | null;
  /** Turned amber or red this week: band, previous band, top reason, trend. */
  needsAttention: (DigestLine & {
    band: HealthBand;
    previousBand: HealthBand | null;
    score: number;
    reason: string | null;
    trend: Trend;
  })[];
  /** No interaction for longer than the tier's cadence. */
  goingQuiet: (DigestLine & { days: number | null; cadenceDays: number })[];
  /** Renewals in the next 60 days, soonest first. */
  renewals: (DigestLine & { renewalAt: Date; days: number })[];
  /** Open opportunities expected to close in the next 30 days, soonest first; `days` until the close date. */
  closing: (DigestLine & {
    title: string;
    value: number | null;
    currency: string;
    expectedCloseAt: Date;
    days: number;
  })[];
  /** Open opportunities whose expected close date has passed, longest overdue first; `days` since that date. */
  pastClose: (DigestLine & {
    title: string;
    value: number | null;
    currency: string;
    expectedCloseAt: Date;
    days: number;
  })[];
  /** Too little known to score (no override either): tier A first; `missing` are keyed reasons. */
  unscored: (DigestLine & { missing: string[] })[];
  /** Won in the 7 days before `now`, newest first. */
  wins: (DigestLine & { title: string; value: number | null; currency: string; closedAt: Date })[];
  losses: (DigestLine & {
    title: string;
    value: number | null;
    currency: string;
    reason: string | null;
    closedAt: Date;
  })[];
  /** Overdue follow-ups grouped by the person they are assigned to, most first; `days` overdue. */
  overdueByOwner: { owner: string; tasks: (DigestLine & { title: string; dueAt: Date; days: number })[] }[];
  /** Most notes this week. */
  mostActive: (DigestLine & { notes: number })[];
}
