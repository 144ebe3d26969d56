// The posters jobs post through, one per configured platform. Serving hands in its running front ends; a one-shot
// command (`kam digest run`) gets posters built from the configuration alone, with nothing listening. Each SDK
// loads only when its platform is configured.
import type { Config, SlackConfig } from '../config.ts';
import type { Poster } from '../jobs/poster.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { SlackFrontEnd } from './slack/app.ts';
import type { TeamsFrontEnd } from './teams/app.ts';

export type PostingPlatform = 'slack' | 'teams';
export type Posters = Partial<Record<PostingPlatform, Poster>>;

/** What to set so kam-bot can post to a platform, in words for the person at the terminal. */
export const POSTING_SETTINGS: Record<PostingPlatform, string> = {
  slack: 'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)',
  teams: 'set TEAMS_APP_ID and TEAMS_APP_PASSWORD (and TEAMS_TENANT_ID for a single-tenant app)',
};

export interface RunningFrontEnds {
  slack?: SlackFrontEnd | null;
  teams?: TeamsFrontEnd | null;
}

/** A person waits at the terminal: give up within seconds rather than the client's default half hour. */
const ONE_SHOT_RETRIES = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 };

async function slackClient(config: SlackConfig, logger: Logger) {
  const [{ webApi }, { boltLogger }] = await Promise.all([import('@slack/bolt'), import('./slack/bolt-logger.ts')]);
  return new webApi.WebClient(config.botToken, {
    slackApiUrl: config.apiUrl,
    logger: boltLogger(logger),
    retryConfig: ONE_SHOT_RETRIES,
  });
}

export async function createPosters(
  config: Config,
  store: Store,
  logger: Logger,
  running: RunningFrontEnds = {},
): Promise<Posters> {
  const posters: Posters = {};
  if (config.slack) {
    const { SlackPoster } = await import('./slack/poster.ts');
    posters.slack = new SlackPoster(running.slack?.app.client ?? (await slackClient(config.slack, logger)), store);
  }
  if (config.teams) {
    const { TeamsPoster } = await import('./teams/poster.ts');
    const sender = running.teams ?? (await import('./teams/app.ts')).createTeamsSender(config.teams);
    posters.teams = new TeamsPoster(sender, store, logger);
  }
  return posters;
}
