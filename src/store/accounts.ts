import type BetterSqlite3 from 'better-sqlite3';
import { normalize } from '../domain/normalize.ts';
import type { Account, AccountStatus, HealthOverride, Tier, User, UserRole, Visibility } from '../domain/records.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { changesOf } from './account-changes.ts';
import { connectionVersion, readAccountIndex } from './account-index.ts';
import { accountListQuery } from './account-list-query.ts';
import { type MergeCounts, mergeAccounts } from './account-merge.ts';
import { type Actor, AuditLog } from './audit.ts';
import { handOverTeamRoles } from './members.ts';
import { plainReader } from './plain-reads.ts';
import { prepared } from './prepared.ts';
import { type Db, isUniqueViolation, type Prisma, stringArray } from './prisma.ts';
import { inTransaction } from './transaction.ts';
import { visibilityParams, visibleAccountSql, visibleAccountWhere } from './visibility.ts';

/** Who is looking: restricted accounts are visible only to their account team and to admins. */
export interface Viewer {
  userId: number;
  role: UserRole;
}

export interface NewAccount {
  key: string;
  name: string;
  aliases?: string[];
  tier?: Tier;
  sector?: string | null;
  country?: string | null;
  region?: string | null;
  parentId?: number | null;
  ownerId?: number | null;
  status?: AccountStatus;
  annualRevenue?: number | null;
  potential?: number | null;
  currency?: string;
  renewalAt?: Date | null;
  visibility?: Visibility;
  strategy?: string | null;
  externalId?: string | null;
  /** For imports and the demo; now by default. */
  createdAt?: Date;
}

export type AccountPatch = Partial<Omit<NewAccount, 'createdAt'>> & {
  healthOverride?: HealthOverride | null;
  /** Imports set it (an archived account in the file); chat archives with archive(), which records who did. */
  archivedAt?: Date | null;
};

export interface AccountFilter {
  ownerId?: number;
  /** Accounts where this user is the owner or on the account team. */
  teamMemberId?: number;
  tier?: Tier;
  region?: string;
  sector?: string;
  country?: string;
  parentId?: number;
  includeArchived?: boolean;
}

/** What account matching needs to know of every account, read in one cheap query. */
export interface AccountIndexEntry {
  id: number;
  key: string;
  name: string;
  aliases: string[];
  parentId: number | null;
  country: string | null;
  ownerId: number | null;
  visibility: Visibility;
  archived: boolean;
}

type AccountRow = Prisma.AccountGetPayload<object>;

const ACCOUNT_SHAPE = {
  dates: ['renewalAt', 'healthOverrideUntil', 'archivedAt', 'createdAt', 'updatedAt'],
  json: ['aliases'],
};

export function toAccount(row: AccountRow): Account {
  const { aliases, healthOverrideScore, healthOverrideReason, healthOverrideUntil, healthOverrideById, ...rest } = row;
  return {
    ...rest,
    aliases: stringArray(aliases),
    healthOverride:
      healthOverrideScore === null
        ? null
        : {
            score: healthOverrideScore,
            reason: healthOverrideReason ?? '',
            until: healthOverrideUntil,
            byId: healthOverrideById,
          },
  };
}

function overrideColumns(override: HealthOverride | null | undefined) {
  if (override === undefined) return {};
  return {
    healthOverrideScore: override?.score ?? null,
    healthOverrideReason: override?.reason ?? null,
    healthOverrideUntil: override?.until ?? null,
    healthOverrideById: override?.byId ?? null,
  };
}

/** The restricted accounts on each person's teams, per connection, with the version they were read at. */
const TEAM_ACCOUNTS = new WeakMap<BetterSqlite3.Database, Map<string, { version: string; ids: Set<number> }>>();

