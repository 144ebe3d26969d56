// The SQL of AccountRepository.list() for the plain connection: the same filters and order as its Prisma query.
import type { AccountFilter, Viewer } from './accounts.ts';
import { visibilityParams, visibleAccountSql } from './visibility.ts';

/** "Owner or on the account team", for the user in the named parameter. */
function onTeam(param: string): string {
  return `(a.ownerId = :${param} OR EXISTS (SELECT 1 FROM AccountMember m
    WHERE m.workspaceId = a.workspaceId AND m.accountId = a.id AND m.userId = :${param}))`;
}

export function accountListQuery(
  workspaceId: number,
  filter: AccountFilter,
  viewer: Viewer | undefined,
): { sql: string; params: Record<string, number | string> } {
  const where = ['a.workspaceId = :workspaceId'];
  const params: Record<string, number | string> = { workspaceId };
  if (!filter.includeArchived) where.push('a.archivedAt IS NULL');
  if (filter.ownerId !== undefined) {
    where.push('a.ownerId = :ownerId');
    params.ownerId = filter.ownerId;
  }
  if (filter.tier) {
    where.push('a.tier = :tier');
    params.tier = filter.tier;
  }
  if (filter.parentId !== undefined) {
    where.push('a.parentId = :parentId');
    params.parentId = filter.parentId;
  }
  if (viewer && viewer.role !== 'admin') {
    where.push(visibleAccountSql('a'));
    Object.assign(params, visibilityParams(viewer));
  }
  if (filter.teamMemberId !== undefined) {
    where.push(onTeam('teamMemberId'));
    params.teamMemberId = filter.teamMemberId;
  }
  return { sql: `SELECT * FROM Account a WHERE ${where.join(' AND ')} ORDER BY a.tier ASC, a.name ASC`, params };
}
