// What CSV imports (src/import) read and write: a workspace's records read once to match rows against; new accounts
// and users many per statement, and changes one by one, each with its audit event. Run these writes inside
// WorkspaceStore.transaction so that a record and its audit event (and an account's owner on its team) are saved
// together or not at all. New contacts, opportunities and notes go through `bulk` (see bulk-inserts.ts).
import type BetterSqlite3 from 'better-sqlite3';
import type { Account, Contact, Note, Opportunity, User } from '../domain/records.ts';
import { type NewAccount, toAccount } from './accounts.ts';
import { type Actor, AuditLog } from './audit.ts';
import { BulkInserter } from './bulk-inserts.ts';
import { type NewContact, toContact } from './contacts.ts';
import { toNote } from './note-rows.ts';
import type { NewNote } from './notes.ts';
import { type NewOpportunity, toOpportunity } from './opportunities.ts';
import type { Db } from './prisma.ts';
import { type NewUser, toUser } from './users.ts';

export interface ImportedContact extends Contact {
  externalId: string | null;
}

export interface ImportedOpportunity extends Opportunity {
  externalId: string | null;
  createdAt: Date;
}

/** Which file and line a record came from: kept in its audit event. */
export interface RowOrigin {
  file: string;
  line: number;
  /** Who ran the import, when they are not a user of the workspace (the audit event's actor is then empty). */
  operator?: string;
}

/** An account as a file describes it; its parent is linked after every account of the file exists. */
export type NewImportedAccount = Omit<NewAccount, 'parentId'> & { archivedAt?: Date | null };
export type NewImportedOpportunity = NewOpportunity & { createdAt?: Date };
export type ContactImportPatch = Partial<NewContact>;
export type OpportunityImportPatch = Partial<NewImportedOpportunity>;
export type NoteImportPatch = Partial<
  Pick<NewNote, 'accountId' | 'body' | 'kind' | 'sentiment' | 'tags' | 'authorId' | 'occurredAt'>
> & {
  sourcePermalink?: string | null;
};
export type UserImportPatch = Partial<NewUser>;

