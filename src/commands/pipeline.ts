// The portfolio's opportunities in one answer: the open pipeline with its total and weighted value per currency,
// biggest first; or those past their close date, closing in a period, won or lost (in a period, against a rival).
import { OPEN_STAGES, type Opportunity } from '../domain/records.ts';
import { t } from '../i18n/translate.ts';
import { context, list, reply } from '../replies/build.ts';
import { formatDay, formatMoney } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import type { AccountIndexEntry } from '../store/store.ts';
import { type CommandContext, disclose, timeZoneOf } from './context.ts';
import { opportunityItem } from './opps.ts';
import { visibleIndex } from './resolve-account.ts';
import { today } from './values/dates.ts';
import { type Period, periodBounds } from './values/periods.ts';

export interface PipelineQuery {
  accountId?: number;
  mine: boolean;
  overdue: boolean;
  outcome: 'won' | 'lost' | null;
  closing?: Period;
  period?: Period;
  competitor?: string;
}

const SHOWN = 25;

function totals(opps: readonly Opportunity[], ctx: CommandContext): string {
  const byCurrency = new Map<string, { value: number; weighted: number }>();
  for (const opp of opps) {
    if (opp.value === null) continue;
    const sum = byCurrency.get(opp.currency) ?? { value: 0, weighted: 0 };
    sum.value += opp.value;
    sum.weighted += (opp.value * (opp.probability ?? 0)) / 100;
    byCurrency.set(opp.currency, sum);
  }
  if (byCurrency.size === 0) return t(ctx.locale, 'pipeline.noValues');
  return [...byCurrency]
    .sort((a, b) => b[1].value - a[1].value)
    .map(([currency, sum]) =>
      t(ctx.locale, 'pipeline.total', {
        total: formatMoney(sum.value, currency, ctx.locale),
        weighted: formatMoney(sum.weighted, currency, ctx.locale),
      }),
    )
    .join(' · ');
}

export async function portfolioPipeline(query: PipelineQuery, ctx: CommandContext): Promise<Reply> {
  const visible = new Map<number, AccountIndexEntry>(visibleIndex(ctx).map((entry) => [entry.id, entry]));
  const stages = query.outcome ? [query.outcome] : OPEN_STAGES;
  const start = today(ctx.now(), timeZoneOf(ctx));
  const rival = query.competitor?.toLowerCase();
  const inPeriod = (date: Date | null, period: Period | undefined) => {
    if (!period) return true;
    const { from, until } = periodBounds(period);
    return date !== null && date >= from && date < until;
  };
  const found = (await ctx.store.opportunities.list({ stages })).filter((opp) => {
    const account = visible.get(opp.accountId);
    if (!account) return false;
    if (query.accountId !== undefined && opp.accountId !== query.accountId) return false;
    if (query.mine && opp.ownerId !== ctx.user.id && account.ownerId !== ctx.user.id) return false;
    if (query.overdue && !(opp.expectedCloseAt && opp.expectedCloseAt < start)) return false;
    if (!inPeriod(opp.expectedCloseAt, query.closing)) return false;
    if (!inPeriod(opp.closedAt ?? opp.stageChangedAt, query.period)) return false;
    if (rival && !opp.competitors.some((name) => name.toLowerCase().includes(rival))) return false;
    return true;
  });
  disclose(
    ctx,
    found.map((opp) => visible.get(opp.accountId)).filter((entry): entry is AccountIndexEntry => Boolean(entry)),
  );
  const kind = query.outcome ?? (query.overdue ? 'overdue' : query.closing ? 'closing' : 'open');
  const now = ctx.now();
  const title = t(ctx.locale, 'pipeline.title', {
    kind,
    count: found.length,
    competitor: query.competitor ?? 'none',
    from: query.closing ? formatDay(query.closing.from, ctx.locale) : '',
    to: query.closing ? formatDay(query.closing.to, ctx.locale) : '',
  });
  return reply({
    title,
    summary: `${title}: ${totals(found, ctx)}`,
    blocks: [
      context(totals(found, ctx)),
      list(
        found.slice(0, SHOWN).map((opp) => {
          const item = opportunityItem(opp, now, ctx.locale);
          const account = visible.get(opp.accountId);
          return { ...item, meta: `${account ? `${account.name} · ` : ''}${item.meta ?? ''}` };
        }),
        { total: found.length, empty: t(ctx.locale, 'pipeline.empty') },
      ),
    ],
  });
}