export class AccountRepository {
  constructor(
    private readonly db: Db,
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  async byId(id: number, viewer?: Viewer): Promise<Account | null> {
    const plain = plainReader(this.db, this.sqlite);
    const row = plain
      ? plain.first<AccountRow>(
          `SELECT * FROM Account a WHERE a.workspaceId = :workspaceId AND a.id = :id AND ${visibleAccountSql('a')}`,
          ACCOUNT_SHAPE,
          { workspaceId: this.workspaceId, id, ...visibilityParams(viewer) },
        )
      : await this.db.account.findFirst({
          where: { workspaceId: this.workspaceId, id, ...visibleAccountWhere(viewer) },
        });
    return row ? toAccount(row) : null;
  }

  async byKey(key: string): Promise<Account | null> {
    const row = await this.db.account.findUnique({
      where: { workspaceId_key: { workspaceId: this.workspaceId, key: key.toLowerCase() } },
    });
    return row ? toAccount(row) : null;
  }

  async byExternalId(externalId: string): Promise<Account | null> {
    const row = await this.db.account.findUnique({
      where: { workspaceId_externalId: { workspaceId: this.workspaceId, externalId } },
    });
    return row ? toAccount(row) : null;
  }

  async byIds(ids: readonly number[]): Promise<Account[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.account.findMany({ where: { workspaceId: this.workspaceId, id: { in: [...ids] } } });
    return rows.map(toAccount);
  }

  async list(filter: AccountFilter = {}, viewer?: Viewer): Promise<Account[]> {
    const where: Prisma.AccountWhereInput = {
      workspaceId: this.workspaceId,
      ...(filter.includeArchived ? {} : { archivedAt: null }),
      ...(filter.ownerId === undefined ? {} : { ownerId: filter.ownerId }),
      ...(filter.tier ? { tier: filter.tier } : {}),
      ...(filter.parentId === undefined ? {} : { parentId: filter.parentId }),
      AND: [
        visibleAccountWhere(viewer),
        filter.teamMemberId === undefined
          ? {}
          : { OR: [{ ownerId: filter.teamMemberId }, { members: { some: { userId: filter.teamMemberId } } }] },
      ],
    };
    const rows =
      this.plainList(filter, viewer) ??
      (await this.db.account.findMany({ where, orderBy: [{ tier: 'asc' }, { name: 'asc' }] }));
    // Free-text facts are compared as people type them ("emea", "north america"), which SQL equality is not.
    const same = (wanted: string | undefined, value: string | null) =>
      wanted === undefined || normalize(value ?? '') === normalize(wanted);
    return rows
      .filter(
        (row) =>
          same(filter.region, row.region) && same(filter.sector, row.sector) && same(filter.country, row.country),
      )
      .map(toAccount);
  }

  /** list()'s query on the plain connection (null inside a transaction): `show` lists subsidiaries every time. */
  private plainList(filter: AccountFilter, viewer: Viewer | undefined): AccountRow[] | null {
    const plain = plainReader(this.db, this.sqlite);
    if (!plain) return null;
    const { sql, params } = accountListQuery(this.workspaceId, filter, viewer);
    return plain.all<AccountRow>(sql, ACCOUNT_SHAPE, params);
  }

  async count(includeArchived = false): Promise<number> {
    return this.db.account.count({
      where: { workspaceId: this.workspaceId, ...(includeArchived ? {} : { archivedAt: null }) },
    });
  }

  /** Every account's names and keys for matching, straight from SQLite and cached (this runs on every command). */
  index(): readonly AccountIndexEntry[] {
    return readAccountIndex(this.sqlite, this.workspaceId);
  }

  /**
   * The restricted accounts on whose account team the user is (owners are not team rows: check ownerId). Only
   * restricted ones, because open accounts are visible anyway and a key account manager is on hundreds of teams.
   */
  restrictedTeamAccounts(userId: number): Set<number> {
    // Asked on every message that names an account: kept until anything is written to the database.
    const version = connectionVersion(this.sqlite);
    const byPerson = TEAM_ACCOUNTS.get(this.sqlite) ?? new Map<string, { version: string; ids: Set<number> }>();
    TEAM_ACCOUNTS.set(this.sqlite, byPerson);
    const id = `${this.workspaceId}:${userId}`;
    const cached = byPerson.get(id);
    if (cached?.version === version) return new Set(cached.ids);
    const rows = prepared(
      this.sqlite,
      `SELECT m.accountId FROM AccountMember m
       JOIN Account a ON a.workspaceId = m.workspaceId AND a.id = m.accountId
       WHERE m.workspaceId = ? AND m.userId = ? AND a.visibility <> 'open'`,
    ).all(this.workspaceId, userId) as { accountId: number }[];
    const ids = new Set(rows.map((row) => row.accountId));
    byPerson.set(id, { version, ids });
    return new Set(ids);
  }

  async create(input: NewAccount, by: Actor): Promise<Account> {
    const key = input.key.toLowerCase();
    const taken = await this.byKey(key);
    if (taken) throw new ConflictError(`The key "${key}" is already used by ${taken.name}.`);
    try {
      return await inTransaction(this.db, async (tx) => {
        const row = await tx.account.create({
          data: {
            ...input,
            key,
            aliases: input.aliases ?? [],
            workspaceId: this.workspaceId,
          },
        });
        if (row.ownerId !== null) {
          await tx.accountMember.create({
            data: { workspaceId: this.workspaceId, accountId: row.id, userId: row.ownerId, role: 'owner' },
          });
        }
        await new AuditLog(tx, this.workspaceId).record(
          by,
          'account.create',
          'account',
          row.id,
          { key, name: row.name },
          input.createdAt,
        );
        return toAccount(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`An account with the key "${key}" already exists.`);
      throw error;
    }
  }

  /** `details` add to the audit event (an import names its file and line). */
  async update(id: number, patch: AccountPatch, by: Actor, details: Record<string, unknown> = {}): Promise<Account> {
    const { healthOverride, ...fields } = patch;
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.account.findFirst({ where: { workspaceId: this.workspaceId, id } });
      if (!existing) throw new NotFoundError('That account no longer exists.');
      const row = await tx.account.update({
        where: { id: existing.id },
        data: {
          ...fields,
          ...(fields.key ? { key: fields.key.toLowerCase() } : {}),
          ...overrideColumns(healthOverride),
        },
      });
      if (fields.ownerId !== undefined && fields.ownerId !== null && fields.ownerId !== existing.ownerId) {
        await handOverTeamRoles(tx, this.workspaceId, id, existing.ownerId, fields.ownerId);
      }
      await new AuditLog(tx, this.workspaceId).record(by, 'account.update', 'account', id, {
        fields: Object.keys(patch),
        changes: changesOf(existing, patch),
        ...details,
      });
      return toAccount(row);
    });
  }

  async archive(id: number, by: Actor, at: Date): Promise<Account> {
    return inTransaction(this.db, async (tx) => {
      const result = await tx.account.updateMany({
        where: { workspaceId: this.workspaceId, id, archivedAt: null },
        data: { archivedAt: at },
      });
      if (result.count === 0) throw new NotFoundError('That account does not exist or is already archived.');
      await new AuditLog(tx, this.workspaceId).record(by, 'account.archive', 'account', id);
      const row = await tx.account.findFirstOrThrow({ where: { workspaceId: this.workspaceId, id } });
      return toAccount(row);
    });
  }

  /**
   * Moves everything of `fromId` to `intoId` and archives `fromId`, all or nothing (account-merge.ts); the audit
   * event lists every record moved.
   */
  async merge(fromId: number, intoId: number, by: Actor, at: Date): Promise<{ into: Account; moved: MergeCounts }> {
    return inTransaction(this.db, async (tx) => {
      const { row, moved } = await mergeAccounts(tx, this.workspaceId, fromId, intoId, by, at);
      return { into: toAccount(row), moved };
    });
  }

  async unarchive(id: number, by: Actor): Promise<Account> {
    return inTransaction(this.db, async (tx) => {
      const result = await tx.account.updateMany({
        where: { workspaceId: this.workspaceId, id, archivedAt: { not: null } },
        data: { archivedAt: null },
      });
      if (result.count === 0) throw new NotFoundError('That account does not exist or is not archived.');
      await new AuditLog(tx, this.workspaceId).record(by, 'account.unarchive', 'account', id);
      const row = await tx.account.findFirstOrThrow({ where: { workspaceId: this.workspaceId, id } });
      return toAccount(row);
    });
  }

  /** Owners' display names for a set of accounts, in one query. */
  async ownersOf(accounts: readonly Account[]): Promise<Map<number, User>> {
    const ids = [...new Set(accounts.map((account) => account.ownerId).filter((id): id is number => id !== null))];
    if (ids.length === 0) return new Map();
    const rows = await this.db.user.findMany({ where: { workspaceId: this.workspaceId, id: { in: ids } } });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
