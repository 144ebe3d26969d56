// Teams tenants and people as kam-bot knows them: a tenant maps to a workspace (created on first sight, or linked to
// a Slack team's), a person to a kam-bot user by their AAD object id. Teams also names people by a chat-specific id
// ("29:…", used in mentions), which is remembered as a second identity of the same user.
import type { TurnContext } from 'botbuilder';
import { TeamsInfo } from 'botbuilder';
import type { User, Workspace } from '../../domain/records.ts';
import type { Logger } from '../../logger.ts';
import type { Store, WorkspaceStore } from '../../store/store.ts';

const CACHE_MS = 10 * 60_000;

export function tenantOf(context: TurnContext): string {
  const activity = context.activity;
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant';
}

interface TeamsMember {
  aadObjectId: string | null;
  name: string | null;
  email: string | null;
}

export class TeamsIdentity {
  private readonly users = new Map<string, { user: User; until: number }>();
  private readonly members = new Map<string, { member: TeamsMember | null; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly defaultTimeZone: string,
    private readonly logger: Logger,
  ) {}

  /** Read on every request (not cached), so settings, links and installations take effect at once. */
  async workspace(tenantId: string): Promise<Workspace> {
    return this.store.workspaces.ensureInstallation('teams', tenantId, {
      name: `Teams ${tenantId.slice(0, 8)}`,
      timeZone: this.defaultTimeZone,
    });
  }

  /** The person who sent the activity. */
  async sender(store: WorkspaceStore, context: TurnContext): Promise<User> {
    const from = context.activity.from;
    return this.person(store, context, {
      teamsId: from.id,
      aadObjectId: from.aadObjectId ?? null,
      name: from.name ?? null,
    });
  }

  /** The kam-bot user of a Teams person, if kam-bot knows them; nothing is written. */
  async known(store: WorkspaceStore, teamsId: string): Promise<User | null> {
    const cached = this.users.get(`${store.workspaceId}:${teamsId}`);
    if (cached && cached.until > Date.now()) return cached.user;
    return store.users.byIdentity('teams', teamsId);
  }

  /** What Teams says of a member of the conversation (AAD id, email), remembered for a while; null if it cannot. */
  async member(context: TurnContext, teamsId: string): Promise<TeamsMember | null> {
    const cached = this.members.get(teamsId);
    if (cached && cached.until > Date.now()) return cached.member;
    let member: TeamsMember | null = null;
    try {
      const found = await TeamsInfo.getMember(context, teamsId);
      member = {
        aadObjectId: found.aadObjectId ?? null,
        name: found.name ?? null,
        email: found.email ?? found.userPrincipalName ?? null,
      };
    } catch (error) {
      this.logger.debug({ err: error }, 'TeamsInfo.getMember failed; using what the activity says');
    }
    this.members.set(teamsId, { member, until: Date.now() + CACHE_MS });
    return member;
  }

  /**
   * A person by their AAD object id (message extension payloads) or Teams id (mentions), created on first sight.
   * `cache: false` when `store` is a transaction that may still be rolled back (see PeopleDirectory).
   */
  async person(
    store: WorkspaceStore,
    context: TurnContext | null,
    who: { teamsId: string | null; aadObjectId: string | null; name: string | null },
    options: { cache?: boolean } = {},
  ): Promise<User> {
    const key = `${store.workspaceId}:${who.aadObjectId ?? who.teamsId}`;
    const cached = this.users.get(key);
    if (cached && cached.until > Date.now()) return cached.user;
    let aad = who.aadObjectId;
    let name = who.name;
    let email: string | null = null;
    const known =
      (aad ? await store.users.byIdentity('teams', aad) : null) ??
      (who.teamsId ? await store.users.byIdentity('teams', who.teamsId) : null);
    let user = known;
    if (!user) {
      // First sight: ask Teams for the person's AAD id, name and email when it can tell.
      const member = context && who.teamsId ? await this.member(context, who.teamsId) : null;
      if (member) {
        aad ??= member.aadObjectId;
        name = member.name ?? name;
        email = member.email;
      }
      user = await store.users.ensureFromIdentity({
        platform: 'teams',
        externalId: aad ?? who.teamsId ?? 'unknown',
        displayName: name ?? 'Teams user',
        email,
      });
    }
    if (who.teamsId && aad && who.teamsId !== aad) await store.users.linkIdentity(user.id, 'teams', who.teamsId);
    if (aad) await store.users.linkIdentity(user.id, 'teams', aad);
    if (options.cache !== false) this.users.set(key, { user, until: Date.now() + CACHE_MS });
    return user;
  }
}
