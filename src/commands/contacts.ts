import { z } from 'zod';
import type { Contact } from '../domain/records.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, formatRelative, humanize } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { type CommandContext, timeZoneOf } from './context.ts';
import { resolveAccount } from './resolve-account.ts';

export const ContactsArgsSchema = z.object({
  account: z.string().trim().min(1, 'Say whose contacts to show, e.g. /account contacts acme'),
});

const RELATIONSHIP_LABEL: Record<string, string> = {
  '-2': 'hostile',
  '-1': 'cool',
  '0': 'neutral',
  '1': 'good',
  '2': 'strong',
};

export function contactItem(contact: Contact, ctx: CommandContext): ListItem {
  const facts = [
    `#${contact.id}`,
    contact.buyingRole ? humanize(contact.buyingRole) : null,
    contact.influence === null ? null : `influence ${contact.influence}/5`,
    contact.relationship === null ? null : `relationship ${RELATIONSHIP_LABEL[String(contact.relationship)]}`,
    contact.lastContactAt ? `last contact ${formatRelative(contact.lastContactAt, ctx.now(), timeZoneOf(ctx))}` : null,
    contact.email,
  ];
  return {
    title: contact.title ? `${contact.name}, ${contact.title}` : contact.name,
    meta: facts.filter(Boolean).join(' · '),
  };
}

export const contacts = defineCommand({
  name: 'contacts',
  aliases: ['people', 'stakeholders'],
  summary: "The account's stakeholders: buying-centre roles, influence, relationship",
  usage: '/account contacts <account>',
  examples: ['/account contacts acme'],
  schema: ContactsArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    const found = await ctx.store.contacts.forAccount(account.id);
    return reply({
      title: `Contacts: ${accountLabel(account)}`,
      summary: `${found.length} ${found.length === 1 ? 'contact' : 'contacts'} at ${account.name}`,
      blocks: [
        list(
          found.map((contact) => contactItem(contact, ctx)),
          { empty: `No contacts yet. Add one: /account contact add ${account.key} <name>, <title> role:champion` },
        ),
      ],
    });
  },
});
