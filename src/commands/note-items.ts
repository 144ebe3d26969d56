import type { Note, User } from '../domain/records.ts';
import { truncate } from '../replies/build.ts';
import { formatDate, formatRelative } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { type CommandContext, timeZoneOf } from './context.ts';

/** A note as a list item: when, who, what kind, the text (cut to `maxLength`), and a link to the original. */
export function noteItem(note: Note, authors: Map<number, User>, ctx: CommandContext, maxLength: number): ListItem {
  const author = note.authorId === null ? undefined : authors.get(note.authorId);
  const when = `${formatDate(note.occurredAt, timeZoneOf(ctx))} (${formatRelative(note.occurredAt, ctx.now(), timeZoneOf(ctx))})`;
  const facts = [when, author?.displayName, note.kind === 'note' ? null : note.kind];
  if (note.sentiment !== 'neutral') facts.push(note.sentiment);
  return {
    title: facts.filter(Boolean).join(' · '),
    text: truncate(note.body, maxLength),
    ...(note.tags.length > 0 ? { meta: note.tags.map((tag) => `#${tag}`).join(' ') } : {}),
    ...(note.sourceRef.permalink?.startsWith('https://') ? { url: note.sourceRef.permalink } : {}),
  };
}
