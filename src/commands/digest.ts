// `digest subscribe | list | unsubscribe | preview | now`: the weekly digest of a channel.

import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { composeDigest } from '../domain/digest.ts';
import { resolveHealthSettings } from '../domain/health-settings.ts';
import { scheduleToCron } from '../domain/schedule.ts';
import { NotFoundError, PermissionError, ValidationError } from '../errors.ts';
import { keyed, t, translator } from '../i18n/translate.ts';
import { context, list, reply } from '../replies/build.ts';
import { digestReply } from '../replies/digest-reply.ts';
import { formatDayIn } from '../replies/format.ts';
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
    words.push(t(ctx.locale, 'digest.filterOwner', { name: owner.displayName }));
  }
  if (options.tier) {
    filter.tier = options.tier;
    words.push(t(ctx.locale, 'digest.filterTier', { tier: options.tier }));
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
    if (!ctx.channel) throw new ValidationError(keyed('digest.linkedOnlyInChannel'));
    filter.linkedToChannel = true;
    words.push(t(ctx.locale, 'digest.filterLinked'));
  }
  return { filter, words };
}

/** The digest for a filter, now, as it would be posted. */
async function digestNow(ctx: CommandContext, filter: DigestFilter, kind: 'preview' | 'now'): Promise<Reply> {
  const zone = ctx.user.timeZone ?? ctx.workspace.timeZone;
  const input = await ctx.store.digestData.read(
    filter,
    ctx.now(),
    resolveHealthSettings(ctx.workspace.healthSettings),
    ctx.channel,
  );
  return digestReply(composeDigest(input), {
    title: t(ctx.locale, 'digest.title', { kind, day: formatDayIn(ctx.now(), zone, ctx.locale) }),
    timeZone: zone,
    locale: ctx.locale,
  });
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
    throw new ValidationError(keyed('digest.notTimeZone', { zone: timeZone }), USAGE);
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
    throw new ValidationError(keyed('digest.notSchedule', { phrase }), USAGE);
  }
  if (runs.some((run, index) => index > 0 && run - (runs[index - 1] ?? run) < MIN_GAP_MS)) {
    throw new ValidationError(keyed('digest.tooOften', { phrase }), USAGE);
  }
  return { cron: cron as string, timeZone };
}

async function subscribe(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const channel = ctx.channel;
  if (!channel) throw new ValidationError(keyed('digest.subscribeInChannel'), USAGE);
  const { cron, timeZone } = scheduleOf(input, ctx);
  const { filter, words } = await filterFrom(input, ctx);
  // Asking twice (a retry, a double click) must not give the channel two digests a week.
  const same = (await ctx.store.digestSubscriptions.list({ platform: channel.platform, channelId: channel.id })).find(
    (s) => s.cron === cron && s.timeZone === timeZone && sameFilter(s.filter, filter),
  );
  if (same) {
    return reply({
      tone: 'info',
      summary: t(ctx.locale, 'digest.already', { id: same.id }),
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
    summary: t(ctx.locale, 'digest.subscribed', {
      id: subscription.id,
      cron,
      zone: timeZone,
      filters: words.length ? words.join(', ') : 'none',
    }),
    blocks: [
      context(
        t(ctx.locale, 'digest.next', {
          day: formatDayIn(next, timeZone, ctx.locale),
          time: next.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }),
        }),
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
  const tr = translator(ctx.locale);
  if (!run) return tr('digest.notPosted');
  const day = formatDayIn(run.postedAt ?? run.startedAt, subscription.timeZone, ctx.locale);
  if (run.status === 'failed') return tr('digest.lastFailed', { day, error: run.error ?? 'none' });
  if (run.status === 'skipped') return tr('digest.lastSkipped', { day, error: run.error ?? 'none' });
  return run.status === 'posted' ? tr('digest.lastPosted', { day }) : tr('digest.posting');
}

async function listSubscriptions(ctx: CommandContext): Promise<Reply> {
  const all = await ctx.store.digestSubscriptions.list();
  const inThisChannel = (s: DigestSubscription) =>
    s.platform === ctx.channel?.platform && s.channelId === ctx.channel?.id;
  const mine = ctx.user.role === 'admin' ? all : all.filter((s) => s.createdById === ctx.user.id || inThisChannel(s));
  const lastRuns = await Promise.all(mine.map((s) => lastRunText(ctx, s)));
  return reply({
    title: t(ctx.locale, 'digest.subscriptions', { count: mine.length }),
    summary: t(ctx.locale, 'digest.subscriptionsSummary', { count: mine.length }),
    blocks: [
      list(
        mine.map((s, index) => ({
          title: `#${s.id} · ${s.channelName ?? s.channelId} (${s.platform})`,
          meta: [s.cron, s.timeZone, s.paused ? t(ctx.locale, 'digest.paused') : null, lastRuns[index]]
            .filter(Boolean)
            .join(' · '),
          buttons: [
            {
              label: t(ctx.locale, 'digest.unsubscribe'),
              actionId: 'digest_unsubscribe',
              value: String(s.id),
              command: `/account digest unsubscribe ${s.id}`,
            },
          ],
        })),
        { empty: t(ctx.locale, 'digest.none') },
      ),
    ],
  });
}

async function unsubscribe(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const id = Number((input.positional[1] ?? '').replace('#', ''));
  if (!Number.isInteger(id) || id <= 0) throw new ValidationError(keyed('digest.whichSubscription'), USAGE);
  const subscription = await ctx.store.digestSubscriptions.byId(id);
  if (!subscription) throw new NotFoundError(keyed('digest.noSuch', { id }));
  if (ctx.user.role !== 'admin' && subscription.createdById !== ctx.user.id) {
    throw new PermissionError(keyed('digest.notYours'));
  }
  await ctx.store.digestSubscriptions.remove(id, actorOf(ctx));
  return reply({ tone: 'success', summary: t(ctx.locale, 'digest.cancelled', { id }) });
}

export const digest = defineCommand({
  name: 'digest',
  summary: 'help.digest',
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
    action: z.enum(ACTIONS, { error: keyed('digest.sayWhat') }),
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
        const answer = await digestNow(ctx, (await filterFrom(input, ctx)).filter, 'preview');
        return { ...answer, audience: 'private' };
      }
      case 'now': {
        // Filters typed with `now` decide what goes in; without any, the channel's own subscription does.
        const typed = await filterFrom(input, ctx);
        const [own] =
          ctx.channel && typed.words.length === 0
            ? await ctx.store.digestSubscriptions.list({ platform: ctx.channel.platform, channelId: ctx.channel.id })
            : [];
        const answer = await digestNow(ctx, own?.filter ?? typed.filter, 'now');
        return { ...answer, audience: 'channel' };
      }
    }
  },
});
