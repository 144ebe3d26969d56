// The console chat: a line-editing prompt (history, arrows, Ctrl-R where the terminal allows) where a person types
// `/account …` commands and plain questions exactly as in Slack. Numbers pick from the last reply's choices.

import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { translator } from '../../i18n/translate.ts';
import { valueLabel } from '../../replies/format.ts';
import type { Reply } from '../../replies/reply.ts';
import { renderText } from '../../replies/text.ts';
import type { ConsoleSession } from './session.ts';

export interface ChatIo {
  input: Readable;
  output: Writable;
  /** True on a real terminal: line editing and history. False when piped (tests, scripts). */
  terminal: boolean;
}

export interface ChatOptions {
  /** Asked before the first prompt when the workspace has no accounts; returns a line to show. */
  offerDemo?: () => Promise<string>;
}

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit', 'bye']);
const PROMPT = 'kam> ';

/** The commands behind the last reply's choices and buttons, so "2" runs the second. */
function shortcuts(reply: Reply): string[] {
  return reply.blocks.flatMap((block) => (block.type === 'choices' ? block.choices.map((c) => c.command ?? '') : []));
}

/**
 * Lines as the person meant them. On a terminal, lines that arrive together are one paste and become one message
 * (a pasted note keeps its line breaks); piped input (scripts, tests) stays one message per line.
 */
function lineReader(rl: Interface, joinBursts: boolean): () => Promise<string | null> {
  const ready: (string | null)[] = [];
  let burst: string[] | null = null;
  let waiting: ((line: string | null) => void) | null = null;
  const deliver = (line: string | null) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(line);
    } else ready.push(line);
  };
  rl.on('line', (line) => {
    if (!joinBursts) return deliver(line);
    if (burst) return void burst.push(line);
    burst = [line];
    // Everything of the same paste is read before the event loop comes round again.
    setImmediate(() => {
      const lines = burst ?? [];
      burst = null;
      deliver(lines.join('\n'));
    });
  });
  rl.on('close', () => setImmediate(() => deliver(null)));
  return () =>
    new Promise((resolve) => {
      if (ready.length > 0) resolve(ready.shift() ?? null);
      else waiting = resolve;
    });
}

const YES = /^\s*(y|yes|j|ja)?\s*$/i;
const NO = /^\s*(n|no|nein)\s*$/i;

export async function runChat(session: ConsoleSession, io: ChatIo, options: ChatOptions = {}): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.terminal, historySize: 1000 });
  const nextLine = lineReader(rl, io.terminal);
  const say = (text: string) => io.output.write(`${text}\n`);
  // Ctrl-C clears a half-typed line, as in a shell; on an empty line it says how to leave instead of quitting.
  rl.on('SIGINT', () => {
    const typed = rl.line.length > 0;
    rl.write(null, { ctrl: true, name: 'u' });
    io.output.write('^C\n');
    if (!typed) say(translator(session.context.locale)('console.howToLeave'));
    rl.prompt();
  });
  // The prompt goes through readline, which must know it to redraw the line while it is edited.
  const ask = async (question: string): Promise<string | null> => {
    rl.setPrompt(question);
    rl.prompt();
    return nextLine();
  };

  const tr = translator(session.context.locale);
  say(
    tr('console.hello', {
      workspace: session.workspace.name,
      name: session.user.displayName,
      role: valueLabel(session.context.locale, 'role', session.user.role),
    }),
  );
  say(tr('console.hint'));

  if (options.offerDemo && (await session.store.accounts.count()) === 0) {
    say('');
    // Only yes or no: anything else asks again, so a stray word never loads (or skips) the demo.
    let answer = await ask(tr('console.loadDemo'));
    while (answer !== null && !YES.test(answer) && !NO.test(answer)) answer = await ask(tr('console.yesOrNo'));
    if (answer !== null && YES.test(answer)) say(await options.offerDemo());
    else say(tr('console.demoLater'));
  }

  let picks: string[] = [];
  try {
    while (true) {
      say('');
      const line = await ask(PROMPT);
      if (line === null) break;
      const typed = line.trim();
      if (!typed) continue;
      if (EXIT_WORDS.has(typed.toLowerCase())) break;
      const number = /^\d{1,2}$/.test(typed) ? Number(typed) : null;
      const pick = number === null ? undefined : picks[number - 1];
      if (number !== null && picks.length > 0 && !pick) {
        say(tr('console.pickRange', { number, count: picks.length }));
        continue;
      }
      if (pick) say(`→ ${pick}`);
      const outcome = await session.run(pick ?? typed);
      picks = shortcuts(outcome.reply);
      say(renderText(outcome.reply));
    }
  } finally {
    rl.close();
  }
  say(tr('console.bye'));
}
