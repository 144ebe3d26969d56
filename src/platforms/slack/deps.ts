import type { CommandEngine } from '../../commands/engine.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import type { SlackIdentity } from './identity.ts';
import type { ModalSeal } from './modal-metadata.ts';
import type { SlackRequests } from './request.ts';

/** What every Slack listener needs. */
export interface SlackDeps {
  store: Store;
  engine: CommandEngine;
  identity: SlackIdentity;
  requests: SlackRequests;
  logger: Logger;
  /** Seals the metadata of the modals the bot opens, and checks it on submission. */
  seal: ModalSeal;
}

export type { ModalMetadata } from './modal-metadata.ts';
