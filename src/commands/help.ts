import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import { keyed, type MessageKey, t } from '../i18n/translate.ts';
import { context, heading, list, localizedUsage, reply, text } from '../replies/build.ts';
import { type Command, type CommandRegistry, defineCommand } from './command.ts';
import { closestWords } from './suggest.ts';

export const HelpArgsSchema = z.object({ topic: z.string().trim().toLowerCase().optional() });

/** Example questions help shows, about accounts the demo portfolio has. */
const EXAMPLE_QUESTIONS: MessageKey[] = [
  'help.question.health',
  'help.question.owner',
  'help.question.news',
  'help.question.overdue',
  'help.question.renewals',
];

function commandHelp(command: Command, locale: Locale) {
  const summary = t(locale, command.summary);
  return reply({
    title: `/account ${command.name}`,
    summary,
    blocks: [
      text(summary),
      { type: 'fields', fields: [{ label: t(locale, 'help.usage'), value: localizedUsage(command.usage, locale) }] },
      list(
        command.examples.map((example) => ({ title: example })),
        { heading: t(locale, 'help.examples') },
      ),
      ...(command.aliases.length > 0 ? [context(t(locale, 'help.also', { aliases: command.aliases.join(', ') }))] : []),
    ],
  });
}

function overview(registry: CommandRegistry, locale: Locale) {
  return reply({
    title: t(locale, 'help.title'),
    summary: t(locale, 'help.summary'),
    blocks: [
      list(
        registry
          .all()
          .filter((command) => !command.hidden)
          .map((command) => ({ title: `/account ${command.name}`, text: t(locale, command.summary) })),
        { heading: t(locale, 'help.commands') },
      ),
      heading(t(locale, 'help.orJustAsk')),
      text(EXAMPLE_QUESTIONS.map((question) => `“${t(locale, question)}”`).join('   ')),
      context(t(locale, 'help.oneCommand')),
    ],
  });
}

export const help = defineCommand({
  name: 'help',
  aliases: ['?', 'commands', 'hilfe'],
  summary: 'help.help',
  usage: '/account help [command]',
  examples: ['/account help', '/account help note'],
  schema: HelpArgsSchema,
  toArgs: (input) => (input.positional[0] ? { topic: input.positional[0] } : {}),
  run: async (args, ctx, registry) => {
    if (!args.topic) return overview(registry, ctx.locale);
    const command = registry.find(args.topic);
    if (command) return commandHelp(command, ctx.locale);
    const close = closestWords(
      args.topic,
      registry
        .all()
        .filter((candidate) => !candidate.hidden)
        .map((candidate) => candidate.name),
    );
    throw new NotFoundError(
      close.length > 0
        ? keyed('engine.noCommandDidYouMean', { name: args.topic, close })
        : keyed('engine.noCommand', { name: args.topic }),
      keyed('engine.helpListsAll'),
    );
  },
});
