import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { extractTags, kindOf, sentimentOf } from '../domain/note-text.ts';
import type { Account, NoteSource, Origin } from '../domain/records.ts';
import { context, reply, text, truncate } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import { defineCommand, parseWith } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { findAccount, resolveAccount } from './resolve-account.ts';

/** Longer than any chat message (Slack's limit is 40,000 characters), so a pasted message always fits. */
export const NOTE_MAX_LENGTH = 40_000;
const USAGE = '/account note <account> <text>   or   /account note <account name>: <text>';

export const NoteArgsSchema = z.object({
  rest: z
    .string()
    .trim()
    .min(1, 'Say which account the note is for, then the note, e.g. /account note acme Met the CFO'),
});

export const NoteBodySchema = z
  .string()
  .transform(stripControlCharacters)
  .pipe(
    z
      .string()
      .trim()
      .min(1, 'Write the note after the account, e.g. /account note acme Met the CFO, budget approved')
      .max(NOTE_MAX_LENGTH, `A note can be at most ${NOTE_MAX_LENGTH.toLocaleString('en')} characters`),
  );

/**
 * Finds the account and the text in "[for] <account> <text>", "[for] <account name>: <text>" or
 * "[for] \"<account name>\" <text>". A colon only ends the account when what stands before it is an account, so
 * "note acme Met Jane (CFO): budget approved" is a note on acme.
 */
async function accountAndText(rest: string, ctx: CommandContext): Promise<{ account: Account; body: string }> {
  const line = rest.replace(/^(?:for|to|on|about)\s+/i, '');
  const quoted = /^(["“'‘])(.+?)["”'’]\s*:?\s*/s.exec(line);
  if (quoted) return { account: await resolveAccount(ctx, quoted[2] ?? ''), body: line.slice(quoted[0].length) };
  const colon = /^([^:\n]{1,80}?)\s*:(?!\d)\s*/.exec(line);
  const named = colon ? await findAccount(ctx, colon[1] ?? '') : null;
  if (colon && named) return { account: named, body: line.slice(colon[0].length) };
  const [first = '', ...others] = line.split(/(\s+)/);
  return { account: await resolveAccount(ctx, first.replace(/:$/, '')), body: others.join('') };
}

const SOURCE_OF: Record<Origin, NoteSource> = {
  slack: 'slack',
  teams: 'teams',
  console: 'console',
  cli: 'console',
  import: 'import',
  system: 'console',
};

export const note = defineCommand({
  name: 'note',
  aliases: ['log', 'capture'],
  summary: 'Capture a note; #risk and #win set its sentiment',
  usage: USAGE,
  examples: [
    '/account note acme Met Jane (CFO): budget approved for phase 2 #win',
    '/account note Acme Germany: procurement wants a second offer #risk',
  ],
  schema: NoteArgsSchema,
  toArgs: (input) => ({ rest: input.rest }),
  run: async (args, ctx) => {
    const { account, body: typed } = await accountAndText(args.rest, ctx);
    const body = parseWith(NoteBodySchema, typed, USAGE);
    const tags = extractTags(body);
    const saved = await ctx.store.notes.add(
      {
        accountId: account.id,
        body,
        tags,
        sentiment: sentimentOf(tags),
        kind: kindOf(tags),
        authorId: ctx.user.id,
        occurredAt: ctx.now(),
        sourceRef: { source: SOURCE_OF[ctx.origin] },
      },
      actorOf(ctx),
    );
    const facts = [saved.note.sentiment === 'neutral' ? null : saved.note.sentiment, ...tags.map((tag) => `#${tag}`)];
    return reply({
      tone: 'success',
      summary: `Saved a note to ${accountLabel(account)}.`,
      blocks: [
        text(truncate(saved.note.body, 500), 'quote'),
        ...(facts.some(Boolean) ? [context(facts.filter(Boolean).join(' · '))] : []),
      ],
    });
  },
});
