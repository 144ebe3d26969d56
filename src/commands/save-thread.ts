import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { keyed } from '../i18n/translate.ts';
import { defineCommand } from './command.ts';
import { resolveAccount } from './resolve-account.ts';

export const SaveThreadArgsSchema = z.object({
  account: z.string().trim().min(1, keyed('thread.needAccount')),
});

/** "save this thread to acme": the platform reads the thread; this finds the account and hands it over. */
export const saveThread = defineCommand({
  name: 'savethread',
  hidden: true,
  summary: 'help.saveThread',
  usage: '“save this thread to <account>”, as a reply in the thread',
  examples: ['@kam save this thread to acme'],
  schema: SaveThreadArgsSchema,
  toArgs: (input) => ({ account: input.rest }),
  run: async (args, ctx) => {
    if (!ctx.thread) {
      throw new ValidationError(keyed('thread.onlyInThread'));
    }
    const account = await resolveAccount(ctx, args.account);
    return ctx.thread.save(account, ctx);
  },
});
