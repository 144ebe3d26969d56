// Two records of one customer become one: everything of the duplicate moves to the account it goes into, its name
// and key become aliases there, and it is archived with mergedIntoId. Run inside the caller's transaction.
import { NotFoundError } from '../errors.ts';
import { type Actor, AuditLog } from './audit.ts';
import type { Db, Prisma } from './prisma.ts';

export interface MergeCounts {
  notes: number;
  contacts: number;
  opportunities: number;
  tasks: number;
  channelLinks: number;
  subsidiaries: number;
  team: number;
}

export async function mergeAccounts(
  tx: Db,
  ws: number,
  fromId: number,
  intoId: number,
  by: Actor,
  at: Date,
): Promise<{ row: Prisma.AccountGetPayload<object>; moved: MergeCounts }> {
  const from = await tx.account.findFirst({ where: { workspaceId: ws, id: fromId, archivedAt: null } });
  const into = await tx.account.findFirst({ where: { workspaceId: ws, id: intoId, archivedAt: null } });
  if (!from || !into) throw new NotFoundError('That account no longer exists.');
  const ids = async (rows: Promise<{ id: number }[]>) => (await rows).map((row) => row.id);
  const where = { workspaceId: ws, accountId: fromId };
  const moved = {
    notes: await ids(tx.note.findMany({ where, select: { id: true } })),
    contacts: await ids(tx.contact.findMany({ where, select: { id: true } })),
    opportunities: await ids(tx.opportunity.findMany({ where, select: { id: true } })),
    tasks: await ids(tx.task.findMany({ where, select: { id: true } })),
    channelLinks: await ids(tx.channelLink.findMany({ where, select: { id: true } })),
    subsidiaries: await ids(
      tx.account.findMany({ where: { workspaceId: ws, parentId: fromId }, select: { id: true } }),
    ),
  };
  const moveTo = { data: { accountId: intoId } };
  await tx.note.updateMany({ where, ...moveTo });
  await tx.contact.updateMany({ where, ...moveTo });
  await tx.opportunity.updateMany({ where, ...moveTo });
  await tx.task.updateMany({ where, ...moveTo });
  await tx.channelLink.updateMany({ where, ...moveTo });
  await tx.account.updateMany({ where: { workspaceId: ws, parentId: fromId }, data: { parentId: intoId } });
  // The team: people new to the account keep their role; the old owner joins as a member.
  const team = await tx.accountMember.findMany({ where: { workspaceId: ws, accountId: fromId } });
  const already = new Set(
    (await tx.accountMember.findMany({ where: { workspaceId: ws, accountId: intoId } })).map((row) => row.userId),
  );
  const joined = team.filter((member) => !already.has(member.userId));
  for (const member of joined) {
    await tx.accountMember.create({
      data: {
        workspaceId: ws,
        accountId: intoId,
        userId: member.userId,
        role: member.role === 'owner' ? 'member' : member.role,
      },
    });
  }
  const aliases = [...new Set([...(into.aliases as string[]), ...(from.aliases as string[]), from.name, from.key])];
  const row = await tx.account.update({
    where: { id: intoId },
    data: { aliases: aliases.filter((alias) => alias !== into.name && alias !== into.key) },
  });
  await tx.account.update({ where: { id: fromId }, data: { archivedAt: at, mergedIntoId: intoId } });
  const counts: MergeCounts = {
    notes: moved.notes.length,
    contacts: moved.contacts.length,
    opportunities: moved.opportunities.length,
    tasks: moved.tasks.length,
    channelLinks: moved.channelLinks.length,
    subsidiaries: moved.subsidiaries.length,
    team: joined.length,
  };
  await new AuditLog(tx, ws).record(by, 'account.merge', 'account', intoId, {
    from: { id: fromId, key: from.key, name: from.name },
    moved,
    team: joined.map((member) => ({ userId: member.userId, role: member.role })),
  });
  await new AuditLog(tx, ws).record(by, 'account.merged', 'account', fromId, {
    into: { id: intoId, key: into.key },
  });
  return { row, moved: counts };
}
