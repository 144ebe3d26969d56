import type { TurnContext } from 'botbuilder';
import type { MessageRef, RequestContext } from '../../commands/context.ts';
import type { Store } from '../../store/store.ts';
import { type TeamsIdentity, tenantOf } from './identity.ts';

/** The conversation an activity belongs to, without the ";messageid=…" suffix of a channel thread. */
export function conversationOf(context: TurnContext): string {
  return context.activity.conversation.id.split(';')[0] ?? context.activity.conversation.id;
}

export class TeamsRequests {
  constructor(
    private readonly store: Store,
    readonly identity: TeamsIdentity,
  ) {}

  async context(context: TurnContext, message: MessageRef | null = null): Promise<RequestContext> {
    const workspace = await this.identity.workspace(tenantOf(context));
    const store = this.store.forWorkspace(workspace.id);
    const user = await this.identity.sender(store, context);
    return {
      store,
      workspace,
      user,
      origin: 'teams',
      channel: { platform: 'teams', id: conversationOf(context) },
      surface: { forms: true, buttons: true },
      thread: null,
      message,
      now: () => new Date(),
    };
  }
}
