import { z } from 'zod';
import { OPEN_STAGES, type Opportunity } from '../domain/records.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, formatDay, formatMoney, humanize } from '../replies/format.ts';
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
    closing: period('closing:"this quarter" or closing:"next 30 days"'),
    period: period('period:"last month" or period:"this year"'),
    competitor: z.string().trim().min(1).max(120).optional(),
  });
}

export function opportunityItem(opp: Opportunity, now: Date): ListItem {
  const open = OPEN_STAGES.includes(opp.stage);
  const facts = [
    `#${opp.id}`,
    humanize(opp.stage),
    opp.value === null ? null : formatMoney(opp.value, opp.currency),
    opp.probability === null || !open ? null : `${opp.probability}%`,
    opp.expectedCloseAt && open
      ? `closes ${formatDay(opp.expectedCloseAt)}${opp.expectedCloseAt < now ? ' (date passed)' : ''}`
      : null,
    opp.closedAt && !open ? `closed ${formatDay(opp.closedAt)}` : null,
    opp.competitors.length > 0 ? `vs ${opp.competitors.join(', ')}` : null,
    opp.lossReason ? `lost: ${opp.lossReason}` : null,
  ];
  return { title: opp.title, meta: facts.filter(Boolean).join(' · ') };
}

export const opps = defineCommand({
  name: 'opps',
  aliases: ['opportunities', 'pipeline', 'deals'],
  summary: 'Projects to win: one account’s (open first, then won and lost), or the whole pipeline with its totals',
  usage: USAGE,
  examples: ['/account opps acme', '/account opps', '/account opps overdue', '/account opps lost competitor:"Sundt"'],
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
    return reply({
      title: `Opportunities: ${accountLabel(account)}`,
      summary: `${open.length} open ${open.length === 1 ? 'opportunity' : 'opportunities'} at ${account.name}`,
      blocks: [
        list(
          open.map((opp) => opportunityItem(opp, now)),
          {
            heading: 'Open',
            empty: `None open. Add one: /account opp add ${account.key} <title> value:120k close:2027-03-31`,
          },
        ),
        list(
          closed.map((opp) => opportunityItem(opp, now)),
          { heading: 'Won and lost', empty: 'None closed yet.', limit: 10 },
        ),
      ],
    });
  },
});
