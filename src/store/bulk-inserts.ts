// New records from an import, thousands at a time. Through Prisma an insert costs about half a millisecond a row
// (8,800 opportunities and their audit events took over four seconds); prepared statements on the plain SQLite
// connection take a few microseconds. Each call of `inOneTransaction` is one SQLite transaction: every record with
// its audit event (and a note with its tags) is saved, or nothing is.
//
// This writes on the second connection (see database.ts), so never call it inside WorkspaceStore.transaction: the
// Prisma transaction would hold the write lock this one waits for. Rows come from rows.ts, as for every other
// writer of these tables.
import type BetterSqlite3 from 'better-sqlite3';
import type { Actor } from './audit.ts';
import type { NewContact } from './contacts.ts';
import type { NewImportedOpportunity, RowOrigin } from './imports.ts';
import type { NewNote } from './notes.ts';
import { auditEventRow, contactRow, noteRow, noteTagRows, opportunityRow, userRow } from './rows.ts';
import { insertRows } from './sqlite-rows.ts';
import type { NewUser } from './users.ts';

export class BulkInserter {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  /** Runs `work` in one SQLite transaction. */
  inOneTransaction<T>(work: (insert: BulkInserter) => T): T {
    return this.sqlite.transaction(() => work(this))();
  }

  /** One `<entity>.create` event per new record, naming the file and line it came from. */
  private audit(by: Actor, entity: string, ids: readonly number[], origins: readonly RowOrigin[], now: Date): void {
    insertRows(
      this.sqlite,
      'AuditEvent',
      ids.map((id, index) =>
        auditEventRow(
          this.workspaceId,
          by,
          { action: `${entity}.create`, entity, entityId: id, details: origins[index] ?? {} },
          now,
        ),
      ),
    );
  }

  users(users: readonly NewUser[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = new Date();
    const ids = insertRows(
      this.sqlite,
      'User',
      users.map((user) => userRow(this.workspaceId, user, now)),
    );
    this.audit(by, 'user', ids, origins, now);
    return ids;
  }

  contacts(contacts: readonly NewContact[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = new Date();
    const ids = insertRows(
      this.sqlite,
      'Contact',
      contacts.map((contact) => contactRow(this.workspaceId, contact, now)),
    );
    this.audit(by, 'contact', ids, origins, now);
    return ids;
  }

  opportunities(opportunities: readonly NewImportedOpportunity[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = new Date();
    const ids = insertRows(
      this.sqlite,
      'Opportunity',
      opportunities.map((opportunity) => opportunityRow(this.workspaceId, opportunity, now)),
    );
    this.audit(by, 'opportunity', ids, origins, now);
    return ids;
  }

  notes(notes: readonly NewNote[], origins: readonly RowOrigin[], by: Actor): number[] {
    const now = new Date();
    const ids = insertRows(
      this.sqlite,
      'Note',
      notes.map((note) => noteRow(this.workspaceId, note, 'import', now)),
    );
    insertRows(
      this.sqlite,
      'NoteTag',
      notes.flatMap((note, index) => noteTagRows(this.workspaceId, ids[index] as number, note.tags ?? [])),
    );
    this.audit(by, 'note', ids, origins, now);
    return ids;
  }
}
