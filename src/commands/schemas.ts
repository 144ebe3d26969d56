// Schemas for the values people type in options, with the sentences they see when a value is wrong.
import { z } from 'zod';
import { KEY_PATTERN } from '../domain/account-key.ts';
import {
  ACCOUNT_STATUSES,
  BUYING_ROLES,
  type BuyingRole,
  MEMBER_ROLES,
  type MemberRole,
  OPPORTUNITY_STAGES,
  TIERS,
  VISIBILITIES,
} from '../domain/records.ts';
import { humanize } from '../replies/format.ts';

export const NAME_MAX_LENGTH = 120;
export const SHORT_TEXT_MAX_LENGTH = 60;

export const TierSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(TIERS, { error: 'The tier must be A (strategic), B (key) or C (development)' }));

export const AccountStatusSchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase().replace(/[\s-]+/g, '_'))
  .pipe(
    z.enum(ACCOUNT_STATUSES, {
      error: `The status must be ${ACCOUNT_STATUSES.map(humanize).join(', ')}`,
    }),
  );

export const VisibilitySchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(VISIBILITIES, { error: 'Visibility must be open or restricted' }));

export const AccountKeySchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(
    z
      .string()
      .regex(KEY_PATTERN, 'A key is up to 32 lower-case letters, digits and dashes, starting with a letter or digit'),
  );

export const AccountNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the account a name')
  .max(NAME_MAX_LENGTH, `An account name can be at most ${NAME_MAX_LENGTH} characters`)
  .regex(/[\p{L}\p{N}]/u, 'An account name needs at least one letter or digit');

/** A short free-text value such as a region or sector. */
export function shortText(label: string) {
  return z
    .string()
    .trim()
    .min(1, `Give a ${label} after the colon`)
    .max(SHORT_TEXT_MAX_LENGTH, `A ${label} can be at most ${SHORT_TEXT_MAX_LENGTH} characters`);
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
};

export const BuyingRoleSchema = z
  .string()
  .transform(asKey)
  .pipe(
    z
      .string()
      .refine((value) => value in BUYING_ROLE_WORDS, {
        error: `The role must be one of ${BUYING_ROLES.map(humanize).join(', ')}`,
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
      .number({
        error: 'The relationship must be -2 (hostile) to +2 (strong), or hostile, cool, neutral, good, strong',
      })
      .int('The relationship must be a whole number from -2 to +2')
      .min(-2, 'The relationship must be -2 (hostile) to +2 (strong)')
      .max(2, 'The relationship must be -2 (hostile) to +2 (strong)'),
  );

export const InfluenceSchema = z.coerce
  .number({ error: 'Influence must be a number from 1 to 5' })
  .int('Influence must be a whole number from 1 to 5')
  .min(1, 'Influence must be from 1 to 5')
  .max(5, 'Influence must be from 1 to 5');

export const StageSchema = z
  .string()
  .transform(asKey)
  .pipe(z.enum(OPPORTUNITY_STAGES, { error: `The stage must be ${OPPORTUNITY_STAGES.join(', ')}` }));

export const ProbabilitySchema = z
  .string()
  .transform((value) => Number(value.trim().replace(/%$/, '')))
  .pipe(
    z
      .number({ error: 'The probability is a percentage from 0 to 100' })
      .min(0, 'The probability is a percentage from 0 to 100')
      .max(100, 'The probability is a percentage from 0 to 100'),
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
};

export const MemberRoleSchema = z
  .string()
  .transform(asKey)
  .pipe(
    z
      .string()
      .refine((value) => value in MEMBER_ROLE_WORDS && value !== 'owner', {
        error: `The team role must be one of ${MEMBER_ROLES.filter((role) => role !== 'owner')
          .map(humanize)
          .join(', ')} (the owner is set with /account owner)`,
      })
      .transform((value) => MEMBER_ROLE_WORDS[value] as MemberRole),
  );

export const EmailSchema = z.email({ error: 'That does not look like an email address' });
