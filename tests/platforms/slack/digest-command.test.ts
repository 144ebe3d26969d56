// /account digest through the real Bolt receiver: a signed slash command in a channel subscribes that channel, and
// the answer goes back to the channel through response_url.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceStore } from '../../../src/store/store.ts';
import { rowCounts } from '../../helpers/row-counts.ts';
import { fixture, type SlackHarness, startSlackHarness, TEAM } from '../../helpers/slack-harness.ts';
import { slackLimitViolations } from '../../helpers/slack-limits.ts';

const CHANNEL = fixture<{ channel_id: string }>('slash_command.json').channel_id;

let h: SlackHarness;
let ws: WorkspaceStore;

beforeAll(async () => {
  h = await startSlackHarness();
  const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, {
    name: 'acme-eng',
    timeZone: 'Europe/Berlin',
  });
  ws = h.store.forWorkspace(workspace.id);
});
afterAll(() => h.close());

/** The response_url post of the command numbered `n` (the harness numbers them /response/1, /response/2, …). */
async function answerTo(n: number): Promise<Record<string, unknown>> {
  await h.fake.waitFor((requests) => requests.some((request) => request.path === `/response/${n}`));
  const answer = h.fake.calls(`/response/${n}`).at(-1)?.body;
  if (!answer) throw new Error(`no answer to command ${n}`);
  return answer;
}

describe('/account digest subscribe over Slack', () => {
  it('subscribes the channel the command came from, and says so in the channel', async () => {
    const response = await h.command('digest subscribe weekly mon 09:00');
    expect(response.status).toBe(200);
    const answer = await answerTo(1);

    const subscriptions = await ws.digestSubscriptions.list({ platform: 'slack', channelId: CHANNEL });
    expect(subscriptions).toHaveLength(1);
    const [subscription] = subscriptions;
    expect(subscription).toMatchObject({ cron: '0 9 * * 1', timeZone: 'Europe/Berlin', filter: {}, paused: false });
    const creator = await ws.users.byId(subscription?.createdById ?? 0);
    expect(creator?.displayName).toBe('Dana Lee');

    expect(answer).toMatchObject({
      response_type: 'in_channel',
      text: `This channel gets the account digest (#${subscription?.id}) on “0 9 * * 1” in Europe/Berlin.`,
    });
    expect(JSON.stringify(answer.blocks)).toContain('Next one:');
    expect(slackLimitViolations(answer as { text: string; blocks: unknown[] }, 'message')).toEqual([]);
  });

  it('refuses a schedule that would flood the channel, privately, and saves nothing', async () => {
    const before = rowCounts(h.databasePath);
    const response = await h.command('digest subscribe cron:"*/5 * * * *"');
    expect(response.status).toBe(200);
    const answer = await answerTo(2);
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      text: '“*/5 * * * *” would post more often than once an hour, too often for a channel; try daily 8:30 or weekly mon 09:00.',
    });
    expect(rowCounts(h.databasePath)).toEqual(before);
  });
});
