// With TEAMS_APP_ID set, /api/messages accepts only requests the Bot Framework signed. Every other request gets a
// bare 401 (botbuilder on its own answers some with 500 and the token library's message), and changes nothing.
// Tokens are checked against a fake authority on loopback, so a properly signed token is accepted as well.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  channelClaims,
  FakeAuthority,
  type SigningKey,
  signingKey,
  token,
} from '../../helpers/bot-framework-authority.ts';
import { rowCounts } from '../../helpers/row-counts.ts';
import { startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness.ts';

const APP_ID = 'c9e8c047-2a74-40a2-b28a-b162d5f5327c';
const published = signingKey('bf-key-1');
const stranger: SigningKey = { ...signingKey('bf-key-1'), kid: 'bf-key-1' };

let h: TeamsHarness;
let authority: Awaited<ReturnType<FakeAuthority['start']>>;
beforeAll(async () => {
  authority = await new FakeAuthority([published]).start();
  h = await startTeamsHarness(
    { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'not-a-real-secret' },
    { teamsAuthority: { openIdMetadataUrl: authority.openIdMetadataUrl, tokenIssuer: authority.tokenIssuer } },
  );
});
afterAll(async () => {
  await h.close();
  await authority.stop();
});

/** An invoke the bot answers in the HTTP response, so an accepted request needs no outgoing call. */
function query() {
  const activity = h.activity('invoke_compose_extension_query');
  return {
    ...activity,
    value: { ...(activity.value as object), commandId: 'findAccount', parameters: [{ name: 'query', value: 'ini' }] },
  };
}

const claims = () => channelClaims(APP_ID, `${h.fake.url}/`);
const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

describe('Teams authentication', () => {
  it('accepts a request the Bot Framework signed', async () => {
    const response = await h.post(query(), { authorization: `Bearer ${token(claims(), published)}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { composeExtension?: { type: string } }).composeExtension?.type).toBe('result');
  });

  it.each<[string, () => Record<string, string>]>([
    ['no token', () => ({})],
    ['a made-up token', () => ({ authorization: 'Bearer made-up-token' })],
    ['another scheme', () => ({ authorization: `Basic ${token(claims(), published)}` })],
    [
      'a token signed with another key under the same key id',
      () => ({ authorization: `Bearer ${token(claims(), stranger)}` }),
    ],
    [
      'a token signed with a key the authority does not publish',
      () => ({
        authorization: `Bearer ${token(claims(), { ...stranger, kid: 'unknown-key' })}`,
      }),
    ],
    ['an unsigned token (alg none)', () => ({ authorization: `Bearer ${token(claims(), published, 'none')}` })],
    [
      'an expired token',
      () => ({
        authorization: `Bearer ${token({ ...claims(), exp: now() - hour, iat: now() - 2 * hour, nbf: now() - 2 * hour }, published)}`,
      }),
    ],
    [
      'a token not valid yet',
      () => ({ authorization: `Bearer ${token({ ...claims(), nbf: now() + hour }, published)}` }),
    ],
    [
      'a token for another bot',
      () => ({ authorization: `Bearer ${token({ ...claims(), aud: 'another-bot' }, published)}` }),
    ],
    [
      'a token from another issuer',
      () => ({
        authorization: `Bearer ${token({ ...claims(), iss: 'https://issuer.example.com' }, published)}`,
      }),
    ],
    [
      'a token for another service URL',
      () => ({
        authorization: `Bearer ${token({ ...claims(), serviceurl: 'https://smba.example.com/' }, published)}`,
      }),
    ],
  ])('refuses %s with a bare 401 and changes nothing', async (_label, headers) => {
    // The token library writes some refusals to console.error itself; that output is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = rowCounts(h.databasePath);
    for (const activity of [h.activity('personal_message', { text: 'new Forged Inc' }), query()]) {
      const response = await h.post(activity, headers());
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    }
    expect(rowCounts(h.databasePath)).toEqual(before);
    expect(h.sent()).toEqual([]);
    vi.restoreAllMocks();
  });

  it('still answers 400 for a body without a type', async () => {
    expect((await h.post({ nothing: true })).status).toBe(400);
  });
});
