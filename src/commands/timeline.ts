// What happened at an account, newest first: notes, follow-ups set and done, opportunities opened, moved and
// closed, and changes to the account itself.
import { z } from 'zod';
import { type NoteKind, OPEN_STAGES } from '../domain/records.ts';
import { list, reply, truncate } from '../replies/build.ts';
import { accountLabel, formatDate, humanize } from '../replies/format.ts';
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
  account: z.string().trim().min(1, 'Say whose timeline to show, e.g. /account timeline acme'),
  count: z.coerce
    .number({ error: 'The number of events must be a whole number' })
    .int('The number of events must be a whole number')
    .min(1, 'Ask for at least 1 event')
    .max(100, 'Ask for at most 100 events at a time')
    .default(TIMELINE_DEFAULT),
});

const KIND_LABEL: Record<NoteKind, string> = { note: 'Note', meeting: 'Meeting', call: 'Call', email: 'Email' };

interface Event {
  at: Date;
  item: ListItem;
}

const ACCOUNT_EVENTS: Record<string, string> = {
  'account.create': 'Account created',
  'account.update': 'Account changed',
  'account.archive': 'Account archived',
  'member.set': 'Account team changed',
  'member.remove': 'Someone left the account team',
  'channel.link': 'Channel linked',
  'channel.unlink': 'Channel unlinked',
};

export const timeline = defineCommand({
  name: 'timeline',
  aliases: ['history', 'activity'],
  summary: 'Everything that happened at an account: notes, follow-ups, opportunities, changes',
  usage: '/account timeline <account> [how many, up to 100] [period:"last month"]',
  examples: ['/account timeline acme', '/account timeline acme 50', '/account timeline acme period:"last month"'],
  options: ['period'],
  schema: TimelineArgsSchema.extend({ period: z.string().optional() }),
  toArgs: countAndPeriod,
  run: async (args, ctx) => {
    const account = await resolveAccount(ctx, args.account);
    const zone = timeZoneOf(ctx);
    const period = periodOption(args.period, ctx.now(), zone, 'period:"last month"');
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
    const events: Event[] = [
      ...notes.map((note) => ({
        at: note.occurredAt,
        item: {
          title: `${KIND_LABEL[note.kind]} by ${people.get(note.authorId ?? -1)?.displayName ?? 'someone'}`,
          text: truncate(note.body, 200),
        },
      })),
      ...tasks.flatMap((task) => [
        { at: task.createdAt, item: { title: `Follow-up set: ${task.title}`, meta: `#${task.id}` } },
        ...(task.doneAt
          ? [{ at: task.doneAt, item: { title: `Follow-up done: ${task.title}`, meta: `#${task.id}` } }]
          : []),
      ]),
      ...opportunities.flatMap((opp) => {
        const moved = opp.closedAt ?? (OPEN_STAGES.includes(opp.stage) ? opp.stageChangedAt : null);
        return moved
          ? [{ at: moved, item: { title: `Opportunity ${humanize(opp.stage)}: ${opp.title}`, meta: `#${opp.id}` } }]
          : [];
      }),
      ...changes.map((change) => ({
        at: change.createdAt,
        item: {
          title: ACCOUNT_EVENTS[change.action] ?? change.action,
          meta: people.get(change.actorId ?? -1)?.displayName ?? 'kam-bot',
        },
      })),
    ]
      .filter((event) => !period || (event.at >= period.from && event.at < period.until))
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    return reply({
      title: `Timeline: ${accountLabel(account)}`,
      summary: `The latest at ${account.name}`,
      blocks: [
        list(
          events
            .slice(0, args.count)
            .map((event) => ({ ...event.item, title: `${formatDate(event.at, zone)} · ${event.item.title}` })),
          { empty: 'Nothing has happened here yet.', total: events.length },
        ),
      ],
    });
  },
});
