// Slack teams and users as kam-bot knows them: a team maps to a workspace (created on first sight), a Slack user
// to a kam-bot user (created on first sight from users.info: name, email, time zone). users.info answers are
// cached, since every request needs the asker.
import type { webApi } from '@slack/bolt';
import type { User, Workspace } from '../../domain/records.ts';
import { supportedLocale } from '../../i18n/locale.ts';
import type { Logger } from '../../logger.ts';
import type { Store, WorkspaceStore } from '../../store/store.ts';

const USER_CACHE_MS = 10 * 60_000;
const USER_CACHE_SIZE = 5_000;

interface CachedUser {
  user: User;
  until: number;
}

export interface SlackProfile {
  displayName: string;
  email: string | null;
  timeZone: string | null;
  /** Slack's locale for the person ("de-DE"), asked for with include_locale. */
  locale: string | null;
}

export class SlackIdentity {
  private readonly users = new Map<string, CachedUser>();
  private readonly profiles = new Map<string, { profile: SlackProfile; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly client: webApi.WebClient,
    private readonly defaultTimeZone: string,
    private readonly logger: Logger,
  ) {}

  /** Read on every request (not cached), so settings, links and installations take effect at once. */
  async workspace(teamId: string, teamName?: string): Promise<Workspace> {
    return this.store.workspaces.ensureInstallation('slack', teamId, {
      name: teamName || `Slack ${teamId}`,
      timeZone: this.defaultTimeZone,
    });
  }

  async user(store: WorkspaceStore, slackUserId: string): Promise<User> {
    const key = `${store.workspaceId}:${slackUserId}`;
    const cached = this.users.get(key);
    if (cached && cached.until > Date.now()) return cached.user;
    const known = await store.users.byIdentity('slack', slackUserId);
    const user = known ? await this.withLocale(store, known, slackUserId) : await this.firstSight(store, slackUserId);
    if (this.users.size >= USER_CACHE_SIZE) this.users.delete(this.users.keys().next().value ?? '');
    this.users.set(key, { user, until: Date.now() + USER_CACHE_MS });
    return user;
  }

  /** The kam-bot user of a Slack user, if kam-bot knows them; nothing is written. */
  async known(store: WorkspaceStore, slackUserId: string): Promise<User | null> {
    const cached = this.users.get(`${store.workspaceId}:${slackUserId}`);
    if (cached && cached.until > Date.now()) return cached.user;
    return store.users.byIdentity('slack', slackUserId);
  }

  /**
   * The user of a Slack user, created through `store` if new (a command's transaction: see PeopleDirectory). Not
   * cached: the transaction may still be rolled back.
   */
  async ensureIn(store: WorkspaceStore, slackUserId: string): Promise<User> {
    return (await store.users.byIdentity('slack', slackUserId)) ?? this.firstSight(store, slackUserId);
  }

  /** Name, email and time zone from users.info, remembered for a while; the id as the name when Slack says nothing. */
  async profile(slackUserId: string): Promise<SlackProfile> {
    const cached = this.profiles.get(slackUserId);
    if (cached && cached.until > Date.now()) return cached.profile;
    let profile: SlackProfile = { displayName: slackUserId, email: null, timeZone: null, locale: null };
    try {
      const info = await this.client.users.info({ user: slackUserId, include_locale: true });
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
        locale: supportedLocale(person?.locale) ?? null,
      };
      if (this.profiles.size >= USER_CACHE_SIZE) this.profiles.delete(this.profiles.keys().next().value ?? '');
      this.profiles.set(slackUserId, { profile, until: Date.now() + USER_CACHE_MS });
    } catch (error) {
      // Still usable without a name: the person is known by their id until users.info answers next time.
      this.logger.warn({ err: error, slackUserId }, 'users.info failed; using the Slack id as the name');
    }
    return profile;
  }

  /** The person with the language their Slack is set to now, remembered when it changed. */
  private async withLocale(store: WorkspaceStore, user: User, slackUserId: string): Promise<User> {
    const { locale } = await this.profile(slackUserId);
    return locale && locale !== user.locale ? store.users.setLocale(user.id, locale) : user;
  }

  private async firstSight(store: WorkspaceStore, slackUserId: string): Promise<User> {
    return store.users.ensureFromIdentity({
      platform: 'slack',
      externalId: slackUserId,
      ...(await this.profile(slackUserId)),
    });
  }
}
