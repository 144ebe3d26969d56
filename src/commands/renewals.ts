import { z } from 'zod';
import type { Account } from '../domain/records.ts';
import { keyed, t } from '../i18n/translate.ts';
import { list, reply } from '../replies/build.ts';
import { accountLabel, formatDay, formatRelative } from '../replies/format.ts';

import { type CommandInput, defineCommand, parseWith } from './command.ts';
import { type CommandContext, disclose, timeZoneOf, viewerOf } from './context.ts';
import { resolveAccount } from './resolve-account.ts';
import { today } from './values/dates.ts';
import { periodBounds, periodSchema } from './values/periods.ts';

const USAGE = '/account renewals [account] [mine] [within:"next 90 days"]';
const DEFAULT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

function argsSchema(ctx: CommandContext) {
  return z.object({
    account: z.string().optional(),
    mine: z.boolean(),
    within: periodSchema(ctx.now(), timeZoneOf(ctx), keyed('renewals.withinExample')).optional(),
  });
}

function renewalLine(account: Account, ctx: CommandContext): string {
  if (!account.renewalAt) return t(ctx.locale, 'renewals.none', { account: accountLabel(account) });
  return t(ctx.locale, 'renewals.one', {
    account: accountLabel(account),
    date: formatDay(account.renewalAt, ctx.locale),
    relative: formatRelative(account.renewalAt, ctx.now(), timeZoneOf(ctx), ctx.locale),
  });
}

export const renewals = defineCommand({
  name: 'renewals',
  aliases: ['renewal'],
  summary: 'help.renewals',
  usage: USAGE,
  examples: ['/account renewals', '/account renewals within:"this quarter"', '/account renewals acme'],
  options: ['within'],
  flags: ['mine'],
  schema: z.object({ input: z.custom<CommandInput>() }),
  toArgs: (input) => ({ input }),
  run: async ({ input }, ctx) => {
    const args = parseWith(
      argsSchema(ctx),
      {
        ...(input.positional.length > 0 ? { account: input.positional.join(' ') } : {}),
        mine: input.flags.has('mine'),
        ...(input.options.within ? { within: input.options.within } : {}),
      },
      USAGE,
    );
    if (args.account) {
      const account = await resolveAccount(ctx, args.account);
      return reply({ summary: renewalLine(account, ctx) });
    }
    const start = today(ctx.now(), timeZoneOf(ctx));
    const window = args.within ?? { from: start, to: new Date(start.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS) };
    const { from, until } = periodBounds(window);
    const accounts = (await ctx.store.accounts.list(args.mine ? { teamMemberId: ctx.user.id } : {}, viewerOf(ctx)))
      .filter((account) => account.renewalAt && account.renewalAt >= from && account.renewalAt < until)
      .sort((a, b) => (a.renewalAt?.getTime() ?? 0) - (b.renewalAt?.getTime() ?? 0));
    disclose(ctx, accounts);
    const period = { from: formatDay(window.from, ctx.locale), to: formatDay(window.to, ctx.locale) };
    return reply({
      title: t(ctx.locale, 'renewals.title', { count: accounts.length, ...period }),
      summary: t(ctx.locale, 'renewals.title', { count: accounts.length, ...period }),
      blocks: [
        list(
          accounts.map((account) => ({
            title: accountLabel(account),
            meta: renewalLine(account, ctx),
            buttons: [
              {
                label: t(ctx.locale, 'button.show'),
                actionId: 'account_show',
                value: String(account.id),
                command: `/account show ${account.key}`,
              },
            ],
          })),
          { empty: t(ctx.locale, 'renewals.empty') },
        ),
      ],
    });
  },
});
