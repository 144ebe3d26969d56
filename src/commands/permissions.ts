// Who may do what with an account. Reading and contributing (notes, contacts, tasks, opportunities) is open to
// everyone who can see the account; restricted accounts are seen only by their team and admins, and to anyone else
// they do not exist. Changing the account itself takes its team or an admin; archiving, its owner or an admin.

import type { Account } from '../domain/records.ts';
import { PermissionError } from '../errors.ts';
import { keyed } from '../i18n/translate.ts';
import type { CommandContext } from './context.ts';

export type AccountRelation = 'admin' | 'owner' | 'team' | 'none';

export async function relationTo(ctx: CommandContext, account: Account): Promise<AccountRelation> {
  if (ctx.user.role === 'admin') return 'admin';
  if (account.ownerId === ctx.user.id) return 'owner';
  return (await ctx.store.members.isMember(account.id, ctx.user.id)) ? 'team' : 'none';
}

export async function canEdit(ctx: CommandContext, account: Account): Promise<boolean> {
  return (await relationTo(ctx, account)) !== 'none';
}

/** Changing the account's own facts, team or health override. */
export async function requireEdit(ctx: CommandContext, account: Account): Promise<void> {
  if (!(await canEdit(ctx, account))) {
    throw new PermissionError(keyed('permission.edit', { name: account.name }));
  }
}

/** Archiving, and handing the account to another owner ("archive it", "hand it over"). */
export async function requireOwnerOrAdmin(
  ctx: CommandContext,
  account: Account,
  doing: 'archive' | 'handOver',
): Promise<void> {
  const relation = await relationTo(ctx, account);
  if (relation !== 'admin' && relation !== 'owner') {
    throw new PermissionError(keyed('permission.owner', { name: account.name, doing }));
  }
}

export function requireAdmin(ctx: CommandContext, doing: 'healthSettings' | 'settings' | 'merge'): void {
  if (ctx.user.role !== 'admin') throw new PermissionError(keyed('permission.admin', { doing }));
}
