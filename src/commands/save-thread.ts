import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { defineCommand } from './command.ts';
import { resolveAccount } from './resolve-account.ts';

export const SaveThreadArgsSchema = z.object({
  account: z.string().trim().min(1, 'Say which account the thread is about, e.g. “save this thread to acme”'),
});

/** "save this thread to acme": the platform reads the thread; this finds the account and hands it over. */
export const saveThread = defineCommand({
  name: 'savethread',
  hidden: true,
  summary: 'Save the current thread as a note on an account',
  usage: '“save this thread to <account>”, as a reply in the thread',
  examples: ['@kam save this thread to acme'],
  schema: SaveThreadArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
    if (!ctx.thread) {
      throw new ValidationError(
        'Saving a thread works inside a Slack thread: reply there with “@kam save this thread to <account>”.',
      );
    }
    const account = await resolveAccount(ctx, args.account);
    return ctx.thread.save(account, ctx);
  },
});
