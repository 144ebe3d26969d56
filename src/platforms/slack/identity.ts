// Slack teams and users as kam-bot knows them: a team maps to a workspace (created on first sight), a Slack user
// to a kam-bot user (created on first sight from users.info: name, email, time zone). users.info answers are
// cached, since every request needs the asker.
import type { webApi } from '@slack/bolt';
import type { User, Workspace } from '../../domain/records.ts';
import type { Logger } from '../../logger.ts';
import type { Store, WorkspaceStore } from '../../store/store.ts';

const USER_CACHE_MS = 10 * 60_000;
const USER_CACHE_SIZE = 5_000;

interface CachedUser {
  user: User;
  until: number;
}

export class SlackIdentity {
  private readonly users = new Map<string, CachedUser>();
  private readonly workspaces = new Map<string, Workspace>();

  constructor(
    private readonly store: Store,
    private readonly client: webApi.WebClient,
    private readonly defaultTimeZone: string,
    private readonly logger: Logger,
  ) {}

  async workspace(teamId: string, teamName?: string): Promise<Workspace> {
    const cached = this.workspaces.get(teamId);
    if (cached) return cached;
    const workspace = await this.store.workspaces.ensureInstallation('slack', teamId, {
      name: teamName || `Slack ${teamId}`,
      timeZone: this.defaultTimeZone,
    });
    this.workspaces.set(teamId, workspace);
    return workspace;
  }

  /** Forgets the workspace so its settings are read again (after a settings change). */
  refresh(teamId: string): void {
    this.workspaces.delete(teamId);
  }

  async user(store: WorkspaceStore, slackUserId: string): Promise<User> {
    const key = `${store.workspaceId}:${slackUserId}`;
    const cached = this.users.get(key);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = (await store.users.byIdentity('slack', slackUserId)) ?? (await this.firstSight(store, slackUserId));
    if (this.users.size >= USER_CACHE_SIZE) this.users.delete(this.users.keys().next().value ?? '');
    this.users.set(key, { user, until: Date.now() + USER_CACHE_MS });
    return user;
  }

  private async firstSight(store: WorkspaceStore, slackUserId: string): Promise<User> {
    let profile: { displayName: string; email: string | null; timeZone: string | null } = {
      displayName: slackUserId,
      email: null,
      timeZone: null,
    };
    try {
      const info = await this.client.users.info({ user: slackUserId });
      const person = info.user;
      profile = {
        displayName:
          person?.profile?.real_name ||
          person?.real_name ||
          person?.profile?.display_name ||
          person?.name ||
          slackUserId,
        email: person?.profile?.email ?? null,
        timeZone: person?.tz ?? null,
      };
    } catch (error) {
      // Still usable without a name: the person is known by their id until users.info answers next time.
      this.logger.warn({ err: error, slackUserId }, 'users.info failed; using the Slack id as the name');
    }
    return store.users.ensureFromIdentity({ platform: 'slack', externalId: slackUserId, ...profile });
  }
}
