import type { Account, Origin, Platform, User, Workspace } from '../domain/records.ts';
import type { Reply } from '../replies/reply.ts';
import type { Actor, Viewer, WorkspaceStore } from '../store/store.ts';

/** What the front end can show, so a command can offer a form or buttons where they exist. */
export interface Surface {
  forms: boolean;
  buttons: boolean;
}

/** Reads the thread a message was posted in and saves it as a note: what "save this thread to acme" needs. */
export interface ThreadCapture {
  save(account: Account): Promise<Reply>;
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
  now(): Date;
}

export function actorOf(ctx: CommandContext): Actor {
  return { userId: ctx.user.id, origin: ctx.origin };
}

export function viewerOf(ctx: CommandContext): Viewer {
  return { userId: ctx.user.id, role: ctx.user.role };
}

/** The time zone to show dates in: the person's, else the workspace's. */
export function timeZoneOf(ctx: CommandContext): string {
  return ctx.user.timeZone ?? ctx.workspace.timeZone;
}
