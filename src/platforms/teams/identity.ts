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

export class TeamsIdentity {
  private readonly users = new Map<string, { user: User; until: number }>();
  private readonly workspaces = new Map<string, Workspace>();

  constructor(
    private readonly store: Store,
    private readonly defaultTimeZone: string,
    private readonly logger: Logger,
  ) {}

  async workspace(tenantId: string): Promise<Workspace> {
    const cached = this.workspaces.get(tenantId);
    if (cached) return cached;
    const workspace = await this.store.workspaces.ensureInstallation('teams', tenantId, {
      name: `Teams ${tenantId.slice(0, 8)}`,
      timeZone: this.defaultTimeZone,
    });
    this.workspaces.set(tenantId, workspace);
    return workspace;
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

  /** A person by their AAD object id (message extension payloads) or Teams id (mentions). */
  async person(
    store: WorkspaceStore,
    context: TurnContext | null,
    who: { teamsId: string | null; aadObjectId: string | null; name: string | null },
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
      if (context && who.teamsId) {
        try {
          const member = await TeamsInfo.getMember(context, who.teamsId);
          aad ??= member.aadObjectId ?? null;
          name = member.name ?? name;
          email = member.email ?? member.userPrincipalName ?? null;
        } catch (error) {
          this.logger.debug({ err: error }, 'TeamsInfo.getMember failed; using what the activity says');
        }
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
    this.users.set(key, { user, until: Date.now() + CACHE_MS });
    return user;
  }
}
