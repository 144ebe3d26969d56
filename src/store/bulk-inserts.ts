// New records from an import, thousands at a time. Through Prisma an insert costs about half a millisecond a row
// (8,800 opportunities and their audit events took over four seconds); prepared statements on the plain SQLite
// connection take a few microseconds. Each call of `inOneTransaction` is one SQLite transaction: every record with
// its audit event (and a note with its tags) is saved, or nothing is.
//
// This writes on the second connection (see database.ts), so never call it inside WorkspaceStore.transaction: the
// Prisma transaction would hold the write lock this one waits for. Values are written the way Prisma's adapter
// writes them (dates as ISO text with +00:00, JSON as text), because both connections read the same rows.
import type BetterSqlite3 from 'better-sqlite3';
import type { Actor } from './audit.ts';
import type { NewContact } from './contacts.ts';
import type { NewImportedOpportunity, RowOrigin } from './imports.ts';
import type { NewNote } from './notes.ts';
import { toSqlDate } from './sql-dates.ts';
import type { NewUser } from './users.ts';

type Statement = BetterSqlite3.Statement<unknown[]>;

const date = (value: Date | null | undefined): string | null => (value ? toSqlDate(value) : null);

export class BulkInserter {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  /** Runs `work` in one SQLite transaction. */
  inOneTransaction<T>(work: (insert: BulkInserter) => T): T {
    return this.sqlite.transaction(() => work(this))();
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Inserts rows into `table` with the workspace id, returning their ids. */
  private insert(table: string, columns: string[], rows: unknown[][]): number[] {
    const names = ['workspaceId', ...columns].map((column) => `"${column}"`).join(', ');
    const sql = `INSERT INTO "${table}" (${names}) VALUES (${['?', ...columns.map(() => '?')].join(', ')})`;
    const statement = this.statement(sql);
    return rows.map((values) => Number(statement.run(this.workspaceId, ...values).lastInsertRowid));
  }

  private audit(by: Actor, entity: string, ids: number[], origins: readonly RowOrigin[], now: string): void {
    this.insert(
      'AuditEvent',
      ['actorId', 'action', 'entity', 'entityId', 'origin', 'details', 'createdAt'],
      ids.map((id, index) => [
        by.userId,
        `${entity}.create`,
        entity,
        id,
        by.origin,
        JSON.stringify(origins[index] ?? {}),
        now,
      ]),
    );
  }

  users(users: readonly NewUser[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = toSqlDate(new Date());
    const ids = this.insert(
      'User',
      ['displayName', 'email', 'role', 'timeZone', 'createdAt', 'updatedAt'],
      users.map((u) => [
        u.displayName,
        u.email?.toLowerCase() ?? null,
        u.role ?? 'member',
        u.timeZone ?? null,
        now,
        now,
      ]),
    );
    this.audit(by, 'user', ids, origins, now);
    return ids;
  }

  contacts(contacts: readonly NewContact[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = toSqlDate(new Date());
    const columns = ['accountId', 'name', 'title', 'email', 'phone', 'buyingRole', 'influence', 'relationship'];
    const ids = this.insert(
      'Contact',
      [...columns, 'lastContactAt', 'leftAt', 'externalId', 'createdAt', 'updatedAt'],
      contacts.map((c) => [
        c.accountId,
        c.name,
        c.title ?? null,
        c.email ?? null,
        c.phone ?? null,
        c.buyingRole ?? null,
        c.influence ?? null,
        c.relationship ?? null,
        date(c.lastContactAt),
        date(c.leftAt),
        c.externalId ?? null,
        now,
        now,
      ]),
    );
    this.audit(by, 'contact', ids, origins, now);
    return ids;
  }

  opportunities(opportunities: readonly NewImportedOpportunity[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = new Date();
    const columns = [
      'accountId',
      'title',
      'stage',
      'value',
      'currency',
      'expectedCloseAt',
      'probability',
      'competitors',
    ];
    const ids = this.insert(
      'Opportunity',
      [...columns, 'lossReason', 'ownerId', 'stageChangedAt', 'closedAt', 'externalId', 'createdAt', 'updatedAt'],
      opportunities.map((o) => [
        o.accountId,
        o.title,
        o.stage ?? 'lead',
        o.value ?? null,
        o.currency ?? 'EUR',
        date(o.expectedCloseAt),
        o.probability ?? null,
        JSON.stringify(o.competitors ?? []),
        o.lossReason ?? null,
        o.ownerId ?? null,
        toSqlDate(o.stageChangedAt ?? now),
        date(o.closedAt),
        o.externalId ?? null,
        toSqlDate(o.createdAt ?? now),
        toSqlDate(now),
      ]),
    );
    this.audit(by, 'opportunity', ids, origins, toSqlDate(now));
    return ids;
  }

  notes(notes: readonly NewNote[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = new Date();
    const columns = ['accountId', 'body', 'kind', 'sentiment', 'authorId', 'occurredAt', 'source', 'sourceChannel'];
    const ids = this.insert(
      'Note',
      [...columns, 'sourceMessageId', 'sourcePermalink', 'createdAt'],
      notes.map((n) => [
        n.accountId,
        n.body,
        n.kind ?? 'note',
        n.sentiment ?? 'neutral',
        n.authorId ?? null,
        toSqlDate(n.occurredAt ?? now),
        n.sourceRef?.source ?? 'import',
        n.sourceRef?.channel ?? null,
        n.sourceRef?.messageId ?? null,
        n.sourceRef?.permalink ?? null,
        toSqlDate(n.createdAt ?? now),
      ]),
    );
    const tags = notes.flatMap((note, index) => [...new Set(note.tags ?? [])].map((tag) => [ids[index], tag]));
    this.insert('NoteTag', ['noteId', 'tag'], tags);
    this.audit(by, 'note', ids, origins, toSqlDate(now));
    return ids;
  }
}
