// Teams activities are recorded once authenticated and before the turn runs. Teams gets its answer when the turn
// ends, so a turn's work is saved before Teams hears back; what the record adds: the same activity delivered again
// (the same id: a retry, a replay) is not run twice, and "Save to account" from the message extension, whose
// record holds everything the note needs, is saved by the next process when this one dies mid-way. Other
// activities cannot be answered after a restart (their answer belonged to the request), so they are given up.
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../logger.ts';
import type { InboundRequest } from '../../store/store.ts';
import { type InboundHandle, type InboundRuntime, UNRECORDED } from '../inbound-runtime.ts';
import { type TeamsIdentity, tenantOf } from './identity.ts';

const HANDLE = 'kamInbound';

/** What recovery can complete without the request it came in: a message saved from the message extension. */
export const SAVE_KIND = 'invoke:composeExtension/submitAction:saveToAccount';

export interface TeamsPayload {
  /** For SAVE_KIND: the plain capture (message-extension.ts); for other kinds nothing is kept. */
  capture?: unknown;
}

export function inboundOf(context: TurnContext): InboundHandle {
  return (context.turnState.get(HANDLE) as InboundHandle | undefined) ?? UNRECORDED;
}

function kindOf(context: TurnContext): string {
  const { type, name, value } = context.activity;
  const command = (value as { commandId?: unknown } | undefined)?.commandId;
  return [type, name, typeof command === 'string' ? command : null].filter(Boolean).join(':');
}

export class TeamsInbound {
  constructor(
    private readonly runtime: InboundRuntime,
    private readonly identity: TeamsIdentity,
    private readonly logger: Logger,
  ) {}

  /**
   * Records the activity and runs the turn with its run in the turn state. `payload` is what to keep for
   * recovery. An activity seen before is answered with nothing (an empty 200, or an empty invoke response).
   */
  async receive(context: TurnContext, payload: TeamsPayload, turn: () => Promise<void>): Promise<void> {
    const id = context.activity.id;
    if (!id) return turn();
    const workspace = await this.identity.workspace(tenantOf(context));
    const recorded = await this.runtime.record({
      workspaceId: workspace.id,
      platform: 'teams',
      deliveryKey: `activity:${id}`,
      kind: kindOf(context),
      payload: JSON.stringify(payload),
    });
    if (recorded.kind === 'duplicate') {
      this.logger.info(
        { activity: id, kind: recorded.request.kind, status: recorded.request.status },
        'teams sent an activity again that is handled already; did nothing more',
      );
      if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
      }
      return;
    }
    await this.runtime.run(recorded.request, recorded.kind === 'taken_over', async (handle) => {
      context.turnState.set(HANDLE, handle);
      await turn();
    });
  }

  /** Lets recovery complete a recorded "Save to account" with `save`; any other activity is given up. */
  onReplay(save: (capture: unknown, handle: InboundHandle) => Promise<void>): void {
    this.runtime.onReplay('teams', (request: InboundRequest, run) =>
      run(async (handle) => {
        const payload = JSON.parse(request.payload) as TeamsPayload;
        if (request.kind === SAVE_KIND && payload.capture) await save(payload.capture, handle);
        else handle.fail('interrupted; Teams expected the answer in the same request, so it cannot be given now');
      }),
    );
  }
}
