// The Bot Framework adapter, with authentication as its own step. botbuilder's CloudAdapter answers some forged
// tokens (a bad signature, a malformed token) with HTTP 500 and the token library's message in the body; a caller
// that is not the Bot Framework should learn nothing from us, so every failure to authenticate becomes a bare 401
// (app.ts) before any turn runs.
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, ConfigurationBotFrameworkAuthentication, InvokeResponse, TurnContext } from 'botbuilder';
import type { TeamsConfig } from '../../config.ts';

/** Where Bot Framework tokens are checked: Microsoft's public cloud unless a test points elsewhere. */
export interface TeamsAuthority {
  /** The OpenID metadata whose keys sign the channel's tokens. */
  openIdMetadataUrl: string;
  /** The issuer those tokens carry. */
  tokenIssuer: string;
}

export type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** The settings botbuilder reads to check tokens against `authority` instead of Microsoft's public cloud. */
function authoritySettings(authority: TeamsAuthority): Record<string, string | boolean> {
  // botbuilder takes every endpoint from the settings as soon as one is given, so all of them are given.
  return {
    ToBotFromChannelOpenIdMetadataUrl: authority.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: authority.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: authority.tokenIssuer,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ValidateAuthority: true,
    CallerId: 'urn:botframework:azure',
  };
}

export class KamTeamsAdapter extends TeamsAdapter {
  /**
   * Who sent `activity` with `authHeader`, or null when it is not the Bot Framework, whatever the reason (no
   * token, a made-up one, another key, expired, meant for another bot, keys that could not be fetched).
   */
  async authenticate(
    activity: Activity,
    authHeader: string,
    onRefused: (reason: string) => void,
  ): Promise<AuthenticatedRequest | null> {
    try {
      return await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      onRefused(error instanceof Error ? error.name : 'unknown');
      return null;
    }
  }

  /** Runs the turn for an activity `authenticate` accepted; what an invoke answers, when it answers. */
  run(
    request: AuthenticatedRequest,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(request, activity, logic);
  }
}

export function adapterFor(config: TeamsConfig, authority?: TeamsAuthority): KamTeamsAdapter {
  if (!config.appId) return new KamTeamsAdapter({});
  return new KamTeamsAdapter({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    ...(authority ? authoritySettings(authority) : {}),
  });
}
