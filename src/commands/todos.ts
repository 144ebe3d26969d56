// Follow-ups written inside text: "todo: call Bob by friday", "task add acme send the offer due next tuesday".
import { AmbiguousDateError, parseDay } from './values/dates.ts';

export interface Todo {
  title: string;
  due: Date | null;
  /** "@dana" at the start of the todo: who should do it. */
  assignee: string | null;
}

const DUE_PHRASE = /\s+(?:by|on|due|until|before)\s+(.{2,40})$/i;

/** "send the offer by friday" → title "send the offer", due friday. Text without a readable date keeps it all. */
export function splitDue(text: string, now: Date, timeZone: string): { title: string; due: Date | null } {
  const trimmed = text.trim().replace(/[.!]+$/, '');
  const match = DUE_PHRASE.exec(trimmed);
  if (!match) return { title: trimmed, due: null };
  try {
    const due = parseDay(match[1] ?? '', now, timeZone);
    if (due) return { title: trimmed.slice(0, match.index).trim(), due };
  } catch (error) {
    if (!(error instanceof AmbiguousDateError)) throw error;
  }
  return { title: trimmed, due: null };
}

/** Every "todo:" line of a note. */
export function findTodos(body: string, now: Date, timeZone: string): Todo[] {
  const todos: Todo[] = [];
  for (const match of body.matchAll(/(?:^|[\n.;]\s*|\s)(?:todo|to-do|action)\s*:\s*([^\n]+)/gi)) {
    let text = (match[1] ?? '').trim();
    let assignee: string | null = null;
    const mention = /^(@\S+|<@kam:\d+>)\s+/.exec(text);
    if (mention) {
      assignee = mention[1] ?? null;
      text = text.slice(mention[0].length);
    }
    const { title, due } = splitDue(text, now, timeZone);
    if (title) todos.push({ title: title.slice(0, 200), due, assignee });
  }
  return todos;
}
