// Turns what Slack tells us about a request (team, user, channel, message) into the context commands run in.
import type { RequestContext, ThreadCapture } from '../../commands/context.ts';
import { pickLocale } from '../../i18n/locale.ts';
import type { Store } from '../../store/store.ts';
import type { SlackIdentity } from './identity.ts';

export interface SlackOrigin {
  teamId: string;
  teamName?: string;
  userId: string;
  channelId?: string | null;
  /** The message the request came in (an @mention, a DM), with its permalink when known. */
  message?: { ts: string; permalink?: string | null } | null;
  thread?: ThreadCapture | null;
}

export class SlackRequests {
  constructor(
    private readonly store: Store,
    readonly identity: SlackIdentity,
  ) {}

  async context(origin: SlackOrigin): Promise<RequestContext> {
    const workspace = await this.identity.workspace(origin.teamId, origin.teamName);
    const store = this.store.forWorkspace(workspace.id);
    const user = await this.identity.user(store, origin.userId);
    const channelId = origin.channelId ?? null;
    return {
      store,
      workspace,
      user,
      origin: 'slack',
      channel: channelId ? { platform: 'slack', id: channelId } : null,
      surface: { forms: true, buttons: true },
      thread: origin.thread ?? null,
      people: { platform: 'slack', ensure: (people, slackUserId) => this.identity.ensureIn(people, slackUserId) },
      locale: pickLocale(user.locale, workspace.locale),
      message:
        channelId && origin.message
          ? { channel: channelId, id: origin.message.ts, permalink: origin.message.permalink ?? null }
          : null,
      now: () => new Date(),
    };
  }
}
