// Schemas for the values people type in options, with the sentences they see when a value is wrong.
import { z } from 'zod';
import { KEY_PATTERN } from '../domain/account-key.ts';
import { ACCOUNT_STATUSES, TIERS, VISIBILITIES } from '../domain/records.ts';
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
