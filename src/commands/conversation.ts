// Plain-language questions, recognised deterministically and turned into the subcommand that answers them.
// Each intent rewrites the question into a command line, so questions get the same validation, permissions and
// replies as commands.

export interface Recognised {
  intent: string;
  /** The subcommand that answers, and its arguments as a command line. */
  command: string;
  rest: string;
}

interface Intent {
  name: string;
  command: string;
  patterns: RegExp[];
  /** The subcommand's arguments, from the pattern's named groups. */
  rest(groups: Record<string, string>): string;
}

const ACCOUNT = '(?<account>[^?!]+?)';

const INTENTS: Intent[] = [
  {
    name: 'portfolio',
    command: 'list',
    patterns: [/^(?:(?:show|list)(?: me)? )?(?:my|all) accounts$/i, /^(?:show|list)(?: me)? (?:the |my )?portfolio$/i],
    rest: () => '',
  },
  {
    name: 'account_card',
    command: 'show',
    patterns: [
      new RegExp(`^(?:how are things (?:at|with)|how(?:'s|’s| is| are))\\s+${ACCOUNT}(?:\\s+(?:doing|going))?$`, 'i'),
      new RegExp(`^(?:tell me about|show me|what about|status of|what's the status of)\\s+${ACCOUNT}$`, 'i'),
      new RegExp(`^(?:who owns|who(?:'s| is) (?:the owner of|responsible for))\\s+${ACCOUNT}$`, 'i'),
    ],
    rest: (groups) => groups.account ?? '',
  },
  {
    name: 'recent_notes',
    command: 'notes',
    patterns: [
      new RegExp(
        `^(?:what(?:'s|’s| is) new (?:with|at|on)|(?:what's the )?latest (?:on|from|at))\\s+${ACCOUNT}(?:\\s+this week)?$`,
        'i',
      ),
    ],
    rest: (groups) => groups.account ?? '',
  },
  {
    name: 'help',
    command: 'help',
    patterns: [/^(?:help|what can you do|how does this work|hi|hello|hey)$/i],
    rest: () => '',
  },
];

/** What is left of a question once the greeting, the bot's name and the punctuation are gone. */
export function cleanQuestion(text: string): string {
  return text
    .trim()
    .replace(/^(?:hey|hi|hello|ok|okay)[,!]?\s+(?=\S)/i, '')
    .replace(/^@?kam\b[,:]?\s*/i, '')
    .replace(/\s+(?:please|pls)\b/gi, '')
    .replace(/^please\s+/i, '')
    .replace(/[\s?!.]+$/, '')
    .replace(/\s+/g, ' ');
}

export function recognise(text: string): Recognised | null {
  const question = cleanQuestion(text);
  for (const intent of INTENTS) {
    for (const pattern of intent.patterns) {
      const match = pattern.exec(question);
      if (match) {
        const rest = intent
          .rest(match.groups ?? {})
          .replace(/["“”]/g, '')
          .trim();
        return { intent: intent.name, command: intent.command, rest };
      }
    }
  }
  return null;
}
