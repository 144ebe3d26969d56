// `digest subscribe | list | unsubscribe | preview | now`: the weekly digest of a channel.
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { composeDigest } from '../domain/digest.ts';
import { resolveHealthSettings } from '../domain/health-settings.ts';
import { scheduleToCron } from '../domain/schedule.ts';
import { NotFoundError, PermissionError, ValidationError } from '../errors.ts';
import { context, list, reply } from '../replies/build.ts';
import { digestReply } from '../replies/digest-reply.ts';
import { formatDate } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import type { DigestFilter, DigestSubscription } from '../store/store.ts';
import { type CommandInput, defineCommand, parseWith, textAfter } from './command.ts';
import { actorOf, type CommandContext } from './context.ts';
import { resolveAccount } from './resolve-account.ts';
import { resolveUser } from './resolve-user.ts';
import { shortText, TierSchema } from './schemas.ts';

const USAGE =
  '/account digest subscribe [weekly mon 09:00 | cron:"0 9 * * 1"] [tz:Europe/Berlin] [owner:@name] [tier:A] [region:EMEA] [accounts:"acme, globex"] [linked] · digest list · digest unsubscribe <id> · digest preview [filters] · digest now';
const OPTIONS = ['cron', 'tz', 'owner', 'tier', 'region', 'accounts'] as const;
const ACTIONS = ['subscribe', 'list', 'unsubscribe', 'preview', 'now'] as const;
/** A channel digest more often than this is spam. */
const MIN_GAP_MS = 60 * 60 * 1000;
/**
 * Runs looked at for the shortest gap. Cron is minutes × hours: a schedule with two minutes in an hour shows it
 * within the first hour it fires after a possibly partial one, so a handful of runs is enough.
 */
const RUNS_CHECKED = 12;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const FilterOptionsSchema = z.object({
  owner: z.string().optional(),
  tier: TierSchema.optional(),
  region: shortText('region').optional(),
  accounts: z.string().optional(),
});

async function filterFrom(
  input: CommandInput,
  ctx: CommandContext,
): Promise<{ filter: DigestFilter; words: string[] }> {
  const options = parseWith(FilterOptionsSchema, input.options, USAGE);
  const filter: DigestFilter = {};
  const words: string[] = [];
  if (options.owner) {
    const owner = await resolveUser(ctx, options.owner);
    filter.ownerId = owner.id;
    words.push(`owner ${owner.displayName}`);
  }
  if (options.tier) {
    filter.tier = options.tier;
    words.push(`tier ${options.tier}`);
  }
  if (options.region) {
    filter.region = options.region;
    words.push(options.region);
  }
  if (options.accounts) {
    const accounts = [];
    for (const reference of options.accounts
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      accounts.push(await resolveAccount(ctx, reference));
    }
    filter.accountIds = accounts.map((account) => account.id);
    words.push(accounts.map((account) => account.name).join(', '));
  }
  if (input.flags.has('linked')) {
    if (!ctx.channel)
      throw new ValidationError('“linked” means the account linked to this channel; use it in a channel.');
    filter.linkedToChannel = true;
    words.push('the account linked to this channel');
  }
  return { filter, words };
}

/** The digest for a filter, now, as it would be posted. */
async function digestNow(ctx: CommandContext, filter: DigestFilter, title: string): Promise<Reply> {
  const zone = ctx.user.timeZone ?? ctx.workspace.timeZone;
  const input = await ctx.store.digestData.read(
    filter,
    ctx.now(),
    resolveHealthSettings(ctx.workspace.healthSettings),
    ctx.channel,
  );
  return digestReply(composeDigest(input), { title: `${title} · ${formatDate(ctx.now(), zone)}`, timeZone: zone });
}

function scheduleOf(input: CommandInput, ctx: CommandContext): { cron: string; timeZone: string } {
  const phrase =
    input.options.cron ??
    textAfter(input, 0, OPTIONS)
      .replace(/\blinked\b/gi, '')
      .trim();
  const cron = scheduleToCron(phrase);
  const timeZone = input.options.tz ?? ctx.workspace.timeZone;
  if (!isTimeZone(timeZone)) {
    throw new ValidationError(
      `“${timeZone}” is not a time zone; use an IANA name such as Europe/Berlin or America/New_York.`,
      USAGE,
    );
  }
  let runs: number[];
  try {
    if (!cron) throw new Error('no schedule');
    runs = CronExpressionParser.parse(cron, { currentDate: ctx.now(), tz: timeZone })
      .take(RUNS_CHECKED)
      .map((run) => run.getTime());
    // A date that never comes ("0 9 30 2 *") parses but never fires.
    if (runs.length === 0) throw new Error('never runs');
  } catch {
    throw new ValidationError(
      `“${phrase}” is not a schedule; try weekly mon 09:00, daily 8:30, weekdays 9am or cron:"0 9 * * 1".`,
      USAGE,
    );
  }
  if (runs.some((run, index) => index > 0 && run - (runs[index - 1] ?? run) < MIN_GAP_MS)) {
    throw new ValidationError(
      `“${phrase}” would post more often than once an hour, too often for a channel; try daily 8:30 or weekly mon 09:00.`,
      USAGE,
    );
  }
  return { cron: cron as string, timeZone };
}

