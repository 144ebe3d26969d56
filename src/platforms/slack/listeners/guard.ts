import { t } from '../../../i18n/translate.ts';
import type { Logger } from '../../../logger.ts';
import { type InboundHandle, UNRECORDED } from '../../inbound-runtime.ts';
import { isPassingSlackFailure } from '../errors.ts';

/** The listener failed before (or while) its person was known, so the apology is in English. */
const APOLOGY = t('en', 'engine.internal');

/**
 * Runs a listener's work after its ack. When Slack itself could not be reached, the request is left to be
 * completed later (it was recorded on arrival), and nobody is told to try again. Any other unexpected failure is
 * logged with its context and answered with a short apology where there is somewhere to answer, never with a stack
 * trace, and never left silent.
 */
export async function guard(
  logger: Logger,
  context: Record<string, unknown>,
  work: () => Promise<void>,
  apologise?: (text: string) => Promise<unknown>,
  inbound: InboundHandle = UNRECORDED,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (inbound.requestId !== null && isPassingSlackFailure(error)) {
      inbound.retryLater(error);
      return;
    }
    logger.error({ err: error, ...context }, 'slack listener failed');
    inbound.fail(error instanceof Error ? error.message : String(error));
    try {
      await apologise?.(APOLOGY);
    } catch (secondError) {
      logger.error({ err: secondError, ...context }, 'could not tell the user about the failure');
    }
  }
}
