// The posters jobs post through, one per configured platform. Serving hands in its running front ends; a one-shot
// command (`kam digest run`) gets posters built from the configuration alone, with nothing listening. Each SDK
// loads only when its platform is configured.
import type { Config } from '../config.ts';
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

export async function createPosters(
  config: Config,
  store: Store,
  logger: Logger,
  running: RunningFrontEnds = {},
): Promise<Posters> {
  const posters: Posters = {};
  if (config.slack) {
    // A client of its own, serving or not: one that never retries a post by itself (see SlackPoster).
    const { SlackPoster, postingClient } = await import('./slack/poster.ts');
    posters.slack = new SlackPoster(postingClient(config.slack.botToken, config.slack.apiUrl, logger), store);
  }
  if (config.teams) {
    const { TeamsPoster } = await import('./teams/poster.ts');
    const sender = running.teams ?? (await import('./teams/app.ts')).createTeamsSender(config.teams);
    posters.teams = new TeamsPoster(sender, store, logger);
  }
  return posters;
}
