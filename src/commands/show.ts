import { z } from 'zod';
import type { Account } from '../domain/records.ts';
import { t } from '../i18n/translate.ts';
import { context, heading, list, reply, text, truncate } from '../replies/build.ts';
import { accountLabel, formatDay, formatMoney, formatRelative, humanize } from '../replies/format.ts';
import type { Block, Field } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { type CommandContext, timeZoneOf, viewerOf } from './context.ts';
import { healthOf } from './health-service.ts';
import { healthFields, scoreLine } from './health-view.ts';
import { noteItem } from './note-items.ts';
import { resolveAccount } from './resolve-account.ts';
import { isOverdue } from './tasks.ts';

export const ShowArgsSchema = z.object({
  account: z.string().trim().min(1, 'Say which account to show, e.g. /account show acme'),
});

const RECENT_NOTES = 3;
const OPEN_TASKS = 5;
const KEY_CONTACTS = 4;

async function facts(account: Account, ctx: CommandContext): Promise<Field[]> {
  const zone = timeZoneOf(ctx);
  const [owner, parent, subsidiaries] = await Promise.all([
    account.ownerId === null ? null : ctx.store.users.byId(account.ownerId),
    account.parentId === null ? null : ctx.store.accounts.byId(account.parentId, viewerOf(ctx)),
    ctx.store.accounts.list({ parentId: account.id }, viewerOf(ctx)),
  ]);
  const fields: Field[] = [
    { label: 'Owner', value: owner?.displayName ?? 'nobody yet' },
    { label: 'Tier', value: account.tier },
    { label: 'Status', value: humanize(account.status) },
  ];
  const place = [account.region, account.country].filter(Boolean).join(' / ');
  if (place) fields.push({ label: 'Region', value: place });
  if (account.sector) fields.push({ label: 'Sector', value: account.sector });
  if (account.annualRevenue !== null) {
    fields.push({ label: 'Revenue', value: formatMoney(account.annualRevenue, account.currency) });
  }
  if (account.potential !== null) {
    fields.push({ label: 'Potential', value: formatMoney(account.potential, account.currency) });
  }
  if (account.renewalAt) {
    const when = `${formatDay(account.renewalAt)} (${formatRelative(account.renewalAt, ctx.now(), zone)})`;
    fields.push({ label: 'Renewal', value: when });
  }
  if (parent) fields.push({ label: 'Part of', value: accountLabel(parent) });
  if (subsidiaries.length > 0) {
    fields.push({ label: 'Subsidiaries', value: subsidiaries.map((sub) => sub.name).join(', ') });
  }
  if (account.aliases.length > 0) fields.push({ label: 'Also known as', value: account.aliases.join(', ') });
  if (account.visibility === 'restricted')
    fields.push({ label: 'Visibility', value: 'restricted to the account team' });
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
  return [
    list(
      notes.map((note) => noteItem(note, authors, ctx, 280)),
      { heading: 'Latest notes', empty: `No notes yet: /account note ${account.key} <text>`, total: noteCount },
    ),
    list(
      tasks.map((task) => ({
        title: task.title,
        meta: [
          `#${task.id}`,
          task.dueAt ? `due ${formatDay(task.dueAt)}${isOverdue(task, ctx) ? ' (overdue)' : ''}` : 'no due date',
        ].join(' · '),
      })),
      { heading: 'Open tasks', empty: 'No open tasks.', limit: OPEN_TASKS },
    ),
    list(
      opportunities.map((opp) => ({
        title: opp.title,
        meta: [
          `#${opp.id}`,
          humanize(opp.stage),
          opp.value === null ? null : formatMoney(opp.value, opp.currency),
          opp.expectedCloseAt ? `closes ${formatDay(opp.expectedCloseAt)}` : null,
          opp.competitors.length > 0 ? `vs ${opp.competitors.join(', ')}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
      { heading: 'Open opportunities', empty: 'No open opportunities.' },
    ),
    list(
      contacts.map((contact) => ({
        title: contact.title ? `${contact.name}, ${contact.title}` : contact.name,
        meta: [
          contact.buyingRole ? humanize(contact.buyingRole) : null,
          contact.lastContactAt ? `last contact ${formatRelative(contact.lastContactAt, now, zone)}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
      { heading: 'Key contacts', empty: 'No contacts yet.', limit: KEY_CONTACTS },
    ),
  ];
}

/** The facts a question may ask for alone ("what is acme's revenue?"), by the label the card shows them under. */
const FACT_LABELS = {
  revenue: 'Revenue',
  potential: 'Potential',
  currency: 'Currency',
  strategy: 'Strategy',
  parent: 'Part of',
  subsidiaries: 'Subsidiaries',
  sector: 'Sector',
  region: 'Region',
  country: 'Country',
  tier: 'Tier',
  status: 'Status',
  owner: 'Owner',
  renewal: 'Renewal',
} as const;

async function oneFact(account: Account, field: keyof typeof FACT_LABELS, ctx: CommandContext) {
  const label = FACT_LABELS[field];
  const special: Partial<Record<keyof typeof FACT_LABELS, string | null>> = {
    currency: account.currency,
    strategy: account.strategy,
    country: account.country,
    region: account.region,
  };
  const value =
    field in special ? special[field] : (await facts(account, ctx)).find((fact) => fact.label === label)?.value;
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
  summary: 'The account card: owner, tier, latest notes, tasks, opportunities, contacts, hierarchy',
  usage: `/account show <account> [field:${Object.keys(FACT_LABELS).join('|')}]`,
  examples: [
    '/account show acme',
    '/account show "Acme Germany"',
    '/account show umbrela',
    '/account show acme field:revenue',
  ],
  options: ['field'],
  schema: ShowArgsSchema.extend({
    field: z
      .enum(Object.keys(FACT_LABELS) as [keyof typeof FACT_LABELS], {
        error: `A field is one of ${Object.keys(FACT_LABELS).join(', ')}`,
      })
      .optional(),
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
    const strategy = account.strategy ? [heading('Strategy'), text(truncate(account.strategy, 1_000), 'muted')] : [];
    return reply({
      title: accountLabel(account),
      ...(health.band ? { band: health.band } : {}),
      summary: `${account.name}: tier ${account.tier}, ${humanize(account.status)}, health ${scoreLine(health)}`,
      blocks: [
        { type: 'fields', fields: [...healthFields(health, trend), ...fields] },
        ...strategy,
        ...blocks,
        context(`/account notes ${account.key} for more notes · /account note ${account.key} <text> to add one`),
        {
          type: 'actions',
          buttons: [
            { label: 'Add note', actionId: 'note_open', value: String(account.id), style: 'primary' },
            { label: 'Edit', actionId: 'account_edit_open', value: String(account.id) },
            { label: 'Add follow-up', actionId: 'task_open', value: String(account.id) },
            {
              label: 'Health',
              actionId: 'health_show',
              value: String(account.id),
              command: `/account health ${account.key}`,
            },
            {
              label: 'More notes',
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
