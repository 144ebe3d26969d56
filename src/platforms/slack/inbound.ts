// Slack requests are recorded before Bolt sees them. Bolt acknowledges an event before any middleware runs, and a
// listener acknowledges a command before its work; either way Slack never sends an acknowledged request again, so
// the record has to exist first. The app's processEvent (what the receiver calls once the signature checked out) is
// wrapped: record, then hand over to Bolt. A request delivered again (Slack's retry of an event, a replayed
// command) is acknowledged and left alone, unless the process that had it is gone: then it runs here.
import type { App, Context, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.ts';

import { type InboundHandle, type InboundRuntime, UNRECORDED } from '../inbound-runtime.ts';
import { type Release, WorkTurns } from '../work-turns.ts';
import { CAPTURE_REACTIONS } from './capture.ts';
import type { SlackIdentity } from './identity.ts';

const HANDLE = 'kamInbound';
/** Requests doing their work at once, after their acknowledgement (see WorkTurns). */
const WORK_TURNS = 32;

interface Delivery {
  key: string;
  kind: string;
  teamId: string;
}

type Body = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const field = (value: unknown, name: string): unknown =>
  value && typeof value === 'object' ? (value as Body)[name] : undefined;

/** Events kam-bot leaves alone: other reactions than its own, and messages that are not a person writing. */
function ignored(event: unknown): boolean {
  const type = field(event, 'type');
  if (type === 'reaction_added') return !CAPTURE_REACTIONS.has(text(field(event, 'reaction')));
  if (type === 'message') return Boolean(field(event, 'subtype') || field(event, 'bot_id'));
  return false;
}

/**
 * What a body is and what identifies its delivery: an event's event_id, a command's or an interaction's
 * trigger_id. Option lists for menus are not recorded (they change nothing, and Slack wants them at once), nor are
 * events kam-bot ignores.
 */
export function deliveryOf(body: Body): Delivery | null {
  if (body.type === 'event_callback' && text(body.event_id)) {
    if (ignored(body.event)) return null;
    return {
      key: `event:${text(body.event_id)}`,
      kind: `event:${text(field(body.event, 'type'))}`,
      teamId: text(body.team_id),
    };
  }
  if (text(body.command) && text(body.trigger_id)) {
    return { key: `trigger:${text(body.trigger_id)}`, kind: 'slash_command', teamId: text(body.team_id) };
  }
  const interaction = text(body.type);
  if (
    ['block_actions', 'view_submission', 'message_action', 'shortcut'].includes(interaction) &&
    text(body.trigger_id)
  ) {
    const teamId = text(field(body.team, 'id')) || text(field(body.user, 'team_id'));
    return { key: `trigger:${text(body.trigger_id)}`, kind: interaction, teamId };
  }
  return null;
}

/** What is kept of a request to run it again: all of it but the legacy verification token, which nothing reads. */
function storedPayload(body: Body): string {
  const { token: _token, ...kept } = body;
  return JSON.stringify(kept);
}

/** The run of the request a listener is handling (or UNRECORDED for one that was not recorded). */
export function inboundOf(context: Context): InboundHandle {
  return (context[HANDLE] as InboundHandle | undefined) ?? UNRECORDED;
}

export class SlackInbound {
  private readonly turns = new WorkTurns(WORK_TURNS);

  constructor(
    private readonly runtime: InboundRuntime,
    private readonly identity: SlackIdentity,
    private readonly logger: Logger,
  ) {}

  /** Puts the record in front of Bolt, and lets recovery run recorded Slack requests again through Bolt. */
  attach(app: App): void {
    const process = app.processEvent.bind(app);
    app.processEvent = (event) => this.receive(event, process);
    this.runtime.onReplay('slack', (request, run) =>
      run((handle) =>
        this.dispatch({ body: JSON.parse(request.payload) as Body, ack: async () => {} }, handle, process),
      ),
    );
  }

  private async receive(event: ReceiverEvent, process: (event: ReceiverEvent) => Promise<void>): Promise<void> {
    const delivery = deliveryOf(event.body);
    if (!delivery) return process(event);
    const workspace = await this.identity.workspace(delivery.teamId, text(event.body.team_domain) || undefined);
    const recorded = await this.runtime.record({
      workspaceId: workspace.id,
      platform: 'slack',
      deliveryKey: delivery.key,
      kind: delivery.kind,
      payload: storedPayload(event.body),
    });
    if (recorded.kind === 'duplicate') {
      this.logger.info(
        { key: delivery.key, kind: delivery.kind, status: recorded.request.status, retry: event.retryNum },
        'slack sent a request again that is handled already; acknowledged it and did nothing more',
      );
      await event.ack();
      return;
    }
    await this.runtime.run(recorded.request, recorded.kind === 'taken_over', (handle) =>
      this.dispatch(event, handle, process),
    );
  }

  /**
   * Hands a recorded request to Bolt with its run in the context. The acknowledgement goes out at once; the work
   * after it waits for its turn (WorkTurns), so that a burst is acknowledged before it is worked through.
   */
  private async dispatch(
    event: Pick<ReceiverEvent, 'body' | 'ack' | 'retryNum' | 'retryReason'>,
    handle: InboundHandle,
    process: (event: ReceiverEvent) => Promise<void>,
  ): Promise<void> {
    let release: Release | null = null;
    try {
      await process({
        ...event,
        customProperties: { [HANDLE]: handle },
        ack: async (response?: unknown) => {
          await event.ack(response);
          release ??= await this.turns.acquire();
        },
      });
    } finally {
      (release as Release | null)?.();
    }
  }
}
