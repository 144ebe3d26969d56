// A fake Bot Framework token authority on loopback: the OpenID metadata and signing keys kam-bot checks Teams
// requests against, and tokens signed as the Bot Framework signs them (RS256, its issuer, the bot as audience).
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { TeamsAuthority } from '../../src/platforms/teams/adapter.ts';
import { FakeServer } from './fake-server.ts';

export const ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A JWT with `claims`, signed with `key` (or, with `alg: 'none'`, not signed at all). */
export function token(claims: Record<string, unknown>, key: SigningKey, alg: 'RS256' | 'none' = 'RS256'): string {
  const unsigned = `${base64url(JSON.stringify({ alg, typ: 'JWT', kid: key.kid }))}.${base64url(JSON.stringify(claims))}`;
  if (alg === 'none') return `${unsigned}.`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key.privateKey).toString('base64url')}`;
}

/** Claims the Bot Framework puts in a token for `appId`, valid now for an hour. */
export function channelClaims(appId: string, serviceUrl: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 };
}

export class FakeAuthority {
  private readonly server = new FakeServer();

  constructor(private readonly published: SigningKey[]) {}

  async start(): Promise<TeamsAuthority & { stop(): Promise<void> }> {
    this.server
      .on('/.well-known/openidconfiguration', () => ({ issuer: ISSUER, jwks_uri: `${this.server.url}/keys` }))
      .on('/keys', () => ({
        keys: this.published.map(({ kid, publicKey }) => ({
          ...publicKey.export({ format: 'jwk' }),
          kid,
          use: 'sig',
          endorsements: ['msteams'],
        })),
      }));
    await this.server.start();
    return {
      openIdMetadataUrl: `${this.server.url}/.well-known/openidconfiguration`,
      tokenIssuer: ISSUER,
      stop: () => this.server.stop(),
    };
  }
}
