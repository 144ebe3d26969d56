import { z } from 'zod';
import type { Account } from '../domain/records.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, heading, list, reply, text, truncate } from '../replies/build.ts';
import { accountLabel, formatDay, formatMoney, formatRelative, valueLabel } from '../replies/format.ts';
import type { Block, Field } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { type CommandContext, timeZoneOf, viewerOf } from './context.ts';
import { healthOf } from './health-service.ts';
import { healthFields, scoreLine } from './health-view.ts';
import { noteItem } from './note-items.ts';
import { opportunityItem } from './opps.ts';
import { resolveAccount } from './resolve-account.ts';
import { dueText } from './tasks.ts';

export const ShowArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('show.needAccount')),
});

const RECENT_NOTES = 3;
const OPEN_TASKS = 5;
const KEY_CONTACTS = 4;

/** The card's facts, each under the field it shows, so a question can ask for one alone. */
async function facts(account: Account, ctx: CommandContext): Promise<(Field & { field: FactField })[]> {
  const zone = timeZoneOf(ctx);
  const { locale } = ctx;
  const fact = (field: FactField, value: string) => ({ field, label: t(locale, `field.${field}`), value });
  const [owner, parent, subsidiaries] = await Promise.all([
    account.ownerId === null ? null : ctx.store.users.byId(account.ownerId),
    account.parentId === null ? null : ctx.store.accounts.byId(account.parentId, viewerOf(ctx)),
    ctx.store.accounts.list({ parentId: account.id }, viewerOf(ctx)),
  ]);
  const fields = [
    fact('owner', owner?.displayName ?? t(locale, 'show.nobodyYet')),
    fact('tier', account.tier),
    fact('status', valueLabel(locale, 'status', account.status)),
  ];
  const place = [account.region, account.country].filter(Boolean).join(' / ');
  if (place) fields.push(fact('region', place));
  if (account.sector) fields.push(fact('sector', account.sector));
  if (account.annualRevenue !== null)
    fields.push(fact('revenue', formatMoney(account.annualRevenue, account.currency, locale)));
  if (account.potential !== null)
    fields.push(fact('potential', formatMoney(account.potential, account.currency, locale)));
  if (account.renewalAt) {
    const day = formatDay(account.renewalAt, locale);
    fields.push(
      fact(
        'renewal',
        t(locale, 'show.when', { day, relative: formatRelative(account.renewalAt, ctx.now(), zone, locale) }),
      ),
    );
  }
  if (parent) fields.push(fact('parent', accountLabel(parent)));
  if (subsidiaries.length > 0) fields.push(fact('subsidiaries', subsidiaries.map((sub) => sub.name).join(', ')));
  if (account.aliases.length > 0) fields.push(fact('aliases', account.aliases.join(', ')));
  if (account.visibility === 'restricted') fields.push(fact('visibility', t(locale, 'show.restrictedToTeam')));
  return fields;
}

async function activity(account: Account, ctx: CommandContext): Promise<Block[]> {
  const zone = timeZoneOf(ctx);
  const [notes, noteCount, tasks, opportunities, contacts] = await Promise.all([
    ctx.store.notes.forAccount(account.id, RECENT_NOTES),
    ctx.store.notes.countForAccount(account.id),
    ctx.store.tasks.list({ accountId: account.id }),
    ctx.store.opportunities.forAccount(account.id, true),
    ctx.store.contacts.forAccount(account.id),
  ]);
  const authors = await ctx.store.users.byIds(notes.flatMap((note) => (note.authorId === null ? [] : [note.authorId])));
  const now = ctx.now();
  const { locale } = ctx;
  return [
    list(
      notes.map((note) => noteItem(note, authors, ctx, 280)),
      {
        heading: t(locale, 'show.latestNotes'),
        empty: t(locale, 'show.noNotes', { key: account.key }),
        total: noteCount,
      },
    ),
    list(
      tasks.map((task) => ({ title: task.title, meta: [`#${task.id}`, dueText(task, ctx)].join(' · ') })),
      { heading: t(locale, 'show.openTasks'), empty: t(locale, 'show.noOpenTasks'), limit: OPEN_TASKS },
    ),
    list(
      opportunities.map((opp) => opportunityItem(opp, now, locale)),
      { heading: t(locale, 'show.openOpportunities'), empty: t(locale, 'show.noOpenOpportunities') },
    ),
    list(
      // Who is there now: people who left stay in /account contacts, not on the card.
      contacts
        .filter((contact) => contact.leftAt === null)
        .map((contact) => ({
          title: contact.title ? `${contact.name}, ${contact.title}` : contact.name,
          meta: [
            contact.buyingRole ? valueLabel(locale, 'buyingRole', contact.buyingRole) : null,
            contact.lastContactAt
              ? t(locale, 'show.lastContact', { relative: formatRelative(contact.lastContactAt, now, zone, locale) })
              : null,
          ]
            .filter(Boolean)
            .join(' · '),
        })),
      { heading: t(locale, 'show.keyContacts'), empty: t(locale, 'show.noContacts'), limit: KEY_CONTACTS },
    ),
  ];
}

