import type { Logger } from '../../../logger.ts';

const APOLOGY = 'Something went wrong on our side. It has been logged; please try again in a moment.';

/**
 * Runs a listener's work after its ack. An unexpected failure is logged with its context and answered with a short
 * apology where there is somewhere to answer, never with a stack trace, and never left silent.
 */
export async function guard(
  logger: Logger,
  context: Record<string, unknown>,
  work: () => Promise<void>,
  apologise?: (text: string) => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.error({ err: error, ...context }, 'slack listener failed');
    try {
      await apologise?.(APOLOGY);
    } catch (secondError) {
      logger.error({ err: secondError, ...context }, 'could not tell the user about the failure');
    }
  }
}
