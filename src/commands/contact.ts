// `contact add <account> <name>, <title> [role:…]` and `contact <id> field:value`.

import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { accountAndText } from './account-and-text.ts';
import { type CommandInput, defineCommand, parseWith, textAfter, unquoted, wholeOptions } from './command.ts';
import { actorOf, type CommandContext, viewerOf } from './context.ts';
import { requireEdit } from './permissions.ts';
import { BuyingRoleSchema, EmailSchema, InfluenceSchema, RelationshipSchema } from './schemas.ts';

const USAGE =
  '/account contact add <account> <name>, <title> [role:champion] [influence:1-5] [relationship:-2..+2] [email:…]   or   /account contact <id> field:value | left | back | remove';

/** What can happen to a contact as a whole: they leave the customer (or come back), or were entered by mistake. */
const CHANGES: Record<string, 'left' | 'back' | 'remove'> = {
  left: 'left',
  gone: 'left',
  ausgeschieden: 'left',
  back: 'back',
  returned: 'back',
  zurück: 'back',
  remove: 'remove',
  delete: 'remove',
  löschen: 'remove',
  entfernen: 'remove',
};
const OPTIONS = ['role', 'influence', 'relationship', 'email', 'phone', 'title', 'name'] as const;

export const ContactFieldsSchema = z
  .object({
    name: z.string().trim().min(1, keyed('contact.needName')).max(120, keyed('contact.nameMax')).optional(),
    title: z.string().trim().max(120, keyed('contact.titleMax')).optional(),
    role: BuyingRoleSchema.optional(),
    influence: InfluenceSchema.optional(),
    relationship: RelationshipSchema.optional(),
    email: EmailSchema.optional(),
    phone: z.string().trim().max(40, keyed('contact.phoneMax')).optional(),
  })
  .strict();

type ContactFields = z.output<typeof ContactFieldsSchema>;

function fieldsOf(fields: ContactFields) {
  return {
    ...(fields.name === undefined ? {} : { name: stripControlCharacters(fields.name) }),
    ...(fields.title === undefined ? {} : { title: stripControlCharacters(fields.title) }),
    ...(fields.role === undefined ? {} : { buyingRole: fields.role }),
    ...(fields.influence === undefined ? {} : { influence: fields.influence }),
    ...(fields.relationship === undefined ? {} : { relationship: fields.relationship }),
    ...(fields.email === undefined ? {} : { email: fields.email.toLowerCase() }),
    ...(fields.phone === undefined ? {} : { phone: fields.phone }),
  };
}

async function add(input: CommandInput, ctx: CommandContext) {
  const { account, text } = await accountAndText(textAfter(input, 0, OPTIONS), ctx);
  const [name = '', ...titleParts] = text.split(',');
  const fields = parseWith(
    ContactFieldsSchema,
    {
      name: input.options.name ?? unquoted(name),
      title: input.options.title ?? unquoted(titleParts.join(',')),
      ...input.options,
    },
    USAGE,
  );
  if (!fields.name) throw new ValidationError(keyed('contact.needNameExample'), USAGE);
  const contact = await ctx.store.contacts.add(
    { accountId: account.id, ...fieldsOf(fields), name: fields.name },
    actorOf(ctx),
  );
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'contact.added', {
      name: contact.name,
      title: contact.title || 'none',
      account: accountLabel(account),
      id: contact.id,
    }),
    blocks: [context(t(ctx.locale, 'contact.listHint', { key: account.key }))],
  });
}

async function contactAndAccount(id: number, ctx: CommandContext) {
  const existing = await ctx.store.contacts.byId(id);
  // A contact of an account the person may not see does not exist for them.
  const account = existing ? await ctx.store.accounts.byId(existing.accountId, viewerOf(ctx)) : null;
  if (!existing || !account) throw new NotFoundError(keyed('contact.noSuch', { id }));
  return { existing, account };
}

async function change(id: number, what: 'left' | 'back' | 'remove', ctx: CommandContext) {
  const { existing, account } = await contactAndAccount(id, ctx);
  const values = { name: existing.name, account: accountLabel(account), id };
  if (what === 'remove') {
    // Keeping contacts up to date is everyone's; deleting one takes the account team or an admin.
    await requireEdit(ctx, account);
    await ctx.store.contacts.remove(id, actorOf(ctx));
    return reply({ tone: 'success', summary: t(ctx.locale, 'contact.removed', values) });
  }
  await ctx.store.contacts.update(id, { leftAt: what === 'left' ? ctx.now() : null }, actorOf(ctx));
  return reply({
    tone: 'success',
    summary: t(ctx.locale, what === 'left' ? 'contact.markedLeft' : 'contact.back', values),
  });
}

async function update(id: number, input: CommandInput, ctx: CommandContext) {
  const { options, before } = wholeOptions(input, 0, OPTIONS);
  const what = CHANGES[before.toLowerCase()];
  if (what && Object.keys(options).length === 0) return change(id, what, ctx);
  if (before) throw new ValidationError(keyed('engine.strayWords', { words: before }), USAGE);
  const fields = parseWith(ContactFieldsSchema, options, USAGE);
  if (Object.keys(input.options).length === 0) {
    throw new ValidationError(keyed('contact.sayWhat', { id }), USAGE);
  }
  const { account } = await contactAndAccount(id, ctx);
  const contact = await ctx.store.contacts.update(id, fieldsOf(fields), actorOf(ctx));
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'contact.updated', { name: contact.name, account: accountLabel(account) }),
  });
}

export const contact = defineCommand({
  name: 'contact',
  summary: 'help.contact',
  usage: USAGE,
  examples: [
    '/account contact add nordwind Jane Roe, CFO role:economic-buyer influence:5 relationship:+1',
    '/account contact add "Nordwind Logistik" Tom Berg, Leiter IT role:champion',
    '/account contact 12 relationship:strong',
    '/account contact 12 phone:+49 89 1234 5678',
    '/account contact 12 left',
  ],
  options: OPTIONS,
  schema: z.object({
    action: z
      .string({
        error: keyed('contact.sayAddOrNumber'),
      })
      .regex(/^(add|#?\d+)$/i, keyed('contact.sayAdd')),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ action: input.positional[0], input }),
  run: async ({ action, input }, ctx) => {
    if (action.toLowerCase() === 'add') return add(input, ctx);
    return update(Number(action.replace('#', '')), input, ctx);
  },
});
