// Full-text search over accounts, contacts and notes (FTS5, see search-index-sql.ts).
//
// Ranking every match of a very common word is what makes full-text search slow at a million notes, so notes are
// ranked (BM25) among their most recent matches: FTS5 walks its index newest-first and stops after
// NOTE_CANDIDATES, and only those are ranked. A rare word is ranked over all its matches; a common one over the
// recent ones, which is also what people looking for a note usually want.
import type BetterSqlite3 from 'better-sqlite3';
import type { Viewer } from './accounts.ts';
import { prepared } from './prepared.ts';
import { visibilityParams, visibleAccountSql } from './visibility.ts';

export const NOTE_CANDIDATES = 500;

export interface AccountHit {
  accountId: number;
  key: string;
  name: string;
}

export interface ContactHit {
  contactId: number;
  accountId: number;
  name: string;
  title: string | null;
}

export interface NoteHit {
  noteId: number;
  accountId: number;
  body: string;
  occurredAt: Date;
}

export interface SearchResults {
  accounts: AccountHit[];
  contacts: ContactHit[];
  notes: NoteHit[];
}

/** The words of what someone typed, each quoted for FTS5, so no input is read as FTS5 syntax. */
export function ftsTerms(text: string): string[] {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return words.slice(0, 16).map((word) => `"${word.replace(/["'’]/g, '')}"`);
}

const VISIBLE = visibleAccountSql('a');

export class SearchIndex {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  search(text: string, viewer: Viewer | undefined, limit = 10): SearchResults {
    const terms = ftsTerms(text);
    if (terms.length === 0) return { accounts: [], contacts: [], notes: [] };
    const params = {
      workspaceId: this.workspaceId,
      ...visibilityParams(viewer),
      limit,
    };
    // Names are searched as you type them ("acm" finds Acme); note bodies by whole words.
    const prefixQuery = terms.map((term) => `${term}*`).join(' ');
    const wordQuery = terms.join(' ');
    return {
      accounts: prepared(this.sqlite, ACCOUNTS_SQL).all({ ...params, query: prefixQuery }) as AccountHit[],
      contacts: prepared(this.sqlite, CONTACTS_SQL).all({ ...params, query: prefixQuery }) as ContactHit[],
      notes: (
        prepared(this.sqlite, NOTES_SQL).all({ ...params, query: wordQuery, candidates: NOTE_CANDIDATES }) as (Omit<
          NoteHit,
          'occurredAt'
        > & { occurredAt: string })[]
      ).map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) })),
    };
  }
}

const ACCOUNTS_SQL = `
  SELECT a.id AS accountId, a.key, a.name
  FROM account_fts f JOIN Account a ON a.id = f.rowid
  WHERE account_fts MATCH :query AND a.workspaceId = :workspaceId AND a.archivedAt IS NULL AND ${VISIBLE}
  ORDER BY f.rank LIMIT :limit`;

const CONTACTS_SQL = `
  SELECT c.id AS contactId, c.accountId, c.name, c.title
  FROM contact_fts f JOIN Contact c ON c.id = f.rowid JOIN Account a ON a.id = c.accountId
  WHERE contact_fts MATCH :query AND c.workspaceId = :workspaceId AND a.archivedAt IS NULL AND ${VISIBLE}
  ORDER BY f.rank LIMIT :limit`;

const NOTES_SQL = `
  WITH recent AS (
    SELECT f.rowid AS id, f.rank AS rank
    FROM note_fts f JOIN Note n ON n.id = f.rowid JOIN Account a ON a.id = n.accountId
    WHERE note_fts MATCH :query AND n.workspaceId = :workspaceId AND a.archivedAt IS NULL AND ${VISIBLE}
    ORDER BY f.rowid DESC LIMIT :candidates
  )
  SELECT n.id AS noteId, n.accountId, n.body, n.occurredAt
  FROM recent JOIN Note n ON n.id = recent.id
  ORDER BY recent.rank, n.id DESC LIMIT :limit`;