/** The facts a question may ask for alone ("what is acme's revenue?"). */
const FACTS = [
  'revenue',
  'potential',
  'currency',
  'strategy',
  'parent',
  'subsidiaries',
  'sector',
  'region',
  'country',
  'tier',
  'status',
  'owner',
  'renewal',
] as const;
type AskableFact = (typeof FACTS)[number];
type FactField = AskableFact | 'aliases' | 'visibility';

async function oneFact(account: Account, field: AskableFact, ctx: CommandContext) {
  const label = t(ctx.locale, `field.${field}`);
  const special: Partial<Record<AskableFact, string | null>> = {
    currency: account.currency,
    strategy: account.strategy,
    country: account.country,
    region: account.region,
  };
  const value =
    field in special ? special[field] : (await facts(account, ctx)).find((fact) => fact.field === field)?.value;
  const name = accountLabel(account);
  return reply({
    summary: value
      ? t(ctx.locale, 'show.fact', { account: name, label, value })
      : t(ctx.locale, 'show.factMissing', { account: name, label }),
  });
}

export const show = defineCommand({
  name: 'show',
  aliases: ['card', 'view', 'info'],
  summary: 'help.show',
  usage: `/account show <account> [field:${FACTS.join('|')}]`,
  examples: [
    '/account show acme',
    '/account show "Acme Germany"',
    '/account show umbrela',
    '/account show acme field:revenue',
  ],
  options: ['field'],
  schema: ShowArgsSchema.extend({
    field: z.enum(FACTS, { error: keyed('show.fieldIs', { fields: FACTS.join(', ') }) }).optional(),
  }),
  toArgs: (input) => ({
    account: input.positional.join(' '),
    ...(input.options.field ? { field: input.options.field.toLowerCase() } : {}),
  }),
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    if (args.field) return oneFact(account, args.field, ctx);
    const [fields, blocks, { health, trend }] = await Promise.all([
      facts(account, ctx),
      activity(account, ctx),
      healthOf(ctx, account),
    ]);
    const { locale } = ctx;
    const strategy = account.strategy
      ? [heading(t(locale, 'field.strategy')), text(truncate(account.strategy, 1_000), 'muted')]
      : [];
    return reply({
      title: accountLabel(account),
      ...(health.band ? { band: health.band } : {}),
      summary: t(locale, 'show.summary', {
        name: account.name,
        tier: account.tier,
        status: valueLabel(locale, 'status', account.status),
        health: scoreLine(health, locale),
      }),
      blocks: [
        {
          type: 'fields',
          fields: [...healthFields(health, locale, trend), ...fields.map(({ label, value }) => ({ label, value }))],
        },
        ...strategy,
        ...blocks,
        context(t(locale, 'show.more', { key: account.key })),
        {
          type: 'actions',
          buttons: [
            { label: t(locale, 'button.addNote'), actionId: 'note_open', value: String(account.id), style: 'primary' },
            { label: t(locale, 'button.edit'), actionId: 'account_edit_open', value: String(account.id) },
            { label: t(locale, 'button.addFollowUp'), actionId: 'task_open', value: String(account.id) },
            {
              label: t(locale, 'button.health'),
              actionId: 'health_show',
              value: String(account.id),
              command: `/account health ${account.key}`,
            },
            {
              label: t(locale, 'button.moreNotes'),
              actionId: 'notes_show',
              value: String(account.id),
              command: `/account notes ${account.key}`,
            },
          ],
        },
      ],
    });
  },
});
