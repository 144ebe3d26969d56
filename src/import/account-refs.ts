// Which account a contact, opportunity or note row belongs to. Unlike chat, an import does not guess: an account is
// found by its id from the CRM, its key, or its exact name (ignoring case, accents and punctuation), and a name that
// fits two accounts is refused with their keys.
import { normalize } from '../domain/normalize.ts';
import type { Account } from '../domain/records.ts';
import { shown } from './cells.ts';
import { RecordIds } from './record-ids.ts';

export interface AccountRefs {
  account?: string | null;
  accountKey?: string | null;
  accountExternalId?: string | null;
}

export type AccountLookup = { account: Account } | { problem: string };

export class AccountDirectory {
  private readonly byExternalId: RecordIds<Account>;
  private readonly byKey = new Map<string, Account>();
  private readonly byName = new Map<string, Account[]>();

  constructor(accounts: readonly Account[]) {
    this.byExternalId = new RecordIds(accounts, (account) => account.externalId);
    for (const account of accounts) {
      this.byKey.set(account.key, account);
      const name = normalize(account.name);
      this.byName.set(name, [...(this.byName.get(name) ?? []), account]);
    }
  }

  /** The account the row names, a reason it names none, or null when the file has no account column. */
  find(refs: AccountRefs, what: string): AccountLookup | null {
    if (refs.accountExternalId) {
      if (/[;,]/.test(refs.accountExternalId)) {
        return { problem: `names several accounts (${refs.accountExternalId}); an import takes one per row` };
      }
      const found = this.byExternalId.get(refs.accountExternalId);
      return found ? { account: found } : { problem: `no account has the id ${shown(refs.accountExternalId)}` };
    }
    if (refs.accountKey) {
      const found = this.byKey.get(refs.accountKey.toLowerCase());
      return found ? { account: found } : { problem: `no account has the key ${shown(refs.accountKey)}` };
    }
    if (refs.account) return this.byAnything(refs.account);
    const present = refs.account !== undefined || refs.accountKey !== undefined || refs.accountExternalId !== undefined;
    return present ? { problem: `the account cell is empty, and ${what} belongs to an account` } : null;
  }

  private byAnything(text: string): AccountLookup {
    const found = this.byExternalId.get(text) ?? this.byKey.get(text.toLowerCase());
    if (found) return { account: found };
    const named = this.byName.get(normalize(text)) ?? [];
    const [only] = named;
    if (named.length === 1 && only) return { account: only };
    if (named.length > 1) {
      return {
        problem: `${shown(text)} is the name of ${named.length} accounts (${named.map((a) => a.key).join(', ')}); give the key instead`,
      };
    }
    return { problem: `there is no account ${shown(text)}; import the accounts first, or correct the name` };
  }
}
