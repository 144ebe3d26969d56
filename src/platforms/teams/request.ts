import type { TurnContext } from 'botbuilder';
import type { MessageRef, RequestContext } from '../../commands/context.ts';
import type { User, Workspace } from '../../domain/records.ts';
import { pickLocale, supportedLocale } from '../../i18n/locale.ts';
import type { Store, WorkspaceStore } from '../../store/store.ts';
import { type TeamsIdentity, tenantOf } from './identity.ts';
import { mentionedName } from './text.ts';

/** The conversation an activity belongs to, without the ";messageid=…" suffix of a channel thread. */
export function conversationOf(context: TurnContext): string {
  return context.activity.conversation.id.split(';')[0] ?? context.activity.conversation.id;
}

export class TeamsRequests {
  constructor(
    private readonly store: Store,
    readonly identity: TeamsIdentity,
  ) {}

  /**
   * The context of a request known only as plain data (a recorded capture); `turn`, when there is one, lets a
   * person seen for the first time be looked up in Teams.
   */
  async contextOf(
    origin: {
      tenantId: string;
      conversationId: string;
      sender: { teamsId: string; aadObjectId: string | null; name: string | null };
    },
    turn: TurnContext | null,
  ): Promise<RequestContext> {
    const workspace = await this.identity.workspace(origin.tenantId);
    const store = this.store.forWorkspace(workspace.id);
    const user = await this.identity.person(store, turn, origin.sender);
    return this.requestContext(store, workspace, user, origin.conversationId, null);
  }

  async context(context: TurnContext, message: MessageRef | null = null): Promise<RequestContext> {
    const workspace = await this.identity.workspace(tenantOf(context));
    const store = this.store.forWorkspace(workspace.id);
    const sender = await this.identity.sender(store, context);
    // Teams says the person's language on every activity; it is remembered for digests and reminders.
    const spoken = supportedLocale(context.activity.locale);
    const user = spoken && spoken !== sender.locale ? await store.users.setLocale(sender.id, spoken) : sender;
    return {
      ...this.requestContext(store, workspace, user, conversationOf(context), message),
      people: {
        platform: 'teams',
        ensure: (people, teamsId) =>
          this.identity.person(
            people,
            context,
            { teamsId, aadObjectId: null, name: mentionedName(context, teamsId) },
            { cache: false },
          ),
      },
    };
  }

  private requestContext(
    store: WorkspaceStore,
    workspace: Workspace,
    user: User,
    conversationId: string,
    message: MessageRef | null,
  ): RequestContext {
    return {
      store,
      workspace,
      user,
      origin: 'teams',
      channel: { platform: 'teams', id: conversationId },
      surface: { forms: true, buttons: true },
      thread: null,
      message,
      locale: pickLocale(user.locale, workspace.locale),
      now: () => new Date(),
    };
  }
}
