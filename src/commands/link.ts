import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { resolveAccount } from './resolve-account.ts';

/** The channel the command came from; linking and unlinking only make sense in one. */
export function channelOf(ctx: CommandContext, doing: 'link' | 'unlink') {
  if (!ctx.channel) {
    throw new ValidationError(keyed('link.needChannel', { doing }));
  }
  return ctx.channel;
}

export const LinkArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('link.needAccount')),
});

export const link = defineCommand({
  name: 'link',
  summary: 'help.link',
  usage: '/account link <account>',
  examples: ['/account link acme'],
  schema: LinkArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
    const channel = channelOf(ctx, 'link');
    const account = await resolveAccount(ctx, args.account);
    await ctx.store.channelLinks.link(channel.platform, channel.id, account.id, actorOf(ctx));
    return reply({
      tone: 'success',
      audience: 'channel',
      summary: t(ctx.locale, 'link.done', { account: accountLabel(account) }),
      blocks: [context(t(ctx.locale, 'link.hint'))],
    });
  },
});
