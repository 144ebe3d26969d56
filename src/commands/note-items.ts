import type { Note, User } from '../domain/records.ts';
import { t } from '../i18n/translate.ts';
import { truncate } from '../replies/build.ts';
import { formatDayIn, formatRelative, valueLabel } from '../replies/format.ts';
import type { ListItem } from '../replies/reply.ts';
import { type CommandContext, timeZoneOf } from './context.ts';

/** A note as a list item: when, who, what kind, the text (cut to `maxLength`), and a link to the original. */
export function noteItem(note: Note, authors: Map<number, User>, ctx: CommandContext, maxLength: number): ListItem {
  const author = note.authorId === null ? undefined : authors.get(note.authorId);
  const zone = timeZoneOf(ctx);
  const when = t(ctx.locale, 'show.when', {
    day: formatDayIn(note.occurredAt, zone, ctx.locale),
    relative: formatRelative(note.occurredAt, ctx.now(), zone, ctx.locale),
  });
  const facts = [
    when,
    author?.displayName,
    note.kind === 'note' ? null : valueLabel(ctx.locale, 'noteKind', note.kind),
  ];
  if (note.sentiment !== 'neutral') facts.push(valueLabel(ctx.locale, 'sentiment', note.sentiment));
  if (note.editedAt) facts.push(t(ctx.locale, 'note.editedMark'));
  // The number is how a note is edited or deleted (/account note 42 edit …).
  facts.push(`#${note.id}`);
  return {
    title: facts.filter(Boolean).join(' · '),
    text: truncate(note.body, maxLength),
    ...(note.tags.length > 0 ? { meta: note.tags.map((tag) => `#${tag}`).join(' ') } : {}),
    ...(note.sourceRef.permalink?.startsWith('https://') ? { url: note.sourceRef.permalink } : {}),
  };
}
