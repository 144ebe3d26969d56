// How a subcommand is written: its documentation, the options it takes, a zod schema for its arguments and a
// handler. The engine splits the typed line, the schema turns it into typed arguments or one clear sentence, and
// only then does the handler run, so a handler never sees input it has not validated.
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { keyed, type MessageKey } from '../i18n/translate.ts';
import type { Reply } from '../replies/reply.ts';
import type { CommandContext } from './context.ts';
import type { Token } from './parser.ts';

export interface CommandInput {
  /** The subcommand as typed. */
  name: string;
  /** The whole line (token offsets point into it). */
  line: string;
  /** Tokens after the subcommand. */
  tokens: Token[];
  /** Everything after the subcommand, as typed. */
  rest: string;
  /** Words that are neither options nor flags, in order. */
  positional: string[];
  /** name:value options, for commands that declare them. */
  options: Record<string, string>;
  /** Bare words the command declares as flags (`mine`, `overdue`). */
  flags: Set<string>;
}

export interface CommandRegistry {
  all(): readonly Command[];
  find(name: string): Command | undefined;
}

export interface Command {
  name: string;
  /** Reached only through a question or a button, so help does not list it. */
  hidden: boolean;
  aliases: readonly string[];
  /** What help says the command does. */
  summary: MessageKey;
  usage: string;
  examples: readonly string[];
  options: readonly string[];
  flags: readonly string[];
  execute(input: CommandInput, ctx: CommandContext, registry: CommandRegistry): Promise<Reply>;
}

export interface CommandSpec<S extends z.ZodType> {
  name: string;
  hidden?: boolean;
  aliases?: readonly string[];
  summary: MessageKey;
  usage: string;
  examples: readonly string[];
  options?: readonly string[];
  flags?: readonly string[];
  schema: S;
  /** Shapes the split input into what `schema` parses. */
  toArgs(input: CommandInput, ctx: CommandContext): unknown;
  run(args: z.output<S>, ctx: CommandContext, registry: CommandRegistry): Promise<Reply>;
}

/**
 * The first problem zod found, as the sentence its schema wrote for people: a `keyed` message, which the engine
 * translates for whoever sees it.
 */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? keyed('error.invalidInput');
}

/**
 * The text after token `index` (or after the subcommand when -1) exactly as typed, with the command's key:value
 * options cut out: "add acme Jane Roe, CFO role:champion" → "Jane Roe, CFO" after token 1.
 */
/** A name typed in quotes, as the quotes enclose it: `"Jo Beck"` or „Jo Beck“ → Jo Beck. */
export function unquoted(text: string): string {
  const trimmed = text.trim();
  return /^["“„«'].*["”“»']$/s.test(trimmed) && trimmed.length >= 2 ? trimmed.slice(1, -1).trim() : trimmed;
}

export function textAfter(input: CommandInput, index: number, options: readonly string[]): string {
  const from =
    index < 0 ? (input.tokens[0]?.start ?? input.line.length) : (input.tokens[index]?.end ?? input.line.length);
  let text = '';
  let at = from;
  for (const token of input.tokens) {
    if (token.start < from || !token.option || !options.includes(token.option.name)) continue;
    text += input.line.slice(at, token.start);
    at = token.end;
  }
  text += input.line.slice(at);
  return text.replace(/[ \t]{2,}/g, ' ').trim();
}

/**
 * The options after token `index` of a command that takes no free text there (`contact 12 phone:+49 89 1234`): a
 * value runs on over the bare words that follow it, exactly as typed, so nothing is silently cut. `before` is the
 * text between the token and the first option (an account's name, for `edit`).
 */
export function wholeOptions(
  input: CommandInput,
  index: number,
  names: readonly string[],
): { options: Record<string, string>; before: string } {
  // -1: everything after the subcommand.
  const from =
    index < 0 ? (input.tokens[0]?.start ?? input.line.length) : (input.tokens[index]?.end ?? input.line.length);
  const after = input.tokens.filter((token) => token.start >= from);
  const isOption = (token: Token) => token.option !== undefined && names.includes(token.option.name);
  const firstOption = after.findIndex(isOption);
  const optionStarts = after.filter(isOption);
  const options: Record<string, string> = {};
  optionStarts.forEach((token, position) => {
    const next = optionStarts[position + 1];
    const runOn = input.line.slice(token.end, next ? next.start : input.line.length).trim();
    const value = token.option?.value ?? '';
    options[token.option?.name ?? ''] = runOn ? `${value} ${runOn}`.trim() : value;
  });
  const beforeEnd = firstOption < 0 ? input.line.length : (after[firstOption]?.start ?? input.line.length);
  return { options, before: input.line.slice(from, beforeEnd).trim() };
}

/** Parses with a schema, turning its first problem into a ValidationError with the usage beside it. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, usage?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(firstIssue(parsed.error), usage);
  return parsed.data;
}

export function defineCommand<S extends z.ZodType>(spec: CommandSpec<S>): Command {
  return {
    name: spec.name,
    hidden: spec.hidden ?? false,
    aliases: spec.aliases ?? [],
    summary: spec.summary,
    usage: spec.usage,
    examples: spec.examples,
    options: spec.options ?? [],
    flags: spec.flags ?? [],
    async execute(input, ctx, registry) {
      return spec.run(parseWith(spec.schema, spec.toArgs(input, ctx), spec.usage), ctx, registry);
    },
  };
}
