// `settings`: the workspace's own settings; today the language replies use for people whose own is not known
// (Slack and Teams tell kam-bot most people's; the console and digests posted to channels use this).
import { z } from 'zod';
import { LOCALES, pickLocale } from '../i18n/locale.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, reply } from '../replies/build.ts';
import { defineCommand } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { requireAdmin } from './permissions.ts';

const USAGE = '/account settings [locale:de|en|default]';

/** "de", "de-AT", "Deutsch", "german": the languages as people name them; "default" goes back to English. */
const LOCALE_WORDS: Record<string, string | null> = {
  deutsch: 'de',
  german: 'de',
  englisch: 'en',
  english: 'en',
  default: null,
  standard: null,
};

const SettingsSchema = z.object({
  locale: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => (value in LOCALE_WORDS ? (LOCALE_WORDS[value] ?? null) : value.slice(0, 2)))
    .refine((value) => value === null || (LOCALES as readonly string[]).includes(value), {
      error: keyed('settings.localeIs', { locales: LOCALES.join(', ') }),
    })
    .optional(),
});

function describe(ctx: CommandContext) {
  const locale = pickLocale(ctx.workspace.locale);
  return reply({
    title: t(ctx.locale, 'settings.workspaceTitle'),
    summary: t(ctx.locale, 'settings.localeNow', { locale }),
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: t(ctx.locale, 'settings.language'), value: t(ctx.locale, 'settings.localeName', { locale }) },
        ],
      },
      context(t(ctx.locale, 'settings.localeHint')),
    ],
  });
}

export const settings = defineCommand({
  name: 'settings',
  aliases: ['einstellungen'],
  summary: 'help.settings',
  usage: USAGE,
  examples: ['/account settings', '/account settings locale:de'],
  options: ['locale'],
  schema: SettingsSchema,
  toArgs: (input) => input.options,
  run: async (args, ctx) => {
    if (args.locale === undefined) return describe(ctx);
    requireAdmin(ctx, 'settings');
    ctx.workspace = await ctx.store.workspaceSettings.setLocale(args.locale, actorOf(ctx));
    return { ...describe(ctx), tone: 'success' as const };
  },
});
