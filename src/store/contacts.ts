import type BetterSqlite3 from 'better-sqlite3';
import type { BuyingRole, Contact } from '../domain/records.ts';
import { NotFoundError } from '../errors.ts';
import { type Actor, AuditLog } from './audit.ts';
import { plainReader } from './plain-reads.ts';
import { type Db, type Prisma, prismaRow } from './prisma.ts';
import { contactRow } from './rows.ts';
import { inTransaction } from './transaction.ts';

type ContactRow = Prisma.ContactGetPayload<object>;

const CONTACT_SHAPE = { dates: ['lastContactAt', 'leftAt', 'createdAt', 'updatedAt'] };

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    buyingRole: row.buyingRole,
    influence: row.influence,
    relationship: row.relationship,
    lastContactAt: row.lastContactAt,
    leftAt: row.leftAt,
  };
}

export interface NewContact {
  accountId: number;
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  buyingRole?: BuyingRole | null;
  influence?: number | null;
  relationship?: number | null;
  lastContactAt?: Date | null;
  leftAt?: Date | null;
  externalId?: string | null;
}

export type ContactPatch = Partial<Omit<NewContact, 'accountId' | 'externalId'>>;

export class ContactRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  async byId(id: number): Promise<Contact | null> {
    const row = await this.db.contact.findFirst({ where: { workspaceId: this.workspaceId, id } });
    return row ? toContact(row) : null;
  }

  async forAccount(accountId: number): Promise<Contact[]> {
    const plain = plainReader(this.db, this.sqlite);
    const rows = plain
      ? plain.all<ContactRow>(
          `SELECT * FROM Contact WHERE workspaceId = ? AND accountId = ?
           ORDER BY leftAt IS NOT NULL, influence DESC NULLS LAST, name ASC`,
          CONTACT_SHAPE,
          this.workspaceId,
          accountId,
        )
      : await this.db.contact.findMany({
          where: { workspaceId: this.workspaceId, accountId },
          orderBy: [
            { leftAt: { sort: 'desc', nulls: 'first' } },
            { influence: { sort: 'desc', nulls: 'last' } },
            { name: 'asc' },
          ],
        });
    return rows.map(toContact);
  }

  /**
   * Contacts whose name contains `name` ("Ute", "Hoffmann"), any account: who someone means by a name, for
   * "who is Ute Hoffmann?" and for asking which account a follow-up about Ute belongs to. At most `limit`.
   */
  async named(name: string, limit = 20): Promise<Contact[]> {
    const rows = await this.db.contact.findMany({
      where: { workspaceId: this.workspaceId, name: { contains: name.trim() } },
      orderBy: [{ name: 'asc' }],
      take: limit,
    });
    return rows.map(toContact);
  }

  /** Contacts of many accounts at once, keyed by account. */
  async forAccounts(accountIds: readonly number[]): Promise<Map<number, Contact[]>> {
    const rows = await this.db.contact.findMany({
      where: { workspaceId: this.workspaceId, accountId: { in: [...accountIds] } },
    });
    const byAccount = new Map<number, Contact[]>();
    for (const row of rows) byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), toContact(row)]);
    return byAccount;
  }

  /** `at`: when it happened, for records entered with an earlier date (the demo); now by default. */
  async add(input: NewContact, by: Actor, at?: Date): Promise<Contact> {
    return inTransaction(this.db, async (tx) => {
      const row = await tx.contact.create({
        data: prismaRow<Prisma.ContactUncheckedCreateInput>(contactRow(this.workspaceId, input, new Date())),
      });
      await new AuditLog(tx, this.workspaceId).record(
        by,
        'contact.create',
        'contact',
        row.id,
        { accountId: input.accountId },
        at,
      );
      return toContact(row);
    });
  }

  async update(id: number, patch: ContactPatch, by: Actor): Promise<Contact> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.contact.findFirst({ where: { workspaceId: this.workspaceId, id } });
      if (!existing) throw new NotFoundError(`There is no contact ${id}.`);
      const row = await tx.contact.update({ where: { id }, data: patch });
      await new AuditLog(tx, this.workspaceId).record(by, 'contact.update', 'contact', id, {
        fields: Object.keys(patch),
        ...(patch.leftAt === undefined ? {} : { left: patch.leftAt !== null }),
      });
      return toContact(row);
    });
  }

  /** Deletes the contact; the audit trail keeps everything it said, so a mistaken removal can be typed back in. */
  async remove(id: number, by: Actor): Promise<Contact> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.contact.findFirst({ where: { workspaceId: this.workspaceId, id } });
      if (!existing) throw new NotFoundError(`There is no contact ${id}.`);
      await tx.contact.delete({ where: { id } });
      const contact = toContact(existing);
      await new AuditLog(tx, this.workspaceId).record(by, 'contact.delete', 'contact', id, {
        accountId: contact.accountId,
        removed: { ...contact, externalId: existing.externalId },
      });
      return contact;
    });
  }
}
