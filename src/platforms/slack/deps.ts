import type { CommandEngine } from '../../commands/engine.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import type { SlackIdentity } from './identity.ts';
import type { SlackRequests } from './request.ts';

/** What every Slack listener needs. */
export interface SlackDeps {
  store: Store;
  engine: CommandEngine;
  identity: SlackIdentity;
  requests: SlackRequests;
  logger: Logger;
}

/** The private_metadata a modal carries from opening to submission (≤ 3000 characters). */
export interface ModalMetadata {
  /** The form's own state (the account being edited). */
  state?: string;
  /** Where to confirm: the channel the form was opened from. */
  channel?: string;
  /** The message being saved as a note (message shortcut). */
  source?: { channel: string; ts: string; author?: string };
}
