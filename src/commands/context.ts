import type { Account, Origin, Platform, User, Workspace } from '../domain/records.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Reply } from '../replies/reply.ts';
import type { Actor, Viewer, WorkspaceStore } from '../store/store.ts';

/** What the front end can show, so a command can offer a form or buttons where they exist. */
export interface Surface {
  forms: boolean;
  buttons: boolean;
}

/** Reads the thread a message was posted in and saves it as a note: what "save this thread to acme" needs. */
export interface ThreadCapture {
  save(account: Account, ctx: CommandContext): Promise<Reply>;
}

/** The chat message a command came in, when it came in one: notes written by it are stored once per message. */
export interface MessageRef {
  channel: string;
  /** Slack ts or Teams message id. */
  id: string;
  permalink: string | null;
  /** When the message was written, and by whom, when a note is made from somebody else's message. */
  at?: Date | null;
  authorId?: number | null;
}

/**
 * What a reply revealed, for platforms deciding where it may be shown: an answer that names a restricted account
 * goes only to the person who asked, never into a channel.
 */
export interface Disclosure {
  restricted: boolean;
}

/**
 * The people of the platform a request came from, as kam-bot may not know them yet: a command that names such a
 * person (`<@slack:U123>`) adds them through this, inside its own transaction, so a refused command adds nobody.
 */
export interface PeopleDirectory {
  platform: Platform;
  /** The kam-bot user for the platform's person, created through `store` (the command's transaction) if new. */
  ensure(store: WorkspaceStore, externalId: string): Promise<User>;
}

/** Everything a command handler knows about who asks, where, and when. */
export interface CommandContext {
  store: WorkspaceStore;
  workspace: Workspace;
  user: User;
  origin: Origin;
  /** The channel the command came from, if any: links and digests belong to it. */
  channel: { platform: Platform; id: string } | null;
  surface: Surface;
  /** Present when the message came from a thread the platform can read (Slack). */
  thread: ThreadCapture | null;
  /** The message the command came in, if any. */
  message: MessageRef | null;
  /** Where people the command names but kam-bot does not know yet come from (Slack, Teams); none in the console. */
  people?: PeopleDirectory | null;
  /** The language of the reply: the person's, else the workspace's, else English (see i18n/locale.ts). */
  locale: Locale;
  /** Filled in while the command runs. */
  disclosure: Disclosure;
  now(): Date;
}

/** Records that the reply shows restricted accounts, if any of these are. */
export function disclose(ctx: CommandContext, accounts: readonly { visibility: string }[]): void {
  if (accounts.some((account) => account.visibility === 'restricted')) ctx.disclosure.restricted = true;
}

/** What a front end knows when a request comes in; the engine adds the rest for each command it runs. */
export type RequestContext = Omit<CommandContext, 'disclosure'>;

export function actorOf(ctx: CommandContext): Actor {
  return { userId: ctx.user.id, origin: ctx.origin };
}

export function viewerOf(ctx: Pick<CommandContext, 'user'>): Viewer {
  return { userId: ctx.user.id, role: ctx.user.role };
}

/** The time zone to show dates in: the person's, else the workspace's. */
export function timeZoneOf(ctx: CommandContext): string {
  return ctx.user.timeZone ?? ctx.workspace.timeZone;
}
