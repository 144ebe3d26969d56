// Plain-language questions, recognised deterministically and turned into the subcommand that answers them.
// Each intent rewrites the question into a command line, so questions get the same validation, permissions and
// replies as commands. Patterns are tried in order; the first match wins.

export interface Recognised {
  intent: string;
  /** The command line that answers, without the `/account` prefix. */
  command: string;
}

type Groups = Record<string, string | undefined>;

interface Intent {
  name: string;
  patterns: RegExp[];
  command(groups: Groups): string;
}

/** An account reference inside a question: anything up to punctuation that ends the question. */
const A = '(?<account>[^?!.,;:]+?)';
const TAIL = '(?:\\s+(?:doing|going|looking|these days|right now|at the moment|this week|today|lately))*';

/** Quotes an account reference for a command line (it may hold spaces). */
function quoted(reference: string | undefined): string {
  return `"${(reference ?? '').replace(/["“”]/g, '').trim()}"`;
}

const re = (source: string) => new RegExp(`^${source}$`, 'i');

const INTENTS: Intent[] = [
  {
    name: 'help',
    patterns: [re('(?:help|what can you do|how does this work|what do you do|commands|hi|hello|hey)')],
    command: () => 'help',
  },
  {
    name: 'at_risk_mine',
    patterns: [
      re('(?:which|what) of my accounts (?:are|is) (?:at risk|in trouble|red|amber)'),
      re('my (?:at[- ]risk|red) accounts'),
    ],
    command: () => 'list mine at-risk',
  },
  {
    name: 'at_risk',
    patterns: [
      re('(?:which|what) accounts (?:are|is) (?:at risk|in trouble|red|amber|unhealthy)'),
      re('(?:which|what) accounts need (?:attention|help|love)'),
      re('(?:show|list)?(?: me)?(?: the)? (?:at[- ]risk|red|unhealthy) accounts'),
      re('accounts at risk'),
      re('(?:anything|any accounts?) at risk'),
    ],
    command: () => 'list at-risk',
  },
  {
    name: 'my_accounts',
    patterns: [
      re('(?:(?:show|list)(?: me)? )?my (?:accounts|portfolio)'),
      re('(?:which|what) accounts do i (?:own|have|look after)'),
      re('what are my accounts'),
    ],
    command: () => 'list mine',
  },
  {
    name: 'portfolio',
    patterns: [re('(?:(?:show|list)(?: me)? )?(?:the |our )?(?:portfolio|all accounts|accounts)')],
    command: () => 'list',
  },
  {
    name: 'overdue',
    patterns: [
      re("what(?:'s| is) overdue"),
      re('(?:what am i|am i) (?:late|behind) on'),
      re('(?:my )?overdue (?:tasks|follow-?ups|todos)'),
    ],
    command: () => 'tasks mine overdue',
  },
  {
    name: 'my_tasks',
    patterns: [
      re('(?:what are )?my (?:tasks|follow-?ups|todos|to-dos)'),
      re('what do i (?:have to|need to) do'),
      re("what(?:'s| is) on my (?:plate|list)"),
    ],
    command: () => 'tasks mine',
  },
  {
    name: 'reminder',
    patterns: [
      re(`remind me to (?<what>.+?) (?:at|for|with) ${A} (?:on|by|before|until) (?<when>.+)`),
      re(`remind me (?:on|by) (?<when>\\S+(?: \\S+)?) to (?<what>.+?) (?:at|for|with) ${A}`),
      re(`remind me to (?<what>.+?) (?:at|for|with) ${A} (?<when>tomorrow|today|next week|in \\d+ (?:days|weeks))`),
      re(`remind me to (?<what>.+?) (?:at|for|with) ${A}`),
    ],
    command: (g) => `task add ${quoted(g.account)} ${g.what ?? ''}${g.when ? ` due:${quoted(g.when)}` : ''}`,
  },
  {
    name: 'add_note',
    patterns: [re(`(?:add|log|save|write) (?:a )?note (?:to|for|on|about) ${A}\\s*:\\s*(?<text>[\\s\\S]+)`)],
    command: (g) => `note ${quoted(g.account)} ${g.text ?? ''}`,
  },
  {
    name: 'save_thread',
    patterns: [re(`save (?:this|the) (?:thread|conversation|discussion) (?:to|for|on|under) ${A}`)],
    command: (g) => `savethread ${quoted(g.account)}`,
  },
  {
    name: 'owner',
    patterns: [
      re(`who owns ${A}`),
      re(`who(?:'s| is) (?:the owner of|the kam (?:for|of)|responsible for|looking after) ${A}`),
      re(`whose account is ${A}`),
      re(`who(?:'s| is) on the ${A} team`),
      re(`who works (?:on|with) ${A}`),
    ],
    command: (g) => `team ${quoted(g.account)}`,
  },
  {
    name: 'contacts',
    patterns: [
      re(`who (?:are|is) (?:the|our) (?:contacts?|stakeholders?|people|decision makers?) (?:at|in|for) ${A}`),
      re(`who do we know (?:at|in) ${A}`),
      re(`(?:contacts|stakeholders|people) (?:at|in|for) ${A}`),
    ],
    command: (g) => `contacts ${quoted(g.account)}`,
  },
  {
    name: 'pipeline',
    patterns: [
      re(`what(?:'s| is) (?:in )?(?:the )?pipeline (?:at|for|with) ${A}`),
      re(`(?:open )?(?:opportunities|opps|deals) (?:at|for|with) ${A}`),
      re(`what are we (?:selling|bidding on|working on) (?:at|to|with) ${A}`),
    ],
    command: (g) => `opps ${quoted(g.account)}`,
  },
  {
    name: 'timeline',
    patterns: [re(`what happened (?:at|with|to) ${A}${TAIL}`), re(`(?:the )?history of ${A}`)],
    command: (g) => `timeline ${quoted(g.account)}`,
  },
  {
    name: 'recent_notes',
    patterns: [
      re(`what(?:'s| is) new (?:with|at|on|from) ${A}${TAIL}`),
      re(`(?:what's the )?latest (?:on|from|at|with) ${A}`),
      re(`any (?:news|updates) (?:from|on|about|at) ${A}`),
      re(`(?:recent |latest )?(?:notes|updates) (?:on|for|about) ${A}`),
    ],
    command: (g) => `notes ${quoted(g.account)}`,
  },
  {
    name: 'health',
    patterns: [
      re(`how(?:'s| is| are)(?: things (?:at|with))? ${A}${TAIL}`),
      re(`how are things (?:at|with) ${A}${TAIL}`),
      re(`(?:what(?:'s| is) )?(?:the )?health of ${A}`),
      re(`is ${A} (?:at risk|healthy|ok|okay|in trouble|happy)`),
      re(`${A} health`),
    ],
    command: (g) => `health ${quoted(g.account)}`,
  },
  {
    name: 'account_card',
    patterns: [
      re(
        `(?:tell me about|show me|what about|status of|what(?:'s| is) the status of|what do we know about|info on|open) ${A}`,
      ),
    ],
    command: (g) => `show ${quoted(g.account)}`,
  },
  {
    name: 'search',
    patterns: [re('(?:find|search(?: for)?|look for|where did we (?:mention|talk about)) (?<text>.+)')],
    command: (g) => `search ${g.text ?? ''}`,
  },
];

/** What is left of a question once greetings, the bot's name, politeness and end punctuation are gone. */
export function cleanQuestion(text: string): string {
  const botName = /^(?:<@kam:\d+>|@?kam\b)[,:]?\s*/i;
  return text
    .trim()
    .replace(botName, '')
    .replace(/^(?:hey|hi|hello|ok|okay|so)[,!]?\s+(?=\S)/i, '')
    .replace(botName, '')
    .replace(/^(?:can you |could you |please |pls )+/i, '')
    .replace(/\s+(?:please|pls)(?=[\s?!.]*$)/i, '')
    .replace(/[\s?!.]+$/, '')
    .replace(/[ \t]+/g, ' ');
}

export function recognise(text: string): Recognised | null {
  const question = cleanQuestion(text);
  for (const intent of INTENTS) {
    for (const pattern of intent.patterns) {
      const match = pattern.exec(question);
      if (match) return { intent: intent.name, command: intent.command(match.groups ?? {}).trim() };
    }
  }
  return null;
}
