// With TEAMS_APP_ID set, /api/messages accepts only requests the Bot Framework signed: no token, or a made-up
// one, gets 401 and changes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowCounts } from '../../helpers/row-counts.ts';
import { startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness.ts';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({
    TEAMS_APP_ID: 'c9e8c047-2a74-40a2-b28a-b162d5f5327c',
    TEAMS_APP_PASSWORD: 'not-a-real-secret',
  });
});
afterAll(() => h.close());

describe('Teams authentication', () => {
  it.each([
    ['no token', {}],
    ['a made-up token', { authorization: 'Bearer made-up-token' }],
  ])('refuses %s with 401 and changes nothing', async (_label, headers) => {
    // botbuilder writes the refusal to console.error itself; that output is expected here.
    const refusals = vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = rowCounts(h.databasePath);
    const response = await h.post(h.activity('personal_message', { text: 'new Forged Inc', id: 'forged' }), headers);
    expect(response.status).toBe(401);
    expect(rowCounts(h.databasePath)).toEqual(before);
    expect(h.sent()).toEqual([]);
    expect(refusals.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/Unauthorized/)]);
  });

  it('still answers 400 for a body without a type', async () => {
    expect((await h.post({ nothing: true })).status).toBe(400);
  });
});
