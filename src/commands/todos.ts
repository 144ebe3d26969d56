// Follow-ups written inside text: "todo: call Bob by friday", "task add acme send the offer due next tuesday".

import { ValidationError } from '../errors.ts';
import { keyed } from '../i18n/translate.ts';
import { PERSON_MENTION } from './resolve-user.ts';
import { looksLikeDate } from './values/date-like.ts';
import { AmbiguousDateError, parseDay } from './values/dates.ts';

export interface Todo {
  title: string;
  due: Date | null;
  /** "@dana" at the start of the todo: who should do it. */
  assignee: string | null;
}

// German "am Montag", but not the English "9 am tomorrow".
const DUE_PHRASE =
  /(?:\s+(?:by|on|due|until|before|bis(?:\s+zum)?|sp(?:ä|ae)testens(?:\s+am)?|f(?:ä|ae)llig(?:\s+am)?)|(?<!\d)\s+am)\s+(.{2,40})$/i;

/**
 * "send the offer by friday" → title "send the offer", due friday. Words after "by" that are no date ("call Bob by
 * phone") stay in the title; a date that cannot be read ("by 31.02.", "by Febtember 3") is refused, so that it
 * never ends up as part of the title with no due date.
 */
export function splitDue(text: string, now: Date, timeZone: string): { title: string; due: Date | null } {
  const trimmed = text.trim().replace(/[.!]+$/, '');
  const match = DUE_PHRASE.exec(trimmed);
  if (!match) return { title: trimmed, due: null };
  const phrase = (match[1] ?? '').trim();
  let due: Date | null;
  try {
    due = parseDay(phrase, now, timeZone);
  } catch (error) {
    if (error instanceof AmbiguousDateError) throw new ValidationError(error.message);
    throw error;
  }
  if (due) return { title: trimmed.slice(0, match.index).trim(), due };
  if (looksLikeDate(phrase)) {
    throw new ValidationError(keyed('value.todoDate', { value: phrase }));
  }
  return { title: trimmed, due: null };
}

/** "@dana" or a platform's mention at the start of a todo: who should do it. */
const ASSIGNEE = new RegExp(`^(@\\S+|${PERSON_MENTION.source})\\s+`);

/** Every "todo:" line of a note. */
export function findTodos(body: string, now: Date, timeZone: string): Todo[] {
  const todos: Todo[] = [];
  for (const match of body.matchAll(/(?:^|[\n.;]\s*|\s)(?:todo|to-do|action)\s*:\s*([^\n]+)/gi)) {
    let text = (match[1] ?? '').trim();
    let assignee: string | null = null;
    const mention = ASSIGNEE.exec(text);
    if (mention) {
      assignee = mention[1] ?? null;
      text = text.slice(mention[0].length);
    }
    const { title, due } = splitDue(text, now, timeZone);
    if (title) todos.push({ title: title.slice(0, 200), due, assignee });
  }
  return todos;
}
