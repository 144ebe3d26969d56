// Small builders for handler tests: a workspace with people in it, and the context a command runs in.
import type { RequestContext } from '../../src/commands/context.ts';
import { CommandEngine, type Outcome } from '../../src/commands/engine.ts';
import type { User, Workspace } from '../../src/domain/records.ts';
import { silentLogger } from '../../src/logger.ts';
import { renderText } from '../../src/replies/text.ts';
import type { Store, WorkspaceStore } from '../../src/store/store.ts';

export const NOW = new Date('2026-11-27T10:00:00Z');

export interface TestWorkspace {
  workspace: Workspace;
  ws: WorkspaceStore;
  admin: User;
  member: User;
  /** Runs typed text as `user` (default: the admin) and returns the outcome with its text rendering. */
  run(text: string, user?: User): Promise<Outcome & { text: string }>;
  context(user: User): RequestContext;
}

let counter = 0;

export async function createTestWorkspace(store: Store, name = 'Test workspace'): Promise<TestWorkspace> {
  counter++;
  const workspace = await store.workspaces.ensureInstallation('slack', `T-TEST-${counter}-${name}`, {
    name,
    timeZone: 'Europe/Berlin',
  });
  const ws = store.forWorkspace(workspace.id);
  const admin = await ws.users.ensureFromIdentity({
    platform: 'slack',
    externalId: 'U-ADMIN',
    displayName: 'Ada Admin',
  });
  const member = await ws.users.ensureFromIdentity({
    platform: 'slack',
    externalId: 'U-MEMBER',
    displayName: 'Max Member',
  });
  const engine = new CommandEngine(silentLogger);
  const context = (user: User): RequestContext => ({
    store: ws,
    workspace,
    user,
    origin: 'slack',
    channel: null,
    surface: { forms: false, buttons: false },
    thread: null,
    message: null,
    locale: 'en',
    now: () => NOW,
  });
  return {
    workspace,
    ws,
    admin,
    member,
    context,
    async run(text, user = admin) {
      const outcome = await engine.handle(text, context(user));
      return { ...outcome, text: renderText(outcome.reply) };
    },
  };
}
