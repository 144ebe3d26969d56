// kam-bot serving Slack and Teams on one HTTP server, exactly as `kam serve` does (minus the scheduler), for the
// runner to drive over loopback. The runner sets the environment: the database, the fake Slack API, loopback.
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startServing } from '../../src/serve.ts';
import { serveRunner } from '../lib/child.ts';

const config = loadConfig(process.env);
const running = await startServing(config, createLogger(config.logLevel ?? 'error'), {
  slackBotIdentity: { botId: 'B0BOT', botUserId: 'U0BOT' },
  scheduler: false,
});
serveRunner(
  {
    memory: async () => ({ maxRssMb: process.resourceUsage().maxRSS / 1024, ...process.memoryUsage() }),
  },
  async () => {
    await running.stop();
  },
);
process.send?.({ type: 'ready', url: running.url, platforms: running.platforms });
