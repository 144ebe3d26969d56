// Turns what someone typed into one account they may see, or a question back to them.

import { AccountMatcher } from '../domain/account-matching.ts';
import type { Account } from '../domain/records.ts';
import { NotFoundError, UserError, ValidationError } from '../errors.ts';
import { keyed } from '../i18n/translate.ts';
import type { AccountIndexEntry } from '../store/store.ts';
import type { AccountLookup } from '../understanding/vocabulary.ts';
import { type CommandContext, disclose, viewerOf } from './context.ts';

/** The most candidates offered when a name could mean several accounts. */
export const MAX_CANDIDATES = 10;

/** The reference fits several accounts, or none but some come close: the person picks one. */
export class AccountChoiceError extends UserError {
  override readonly name = 'AccountChoiceError';
  constructor(
    readonly reference: string,
    readonly candidates: AccountIndexEntry[],
    readonly reason: 'ambiguous' | 'not_found',
  ) {
    super(
      reason === 'ambiguous' ? 'invalid_input' : 'not_found',
      reason === 'ambiguous'
        ? keyed('resolve.ambiguous', { reference, count: candidates.length })
        : keyed('resolve.close', { reference }),
    );
  }
}

/** Whether this person may see an account: restricted ones only if they are on the team, or an admin. */
function visibility(
  ctx: Pick<CommandContext, 'store' | 'user'>,
  all: readonly AccountIndexEntry[],
  includeArchived: boolean,
): (entry: AccountIndexEntry) => boolean {
  const viewer = viewerOf(ctx);
  const unarchived = (entry: AccountIndexEntry) => includeArchived || !entry.archived;
  if (viewer.role === 'admin' || !indexed(all).anyRestricted) return unarchived;
  const team = ctx.store.accounts.restrictedTeamAccounts(viewer.userId);
  return (entry) =>
    unarchived(entry) && (entry.visibility === 'open' || entry.ownerId === viewer.userId || team.has(entry.id));
}

/** The accounts this person may see: restricted ones only if they are on the team, or an admin. */
export function visibleIndex(
  ctx: Pick<CommandContext, 'store' | 'user'>,
  includeArchived = false,
): AccountIndexEntry[] {
  const all = ctx.store.accounts.index();
  return all.filter(visibility(ctx, all, includeArchived));
}

interface Indexed {
  readonly matcher: AccountMatcher;
  readonly byId: Map<number, AccountIndexEntry>;
  readonly anyRestricted: boolean;
}

/**
 * One matcher per version of the account index: the store hands out the same array until an account changes, so
 * the names are normalised once, not on every command (60 ms at 10,000 accounts). Each person's view is a filter.
 */
const INDEXED = new WeakMap<readonly AccountIndexEntry[], Indexed>();

function indexed(all: readonly AccountIndexEntry[]): Indexed {
  let found = INDEXED.get(all);
  if (!found) {
    let matcher: AccountMatcher | null = null;
    found = {
      // Built when first needed: visibleIndex() callers only want the restricted flag.
      get matcher() {
        matcher ??= new AccountMatcher(all);
        return matcher;
      },
      byId: new Map(all.map((entry) => [entry.id, entry])),
      anyRestricted: all.some((entry) => entry.visibility !== 'open'),
    };
    INDEXED.set(all, found);
  }
  return found;
}

/** The matcher over every account and the filter of those this person may see. */
function matcherFor(ctx: Pick<CommandContext, 'store' | 'user'>, includeArchived = false) {
  const all = ctx.store.accounts.index();
  const { matcher, byId } = indexed(all);
  const visible = visibility(ctx, all, includeArchived);
  const allowed = (id: number) => {
    const entry = byId.get(id);
    return entry !== undefined && visible(entry);
  };
  return { matcher, byId, allowed };
}

/**
 * Exact lookups of account names for reading sentences: which account a phrase is, by key, name or alias, among
 * those this person may see. No typos and no prefixes, so only a whole name claims words of a sentence.
 */
export function exactAccounts(ctx: Pick<CommandContext, 'store' | 'user'>): (phrase: string) => AccountLookup | null {
  const { matcher, byId, allowed } = matcherFor(ctx);
  return (phrase) => {
    const match = matcher.exactly(phrase, allowed);
    if (!match) return null;
    if (match.kind === 'found') {
      const entry = byId.get(match.id);
      return entry ? { kind: 'found', key: entry.key } : null;
    }
    return match.kind === 'ambiguous' ? { kind: 'ambiguous' } : null;
  };
}

/** The accounts a reference could mean, best first, for asking before a write: none when nothing comes close. */
export function candidatesFor(ctx: CommandContext, reference: string): AccountIndexEntry[] {
  const { matcher, byId, allowed } = matcherFor(ctx);
  const match = matcher.match(unquote(reference), allowed);
  const ids = match.kind === 'found' ? [match.id] : match.kind === 'ambiguous' ? match.ids : match.suggestions;
  const entries = ids
    .slice(0, MAX_CANDIDATES)
    .map((id) => byId.get(id))
    .filter((entry): entry is AccountIndexEntry => entry !== undefined);
  disclose(ctx, entries);
  return entries;
}

/** "\"Acme Germany\"" → "Acme Germany": quotes group words, they are not part of the name. */
export function unquote(reference: string): string {
  return reference
    .trim()
    .replace(/^["“'‘«](.*)["”'’»]$/s, '$1')
    .trim();
}

/** The account the reference certainly means, or null: for guesses that must not ask back. */
export async function findAccount(ctx: CommandContext, reference: string): Promise<Account | null> {
  const { matcher, allowed } = matcherFor(ctx);
  const match = matcher.match(unquote(reference), allowed);
  const account = match.kind === 'found' ? await ctx.store.accounts.byId(match.id, viewerOf(ctx)) : null;
  if (account) disclose(ctx, [account]);
  return account;
}

export async function resolveAccount(
  ctx: CommandContext,
  reference: string,
  options: { includeArchived?: boolean } = {},
): Promise<Account> {
  const typed = unquote(reference);
  if (!typed) throw new ValidationError(keyed('resolve.sayWhich'));
  const { matcher, byId, allowed } = matcherFor(ctx, options.includeArchived);
  const match = matcher.match(typed, allowed);
  const pick = (ids: number[]) =>
    ids
      .slice(0, MAX_CANDIDATES)
      .map((id) => byId.get(id))
      .filter((entry): entry is AccountIndexEntry => entry !== undefined);

  if (match.kind !== 'found') disclose(ctx, pick(match.kind === 'ambiguous' ? match.ids : match.suggestions));
  if (match.kind === 'ambiguous') throw new AccountChoiceError(typed, pick(match.ids), 'ambiguous');
  if (match.kind === 'none') {
    if (match.suggestions.length > 0) throw new AccountChoiceError(typed, pick(match.suggestions), 'not_found');
    throw new NotFoundError(keyed('resolve.noneListHint', { reference: typed }));
  }
  const account = await ctx.store.accounts.byId(match.id, viewerOf(ctx));
  if (!account) throw new NotFoundError(keyed('resolve.none', { reference: typed }));
  disclose(ctx, [account]);
  return account;
}
