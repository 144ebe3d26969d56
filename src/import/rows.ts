// One zod schema per entity: a CSV row (its cells by field) in, typed values out, or the row's problems in words.
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../commands/note.ts';
import { BuyingRoleSchema, InfluenceSchema, RelationshipSchema } from '../commands/schemas.ts';
import type { AccountStatus, NoteKind, NoteSource, Sentiment, Tier, UserRole, Visibility } from '../domain/records.ts';
import {
  amount,
  CurrencySchema,
  cell,
  date,
  EmailSchema,
  oneOf,
  PersonSchema,
  ReferenceSchema,
  shown,
  text,
  textList,
  type ValueFormat,
} from './cells.ts';
import { type StageNames, stageOf } from './stages.ts';

/** The limits chat applies to the same fields (see src/commands), so an imported record can be edited in chat. */
export const LIMITS = { name: 120, shortText: 60, title: 200, strategy: 4_000, reason: 300, link: 1_000 } as const;

const TIERS: Record<string, Tier> = {
  a: 'A',
  b: 'B',
  c: 'C',
  tiera: 'A',
  tierb: 'B',
  tierc: 'C',
  strategic: 'A',
  key: 'B',
  development: 'C',
};
const STATUSES: Record<string, AccountStatus> = {
  active: 'active',
  customer: 'active',
  prospect: 'prospect',
  onhold: 'on_hold',
  churned: 'churned',
  formercustomer: 'churned',
  // Salesforce's account Type and HubSpot's lifecycle stage, as they are exported.
  customerdirect: 'active',
  customerchannel: 'active',
  channelpartnerreseller: 'active',
  installationpartner: 'active',
  technologypartner: 'active',
  partner: 'active',
  other: 'active',
  lead: 'prospect',
  subscriber: 'prospect',
  marketingqualifiedlead: 'prospect',
  salesqualifiedlead: 'prospect',
  opportunity: 'prospect',
  evangelist: 'active',
};
const VISIBILITY: Record<string, Visibility> = { open: 'open', restricted: 'restricted', private: 'restricted' };
const KINDS: Record<string, NoteKind> = { note: 'note', meeting: 'meeting', call: 'call', email: 'email' };
const SENTIMENTS: Record<string, Sentiment> = { positive: 'positive', neutral: 'neutral', negative: 'negative' };
const SOURCES: Record<string, NoteSource> = { slack: 'slack', teams: 'teams', console: 'console', import: 'import' };
const ROLES: Record<string, UserRole> = { admin: 'admin', member: 'member' };

const accountRefs = {
  account: cell(ReferenceSchema),
  accountKey: cell(ReferenceSchema),
  accountExternalId: cell(ReferenceSchema),
};

export function accountRowSchema(format: ValueFormat) {
  return z.object({
    externalId: cell(ReferenceSchema),
    key: cell(text(LIMITS.shortText)),
    name: cell(text(LIMITS.name)),
    aliases: cell(textList(LIMITS.name, 20)),
    tier: cell(oneOf(TIERS, 'A, B, C (or strategic, key, development)')),
    status: cell(oneOf(STATUSES, 'active, prospect, on hold, churned')),
    sector: cell(text(LIMITS.shortText)),
    country: cell(text(LIMITS.shortText)),
    region: cell(text(LIMITS.shortText)),
    parent: cell(ReferenceSchema),
    parentKey: cell(ReferenceSchema),
    parentExternalId: cell(ReferenceSchema),
    owner: cell(PersonSchema),
    annualRevenue: cell(amount(format)),
    annualRevenueMillions: cell(amount(format)),
    potential: cell(amount(format)),
    currency: cell(CurrencySchema),
    renewalAt: cell(date(format)),
    visibility: cell(oneOf(VISIBILITY, 'open or restricted')),
    strategy: cell(text(LIMITS.strategy)),
    archivedAt: cell(date(format)),
  });
}
export type AccountRow = z.output<ReturnType<typeof accountRowSchema>>;

