import { z } from 'zod';
import { t } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { defineCommand } from './command.ts';

/** "thanks!", "danke": reached through a sentence only. */
export const thanks = defineCommand({
  name: 'thanks',
  hidden: true,
  aliases: ['danke'],
  summary: 'help.thanks',
  usage: '/account thanks',
  examples: [],
  schema: z.object({}),
  toArgs: () => ({}),
  run: async (_args, ctx) => reply({ summary: t(ctx.locale, 'thanks.reply') }),
});
