// The Teams front end: teams-ai on botbuilder's CloudAdapter, at /api/messages on the bot's one HTTP server.
// Requests are authenticated (Bot Framework JWT) whenever TEAMS_APP_ID is set; without it the endpoint only runs
// when explicitly allowed, on loopback (config.ts enforces that).
import { Application, type TurnState } from '@microsoft/teams-ai';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import express, { type Express } from 'express';
import type { CommandEngine } from '../../commands/engine.ts';
import type { TeamsConfig } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Reply } from '../../replies/reply.ts';
import type { Store } from '../../store/store.ts';
import type { InboundRuntime } from '../inbound-runtime.ts';
import { adapterFor, type KamTeamsAdapter, type TeamsAuthority } from './adapter.ts';
import { renderCard } from './cards.ts';
import { registerHandlers, type TeamsDeps } from './handlers.ts';
import { TeamsIdentity } from './identity.ts';
import { TeamsInbound } from './inbound.ts';
import { captureOf, isSaveToAccount, saveCapture, type TeamsCapture } from './message-extension.ts';
import { TeamsRequests } from './request.ts';
import { cardActivity } from './send.ts';

export const TEAMS_MESSAGES_PATH = '/api/messages';
/** Bot Framework activities are small; a larger body is not one. */
const BODY_LIMIT = '1mb';

export interface TeamsFrontEnd {
  adapter: KamTeamsAdapter;
  authenticated: boolean;
  /** Posts a new message where the bot was installed or spoken to before (digests, reminders); its id, if given. */
  sendProactive(reference: ConversationReference, reply: Reply): Promise<string | null>;
}

export interface TeamsOptions {
  config: TeamsConfig;
  store: Store;
  engine: CommandEngine;
  logger: Logger;
  defaultTimeZone: string;
  http: Express;
  /** Where activities are recorded before their turn runs, and captures completed after a crash. */
  inbound: InboundRuntime;
  /** For tests: check tokens against a fake authority on loopback. */
  authority?: TeamsAuthority;
}

/** The activity as botbuilder's own request handling prepares it: its timestamps as dates. */
function activityOf(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * The connector client's HTTP pipeline retries a request that failed with a 5xx or a dropped connection, which
 * posts a proactive message twice when the connector had taken it. The poster decides what to repeat (throttling
 * only: TeamsPoster), so for these sends the pipeline's retry policy goes.
 */
function withoutBlindRetries(context: TurnContext, adapter: KamTeamsAdapter): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(policy: { name: string }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/** Posts a new message into a conversation through `adapter`, outside any incoming turn. */
function proactiveSender(adapter: KamTeamsAdapter, config: TeamsConfig): TeamsFrontEnd['sendProactive'] {
  return async (reference, reply) => {
    let id: string | null = null;
    await adapter.continueConversationAsync(config.appId ?? '', reference, async (context) => {
      withoutBlindRetries(context, adapter);
      // A proactive post starts a new message rather than replying to the activity the reference came from.
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      id = (await context.sendActivity(cardActivity(renderCard(reply), reply.summary)))?.id ?? null;
    });
    return id;
  };
}

/** Proactive posting alone, for one-shot commands (`kam digest run`) that post without serving /api/messages. */
export function createTeamsSender(config: TeamsConfig): Pick<TeamsFrontEnd, 'sendProactive'> {
  return { sendProactive: proactiveSender(adapterFor(config), config) };
}

export function createTeams(options: TeamsOptions): TeamsFrontEnd {
  const { config, logger } = options;
  const adapter = adapterFor(config, options.authority);
  const app = new Application<TurnState>({
    adapter,
    ...(config.appId ? { botAppId: config.appId } : {}),
    // The typing indicator would be an extra call per message; kam-bot answers in well under a second.
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  const identity = new TeamsIdentity(options.store, options.defaultTimeZone, logger);
  const deps: TeamsDeps = { engine: options.engine, requests: new TeamsRequests(options.store, identity), logger };
  registerHandlers(app, deps);
  const inbound = new TeamsInbound(options.inbound, identity, logger);
  // Recorded by this code on arrival (captureOf), so its shape is known.
  inbound.onReplay(async (capture, handle) => {
    await saveCapture(capture as TeamsCapture, deps, handle, null);
  });
  if (!config.appId) {
    logger.warn(
      {},
      'Teams: TEAMS_ALLOW_UNAUTHENTICATED is set, so /api/messages accepts unauthenticated requests (loopback only)',
    );
  }

  options.http.post(TEAMS_MESSAGES_PATH, express.json({ limit: BODY_LIMIT }), async (req, res) => {
    const body = req.body as { type?: unknown } | undefined;
    // botbuilder throws (a 500 and a stack trace) on an activity without a type, a conversation, a sender or a
    // recipient; it is the sender's mistake, so it gets a 400 and one log line.
    const missing = missingActivityPart(body);
    if (missing || !body) {
      logger.warn({ missing }, 'teams request refused: not a Bot Framework activity');
      res.status(400).json({ error: `The request body is not a Bot Framework activity (it has no ${missing}).` });
      return;
    }
    const activity = activityOf(body as Record<string, unknown>);
    const header = req.headers.authorization ?? '';
    const authenticated = await adapter.authenticate(activity, header, (reason) => {
      logger.warn({ reason, type: body.type }, 'teams request refused: not signed by the Bot Framework');
    });
    if (!authenticated) {
      res.status(401).end();
      return;
    }
    try {
      const answer = await adapter.run(authenticated, activity, async (context: TurnContext) => {
        const data = (context.activity.value as { data?: Record<string, unknown> } | undefined)?.data ?? {};
        const payload = isSaveToAccount(context) ? { capture: captureOf(context, data) } : {};
        await inbound.receive(context, payload, async () => {
          await app.run(context);
        });
      });
      res.header('User-Agent', adapter.userAgent).status(answer?.status ?? 200);
      if (answer?.body !== undefined) res.send(answer.body);
      res.end();
    } catch (error) {
      logger.error({ err: error, type: body.type }, 'teams request failed');
      if (!res.headersSent) res.status(500).json({ error: 'The request could not be processed.' });
    }
  });

  return {
    adapter,
    authenticated: config.appId !== null,
    sendProactive: proactiveSender(adapter, config),
  };
}

/** The part of a Bot Framework activity a request lacks (`recipient.id`…), or null when it has them all. */
function missingActivityPart(body: unknown): string | null {
  if (!body || typeof body !== 'object') return 'type';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) return 'type';
  for (const part of ['conversation', 'from', 'recipient']) {
    const value = activity[part] as { id?: unknown } | undefined;
    if (!value || typeof value !== 'object' || typeof value.id !== 'string' || !value.id) return `${part}.id`;
  }
  return null;
}
