import { z } from 'zod';
import type { Contact } from '../domain/records.ts';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, formatDay, formatRelative, valueLabel } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { type CommandInput, defineCommand, parseWith } from './command.ts';
import { type CommandContext, disclose, timeZoneOf } from './context.ts';
import { resolveAccount, visibleIndex } from './resolve-account.ts';
import { BuyingRoleSchema } from './schemas.ts';

export const ContactsArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('contacts.needAccount')),
});

const RELATIONSHIP_LABEL: Record<string, string> = {
  '-2': 'hostile',
  '-1': 'cool',
  '0': 'neutral',
  '1': 'good',
  '2': 'strong',
};

export function contactItem(contact: Contact, ctx: CommandContext): ListItem {
  const { locale } = ctx;
  const facts = [
    `#${contact.id}`,
    contact.buyingRole ? valueLabel(locale, 'buyingRole', contact.buyingRole) : null,
    contact.influence === null ? null : t(locale, 'contact.influence', { influence: contact.influence }),
    contact.relationship === null
      ? null
      : t(locale, 'contact.relationship', { value: RELATIONSHIP_LABEL[String(contact.relationship)] ?? '' }),
    contact.lastContactAt
      ? t(locale, 'show.lastContact', {
          relative: formatRelative(contact.lastContactAt, ctx.now(), timeZoneOf(ctx), locale),
        })
      : null,
    contact.email,
    contact.phone,
    contact.leftAt ? t(locale, 'contact.leftOn', { day: formatDay(contact.leftAt, locale) }) : null,
  ];
  return {
    title: contact.title ? `${contact.name}, ${contact.title}` : contact.name,
    meta: facts.filter(Boolean).join(' · '),
  };
}

const USAGE = '/account contacts <account> [role:champion] [name:"Jane"]   or   /account contacts name:"Jane Roe"';

/** "who is Ute Hoffmann?": the contacts of that name at every account this person may see. */
async function contactsNamed(name: string, ctx: CommandContext) {
  const visible = new Map(visibleIndex(ctx).map((entry) => [entry.id, entry]));
  const found = (await ctx.store.contacts.named(name)).filter((contact) => visible.has(contact.accountId));
  disclose(
    ctx,
    found.flatMap((contact) => visible.get(contact.accountId) ?? []),
  );
  return reply({
    title: t(ctx.locale, 'contacts.named', { name, count: found.length }),
    summary: t(ctx.locale, 'contacts.named', { name, count: found.length }),
    blocks: [
      list(
        found.map((contact) => {
          const item = contactItem(contact, ctx);
          const account = visible.get(contact.accountId);
          return { ...item, meta: `${account ? `${accountLabel(account)} · ` : ''}${item.meta ?? ''}` };
        }),
        { empty: t(ctx.locale, 'contacts.nobodyNamed', { name }) },
      ),
    ],
  });
}

export const contacts = defineCommand({
  name: 'contacts',
  aliases: ['people', 'stakeholders'],
  summary: 'help.contacts',
  usage: USAGE,
  examples: [
    '/account contacts nordwind',
    '/account contacts corvane role:champion',
    '/account contacts name:"Ute Hoffmann"',
  ],
  options: ['role', 'name'],
  schema: z.object({ input: z.custom<CommandInput>() }),
  toArgs: (input) => ({ input }),
  run: async ({ input }, ctx) => {
    const role = input.options.role === undefined ? undefined : parseWith(BuyingRoleSchema, input.options.role, USAGE);
    if (input.positional.length === 0 && input.options.name) return contactsNamed(input.options.name, ctx);
    const args = parseWith(ContactsArgsSchema, { account: input.positional.join(' ') }, USAGE);
    const account = await resolveAccount(ctx, args.account);
    const all = await ctx.store.contacts.forAccount(account.id);
    const name = input.options.name?.toLowerCase();
    const found = all.filter(
      (contact) => (!role || contact.buyingRole === role) && (!name || contact.name.toLowerCase().includes(name)),
    );
    return reply({
      title: t(ctx.locale, 'contacts.title', { account: accountLabel(account) }),
      summary: t(ctx.locale, 'contacts.summary', { count: found.length, name: account.name }),
      blocks: [
        list(
          found.map((contact) => contactItem(contact, ctx)),
          { empty: t(ctx.locale, 'contacts.none', { key: account.key }) },
        ),
      ],
    });
  },
});