export function contactRowSchema(format: ValueFormat) {
  return z.object({
    externalId: cell(ReferenceSchema),
    ...accountRefs,
    name: cell(text(LIMITS.name)),
    firstName: cell(text(LIMITS.name)),
    lastName: cell(text(LIMITS.name)),
    title: cell(text(LIMITS.name)),
    email: cell(EmailSchema),
    phone: cell(text(40)),
    buyingRole: cell(BuyingRoleSchema),
    influence: cell(InfluenceSchema),
    relationship: cell(RelationshipSchema),
    lastContactAt: cell(date(format)),
    leftAt: cell(date(format)),
  });
}
export type ContactRow = z.output<ReturnType<typeof contactRowSchema>>;

const probability = z.string().transform((value, ctx) => {
  const number = Number(value.replace(/\s*%$/, '').replace(',', '.'));
  if (!Number.isFinite(number) || number < 0 || number > 100) {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not a percentage from 0 to 100` });
    return z.NEVER;
  }
  return Math.round(number);
});

export function opportunityRowSchema(format: ValueFormat, stages: StageNames) {
  const stage = z.string().transform((value, ctx) => {
    const found = stageOf(value, stages);
    if (!found) {
      ctx.addIssue({
        code: 'custom',
        message: `${shown(value)} is not a stage kam-bot knows; add --stage "${value}=<lead, qualify, propose, negotiate, won or lost>"`,
      });
      return z.NEVER;
    }
    return found;
  });
  return z.object({
    externalId: cell(ReferenceSchema),
    ...accountRefs,
    title: cell(text(LIMITS.title)),
    stage: cell(stage),
    value: cell(amount(format)),
    currency: cell(CurrencySchema),
    expectedCloseAt: cell(date(format)),
    probability: cell(probability),
    competitors: cell(textList(80, 10)),
    lossReason: cell(text(LIMITS.reason)),
    owner: cell(PersonSchema),
    closedAt: cell(date(format)),
    stageChangedAt: cell(date(format)),
    createdAt: cell(date(format)),
  });
}
export type OpportunityRow = z.output<ReturnType<typeof opportunityRowSchema>>;

const tags = z.string().transform((value, ctx) => {
  const words = value
    .split(/[\s,;]+/)
    .map((tag) => tag.replace(/^#/, '').toLowerCase())
    .filter(Boolean);
  const bad = words.find((tag) => !/^\p{L}[\p{L}\p{N}_-]{0,39}$/u.test(tag));
  if (bad) ctx.addIssue({ code: 'custom', message: `has ${shown(bad)}, which is not a tag (write #risk #win)` });
  return [...new Set(words)];
});

export function noteRowSchema(format: ValueFormat) {
  return z.object({
    externalId: cell(ReferenceSchema),
    ...accountRefs,
    body: cell(text(NOTE_MAX_LENGTH)),
    subject: cell(text(LIMITS.title)),
    kind: cell(oneOf(KINDS, 'note, meeting, call, email')),
    sentiment: cell(oneOf(SENTIMENTS, 'positive, neutral, negative')),
    tags: cell(tags),
    author: cell(PersonSchema),
    occurredAt: cell(date(format)),
    source: cell(oneOf(SOURCES, 'slack, teams, console, import')),
    sourceChannel: cell(ReferenceSchema),
    sourceMessageId: cell(ReferenceSchema),
    sourcePermalink: cell(text(LIMITS.link)),
  });
}
export type NoteRow = z.output<ReturnType<typeof noteRowSchema>>;

const timeZone = z.string().transform((value, ctx) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not a time zone such as Europe/Berlin` });
    return z.NEVER;
  }
});

export const UserRowSchema = z.object({
  name: cell(text(LIMITS.name)),
  email: cell(EmailSchema),
  role: cell(oneOf(ROLES, 'admin or member')),
  timeZone: cell(timeZone),
});
export type UserRow = z.output<typeof UserRowSchema>;
