// The domain's records as plain data. The store maps database rows to these; nothing above the store sees Prisma.

export const PLATFORMS = ['slack', 'teams', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Where a change came from, for the audit trail. */
export const ORIGINS = ['slack', 'teams', 'console', 'cli', 'import', 'system'] as const;
export type Origin = (typeof ORIGINS)[number];

export const USER_ROLES = ['admin', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_NAMES: Record<Tier, string> = { A: 'strategic', B: 'key', C: 'development' };

export const ACCOUNT_STATUSES = ['active', 'prospect', 'on_hold', 'churned'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const VISIBILITIES = ['open', 'restricted'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const MEMBER_ROLES = [
  'owner',
  'executive_sponsor',
  'sales_engineer',
  'local_rep',
  'customer_success',
  'member',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const BUYING_ROLES = [
  'decision_maker',
  'economic_buyer',
  'influencer',
  'champion',
  'user',
  'gatekeeper',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const OPPORTUNITY_STAGES = ['lead', 'qualify', 'propose', 'negotiate', 'won', 'lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export const OPEN_STAGES: readonly OpportunityStage[] = ['lead', 'qualify', 'propose', 'negotiate'];

export const NOTE_KINDS = ['note', 'meeting', 'call', 'email'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const NOTE_SOURCES = ['slack', 'teams', 'console', 'import'] as const;
export type NoteSource = (typeof NOTE_SOURCES)[number];

export const HEALTH_BANDS = ['green', 'amber', 'red'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export interface Workspace {
  id: number;
  name: string;
  timeZone: string;
  currency: string;
  /** The language replies use when a person's own is not known; null for English. */
  locale: string | null;
  /** The workspace's overrides of the health settings, as stored (validated where they are used). */
  healthSettings: unknown;
}

export interface User {
  id: number;
  workspaceId: number;
  displayName: string;
  email: string | null;
  role: UserRole;
  timeZone: string | null;
  /** The person's language as their platform last said it, for digests and reminders. */
  locale: string | null;
}

export interface HealthOverride {
  score: number;
  reason: string;
  until: Date | null;
  byId: number | null;
}

export interface Account {
  id: number;
  workspaceId: number;
  key: string;
  name: string;
  aliases: string[];
  tier: Tier;
  sector: string | null;
  country: string | null;
  region: string | null;
  parentId: number | null;
  ownerId: number | null;
  status: AccountStatus;
  annualRevenue: number | null;
  potential: number | null;
  currency: string;
  renewalAt: Date | null;
  visibility: Visibility;
  strategy: string | null;
  externalId: string | null;
  healthOverride: HealthOverride | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AccountMember {
  accountId: number;
  userId: number;
  role: MemberRole;
}

export interface Contact {
  id: number;
  accountId: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  buyingRole: BuyingRole | null;
  influence: number | null;
  relationship: number | null;
  lastContactAt: Date | null;
  /** When they left the customer: kept for the history, out of coverage and health. */
  leftAt: Date | null;
}

export interface Opportunity {
  id: number;
  accountId: number;
  title: string;
  stage: OpportunityStage;
  value: number | null;
  currency: string;
  expectedCloseAt: Date | null;
  probability: number | null;
  competitors: string[];
  lossReason: string | null;
  ownerId: number | null;
  stageChangedAt: Date;
  closedAt: Date | null;
}

/** Where a captured note came from: the original message, so it can be linked and stored only once. */
export interface NoteSourceRef {
  source: NoteSource;
  channel: string | null;
  messageId: string | null;
  permalink: string | null;
}

export interface Note {
  id: number;
  accountId: number;
  body: string;
  kind: NoteKind;
  sentiment: Sentiment;
  tags: string[];
  authorId: number | null;
  occurredAt: Date;
  sourceRef: NoteSourceRef;
  createdAt: Date;
  /** When its text was last changed after saving; null if never. */
  editedAt: Date | null;
}

export interface Task {
  id: number;
  accountId: number;
  title: string;
  dueAt: Date | null;
  assigneeId: number | null;
  createdById: number | null;
  noteId: number | null;
  doneAt: Date | null;
  createdAt: Date;
}
