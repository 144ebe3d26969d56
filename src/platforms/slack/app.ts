// The Slack front end: a Bolt app on the bot's HTTP server at /slack/events, or over Socket Mode when an app-level
// token is set. Listeners only translate between Slack and the command engine.
import { App, ExpressReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { CommandEngine } from '../../commands/engine.ts';
import type { SlackConfig } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import type { InboundRuntime } from '../inbound-runtime.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackDeps } from './deps.ts';
import { SlackIdentity } from './identity.ts';
import { SlackInbound } from './inbound.ts';
import { registerActions } from './listeners/actions.ts';
import { registerCommand } from './listeners/command.ts';
import { registerConversation } from './listeners/conversation.ts';
import { publishHome, registerHome } from './listeners/home.ts';
import { registerOptions } from './listeners/options.ts';
import { registerReaction } from './listeners/reaction.ts';
import { registerShortcut } from './listeners/shortcut.ts';
import { registerViews } from './listeners/views.ts';
import { ModalSeal } from './modal-metadata.ts';
import { SlackRequests } from './request.ts';
import { refuseFutureTimestamps } from './request-timestamp.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackFrontEnd {
  app: App;
  mode: 'http' | 'socket';
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackOptions {
  config: SlackConfig;
  store: Store;
  engine: CommandEngine;
  logger: Logger;
  defaultTimeZone: string;
  /** The shared HTTP server's app, where /slack/events is mounted in HTTP mode. */
  http: Express;
  /** For tests: Bolt's own identity of the bot, which it would otherwise ask auth.test for. */
  botIdentity?: { botId: string; botUserId: string };
  /** Where requests are recorded before they are acknowledged, and run again after a crash. */
  inbound: InboundRuntime;
}

export function createSlack(options: SlackOptions): SlackFrontEnd {
  const { config, logger } = options;
  // A few quick retries, not the Web API's default of ten over half an hour: a request was recorded on arrival and
  // is completed later when Slack stays unreachable, while a call retrying for half an hour holds its work turn.
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4_000 },
  };
  const common = {
    token: config.botToken,
    logger: boltLogger(logger),
    clientOptions,
    // Bolt's conversation store (context.conversation) is unused here; left on, it looks up every event's channel
    // in memory and makes an Error for each miss.
    convoStore: false as const,
    ...(options.botIdentity ?? {}),
  };
  const socket = config.appToken !== null;
  // Mounted before Bolt's route, so a request dated in the future never reaches it.
  if (!socket) options.http.post(SLACK_EVENTS_PATH, refuseFutureTimestamps());
  const app = socket
    ? new App({ ...common, appToken: config.appToken ?? '', socketMode: true })
    : new App({
        ...common,
        receiver: new ExpressReceiver({
          signingSecret: config.signingSecret ?? '',
          app: options.http,
          endpoints: SLACK_EVENTS_PATH,
          // Answer Slack at ack(); the work continues after, and answers through response_url or the Web API.
          processBeforeResponse: false,
          logger: common.logger,
        }),
      });

  const identity = new SlackIdentity(options.store, app.client, options.defaultTimeZone, logger);
  const deps: SlackDeps = {
    store: options.store,
    engine: options.engine,
    identity,
    requests: new SlackRequests(options.store, identity),
    logger,
    seal: new ModalSeal(config.botToken),
  };
  new SlackInbound(options.inbound, identity, logger).attach(app);
  registerCommand(app, deps);
  registerActions(app, deps, (teamId, userId) => publishHome(deps, app.client, teamId, userId));
  registerViews(app, deps);
  registerShortcut(app, deps);
  registerOptions(app, deps);
  registerConversation(app, deps);
  registerReaction(app, deps);
  registerHome(app, deps);
  app.error(async (error) => {
    logger.error({ err: error }, 'slack request failed');
  });

  return {
    app,
    mode: socket ? 'socket' : 'http',
    // In HTTP mode the shared server is listening already; Socket Mode opens its own connection to Slack.
    start: async () => {
      if (socket) await app.start();
    },
    stop: async () => {
      if (socket) await app.stop();
    },
  };
}
