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
    const [notes, tasks, opportunities, changes] = await Promise.all([
      ctx.store.notes.forAccount(account.id, period ? PERIOD_READ : args.count),
      ctx.store.tasks.list({ accountId: account.id, includeDone: true }, (period ? PERIOD_READ : args.count) * 2),
      ctx.store.opportunities.forAccount(account.id),
      ctx.store.audit.forEntity('account', account.id, period ? PERIOD_READ : args.count),
    ]);
    const people = await ctx.store.users.byIds([
      ...notes.flatMap((note) => (note.authorId === null ? [] : [note.authorId])),
      ...changes.flatMap((change) => (change.actorId === null ? [] : [change.actorId])),
    ]);
    const { locale } = ctx;
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
      ...changes.map((change) => ({
        at: change.createdAt,
        item: {
          title: t(locale, 'timeline.event', { action: change.action.replace('.', '_') }),
          meta: people.get(change.actorId ?? -1)?.displayName ?? 'kam-bot',
        },
      })),
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
