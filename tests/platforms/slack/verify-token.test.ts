import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySlackToken } from '../../../src/platforms/slack/verify-token.ts';
import { FakeServer } from '../../helpers/fake-server.ts';

let fake: FakeServer;
beforeAll(async () => {
  fake = await new FakeServer()
    .on('/api/auth.test', (request) =>
      request.headers.authorization === 'Bearer xoxb-good'
        ? { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T1' }
        : { ok: false, error: 'invalid_auth' },
    )
    .start();
});
afterAll(() => fake.stop());

const config = (botToken: string, apiUrl = `${fake.url}/api/`) => ({
  botToken,
  signingSecret: 's',
  appToken: null,
  apiUrl,
});

describe('checking the Slack bot token before serving', () => {
  it('learns who the bot is from a good token', async () => {
    expect(await verifySlackToken(config('xoxb-good'))).toEqual({ botId: 'B0BOT', botUserId: 'U0BOT' });
  });

  it('says in one sentence that Slack refused a bad token', async () => {
    await expect(verifySlackToken(config('xoxb-bad'))).rejects.toThrow(
      "Slack refused SLACK_BOT_TOKEN (invalid_auth); copy the Bot User OAuth Token from the app's Install App page",
    );
  });

  it('says when Slack cannot be reached', async () => {
    await expect(verifySlackToken(config('xoxb-good', 'http://127.0.0.1:9/api/'))).rejects.toThrow(
      /^Could not reach Slack at http:\/\/127\.0\.0\.1:9\/api\/ to check SLACK_BOT_TOKEN/,
    );
  });
});
