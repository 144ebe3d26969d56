// Who sees a restricted account: its account team (the owner included) and admins; everyone sees open ones. The
// store applies the rule in SQL and in Prisma's terms; both are written here and nowhere else, with the same
// conditions (a team row of the same workspace, the owner, an admin), so no path forgets one of them.
import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from './accounts.ts';
import type { Prisma } from './prisma.ts';

/** SQL for "the viewer may see account `alias`", with named parameters :viewerId and :viewerIsAdmin. */
export function visibleAccountSql(alias = 'a'): string {
  return `(:viewerIsAdmin = 1 OR ${alias}.visibility = 'open' OR ${alias}.ownerId = :viewerId OR EXISTS (
    SELECT 1 FROM AccountMember m
    WHERE m.workspaceId = ${alias}.workspaceId AND m.accountId = ${alias}.id AND m.userId = :viewerId))`;
}

/** The parameters of visibleAccountSql; no viewer means the store itself (jobs, imports), which sees everything. */
export function visibilityParams(viewer: Viewer | undefined): { viewerId: number; viewerIsAdmin: 0 | 1 } {
  return { viewerId: viewer?.userId ?? -1, viewerIsAdmin: !viewer || viewer.role === 'admin' ? 1 : 0 };
}

/** The same rule as a Prisma filter. */
export function visibleAccountWhere(viewer: Viewer | undefined): Prisma.AccountWhereInput {
  if (!viewer || viewer.role === 'admin') return {};
  return {
    OR: [{ visibility: 'open' }, { ownerId: viewer.userId }, { members: { some: { userId: viewer.userId } } }],
  };
}

/** The same rule for the query builder, on either database: account `alias` is visible to the viewer. */
export function visibleAccountExpression(alias: string, viewer: Viewer | undefined): RawBuilder<boolean> {
  if (!viewer || viewer.role === 'admin') return sql<boolean>`1 = 1`;
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column('visibility')} = 'open' OR ${column('ownerId')} = ${viewer.userId} OR EXISTS (
    SELECT 1 FROM ${sql.table('AccountMember')} AS m
    WHERE ${sql.ref('m.workspaceId')} = ${column('workspaceId')} AND ${sql.ref('m.accountId')} = ${column('id')}
      AND ${sql.ref('m.userId')} = ${viewer.userId}))`;
}
