import { z } from 'zod';
import { OPEN_STAGES, type Opportunity } from '../domain/records.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, formatDay, formatMoney, humanize } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { defineCommand } from './command.ts';
import { resolveAccount } from './resolve-account.ts';

export const OppsArgsSchema = z.object({
  account: z.string().trim().min(1, 'Say whose opportunities to show, e.g. /account opps acme'),
});

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
  summary: 'Projects to win at an account: open first, then won and lost',
  usage: '/account opps <account>',
  examples: ['/account opps acme'],
  schema: OppsArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
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
