import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { context, reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { resolveAccount } from './resolve-account.ts';

/** The channel the command came from; linking and unlinking only make sense in one. */
export function channelOf(ctx: CommandContext, doing: 'link' | 'unlink') {
  if (!ctx.channel) {
    const what = doing === 'link' ? 'Linking' : 'Unlinking';
    throw new ValidationError(`${what} works in a Slack or Teams channel: run it in the channel you want to ${doing}.`);
  }
  return ctx.channel;
}

export const LinkArgsSchema = z.object({
  account: z.string().trim().min(1, 'Say which account this channel is about, e.g. /account link acme'),
});

export const link = defineCommand({
  name: 'link',
  summary: 'Link this channel to an account: notes captured here go to it',
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
      summary: `This channel is now linked to ${accountLabel(account)}.`,
      blocks: [context('Notes saved from this channel go to it unless another account is named.')],
    });
  },
});
