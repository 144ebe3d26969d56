// Search on PostgreSQL: the same questions as search.ts asks FTS5, asked of the tsvector columns and GIN indexes of
// the postgres_search migration. Names are found as typed ("acm" finds Acme); note bodies by whole words, ranked
// within their most recent matches, as on SQLite, so a very common word stays fast at a million notes.
import { type Kysely, sql } from 'kysely';
import type { Viewer } from './accounts.ts';
import type { DB } from './generated/kysely/db.ts';
import { NOTE_CANDIDATES, type SearchResults } from './search.ts';
import { visibleAccountExpression } from './visibility.ts';

/** The words of what someone typed: letters and digits only, so nothing is read as tsquery syntax. */
function words(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

const tsquery = (terms: readonly string[], prefix: boolean) =>
  sql`to_tsquery('simple', kam_unaccent(${terms.map((term) => (prefix ? `${term}:*` : term)).join(' & ')}))`;

export async function searchPostgres(
  db: Kysely<DB>,
  workspaceId: number,
  text: string,
  viewer: Viewer | undefined,
  limit = 10,
): Promise<SearchResults> {
  const terms = words(text).map((word) => word.toLowerCase());
  if (terms.length === 0) return { accounts: [], contacts: [], notes: [] };
  const names = tsquery(terms, true);
  const body = tsquery(terms, false);
  const [accounts, contacts, notes] = await Promise.all([
    db
      .selectFrom('Account as a')
      .select(['a.id as accountId', 'a.key', 'a.name'])
      .where('a.workspaceId', '=', workspaceId)
      .where('a.archivedAt', 'is', null)
      .where(sql<boolean>`${sql.ref('a.searchVector')} @@ ${names}`)
      .where(visibleAccountExpression('a', viewer))
      .orderBy(sql`ts_rank(${sql.ref('a.searchVector')}, ${names})`, 'desc')
      .orderBy('a.name')
      .limit(limit)
      .execute(),
    db
      .selectFrom('Contact as c')
      .innerJoin('Account as a', 'a.id', 'c.accountId')
      .select(['c.id as contactId', 'c.accountId', 'c.name', 'c.title'])
      .where('c.workspaceId', '=', workspaceId)
      .where('a.archivedAt', 'is', null)
      .where(sql<boolean>`${sql.ref('c.searchVector')} @@ ${names}`)
      .where(visibleAccountExpression('a', viewer))
      .orderBy(sql`ts_rank(${sql.ref('c.searchVector')}, ${names})`, 'desc')
      .orderBy('c.name')
      .limit(limit)
      .execute(),
    db
      .with('recent', (qb) =>
        qb
          .selectFrom('Note as n')
          .innerJoin('Account as a', 'a.id', 'n.accountId')
          .select(['n.id', sql<number>`ts_rank(${sql.ref('n.searchVector')}, ${body})`.as('rank')])
          .where('n.workspaceId', '=', workspaceId)
          .where('a.archivedAt', 'is', null)
          .where(sql<boolean>`${sql.ref('n.searchVector')} @@ ${body}`)
          .where(visibleAccountExpression('a', viewer))
          .orderBy('n.id', 'desc')
          .limit(NOTE_CANDIDATES),
      )
      .selectFrom('recent')
      .innerJoin('Note as n', 'n.id', 'recent.id')
      .select(['n.id as noteId', 'n.accountId', 'n.body', 'n.occurredAt'])
      .orderBy('recent.rank', 'desc')
      .orderBy('n.id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { accounts, contacts, notes };
}
