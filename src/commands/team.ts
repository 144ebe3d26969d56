// `team <account>`, `team add <account> @person <role>`, `team remove <account> @person`.

import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, valueLabel } from '../replies/format.ts';
import { type CommandInput, defineCommand, parseWith } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { requireEdit } from './permissions.ts';
import { resolveAccount } from './resolve-account.ts';
import { PERSON_MENTION, resolveUser } from './resolve-user.ts';
import { MemberRoleSchema } from './schemas.ts';

const USAGE =
  '/account team <account>   ·   /account team add <account> @person <role>   ·   /account team remove <account> @person';
const ROLE_ORDER = ['owner', 'executive_sponsor', 'sales_engineer', 'local_rep', 'customer_success', 'member'];

/** The words of a command split around the first mention: account before it, the rest after. */
export function aroundMention(words: string[]): { before: string; person: string | null; after: string } {
  const at = words.findIndex((word) => word.startsWith('@') || PERSON_MENTION.test(word));
  if (at < 0) return { before: words.join(' '), person: null, after: '' };
  return { before: words.slice(0, at).join(' '), person: words[at] ?? null, after: words.slice(at + 1).join(' ') };
}

async function show(reference: string, ctx: CommandContext) {
  const account = await resolveAccount(ctx, reference);
  const members = (await ctx.store.members.forAccount(account.id)).sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
  );
  const people = await ctx.store.users.byIds(members.map((member) => member.userId));
  return reply({
    title: t(ctx.locale, 'team.title', { account: accountLabel(account) }),
    summary: t(ctx.locale, 'team.summary', { count: members.length, name: account.name }),
    blocks: [
      list(
        members.map((member) => ({
          title: people.get(member.userId)?.displayName ?? t(ctx.locale, 'team.someone'),
          meta: valueLabel(ctx.locale, 'memberRole', member.role),
        })),
        { empty: t(ctx.locale, 'team.nobody', { key: account.key }) },
      ),
    ],
  });
}

async function change(action: 'add' | 'remove', input: CommandInput, ctx: CommandContext) {
  const { before, person, after } = aroundMention(input.positional.slice(1));
  if (!before || !person) throw new ValidationError(keyed('team.sayWho', { action }), USAGE);
  const account = await resolveAccount(ctx, before);
  await requireEdit(ctx, account);
  const user = await resolveUser(ctx, person);
  if (action === 'remove') {
    if (account.ownerId === user.id)
      throw new ValidationError(keyed('team.ownsHandOver', { person: user.displayName, name: account.name }));
    const removed = await ctx.store.members.remove(account.id, user.id, actorOf(ctx));
    return reply({
      tone: removed ? 'success' : 'info',
      summary: removed
        ? t(ctx.locale, 'team.removed', { person: user.displayName, name: account.name })
        : t(ctx.locale, 'team.notOn', { person: user.displayName, name: account.name }),
    });
  }
  const role = parseWith(MemberRoleSchema, after || 'member', USAGE);
  if (account.ownerId === user.id)
    throw new ValidationError(keyed('team.ownsAlready', { person: user.displayName, name: account.name }));
  await ctx.store.members.set(account.id, user.id, role, actorOf(ctx));
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'team.added', {
      person: user.displayName,
      name: account.name,
      role: valueLabel(ctx.locale, 'memberRole', role),
    }),
  });
}

export const team = defineCommand({
  name: 'team',
  summary: 'help.team',
  usage: USAGE,
  examples: [
    '/account team nordwind',
    '/account team add nordwind @dana sales engineer',
    '/account team remove nordwind @dana',
  ],
  schema: z.object({
    rest: z.string().trim().min(1, keyed('team.needAccount')),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ rest: input.rest, input }),
  run: async ({ rest, input }, ctx) => {
    const action = input.positional[0]?.toLowerCase();
    if (action === 'add' || action === 'remove') return change(action, input, ctx);
    return show(rest, ctx);
  },
});
