// Schemas for the values people type in options, with the sentences they see when a value is wrong.
import { z } from 'zod';
import { KEY_PATTERN } from '../domain/account-key.ts';
import {
  ACCOUNT_STATUSES,
  type BuyingRole,
  type MemberRole,
  OPPORTUNITY_STAGES,
  TIERS,
  VISIBILITIES,
} from '../domain/records.ts';
import { keyed } from '../i18n/translate.ts';

export const NAME_MAX_LENGTH = 120;
export const SHORT_TEXT_MAX_LENGTH = 60;

export const TierSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(TIERS, { error: keyed('schema.tier') }));

export const AccountStatusSchema = z
  .string()
  .trim()
  .transform((value) => STATUS_WORDS[asKey(value)] ?? asKey(value))
  .pipe(z.enum(ACCOUNT_STATUSES, { error: keyed('schema.status') }));

export const VisibilitySchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(VISIBILITIES, { error: keyed('schema.visibility') }));

export const AccountKeySchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(z.string().regex(KEY_PATTERN, keyed('schema.key')));

export const AccountNameSchema = z
  .string()
  .trim()
  .min(1, keyed('schema.nameGive'))
  .max(NAME_MAX_LENGTH, keyed('schema.nameMax', { max: NAME_MAX_LENGTH }))
  .regex(/[\p{L}\p{N}]/u, keyed('schema.nameLetter'));

/** A short free-text value such as a region or sector. */
export function shortText(label: string) {
  return z
    .string()
    .trim()
    .min(1, keyed('schema.shortGive', { label }))
    .max(SHORT_TEXT_MAX_LENGTH, keyed('schema.shortMax', { label, max: SHORT_TEXT_MAX_LENGTH }));
}

/** Lower case, spaces and dashes as underscores: "Decision-Maker" → "decision_maker". */
const asKey = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const BUYING_ROLE_WORDS: Record<string, BuyingRole> = {
  decision_maker: 'decision_maker',
  dm: 'decision_maker',
  economic_buyer: 'economic_buyer',
  eb: 'economic_buyer',
  buyer: 'economic_buyer',
  influencer: 'influencer',
  champion: 'champion',
  coach: 'champion',
  user: 'user',
  gatekeeper: 'gatekeeper',
  blocker: 'gatekeeper',
  entscheider: 'decision_maker',
  entscheiderin: 'decision_maker',
  budgetverantwortlicher: 'economic_buyer',
  budgetverantwortliche: 'economic_buyer',
  einkauf: 'economic_buyer',
  beeinflusser: 'influencer',
  beeinflusserin: 'influencer',
  fürsprecher: 'champion',
  fürsprecherin: 'champion',
  anwender: 'user',
  anwenderin: 'user',
  nutzer: 'user',
  türöffner: 'gatekeeper',
};

/** Statuses as people write them, in English and German. */
const STATUS_WORDS: Record<string, string> = {
  aktiv: 'active',
  interessent: 'prospect',
  pausiert: 'on_hold',
  abgewandert: 'churned',
  verloren: 'churned',
};

export const BuyingRoleSchema = z
  .string()
  .transform(asKey)
  .pipe(
    z
      .string()
      .refine((value) => value in BUYING_ROLE_WORDS, {
        error: keyed('schema.buyingRole'),
      })
      .transform((value) => BUYING_ROLE_WORDS[value] as BuyingRole),
  );

const RELATIONSHIP_WORDS: Record<string, number> = {
  hostile: -2,
  cool: -1,
  cold: -1,
  neutral: 0,
  good: 1,
  warm: 1,
  strong: 2,
  feindlich: -2,
  kühl: -1,
  kalt: -1,
  gut: 1,
  stark: 2,
};

/** -2 hostile … +2 strong, as a number or a word. */
export const RelationshipSchema = z
  .string()
  .transform((value) => {
    const word = value.trim().toLowerCase();
    return word in RELATIONSHIP_WORDS ? RELATIONSHIP_WORDS[word] : Number(word);
  })
  .pipe(
    z
      .number({ error: keyed('schema.relationship') })
      .int(keyed('schema.relationshipWhole'))
      .min(-2, keyed('schema.relationshipRange'))
      .max(2, keyed('schema.relationshipRange')),
  );

export const InfluenceSchema = z.coerce
  .number({ error: keyed('schema.influence') })
  .int(keyed('schema.influenceWhole'))
  .min(1, keyed('schema.influenceRange'))
  .max(5, keyed('schema.influenceRange'));

/** Stages as people write them in German. */
const STAGE_WORDS: Record<string, string> = {
  qualifizierung: 'qualify',
  angebot: 'propose',
  verhandlung: 'negotiate',
  gewonnen: 'won',
  verloren: 'lost',
};

export const StageSchema = z
  .string()
  .transform((value) => STAGE_WORDS[asKey(value)] ?? asKey(value))
  .pipe(z.enum(OPPORTUNITY_STAGES, { error: keyed('schema.stage') }));

export const ProbabilitySchema = z
  .string()
  .transform((value) => Number(value.trim().replace(/%$/, '')))
  .pipe(
    z
      .number({ error: keyed('schema.probability') })
      .min(0, keyed('schema.probability'))
      .max(100, keyed('schema.probability')),
  );

const MEMBER_ROLE_WORDS: Record<string, MemberRole> = {
  owner: 'owner',
  executive_sponsor: 'executive_sponsor',
  sponsor: 'executive_sponsor',
  sales_engineer: 'sales_engineer',
  se: 'sales_engineer',
  presales: 'sales_engineer',
  local_rep: 'local_rep',
  rep: 'local_rep',
  customer_success: 'customer_success',
  csm: 'customer_success',
  member: 'member',
  vertriebsingenieur: 'sales_engineer',
  vertreter: 'local_rep',
  lokaler_vertreter: 'local_rep',
  kundenbetreuung: 'customer_success',
  mitglied: 'member',
};

export const MemberRoleSchema = z
  .string()
  .transform(asKey)
  .pipe(
    z
      .string()
      .refine((value) => value in MEMBER_ROLE_WORDS && value !== 'owner', {
        error: keyed('schema.memberRole'),
      })
      .transform((value) => MEMBER_ROLE_WORDS[value] as MemberRole),
  );

export const EmailSchema = z.email({ error: keyed('schema.email') });
