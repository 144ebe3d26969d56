// The console as a platform: one local workspace, people known by name, the same command engine as Slack and
// Teams. Used by the chat and by `kam exec`.
import type { RequestContext } from '../../commands/context.ts';
import type { CommandEngine, Outcome } from '../../commands/engine.ts';
import type { Origin, User, Workspace } from '../../domain/records.ts';
import { pickLocale } from '../../i18n/locale.ts';
import type { Store, WorkspaceStore } from '../../store/store.ts';

/** The console's installation id: one local workspace per database. */
export const CONSOLE_INSTALLATION = 'local';

export interface ConsoleSession {
  readonly workspace: Workspace;
  readonly store: WorkspaceStore;
  readonly user: User;
  /** What each command of the session runs in. */
  readonly context: RequestContext;
  run(text: string): Promise<Outcome>;
}

export interface ConsoleSessionOptions {
  engine: CommandEngine;
  /** Who is typing: a name (or email) known to the workspace, or a new person. */
  userName: string;
  /** The time zone of a workspace created now. */
  timeZone: string;
  origin?: Extract<Origin, 'console' | 'cli'>;
  /** The terminal's language: `--locale`, else LANG; the workspace's default when neither is one kam-bot speaks. */
  locale?: string | null;
  now?: () => Date;
}

export async function consoleWorkspace(store: Store, timeZone: string): Promise<Workspace> {
  return store.workspaces.ensureInstallation('console', CONSOLE_INSTALLATION, { name: 'Local workspace', timeZone });
}

/**
 * The person at the keyboard. Someone the workspace already knows by that name (say, an owner from an import or the
 * demo) is linked rather than duplicated; anyone else is created on first sight, like a new Slack user.
 */
async function consoleUser(store: WorkspaceStore, name: string): Promise<User> {
  const externalId = name.trim().toLowerCase();
  const known = await store.users.byIdentity('console', externalId);
  if (known) return known;
  const [sameName] = (await store.users.findByName(name)).filter(
    (user) => user.displayName.toLowerCase() === externalId || user.email === externalId,
  );
  if (sameName) {
    await store.users.linkIdentity(sameName.id, 'console', externalId);
    return sameName;
  }
  return store.users.ensureFromIdentity({ platform: 'console', externalId, displayName: name.trim() });
}

export async function openConsoleSession(store: Store, options: ConsoleSessionOptions): Promise<ConsoleSession> {
  const workspace = await consoleWorkspace(store, options.timeZone);
  const scoped = store.forWorkspace(workspace.id);
  const user = await consoleUser(scoped, options.userName);
  const ctx: RequestContext = {
    store: scoped,
    workspace,
    user,
    origin: options.origin ?? 'console',
    channel: null,
    surface: { forms: false, buttons: false },
    thread: null,
    message: null,
    locale: pickLocale(options.locale, user.locale, workspace.locale),
    now: options.now ?? (() => new Date()),
  };
  return { workspace, store: scoped, user, context: ctx, run: (text) => options.engine.handle(text, ctx) };
}
