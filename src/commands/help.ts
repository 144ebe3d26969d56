import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { context, heading, list, reply, text } from '../replies/build.ts';
import { type Command, type CommandRegistry, defineCommand } from './command.ts';
import { closestWords, orList } from './suggest.ts';

export const HelpArgsSchema = z.object({ topic: z.string().trim().toLowerCase().optional() });

/** Example questions, shown in help and when a question is not understood. */
export const EXAMPLE_QUESTIONS = ['how is acme doing?', 'who owns globex?', "what's new with initech?"];

function commandHelp(command: Command) {
  const aliases = command.aliases.length > 0 ? `Also: ${command.aliases.join(', ')}` : null;
  return reply({
    title: `/account ${command.name}`,
    summary: command.summary,
    blocks: [
      text(command.summary),
      { type: 'fields', fields: [{ label: 'Usage', value: command.usage }] },
      list(
        command.examples.map((example) => ({ title: example })),
        { heading: 'Examples' },
      ),
      ...(aliases ? [context(aliases)] : []),
    ],
  });
}

function overview(registry: CommandRegistry) {
  return reply({
    title: 'kam-bot: your key accounts, in chat',
    summary: 'kam-bot commands',
    blocks: [
      list(
        registry
          .all()
          .filter((command) => !command.hidden)
          .map((command) => ({ title: `/account ${command.name}`, text: command.summary })),
        { heading: 'Commands' },
      ),
      heading('Or just ask'),
      text(EXAMPLE_QUESTIONS.map((question) => `“${question}”`).join('   ')),
      context('/account help <command> explains one command, with examples.'),
    ],
  });
}

export const help = defineCommand({
  name: 'help',
  aliases: ['?', 'commands'],
  summary: 'What kam-bot can do, or how one command works',
  usage: '/account help [command]',
  examples: ['/account help', '/account help note'],
  schema: HelpArgsSchema,
  toArgs: (input) => (input.positional[0] ? { topic: input.positional[0] } : {}),
  run: async (args, _ctx, registry) => {
    if (!args.topic) return overview(registry);
    const command = registry.find(args.topic);
    if (command) return commandHelp(command);
    const close = closestWords(
      args.topic,
      registry
        .all()
        .filter((candidate) => !candidate.hidden)
        .map((candidate) => candidate.name),
    );
    throw new NotFoundError(
      `There is no command “${args.topic}”.${close.length > 0 ? ` Did you mean ${orList(close)}?` : ''}`,
      '/account help lists every command',
    );
  },
});
