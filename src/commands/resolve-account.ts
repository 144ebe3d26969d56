// Turns what someone typed into one account they may see, or a question back to them.
import { AccountMatcher } from '../domain/account-matching.ts';
import type { Account } from '../domain/records.ts';
import { NotFoundError, UserError, ValidationError } from '../errors.ts';
import type { AccountIndexEntry } from '../store/store.ts';
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
        ? `“${reference}” could be ${candidates.length} accounts. Which one do you mean?`
        : `I couldn't find an account called “${reference}”. Did you mean one of these?`,
    );
  }
}

/** The accounts this person may see: restricted ones only if they are on the team, or an admin. */
export function visibleIndex(
  ctx: Pick<CommandContext, 'store' | 'user'>,
  includeArchived = false,
): AccountIndexEntry[] {
  const all = ctx.store.accounts.index().filter((entry) => includeArchived || !entry.archived);
  const viewer = viewerOf(ctx);
  if (viewer.role === 'admin' || all.every((entry) => entry.visibility === 'open')) return all;
  const team = ctx.store.accounts.teamAccountIds(viewer.userId);
  return all.filter((entry) => entry.visibility === 'open' || team.has(entry.id));
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
  const match = new AccountMatcher(visibleIndex(ctx)).match(unquote(reference));
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
  if (!typed) throw new ValidationError('Say which account you mean: its key or its name.');
  const entries = visibleIndex(ctx, options.includeArchived);
  const match = new AccountMatcher(entries).match(typed);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const pick = (ids: number[]) =>
    ids
      .slice(0, MAX_CANDIDATES)
      .map((id) => byId.get(id))
      .filter((entry): entry is AccountIndexEntry => entry !== undefined);

  if (match.kind !== 'found') disclose(ctx, pick(match.kind === 'ambiguous' ? match.ids : match.suggestions));
  if (match.kind === 'ambiguous') throw new AccountChoiceError(typed, pick(match.ids), 'ambiguous');
  if (match.kind === 'none') {
    if (match.suggestions.length > 0) throw new AccountChoiceError(typed, pick(match.suggestions), 'not_found');
    throw new NotFoundError(`I couldn't find an account called “${typed}”; /account list shows them all.`);
  }
  const account = await ctx.store.accounts.byId(match.id, viewerOf(ctx));
  if (!account) throw new NotFoundError(`I couldn't find an account called “${typed}”.`);
  disclose(ctx, [account]);
  return account;
}
