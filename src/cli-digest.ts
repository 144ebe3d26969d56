// `kam digest preview | run`: a digest shown in the terminal, or posted now. Posting goes through the digest job,
// so a period's digest still goes out once, whether the scheduler or a person at the terminal sends it first.
import { hostname } from 'node:os';
import { z } from 'zod';
import { EXIT_FOR, execText, withStore } from './cli-commands.ts';
import type { Config } from './config.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import {
  type DigestJobDeps,
  periodKeyOf,
  type RunResult,
  runSubscriptionDigest,
  slotsAround,
  subscriptionDigest,
} from './jobs/digest-job.ts';
import { combinePosters } from './jobs/poster.ts';
import type { Logger } from './logger.ts';
import { createPosters, POSTING_SETTINGS, type Posters } from './platforms/posters.ts';
import { renderText } from './replies/text.ts';
import type { DigestSubscription, Store } from './store/store.ts';

const SubscriptionIdSchema = z
  .string()
  .trim()
  .regex(/^#?[1-9]\d{0,8}$/, { error: '--subscription takes the number of a digest subscription, such as 3.' })
  .transform((text) => Number(text.replace('#', '')));

function subscriptionId(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = SubscriptionIdSchema.safeParse(text);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Invalid --subscription.');
  return parsed.data;
}

/** Every subscription of every workspace, paused ones too. */
async function everySubscription(store: Store): Promise<DigestSubscription[]> {
  const all: DigestSubscription[] = [];
  for (const workspace of await store.workspaces.list()) {
    all.push(...(await store.forWorkspace(workspace.id).digestSubscriptions.list()));
  }
  return all.sort((a, b) => a.id - b.id);
}

async function findSubscription(store: Store, id: number): Promise<DigestSubscription> {
  const all = await everySubscription(store);
  const found = all.find((subscription) => subscription.id === id);
  if (found) return found;
  throw new NotFoundError(
    all.length === 0
      ? `There is no digest subscription ${id}; there are none yet (in a Slack or Teams channel: /account digest subscribe).`
      : `There is no digest subscription ${id}; the subscriptions are ${all.map((s) => `#${s.id}`).join(', ')}.`,
  );
}

/** An error's message as the end of a sentence: without its own full stop. */
function reason(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

function label(subscription: DigestSubscription): string {
  return `#${subscription.id} · ${subscription.channelName ?? subscription.channelId} (${subscription.platform})`;
}

/** Prints the console workspace's digest, or a subscription's exactly as it would be posted. */
export async function digestPreview(config: Config, logger: Logger, subscription?: string): Promise<number> {
  const id = subscriptionId(subscription);
  if (id === undefined) return execText(config, logger, '/account digest preview');
  return withStore(config, async (store) => {
    const found = await findSubscription(store, id);
    const reply = await subscriptionDigest(store.forWorkspace(found.workspaceId), found, new Date());
    process.stdout.write(`${renderText(reply)}\n`);
    return EXIT_FOR.ok;
  });
}

interface Line {
  text: string;
  exit: number;
}

/** What became of one subscription's run, in one line. */
async function outcome(
  store: Store,
  subscription: DigestSubscription,
  periodKey: string,
  result: RunResult,
): Promise<Line> {
  const run = await store.forWorkspace(subscription.workspaceId).digestRuns.find(subscription.id, periodKey);
  const period = `the period from ${periodKey.replace('T', ' ')} ${subscription.timeZone}`;
  switch (result) {
    case 'posted':
      return { text: `posted the digest for ${period}.`, exit: EXIT_FOR.ok };
    case 'done':
      return run?.status === 'skipped'
        ? {
            text: `the digest for ${period} was skipped (${run.error ?? 'missed'}); not posting it now.`,
            exit: EXIT_FOR.ok,
          }
        : { text: `already posted for ${period}; not posting it again.`, exit: EXIT_FOR.ok };
    case 'reconciled':
      return {
        text: `an earlier run for ${period} was interrupted (${run?.error ?? 'recorded'}); not posting it again.`,
        exit: EXIT_FOR.ok,
      };
    case 'busy':
      return {
        text: `another process is posting the digest for ${period} right now; leaving it to that one.`,
        exit: EXIT_FOR.ok,
      };
    case 'failed':
      return {
        text: `failed to post the digest for ${period}: ${reason(run?.error ?? 'see the log')}.`,
        exit: EXIT_FOR.internal_error,
      };
  }
}

async function runOne(deps: DigestJobDeps, posters: Posters, subscription: DigestSubscription): Promise<Line> {
  const platform = subscription.platform;
  if (platform === 'console') {
    return { text: 'digests go to Slack or Teams channels; this one cannot be posted.', exit: EXIT_FOR.user_error };
  }
  if (!posters[platform]) {
    const name = platform === 'slack' ? 'Slack' : 'Teams';
    return {
      text: `kam-bot is not connected to ${name} here; ${POSTING_SETTINGS[platform]} to post it.`,
      exit: EXIT_FOR.user_error,
    };
  }
  try {
    // The current period is the one the schedule's last slot opened: the one the scheduler would post, or has.
    const slot = slotsAround(subscription.cron, subscription.timeZone, deps.clock()).previous;
    const result = await runSubscriptionDigest(deps, subscription, slot);
    return await outcome(deps.store, subscription, periodKeyOf(slot, subscription.timeZone), result);
  } catch (error) {
    deps.logger.error({ err: error, subscription: subscription.id }, 'kam digest run failed');
    return {
      text: `failed: ${reason(error instanceof Error ? error.message : String(error))}.`,
      exit: EXIT_FOR.internal_error,
    };
  }
}

/**
 * Posts the current period's digest of one subscription (or of every active one) now, through the posters of the
 * configured platforms. One line per subscription; exit 70 when a post failed, 1 when one could not be attempted.
 */
export async function digestRun(config: Config, logger: Logger, subscription?: string): Promise<number> {
  const id = subscriptionId(subscription);
  return withStore(config, async (store) => {
    const subscriptions = id === undefined ? await store.allDigestSubscriptions() : [await findSubscription(store, id)];
    const [only] = subscriptions;
    if (id !== undefined && only?.paused) {
      throw new ValidationError(`Digest subscription #${id} is paused, so kam-bot does not post it.`);
    }
    if (subscriptions.length === 0) {
      process.stdout.write(
        'There are no active digest subscriptions; in a Slack or Teams channel: /account digest subscribe.\n',
      );
      return EXIT_FOR.ok;
    }
    const posters = await createPosters(config, store, logger);
    const deps: DigestJobDeps = {
      store,
      poster: combinePosters(posters),
      clock: () => new Date(),
      logger,
      owner: `${hostname()}:${process.pid}`,
    };
    let exit: number = EXIT_FOR.ok;
    for (const each of subscriptions) {
      const line = await runOne(deps, posters, each);
      if (line.exit === EXIT_FOR.ok) process.stdout.write(`${label(each)}: ${line.text}\n`);
      else process.stderr.write(`${label(each)}: ${line.text}\n`);
      // A failed post outranks a subscription that could not be attempted.
      exit = Math.max(exit, line.exit);
    }
    return exit;
  });
}
