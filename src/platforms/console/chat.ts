// The console chat: a line-editing prompt (history, arrows, Ctrl-R where the terminal allows) where a person types
// `/account …` commands and plain questions exactly as in Slack. Numbers pick from the last reply's choices.

import { createInterface } from 'node:readline';
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

export async function runChat(session: ConsoleSession, io: ChatIo, options: ChatOptions = {}): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.terminal, historySize: 1000 });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string) => io.output.write(`${text}\n`);
  // The prompt goes through readline, which must know it to redraw the line while it is edited.
  const ask = async (question: string): Promise<string | null> => {
    rl.setPrompt(question);
    rl.prompt();
    const next = await lines.next();
    return next.done ? null : next.value;
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
    const answer = await ask(tr('console.loadDemo'));
    if (answer !== null && !/^\s*n/i.test(answer)) say(await options.offerDemo());
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
      const pick = /^\d{1,2}$/.test(typed) ? picks[Number(typed) - 1] : undefined;
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
