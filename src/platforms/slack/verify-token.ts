// Checks the bot token with Slack before serving, so a wrong token stops the start with one clear message instead
// of failing every request later, and tells Bolt who the bot is (it would otherwise ask on its own, and retry).
import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import { StartupError } from '../../errors.ts';

export class SlackTokenError extends StartupError {
  override readonly name = 'SlackTokenError';
}

export async function verifySlackToken(config: SlackConfig): Promise<{ botId: string; botUserId: string }> {
  const client = new webApi.WebClient(config.botToken, {
    slackApiUrl: config.apiUrl,
    // Failures are reported below, in one sentence; the client's own warnings would only repeat them.
    logLevel: webApi.LogLevel.ERROR,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
  });
  try {
    const answer = await client.auth.test();
    if (!answer.user_id || !answer.bot_id) throw new SlackTokenError('SLACK_BOT_TOKEN is not a bot token (xoxb-…)');
    return { botId: answer.bot_id, botUserId: answer.user_id };
  } catch (error) {
    if (error instanceof SlackTokenError) throw error;
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new SlackTokenError(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}); copy the Bot User OAuth Token from the app's Install App page`
        : `Could not reach Slack at ${config.apiUrl} to check SLACK_BOT_TOKEN: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
