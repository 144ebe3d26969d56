// The command engine: whatever a person types on any platform lands here and leaves as a Reply.
// User errors become one helpful private sentence; anything else is logged with its context and answered
// with a short apology, never a stack trace.

import type { Account } from '../domain/records.ts';
import { isUserError, NotFoundError, ValidationError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import { keyed, t, translated } from '../i18n/translate.ts';
import type { Logger } from '../logger.ts';
import { reply, userError } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import { type Understanding, understand } from '../understanding/understand.ts';
import { resolveAction } from './actions.ts';
import { type Command, type CommandInput, type CommandRegistry, parseWith } from './command.ts';
import { type CommandContext, disclose, type RequestContext, viewerOf } from './context.ts';
import { checkNoteForm, submitForm } from './form-submissions.ts';
import { FORM_IDS } from './forms.ts';
import { NoteBodySchema, saveNote } from './note.ts';
import { type CommandLine, hasCommandPrefix, parseCommandLine } from './parser.ts';
import { createRegistry } from './registry.ts';
import { AccountChoiceError, candidatesFor } from './resolve-account.ts';
import { namesNewPeople } from './resolve-user.ts';
import { closestWords } from './suggest.ts';
import { accountsOfContacts, askReply, notUnderstood } from './understood-replies.ts';
import { vocabularyFor } from './vocabulary.ts';

export type OutcomeStatus = 'ok' | 'user_error' | 'internal_error';

export interface Outcome {
  reply: Reply;
  status: OutcomeStatus;
  /** The reply shows restricted accounts: only the person who asked may see it. */
  restricted: boolean;
}

/** A fresh context per command, so what one command revealed is not counted against the next. */
function begin(request: RequestContext): CommandContext {
  return { ...request, disclosure: { restricted: false } };
}

/** Names under which `new` runs: only ever from the command form, never from a sentence. */
const CREATES_ACCOUNTS = new Set(['new', 'create', 'add']);

/** Commands that change one record by its number: `contact 12 left` is that command, never a sentence. */
const BY_NUMBER = new Set(['contact', 'opp', 'task', 'note', 'done']);

/** The longest text the engine reads; anything longer is refused before parsing. */
export const MAX_INPUT_LENGTH = 45_000;

function splitInput(line: CommandLine, command: Command): CommandInput {
  const input: CommandInput = {
    name: line.name,
    line: line.text,
    tokens: line.tokens,
    rest: line.rest,
    positional: [],
    options: {},
    flags: new Set(),
  };
  for (const token of line.tokens) {
    // "Germany:" (a word ending a reference, nothing after the colon) is text, not an option.
    const isOption = token.option && !(token.option.value === '' && !command.options.includes(token.option.name));
    if (token.option && isOption && command.options.length > 0) {
      const { name, value } = token.option;
      if (!command.options.includes(name)) {
        const close = closestWords(name, command.options).map((option) => `${option}:`);
        throw new ValidationError(
          close.length > 0
            ? keyed('engine.notAnOption', { name, command: command.name, close })
            : keyed('engine.notAnOptionList', {
                name,
                command: command.name,
                options: command.options.map((option) => `${option}:`).join(' '),
              }),
          command.usage,
        );
      }
      if (name in input.options) throw new ValidationError(keyed('engine.optionTwice', { name }), command.usage);
      input.options[name] = value;
    } else if (!token.quoted && command.flags.includes(token.text.toLowerCase())) {
      input.flags.add(token.text.toLowerCase());
    } else {
      input.positional.push(token.text);
    }
  }
  return input;
}

/** The command line again with the account reference replaced by a key: what picking a candidate runs. */
function withAccount(line: string, reference: string, key: string): string {
  for (const form of [`"${reference}"`, `“${reference}”`, reference]) {
    const at = line.indexOf(form);
    if (at >= 0) return `/account ${line.slice(0, at)}${key}${line.slice(at + form.length)}`;
  }
  return `/account show ${key}`;
}

function choiceReply(error: AccountChoiceError, line: string, locale: Locale): Reply {
  return reply({
    tone: 'warning',
    summary: translated(locale, error.message),
    blocks: [
      {
        type: 'choices',
        prompt: t(locale, error.reason === 'ambiguous' ? 'ask.pick' : 'engine.closeMatches'),
        actionId: 'account_choose',
        choices: error.candidates.map((candidate) => {
          const command = withAccount(line, error.reference, candidate.key);
          return {
            label: accountLabel(candidate),
            ...(candidate.country ? { description: candidate.country } : {}),
            value: command,
            command,
          };
        }),
      },
    ],
  });
}

/**
 * Runs `work` in one transaction when it names people kam-bot does not know yet: adding them is part of the
 * command's writes, so a command refused after it named someone new leaves no trace of them.
 */
function addingPeople<T>(text: string, ctx: CommandContext, work: (ctx: CommandContext) => Promise<T>): Promise<T> {
  if (!namesNewPeople(text)) return work(ctx);
  return ctx.store.transaction((store) => work({ ...ctx, store }));
}

/**
 * The language of the answer to a sentence: the person's, except that a sentence written in German is answered in
 * German whatever their Slack or Teams is set to (German input works in every locale). An English sentence from
 * someone whose language is German still gets German: "show nordwind" says nothing about how they like to read.
 */
function replyLocale(written: Locale | null, person: Locale): Locale {
  return written === 'de' ? 'de' : person;
}

/** A message as one sentence: schemas write their messages without the full stop the reply ends with. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text : `${text}.`;
}

/** The outcome with its reply marked for the reader's language, for the words renderers add. */
function localized(outcome: Outcome, locale: Locale): Outcome {
  return { ...outcome, reply: { ...outcome.reply, locale } };
}

export class CommandEngine {
  constructor(
    private readonly logger: Logger,
    private readonly registry: CommandRegistry = createRegistry(),
  ) {}

  /** Anything a person typed: `/account …`, a bare subcommand, or a sentence in plain words. */
  async handle(typed: string, ctx: RequestContext): Promise<Outcome> {
    const input = typed.trim();
    if (!input) {
      return { status: 'user_error', restricted: false, reply: userError(t(ctx.locale, 'engine.empty'), ctx.locale) };
    }
    if (input.length > MAX_INPUT_LENGTH) return this.command(input, ctx);
    const prefixed = hasCommandPrefix(input);
    const line = prefixed ? parseCommandLine(input) : null;
    const first = (line ? line.name : input.split(/\s+/)[0]?.toLowerCase()) ?? '';
    const command = first ? this.registry.find(first) : undefined;
    // The command form runs as typed: `/account new Acme` is the one way to create an account.
    if (prefixed && !line?.text) return this.command(input, ctx);
    // The command form runs as typed: `/account new Acme` is the one way to create an account.
    if (prefixed && command) return this.command(input, ctx);
    const sentence = prefixed && line ? line.text : input;
    const explicitOptions = command && !CREATES_ACCOUNTS.has(first) && /(?:^|\s)[a-z][a-z_-]*:\S/i.test(sentence);
    if (explicitOptions) return this.command(input, ctx);
    if (command && BY_NUMBER.has(command.name) && /^\S+\s+#?\d+(?:\s|$)/.test(sentence))
      return this.command(input, ctx);
    const understood = understand(sentence, await vocabularyFor(begin(ctx)));
    switch (understood.kind) {
      case 'read':
      case 'write':
        // A German sentence gets a German answer, whatever language the person's Slack or Teams is set to.
        return this.command(understood.command, { ...ctx, locale: replyLocale(understood.language, ctx.locale) });
      case 'ask':
        return this.ask(understood, { ...ctx, locale: replyLocale(understood.language, ctx.locale) });
      case 'create_account':
        return {
          status: 'user_error',
          restricted: false,
          reply: {
            ...reply({
              tone: 'info',
              summary: t(replyLocale(understood.language, ctx.locale), 'engine.createOnlyByCommand', {
                name: understood.name || 'none',
                options: understood.options,
              }),
            }),
            locale: replyLocale(understood.language, ctx.locale),
          },
        };
      case 'unknown':
        // `/account shwo`: the command form gets the command's answer ("Did you mean show?").
        if (prefixed || (command && !CREATES_ACCOUNTS.has(first))) return this.command(input, ctx);
        return localized(
          {
            status: 'user_error',
            restricted: false,
            reply: notUnderstood(understood, begin({ ...ctx, locale: replyLocale(understood.language, ctx.locale) })),
          },
          replyLocale(understood.language, ctx.locale),
        );
    }
  }

  /** A write whose account is unsure or missing: the choices, each the command that writes, and nothing saved. */
  private async ask(understood: Extract<Understanding, { kind: 'ask' }>, request: RequestContext): Promise<Outcome> {
    const ctx = begin(request);
    try {
      const candidates = understood.reference
        ? candidatesFor(ctx, understood.reference)
        : understood.contactHint
          ? await accountsOfContacts(ctx, understood.contactHint)
          : [];
      return localized(
        { status: 'user_error', restricted: ctx.disclosure.restricted, reply: askReply(understood, candidates, ctx) },
        ctx.locale,
      );
    } catch (error) {
      return this.failure(error, parseCommandLine(understood.intent), ctx);
    }
  }

  /** The text of a command, with or without the `/account` prefix. */
  async command(typed: string, request: RequestContext): Promise<Outcome> {
    if (typed.length > MAX_INPUT_LENGTH) {
      return {
        status: 'user_error',
        restricted: false,
        reply: userError(t(request.locale, 'engine.tooLong'), request.locale),
      };
    }
    const ctx = begin(request);
    const line = parseCommandLine(typed);
    try {
      const command = this.registry.find(line.name || 'help');
      if (!command) throw this.unknownCommand(line.name);
      const input = splitInput(line, command);
      const result = await addingPeople(line.text, ctx, (scoped) => command.execute(input, scoped, this.registry));
      return localized({ status: 'ok', reply: result, restricted: ctx.disclosure.restricted }, ctx.locale);
    } catch (error) {
      return this.failure(error, line, ctx);
    }
  }

  /** A button pressed in a reply. */
  async action(actionId: string, value: string, request: RequestContext): Promise<Outcome> {
    const ctx = begin(request);
    const line = parseCommandLine(`${actionId} ${value}`);
    try {
      const result = await resolveAction(actionId, value, ctx);
      if (result.kind === 'command') return this.command(result.text, request);
      return localized({ status: 'ok', reply: result.reply, restricted: ctx.disclosure.restricted }, ctx.locale);
    } catch (error) {
      return this.failure(error, line, ctx);
    }
  }

  /** A form submitted from Slack or Teams, with its values as strings. */
  async submit(
    formId: string,
    values: Record<string, string>,
    state: string | undefined,
    request: RequestContext,
  ): Promise<Outcome> {
    const ctx = begin(request);
    try {
      const result = await addingPeople(Object.values(values).join(' '), ctx, (scoped) =>
        submitForm(formId, values, state, scoped),
      );
      return localized({ status: 'ok', reply: result, restricted: ctx.disclosure.restricted }, ctx.locale);
    } catch (error) {
      return this.failure(error, parseCommandLine(formId), ctx);
    }
  }

  /** A note form's mistake as the reply submitting it would give, or null when it would be saved. */
  async checkNoteForm(values: Record<string, string>, request: RequestContext): Promise<Outcome | null> {
    const ctx = begin(request);
    try {
      await checkNoteForm(values, ctx);
      return null;
    } catch (error) {
      return this.failure(error, parseCommandLine(FORM_IDS.note), ctx);
    }
  }

  /**
   * Saves a chat message as a note on an account (a :memo: reaction in a linked channel): the message is in the
   * context, so the note keeps its author, time and link, and is stored once however often it is saved.
   */
  /** Saves a message as a note to the account; says whether it is new, and the account (to name it). */
  async capture(
    accountId: number,
    body: string,
    request: RequestContext,
  ): Promise<Outcome & { created: boolean; account: Account | null }> {
    const ctx = begin(request);
    try {
      const account = await ctx.store.accounts.byId(accountId, viewerOf(ctx));
      if (!account || account.archivedAt) throw new NotFoundError(keyed('engine.linkedAccountGone'));
      disclose(ctx, [account]);
      const saved = await saveNote(ctx, account, parseWith(NoteBodySchema, body));
      return {
        status: 'ok',
        reply: { ...saved.reply, locale: ctx.locale },
        restricted: ctx.disclosure.restricted,
        created: saved.created,
        account,
      };
    } catch (error) {
      return { ...this.failure(error, parseCommandLine('note'), ctx), created: false, account: null };
    }
  }

  private unknownCommand(name: string): ValidationError {
    const names = this.registry.all().flatMap((command) => [command.name, ...command.aliases]);
    const close = closestWords(name, names);
    return new ValidationError(
      close.length > 0 ? keyed('engine.noCommandDidYouMean', { name, close }) : keyed('engine.noCommand', { name }),
      keyed('engine.helpListsAll'),
    );
  }

  private failure(error: unknown, line: CommandLine, ctx: CommandContext): Outcome {
    const restricted = ctx.disclosure.restricted;
    if (error instanceof AccountChoiceError)
      return {
        status: 'user_error',
        restricted,
        reply: { ...choiceReply(error, line.text, ctx.locale), locale: ctx.locale },
      };
    if (isUserError(error)) {
      const usage = error.usage === undefined ? undefined : translated(ctx.locale, error.usage);
      return {
        status: 'user_error',
        restricted,
        reply: userError(sentence(translated(ctx.locale, error.message)), ctx.locale, usage),
      };
    }
    this.logger.error(
      { err: error, command: line.name, workspaceId: ctx.workspace.id, userId: ctx.user.id, origin: ctx.origin },
      'command failed',
    );
    return {
      status: 'internal_error',
      restricted: false,
      reply: userError(t(ctx.locale, 'engine.internal'), ctx.locale),
    };
  }
}
