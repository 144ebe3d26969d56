import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { extractTags, kindOf, sentimentOf } from '../domain/note-text.ts';
import type { Account, NoteSource, NoteSourceRef, Origin } from '../domain/records.ts';
import { NotFoundError, PermissionError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { context, list, reply, text, truncate } from '../replies/build.ts';
import { accountLabel, formatDay, valueLabel } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import { accountAndText } from './account-and-text.ts';
import { defineCommand, parseWith } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf, viewerOf } from './context.ts';
import { resolveUser } from './resolve-user.ts';
import { findTodos } from './todos.ts';

/** Longer than any chat message (Slack's limit is 40,000 characters), so a pasted message always fits. */
export const NOTE_MAX_LENGTH = 40_000;
const USAGE =
  '/account note <account> <text>   or   /account note <account name>: <text>   or   /account note <number> edit <new text> | delete';

/** `note 42 edit …` / `note 42 delete`: a note by its number (shown beside it in notes and show). */
const BY_NUMBER =
  /^#?(\d{1,9})\s+(edit|change|correct|bearbeiten|ändern|korrigieren|delete|remove|löschen|entfernen)\b[ \t]*(.*)$/isu;
const DELETE_WORDS = new Set(['delete', 'remove', 'löschen', 'entfernen']);

async function changeNote(id: number, verb: string, body: string, ctx: CommandContext): Promise<Reply> {
  const existing = await ctx.store.notes.byId(id);
  const account = existing ? await ctx.store.accounts.byId(existing.accountId, viewerOf(ctx)) : null;
  if (!existing || !account) throw new NotFoundError(keyed('note.noSuch', { id }));
  // What someone wrote is theirs to change; an admin may correct anyone's.
  if (existing.authorId !== ctx.user.id && ctx.user.role !== 'admin') {
    throw new PermissionError(keyed('note.notYours', { id }));
  }
  if (DELETE_WORDS.has(verb.toLowerCase())) {
    await ctx.store.notes.remove(id, actorOf(ctx));
    return reply({ tone: 'success', summary: t(ctx.locale, 'note.deleted', { id, account: accountLabel(account) }) });
  }
  const newBody = parseWith(NoteBodySchema, body, USAGE);
  const tags = extractTags(newBody);
  const edited = await ctx.store.notes.edit(
    id,
    { body: newBody, tags, sentiment: sentimentOf(tags), kind: kindOf(tags) },
    actorOf(ctx),
    ctx.now(),
  );
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'note.edited', { id, account: accountLabel(account) }),
    blocks: [text(truncate(edited.body, 500), 'quote')],
  });
}

export const NoteArgsSchema = z.object({
  rest: z.string().trim().min(1, keyed('note.needAccount')),
});

export const NoteBodySchema = z
  .string()
  .transform(stripControlCharacters)
  .pipe(
    z
      .string()
      .trim()
      .min(1, keyed('note.needText'))
      .max(NOTE_MAX_LENGTH, keyed('note.tooLong', { max: NOTE_MAX_LENGTH })),
  );

const SOURCE_OF: Record<Origin, NoteSource> = {
  slack: 'slack',
  teams: 'teams',
  console: 'console',
  cli: 'console',
  import: 'import',
  system: 'console',
};

export interface CaptureOptions {
  /** The message the note comes from, so the same message is stored once. */
  sourceRef?: Partial<NoteSourceRef>;
  /** When it was said (a message's own time); now by default. */
  occurredAt?: Date;
  /** Who said it, when that is not the person saving it. */
  authorId?: number;
}

/**
 * Saves a note with its tags, sentiment, kind and `todo:` follow-ups, and answers with what was saved. The note
 * command, the note form and the platforms' message capture all end here.
 */
export async function captureNote(
  ctx: CommandContext,
  account: Account,
  body: string,
  options: CaptureOptions = {},
): Promise<Reply> {
  return (await saveNote(ctx, account, body, options)).reply;
}

/** Like captureNote, and says whether the note is new (false: that message had been saved before). */
export async function saveNote(
  ctx: CommandContext,
  account: Account,
  body: string,
  options: CaptureOptions = {},
): Promise<{ reply: Reply; created: boolean }> {
  const tags = extractTags(body);
  const todos = findTodos(body, ctx.now(), timeZoneOf(ctx));
  const tasks = await Promise.all(
    todos.map(async (todo) => ({
      title: todo.title,
      dueAt: todo.due,
      assigneeId: todo.assignee ? (await resolveUser(ctx, todo.assignee)).id : ctx.user.id,
    })),
  );
  const saved = await ctx.store.notes.add(
    {
      accountId: account.id,
      body,
      tags,
      sentiment: sentimentOf(tags),
      kind: kindOf(tags),
      authorId: options.authorId ?? ctx.message?.authorId ?? ctx.user.id,
      occurredAt: options.occurredAt ?? ctx.message?.at ?? ctx.now(),
      sourceRef: {
        source: SOURCE_OF[ctx.origin],
        ...(ctx.message
          ? { channel: ctx.message.channel, messageId: ctx.message.id, permalink: ctx.message.permalink }
          : {}),
        ...options.sourceRef,
      },
      tasks,
    },
    actorOf(ctx),
  );
  const facts = [
    saved.note.sentiment === 'neutral' ? null : valueLabel(ctx.locale, 'sentiment', saved.note.sentiment),
    ...saved.note.tags.map((tag) => `#${tag}`),
  ];
  const answer = reply({
    tone: 'success',
    summary: saved.created
      ? t(ctx.locale, 'note.saved', { account: accountLabel(account) })
      : t(ctx.locale, 'note.already', { account: accountLabel(account) }),
    blocks: [
      text(truncate(saved.note.body, 500), 'quote'),
      ...(facts.some(Boolean) ? [context(facts.filter(Boolean).join(' · '))] : []),
      ...(saved.tasks.length > 0
        ? [
            list(
              saved.tasks.map((task) => ({
                title: task.title,
                meta: [
                  `#${task.id}`,
                  task.dueAt
                    ? t(ctx.locale, 'task.due', { day: formatDay(task.dueAt, ctx.locale) })
                    : t(ctx.locale, 'task.noDueDate'),
                ].join(' · '),
              })),
              { heading: t(ctx.locale, 'note.followUps') },
            ),
          ]
        : []),
    ],
  });
  return { reply: answer, created: saved.created };
}

export const note = defineCommand({
  name: 'note',
  aliases: ['log', 'capture'],
  summary: 'help.note',
  usage: USAGE,
  examples: [
    '/account note nordwind Met Ute (CFO): budget approved for phase 2 #win',
    '/account note Nordwind Logistik: Einkauf will ein zweites Angebot #risk',
    '/account note corvane Call with Luca. todo: send the pricing sheet by friday',
    '/account note 42 edit Met Ute (CFO): budget approved for phase 2 and 3 #win',
    '/account note 42 delete',
  ],
  schema: NoteArgsSchema,
  toArgs: (input) => ({ rest: input.rest }),
  run: async (args, ctx) => {
    const byNumber = BY_NUMBER.exec(args.rest);
    if (byNumber) return changeNote(Number(byNumber[1]), byNumber[2] ?? '', byNumber[3] ?? '', ctx);
    const { account, text } = await accountAndText(args.rest, ctx);
    return captureNote(ctx, account, parseWith(NoteBodySchema, text, USAGE));
  },
});
