// What happened at an account, newest first: notes, follow-ups set and done, opportunities opened, moved and
// closed, and changes to the account itself.
import { z } from 'zod';
import { OPEN_STAGES } from '../domain/records.ts';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply, truncate } from '../replies/build.ts';
import { accountLabel, formatDayIn, valueLabel } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { periodOption } from './values/periods.ts';

/** How far back a period is looked for: a month of a busy account. */
const PERIOD_READ = 500;

import { timeZoneOf } from './context.ts';
import { countAndPeriod } from './notes.ts';
import { resolveAccount } from './resolve-account.ts';
import { describeChanges } from './timeline-changes.ts';

export const TIMELINE_DEFAULT = 20;

export const TimelineArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('timeline.needAccount')),
  count: z.coerce
    .number({ error: keyed('timeline.countWhole') })
    .int(keyed('timeline.countWhole'))
    .min(1, keyed('timeline.countMin'))
    .max(100, keyed('timeline.countMax'))
    .default(TIMELINE_DEFAULT),
});

interface Event {
  at: Date;
  item: ListItem;
}

export const timeline = defineCommand({
  name: 'timeline',
  aliases: ['history', 'activity'],
  summary: 'help.timeline',
  usage: '/account timeline <account> [how many, up to 100] [period:"last month"]',
  examples: [
    '/account timeline nordwind',
    '/account timeline nordwind 50',
    '/account timeline harbourline period:"last month"',
  ],
  options: ['period'],
  schema: TimelineArgsSchema.extend({ period: z.string().optional() }),
  toArgs: countAndPeriod,
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    const zone = timeZoneOf(ctx);
    const period = periodOption(args.period, ctx.now(), zone, keyed('period.lastMonthExample'));
    const read = period ? PERIOD_READ : args.count;
    const [notes, tasks, opportunities, changes, contacts] = await Promise.all([
      ctx.store.notes.forAccount(account.id, read),
      ctx.store.tasks.list({ accountId: account.id, includeDone: true }, read * 2),
      ctx.store.opportunities.forAccount(account.id),
      ctx.store.audit.forEntity('account', account.id, read),
      ctx.store.contacts.forAccount(account.id),
    ]);
    // Who joined, left or changed at the customer, and how each deal was edited: their own audit events.
    const [contactEvents, opportunityEvents] = await Promise.all([
      ctx.store.audit.forEntities(
        'contact',
        contacts.map((contact) => contact.id),
        read,
      ),
      ctx.store.audit.forEntities(
        'opportunity',
        opportunities.map((opp) => opp.id),
        read,
      ),
    ]);
    const owners = changes.flatMap((change) => {
      const owner = (change.details as { changes?: { ownerId?: { from: unknown; to: unknown } } } | null)?.changes
        ?.ownerId;
      return owner ? [owner.from, owner.to].filter((id): id is number => typeof id === 'number') : [];
    });
    const people = await ctx.store.users.byIds([
      ...notes.flatMap((note) => (note.authorId === null ? [] : [note.authorId])),
      ...[...changes, ...contactEvents, ...opportunityEvents].flatMap((change) =>
        change.actorId === null ? [] : [change.actorId],
      ),
      ...owners,
    ]);
    const { locale } = ctx;
    const names = {
      people: new Map([...people].map(([id, user]) => [id, user.displayName])),
      accounts: new Map(ctx.store.accounts.index().map((entry) => [entry.id, entry.name])),
      currency: account.currency,
    };
    const who = (actorId: number | null) => people.get(actorId ?? -1)?.displayName ?? 'kam-bot';
    const contactName = new Map(contacts.map((contact) => [contact.id, contact.name]));
    const opportunityTitle = new Map(opportunities.map((opp) => [opp.id, opp.title]));
    const events: Event[] = [
      ...notes.map((note) => ({
        at: note.occurredAt,
        item: {
          title: t(locale, 'timeline.noteBy', {
            kind: note.kind,
            author: people.get(note.authorId ?? -1)?.displayName ?? 'none',
          }),
          text: truncate(note.body, 200),
        },
      })),
      ...tasks.flatMap((task) => [
        {
          at: task.createdAt,
          item: { title: t(locale, 'timeline.taskSet', { title: task.title }), meta: `#${task.id}` },
        },
        ...(task.doneAt
          ? [
              {
                at: task.doneAt,
                item: { title: t(locale, 'timeline.taskDone', { title: task.title }), meta: `#${task.id}` },
              },
            ]
          : []),
      ]),
      ...contactEvents.map((event) => ({
        at: event.createdAt,
        item: {
          title: t(locale, 'timeline.contactEvent', {
            action: contactAction(event.action, event.details),
            name: contactName.get(event.entityId ?? -1) ?? '',
            fields: fieldsOf(event.details),
          }),
          meta: who(event.actorId),
        },
      })),
      // Stage moves are the opportunity lines below; the other edits say which fields changed.
      ...opportunityEvents.flatMap((event) => {
        const details = event.details as { from?: string } | null;
        if (event.action !== 'opportunity.update' || details?.from) return [];
        return [
          {
            at: event.createdAt,
            item: {
              title: t(locale, 'timeline.opportunityEdited', {
                title: opportunityTitle.get(event.entityId ?? -1) ?? '',
                fields: fieldsOf(event.details),
              }),
              meta: who(event.actorId),
            },
          },
        ];
      }),
      ...opportunities.flatMap((opp) => {
        const moved = opp.closedAt ?? (OPEN_STAGES.includes(opp.stage) ? opp.stageChangedAt : null);
        return moved
          ? [
              {
                at: moved,
                item: {
                  title: t(locale, 'timeline.opportunity', {
                    stage: valueLabel(locale, 'stage', opp.stage),
                    title: opp.title,
                  }),
                  meta: `#${opp.id}`,
                },
              },
            ]
          : [];
      }),
      ...changes.map((change) => {
        const what = change.action === 'account.update' ? describeChanges(change.details, names, locale) : null;
        return {
          at: change.createdAt,
          item: {
            title: t(locale, 'timeline.event', { action: change.action.replace('.', '_') }),
            ...(what ? { text: what } : {}),
            meta: who(change.actorId),
          },
        };
      }),
    ]
      .filter((event) => !period || (event.at >= period.from && event.at < period.until))
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    return reply({
      title: t(locale, 'timeline.title', { account: accountLabel(account) }),
      summary: t(locale, 'timeline.summary', { name: account.name }),
      blocks: [
        list(
          events
            .slice(0, args.count)
            .map((event) => ({ ...event.item, title: `${formatDayIn(event.at, zone, locale)} · ${event.item.title}` })),
          { empty: t(locale, 'timeline.empty'), total: events.length },
        ),
      ],
    });
  },
});

/** The fields an edit touched, as the audit names them ("phone, title"). */
function fieldsOf(details: unknown): string {
  const fields = (details as { fields?: unknown } | null)?.fields;
  return Array.isArray(fields) && fields.length > 0 ? fields.join(', ') : 'none';
}

/** contact_create, contact_update, or contact_left / contact_back when the update was someone leaving or returning. */
function contactAction(action: string, details: unknown): string {
  const left = (details as { left?: unknown } | null)?.left;
  if (action === 'contact.update' && typeof left === 'boolean') return left ? 'contact_left' : 'contact_back';
  return action.replace('.', '_');
}