async function subscribe(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const channel = ctx.channel;
  if (!channel) throw new ValidationError('Subscribe in the Slack or Teams channel the digest should go to.', USAGE);
  const { cron, timeZone } = scheduleOf(input, ctx);
  const { filter, words } = await filterFrom(input, ctx);
  // Asking twice (a retry, a double click) must not give the channel two digests a week.
  const same = (await ctx.store.digestSubscriptions.list({ platform: channel.platform, channelId: channel.id })).find(
    (s) => s.cron === cron && s.timeZone === timeZone && sameFilter(s.filter, filter),
  );
  if (same) {
    return reply({
      tone: 'info',
      summary: `This channel already gets that digest (#${same.id}); nothing changed.`,
    });
  }
  const subscription = await ctx.store.digestSubscriptions.create(
    {
      platform: channel.platform,
      channelId: channel.id,
      cron,
      timeZone,
      filter,
      createdById: ctx.user.id,
      createdAt: ctx.now(),
    },
    actorOf(ctx),
  );
  const next = CronExpressionParser.parse(cron, { currentDate: ctx.now(), tz: timeZone }).next().toDate();
  return reply({
    tone: 'success',
    audience: 'channel',
    summary: `This channel gets the account digest (#${subscription.id}) on “${cron}” in ${timeZone}${words.length ? `, for ${words.join(', ')}` : ''}.`,
    blocks: [
      context(
        `Next one: ${formatDate(next, timeZone)} ${next.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' })}. /account digest preview shows it now.`,
      ),
    ],
  });
}

function sameFilter(a: DigestFilter, b: DigestFilter): boolean {
  const canonical = (filter: DigestFilter) =>
    JSON.stringify(Object.entries(filter).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/** How the subscription's latest run went, so a digest that stopped arriving can be explained from chat. */
async function lastRunText(ctx: CommandContext, subscription: DigestSubscription): Promise<string> {
  const [run] = await ctx.store.digestRuns.forSubscription(subscription.id, 1);
  if (!run) return 'not posted yet';
  const when = formatDate(run.postedAt ?? run.startedAt, subscription.timeZone);
  if (run.status === 'failed') return `last one failed ${when}: ${run.error ?? 'no reason given'}`;
  if (run.status === 'skipped') return `last one skipped ${when} (${run.error ?? 'missed'})`;
  return run.status === 'posted' ? `last posted ${when}` : 'posting now';
}

async function listSubscriptions(ctx: CommandContext): Promise<Reply> {
  const all = await ctx.store.digestSubscriptions.list();
  const inThisChannel = (s: DigestSubscription) =>
    s.platform === ctx.channel?.platform && s.channelId === ctx.channel?.id;
  const mine = ctx.user.role === 'admin' ? all : all.filter((s) => s.createdById === ctx.user.id || inThisChannel(s));
  const lastRuns = await Promise.all(mine.map((s) => lastRunText(ctx, s)));
  return reply({
    title: `Digest subscriptions (${mine.length})`,
    summary: `${mine.length} digest subscriptions`,
    blocks: [
      list(
        mine.map((s, index) => ({
          title: `#${s.id} · ${s.channelName ?? s.channelId} (${s.platform})`,
          meta: `${s.cron} · ${s.timeZone}${s.paused ? ' · paused' : ''} · ${lastRuns[index]}`,
          buttons: [
            {
              label: 'Unsubscribe',
              actionId: 'digest_unsubscribe',
              value: String(s.id),
              command: `/account digest unsubscribe ${s.id}`,
            },
          ],
        })),
        { empty: 'No digests yet. In a channel: /account digest subscribe weekly mon 09:00' },
      ),
    ],
  });
}

async function unsubscribe(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const id = Number((input.positional[1] ?? '').replace('#', ''));
  if (!Number.isInteger(id) || id <= 0)
    throw new ValidationError('Say which subscription, by its number: /account digest unsubscribe 3.', USAGE);
  const subscription = await ctx.store.digestSubscriptions.byId(id);
  if (!subscription) throw new NotFoundError(`There is no digest subscription ${id}; /account digest list shows them.`);
  if (ctx.user.role !== 'admin' && subscription.createdById !== ctx.user.id) {
    throw new PermissionError('Only the person who subscribed or an admin can unsubscribe a digest.');
  }
  await ctx.store.digestSubscriptions.remove(id, actorOf(ctx));
  return reply({ tone: 'success', summary: `Digest subscription #${id} is cancelled.` });
}

export const digest = defineCommand({
  name: 'digest',
  summary: 'The account health digest: subscribe a channel, list, unsubscribe, preview, post now',
  usage: USAGE,
  examples: [
    '/account digest subscribe weekly mon 09:00',
    '/account digest subscribe daily 08:30 tz:America/New_York tier:A',
    '/account digest preview region:EMEA',
    '/account digest now',
  ],
  options: OPTIONS,
  flags: ['linked'],
  schema: z.object({
    action: z.enum(ACTIONS, { error: `Say what to do: ${ACTIONS.join(', ')}, e.g. /account digest preview` }),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ action: input.positional[0]?.toLowerCase(), input }),
  run: async ({ action, input }, ctx) => {
    switch (action) {
      case 'subscribe':
        return subscribe(input, ctx);
      case 'list':
        return listSubscriptions(ctx);
      case 'unsubscribe':
        return unsubscribe(input, ctx);
      case 'preview': {
        // A preview is for the person asking (they may share it); only `now` posts to the channel.
        const answer = await digestNow(ctx, (await filterFrom(input, ctx)).filter, 'Digest preview');
        return { ...answer, audience: 'private' };
      }
      case 'now': {
        // Filters typed with `now` decide what goes in; without any, the channel's own subscription does.
        const typed = await filterFrom(input, ctx);
        const [own] =
          ctx.channel && typed.words.length === 0
            ? await ctx.store.digestSubscriptions.list({ platform: ctx.channel.platform, channelId: ctx.channel.id })
            : [];
        const answer = await digestNow(ctx, own?.filter ?? typed.filter, 'Account health digest');
        return { ...answer, audience: 'channel' };
      }
    }
  },
});
