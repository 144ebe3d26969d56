// Serving: one HTTP server for every configured platform (Slack at /slack/events, /healthz), until a signal stops it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandEngine } from './commands/engine.ts';
import { type Config, ConfigError } from './config.ts';
import { combinePosters } from './jobs/poster.ts';
import { Scheduler } from './jobs/scheduler.ts';
import type { Logger } from './logger.ts';
import { close, createHttpApp, listen, stopAccepting } from './platforms/http-server.ts';
import { InboundRuntime } from './platforms/inbound-runtime.ts';
import { createPosters } from './platforms/posters.ts';
import type { SlackFrontEnd } from './platforms/slack/app.ts';
import type { TeamsAuthority } from './platforms/teams/adapter.ts';
import type { TeamsFrontEnd } from './platforms/teams/app.ts';
import { PROCESS_OWNER } from './process-owner.ts';
import { Store } from './store/store.ts';

export interface Running {
  /** Where the HTTP server listens, e.g. http://127.0.0.1:3000. */
  url: string;
  platforms: string[];
  slack: SlackFrontEnd | null;
  teams: TeamsFrontEnd | null;
  scheduler: Scheduler | null;
  inbound: InboundRuntime;
  /**
   * Stops taking requests, lets those in flight finish (at most `graceMs`), then closes everything. What did not
   * finish stays recorded, for the next start to complete.
   */
  stop(options?: { graceMs?: number }): Promise<Stopped>;
}

export interface Stopped {
  finished: number;
  unfinished: number;
}

/** How long stopping waits for requests in flight before it lets them go to the next start. */
export const STOP_GRACE_MS = 10_000;

export interface ServeOptions {
  /** For tests: skip Bolt's auth.test by naming the bot. */
  slackBotIdentity?: { botId: string; botUserId: string };
  /** For tests: run without the scheduled jobs. */
  scheduler?: boolean;
  /** For tests: check Teams tokens against a fake authority on loopback instead of Microsoft's. */
  teamsAuthority?: TeamsAuthority;
}

export async function startServing(config: Config, logger: Logger, options: ServeOptions = {}): Promise<Running> {
  if (!config.slack && !config.teams) {
    throw new ConfigError([
      'Nothing to serve: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (Slack) or TEAMS_APP_ID and TEAMS_APP_PASSWORD (Teams); see the README',
    ]);
  }
  // Each platform's SDK loads only when that platform is configured: they take a good part of a second each.
  const slackModule = config.slack ? await import('./platforms/slack/app.ts') : null;
  const verify = config.slack && !options.slackBotIdentity ? await import('./platforms/slack/verify-token.ts') : null;
  const botIdentity = config.slack
    ? (options.slackBotIdentity ?? (await verify?.verifySlackToken(config.slack)))
    : null;
  const store = await Store.open(config.databaseUrl);
  const platforms: string[] = [];
  const http = createHttpApp(async () => ({ platforms }));
  const inbound = new InboundRuntime({ store, logger });
  let slack: SlackFrontEnd | null = null;
  let teams: TeamsFrontEnd | null = null;
  let server: Server | null = null;
  let scheduler: Scheduler | null = null;
  const engine = new CommandEngine(logger);
  try {
    if (config.slack && botIdentity && slackModule) {
      slack = slackModule.createSlack({
        config: config.slack,
        store,
        engine,
        logger,
        defaultTimeZone: config.defaultTimeZone,
        http,
        botIdentity,
        inbound,
      });
      platforms.push(slack.mode === 'socket' ? 'slack (socket mode)' : 'slack');
    }
    if (config.teams) {
      const { createTeams } = await import('./platforms/teams/app.ts');
      teams = createTeams({
        config: config.teams,
        store,
        engine,
        logger,
        defaultTimeZone: config.defaultTimeZone,
        http,
        inbound,
        ...(options.teamsAuthority ? { authority: options.teamsAuthority } : {}),
      });
      platforms.push(teams.authenticated ? 'teams' : 'teams (unauthenticated, loopback)');
    }
    server = await listen(http, config.http.port, config.http.host);
    await slack?.start();
    await inbound.startRecovery();
    if (options.scheduler !== false) {
      scheduler = new Scheduler({
        store,
        poster: combinePosters(await createPosters(config, store, logger, { slack, teams })),
        clock: () => new Date(),
        logger,
        owner: PROCESS_OWNER,
      });
      await scheduler.start();
    }
  } catch (error) {
    await scheduler?.stop();
    await inbound.drain(0);
    if (server) await close(server);
    await store.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, platforms }, 'kam-bot is serving');
  const listening = server;
  return {
    url,
    platforms,
    slack,
    teams,
    scheduler,
    inbound,
    async stop(options = {}) {
      const graceMs = options.graceMs ?? STOP_GRACE_MS;
      const closed = stopAccepting(listening, http);
      // Requests already through the door finish: their runs, and the HTTP exchanges still open (a Teams turn).
      const [drained] = await Promise.all([
        inbound.drain(graceMs),
        Promise.race([closed, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]),
        scheduler?.stop(),
      ]);
      await slack?.stop();
      await close(listening);
      await store.close();
      return drained;
    },
  };
}

/** Serves until SIGINT or SIGTERM, then stops: requests in flight finish first (or wait for the next start). */
export async function serveUntilStopped(config: Config, logger: Logger): Promise<void> {
  const running = await startServing(config, logger);
  console.error(`kam-bot is serving ${running.platforms.join(' and ')} at ${running.url} (Ctrl-C stops it).`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const inFlight = running.inbound.inFlight;
  logger.info({ signal, inFlight }, 'stopping: no new requests; finishing those in flight');
  // A second signal does not wait any longer.
  const again = () => process.exit(1);
  process.once('SIGINT', again);
  process.once('SIGTERM', again);
  const { finished, unfinished } = await running.stop({ graceMs: config.http.stopGraceMs });
  logger.info(
    { signal, finished, unfinished },
    unfinished > 0
      ? 'stopped; requests not finished in time are completed at the next start'
      : 'stopped; every request in flight was finished',
  );
  console.error(
    unfinished > 0
      ? `kam-bot stopped (${unfinished} unfinished ${unfinished === 1 ? 'request is' : 'requests are'} completed at the next start).`
      : 'kam-bot stopped.',
  );
}
