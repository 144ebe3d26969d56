import { z } from 'zod';
import { t } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf } from './context.ts';
import { channelOf } from './link.ts';

export const unlink = defineCommand({
  name: 'unlink',
  summary: 'help.unlink',
  usage: '/account unlink',
  examples: ['/account unlink'],
  schema: z.object({}),
  toArgs: () => ({}),
  run: async (_args, ctx) => {
    const channel = channelOf(ctx, 'unlink');
    const removed = await ctx.store.channelLinks.unlink(channel.platform, channel.id, actorOf(ctx));
    if (!removed) return reply({ summary: t(ctx.locale, 'unlink.notLinked') });
    const account = await ctx.store.accounts.byId(removed.accountId);
    return reply({
      tone: 'success',
      audience: 'channel',
      summary: t(ctx.locale, 'unlink.done', { account: account ? accountLabel(account) : 'none' }),
    });
  },
});
