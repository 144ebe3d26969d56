import type { AccountMember, MemberRole } from '../domain/records.ts';
import { type Actor, AuditLog } from './audit.ts';
import type { Db } from './prisma.ts';
import { inTransaction } from './transaction.ts';

export class MemberRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
  ) {}

  async forAccount(accountId: number): Promise<AccountMember[]> {
    return this.db.accountMember.findMany({
      where: { workspaceId: this.workspaceId, accountId },
      select: { accountId: true, userId: true, role: true },
      orderBy: { id: 'asc' },
    });
  }

  async isMember(accountId: number, userId: number): Promise<boolean> {
    const row = await this.db.accountMember.findFirst({ where: { workspaceId: this.workspaceId, accountId, userId } });
    return row !== null;
  }

  /** Adds the user to the account team, or changes their role there. */
  /** `at`: when it happened, for records entered with an earlier date (the demo); now by default. */
  async set(accountId: number, userId: number, role: MemberRole, by: Actor, at?: Date): Promise<AccountMember> {
    return inTransaction(this.db, async (tx) => {
      const row = await tx.accountMember.upsert({
        where: { accountId_userId: { accountId, userId } },
        create: { workspaceId: this.workspaceId, accountId, userId, role },
        update: { role },
        select: { accountId: true, userId: true, role: true },
      });
      await new AuditLog(tx, this.workspaceId).record(by, 'member.set', 'account', accountId, { userId, role }, at);
      return row;
    });
  }

  async remove(accountId: number, userId: number, by: Actor): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const result = await tx.accountMember.deleteMany({ where: { workspaceId: this.workspaceId, accountId, userId } });
      if (result.count > 0) {
        await new AuditLog(tx, this.workspaceId).record(by, 'member.remove', 'account', accountId, { userId });
      }
      return result.count > 0;
    });
  }
}

/**
 * The team when an account changes hands: the new owner's team role is kept aside and the previous owner gets back
 * the role they held before they owned it (a member, if they joined as its owner).
 */
export async function handOverTeamRoles(
  tx: Db,
  workspaceId: number,
  accountId: number,
  previousOwnerId: number | null,
  newOwnerId: number,
): Promise<void> {
  if (previousOwnerId !== null) {
    const previous = await tx.accountMember.findFirst({
      where: { workspaceId, accountId, userId: previousOwnerId, role: 'owner' },
    });
    if (previous) {
      await tx.accountMember.update({
        where: { id: previous.id },
        data: { role: previous.roleBeforeOwner ?? 'member', roleBeforeOwner: null },
      });
    }
  }
  const joining = await tx.accountMember.findFirst({ where: { workspaceId, accountId, userId: newOwnerId } });
  if (joining) {
    const before = joining.role === 'owner' ? joining.roleBeforeOwner : joining.role;
    await tx.accountMember.update({ where: { id: joining.id }, data: { role: 'owner', roleBeforeOwner: before } });
  } else {
    await tx.accountMember.create({ data: { workspaceId, accountId, userId: newOwnerId, role: 'owner' } });
  }
}