/** Ids of rows inserted by one statement, in insertion order (SQLite hands out rowids in ascending order). */
function inOrder(rows: { id: number }[]): number[] {
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

export class ImportRepository {
  private readonly audit: AuditLog;
  /** Inserts thousands of records fast, on the plain SQLite connection: never inside transaction(). */
  readonly bulk: BulkInserter;

  constructor(
    private readonly db: Db,
    sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {
    this.audit = new AuditLog(db, workspaceId);
    this.bulk = new BulkInserter(sqlite, workspaceId);
  }

  async accounts(): Promise<Account[]> {
    return (await this.db.account.findMany({ where: { workspaceId: this.workspaceId }, orderBy: { id: 'asc' } })).map(
      toAccount,
    );
  }

  async users(): Promise<User[]> {
    return (await this.db.user.findMany({ where: { workspaceId: this.workspaceId }, orderBy: { id: 'asc' } })).map(
      toUser,
    );
  }

  async contacts(): Promise<ImportedContact[]> {
    const rows = await this.db.contact.findMany({ where: { workspaceId: this.workspaceId }, orderBy: { id: 'asc' } });
    return rows.map((row) => ({ ...toContact(row), externalId: row.externalId }));
  }

  async opportunities(): Promise<ImportedOpportunity[]> {
    const rows = await this.db.opportunity.findMany({
      where: { workspaceId: this.workspaceId },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({ ...toOpportunity(row), externalId: row.externalId, createdAt: row.createdAt }));
  }

  /** Every note with its tags. The tags are read separately: Prisma would ask for them with one parameter per note. */
  async notes(): Promise<Note[]> {
    const rows = await this.db.note.findMany({ where: { workspaceId: this.workspaceId }, orderBy: { id: 'asc' } });
    const tags = await this.db.noteTag.findMany({
      where: { workspaceId: this.workspaceId },
      select: { noteId: true, tag: true },
    });
    const byNote = new Map<number, { tag: string }[]>();
    for (const { noteId, tag } of tags) byNote.set(noteId, [...(byNote.get(noteId) ?? []), { tag }]);
    return rows.map((row) => toNote({ ...row, tags: byNote.get(row.id) ?? [] }));
  }

  private async created(by: Actor, entity: string, ids: number[], origins: readonly RowOrigin[]): Promise<number[]> {
    await this.audit.recordMany(
      by,
      ids.map((id, index) => ({ action: `${entity}.create`, entity, entityId: id, details: { ...origins[index] } })),
    );
    return ids;
  }

  async createUsers(users: readonly NewUser[], origins: readonly RowOrigin[], by: Actor): Promise<number[]> {
    if (users.length === 0) return [];
    const rows = await this.db.user.createManyAndReturn({
      data: users.map((user) => ({
        workspaceId: this.workspaceId,
        displayName: user.displayName,
        email: user.email?.toLowerCase() ?? null,
        role: user.role ?? 'member',
        timeZone: user.timeZone ?? null,
      })),
      select: { id: true },
    });
    return this.created(by, 'user', inOrder(rows), origins);
  }

  /** New accounts without their parents (link them with setParent once every account of the file exists). */
  async createAccounts(
    accounts: readonly NewImportedAccount[],
    origins: readonly RowOrigin[],
    by: Actor,
  ): Promise<number[]> {
    if (accounts.length === 0) return [];
    const rows = await this.db.account.createManyAndReturn({
      data: accounts.map(({ aliases, key, ...account }) => ({
        ...account,
        key: key.toLowerCase(),
        aliases: aliases ?? [],
        workspaceId: this.workspaceId,
      })),
      select: { id: true },
    });
    const ids = inOrder(rows);
    const owners = accounts.flatMap((account, index) =>
      account.ownerId == null
        ? []
        : [
            {
              workspaceId: this.workspaceId,
              accountId: ids[index] as number,
              userId: account.ownerId,
              role: 'owner' as const,
            },
          ],
    );
    if (owners.length > 0) await this.db.accountMember.createMany({ data: owners });
    return this.created(by, 'account', ids, origins);
  }

  async setParent(accountId: number, parentId: number | null): Promise<void> {
    await this.db.account.updateMany({ where: { workspaceId: this.workspaceId, id: accountId }, data: { parentId } });
  }

  private async updated(by: Actor, entity: string, id: number, fields: string[], origin: RowOrigin): Promise<void> {
    await this.audit.record(by, `${entity}.update`, entity, id, { fields, ...origin });
  }

  async updateUser(id: number, patch: UserImportPatch, origin: RowOrigin, by: Actor): Promise<void> {
    await this.db.user.updateMany({ where: { workspaceId: this.workspaceId, id }, data: patch });
    await this.updated(by, 'user', id, Object.keys(patch), origin);
  }

  async updateContact(id: number, patch: ContactImportPatch, origin: RowOrigin, by: Actor): Promise<void> {
    await this.db.contact.updateMany({ where: { workspaceId: this.workspaceId, id }, data: patch });
    await this.updated(by, 'contact', id, Object.keys(patch), origin);
  }

  async updateOpportunity(id: number, patch: OpportunityImportPatch, origin: RowOrigin, by: Actor): Promise<void> {
    await this.db.opportunity.updateMany({ where: { workspaceId: this.workspaceId, id }, data: patch });
    await this.updated(by, 'opportunity', id, Object.keys(patch), origin);
  }

  async updateNote(id: number, patch: NoteImportPatch, origin: RowOrigin, by: Actor): Promise<void> {
    const { tags, ...fields } = patch;
    await this.db.note.updateMany({ where: { workspaceId: this.workspaceId, id }, data: fields });
    if (tags) {
      await this.db.noteTag.deleteMany({ where: { workspaceId: this.workspaceId, noteId: id } });
      await this.db.noteTag.createMany({
        data: [...new Set(tags)].map((tag) => ({ workspaceId: this.workspaceId, noteId: id, tag })),
      });
    }
    await this.updated(by, 'note', id, Object.keys(patch), origin);
  }
}
