import { z } from 'zod';
import { calendarDaysBetween } from '../domain/health-time.ts';
import { OPEN_STAGES, type Opportunity } from '../domain/records.ts';
import type { Locale } from '../i18n/locale.ts';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, formatDay, formatMoney, valueLabel } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { type CommandInput, defineCommand, parseWith } from './command.ts';
import { type CommandContext, timeZoneOf } from './context.ts';
import { portfolioPipeline } from './pipeline.ts';
import { resolveAccount } from './resolve-account.ts';
import { periodSchema } from './values/periods.ts';

const USAGE =
  '/account opps [account] [mine] [overdue | won | lost] [closing:"this quarter"] [period:"last month"] [competitor:"name"]';

export const OppsArgsSchema = z.object({ account: z.string().trim() });

function filtersSchema(ctx: CommandContext) {
  const period = (example: string) => periodSchema(ctx.now(), timeZoneOf(ctx), example).optional();
  return z.object({
    closing: period(keyed('opps.closingExample')),
    period: period(keyed('opps.periodExample')),
    competitor: z.string().trim().min(1).max(120).optional(),
  });
}

/** "closes 2027-03-31", or, once that day is over, how long it has been past: the date or the deal needs a look. */
function closeText(close: Date, now: Date, locale: Locale): string {
  const days = calendarDaysBetween(close, now);
  return days > 0
    ? t(locale, 'opps.closesPassed', { day: formatDay(close, locale), days })
    : t(locale, 'opps.closes', { day: formatDay(close, locale) });
}

export function opportunityItem(opp: Opportunity, now: Date, locale: Locale): ListItem {
  const open = OPEN_STAGES.includes(opp.stage);
  const day = (date: Date) => formatDay(date, locale);
  const facts = [
    `#${opp.id}`,
    valueLabel(locale, 'stage', opp.stage),
    opp.value === null ? null : formatMoney(opp.value, opp.currency, locale),
    opp.probability === null || !open ? null : `${opp.probability}%`,
    opp.expectedCloseAt && open ? closeText(opp.expectedCloseAt, now, locale) : null,
    opp.closedAt && !open ? t(locale, 'opps.closed', { day: day(opp.closedAt) }) : null,
    opp.competitors.length > 0 ? t(locale, 'show.versus', { competitors: opp.competitors.join(', ') }) : null,
    opp.lossReason ? t(locale, 'opps.lost', { reason: opp.lossReason }) : null,
  ];
  return { title: opp.title, meta: facts.filter(Boolean).join(' · ') };
}

export const opps = defineCommand({
  name: 'opps',
  aliases: ['opportunities', 'pipeline', 'deals'],
  summary: 'help.opps',
  usage: USAGE,
  examples: [
    '/account opps nordwind',
    '/account opps',
    '/account opps overdue',
    '/account opps lost competitor:"Sundt"',
  ],
  options: ['closing', 'period', 'competitor'],
  flags: ['mine', 'overdue', 'won', 'lost'],
  schema: z.object({ input: z.custom<CommandInput>() }),
  toArgs: (input) => ({ input }),
  run: async ({ input }, ctx) => {
    const args = parseWith(OppsArgsSchema, { account: input.positional.join(' ') }, USAGE);
    const filters = parseWith(filtersSchema(ctx), input.options, USAGE);
    const filtered =
      ['mine', 'overdue', 'won', 'lost'].some((flag) => input.flags.has(flag)) || Object.keys(input.options).length > 0;
    if (!args.account || filtered) {
      const account = args.account ? await resolveAccount(ctx, args.account) : null;
      return portfolioPipeline(
        {
          ...(account ? { accountId: account.id } : {}),
          mine: input.flags.has('mine'),
          overdue: input.flags.has('overdue'),
          outcome: input.flags.has('won') ? 'won' : input.flags.has('lost') ? 'lost' : null,
          ...filters,
        },
        ctx,
      );
    }
    const account = await resolveAccount(ctx, args.account);
    const all = await ctx.store.opportunities.forAccount(account.id);
    const open = all.filter((opp) => OPEN_STAGES.includes(opp.stage));
    const closed = all
      .filter((opp) => !OPEN_STAGES.includes(opp.stage))
      .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0));
    const now = ctx.now();
    const { locale } = ctx;
    return reply({
      title: t(locale, 'opps.title', { account: accountLabel(account) }),
      summary: t(locale, 'opps.summary', { count: open.length, name: account.name }),
      blocks: [
        list(
          open.map((opp) => opportunityItem(opp, now, locale)),
          { heading: t(locale, 'opps.open'), empty: t(locale, 'opps.noneOpen', { key: account.key }) },
        ),
        list(
          closed.map((opp) => opportunityItem(opp, now, locale)),
          { heading: t(locale, 'opps.closedHeading'), empty: t(locale, 'opps.noneClosed'), limit: 10 },
        ),
      ],
    });
  },
});
