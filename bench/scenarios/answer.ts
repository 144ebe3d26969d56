// Time to answer `/account show <account>`: from sending the request over loopback until the answer reaches the
// fake response_url (Slack) or the fake Bot Connector (Teams). The ack alone is not the answer. Beside it, in the
// same run, the floor: a bare Bolt / teams-ai handler that answers one fixed line the same way.
import { Child, profileDirFor } from '../lib/child.ts';
import type { BenchContext } from '../lib/context.ts';
import { serveEnv } from '../lib/context.ts';
import type { Arrival } from '../lib/fake-platform.ts';
import { type Prepared, send, signedSlashCommand } from '../lib/http-client.ts';
import { latency } from '../lib/stats.ts';
import { type Reference, readIndex, references, SHOW_MIX, visibleTo } from '../lib/workload.ts';

export type Platform = 'slack' | 'teams';
export type Variant = 'kam' | 'bare';

export interface PhaseResult {
  requests: number;
  /** Time to the answer, ms. */
  samples: number[];
  /** Time to the HTTP response (Slack's ack; Teams answers HTTP after the turn), ms. */
  acks: number[];
  timeouts: number;
  /** Answers that were not the account card (an apology, a question back). */
  wrong: number;
  elapsedMs: number;
}

export interface AnswerRun {
  platform: Platform;
  variant: Variant;
  warmup: PhaseResult;
  measured: PhaseResult;
}

const ANSWER_TIMEOUT_MS = 15_000;
let sequence = 0;

interface Request {
  prepared: Prepared;
  /** How the answer is recognised at the fake. */
  key: string;
  expected: string | null;
}

function slackRequest(ctx: BenchContext, reference: Reference | null): Request {
  const id = ++sequence;
  return {
    prepared: signedSlashCommand(ctx, `show ${reference?.text ?? 'velmora'}`, String(id)),
    key: `/response/${id}`,
    expected: reference?.name ?? null,
  };
}

function teamsRequest(ctx: BenchContext, reference: Reference | null): Request {
  const id = `bench-${++sequence}`;
  const member = ctx.meta.member;
  const conversation = `a:bench-personal-${member.userId}`;
  const activity = {
    type: 'message',
    id,
    text: `account show ${reference?.text ?? 'velmora'}`,
    textFormat: 'plain',
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${ctx.fake.url}/`,
    from: { id: member.teamsId, name: member.name, aadObjectId: member.aadId },
    conversation: { conversationType: 'personal', tenantId: ctx.meta.teamsTenantId, id: conversation },
    recipient: { id: '28:bench-bot', name: 'kam' },
    channelData: { tenant: { id: ctx.meta.teamsTenantId } },
    locale: 'en-US',
  };
  return {
    prepared: {
      path: '/api/messages',
      body: JSON.stringify(activity),
      headers: { 'content-type': 'application/json' },
    },
    key: `activity:${id}`,
    expected: reference?.name ?? null,
  };
}

function keyOf(arrival: Arrival): string | null {
  if (arrival.path.startsWith('/response/')) return arrival.path;
  const reply = /^\/v3\/conversations\/[^/]+\/activities\/([^/]+)$/.exec(arrival.path);
  return reply ? `activity:${decodeURIComponent(reply[1] ?? '')}` : null;
}

/** Sends the requests one after another, each when the previous answer has arrived; stops early at `capMs`. */
async function phase(ctx: BenchContext, baseUrl: string, requests: Request[], capMs: number): Promise<PhaseResult> {
  const waiters = new Map<string, (arrival: Arrival) => void>();
  ctx.fake.onArrival = (arrival) => {
    const key = keyOf(arrival);
    const waiter = key ? waiters.get(key) : undefined;
    if (key && waiter) {
      waiters.delete(key);
      waiter(arrival);
    }
  };
  const result: PhaseResult = { requests: 0, samples: [], acks: [], timeouts: 0, wrong: 0, elapsedMs: 0 };
  const started = performance.now();
  for (const request of requests) {
    if (performance.now() - started > capMs) break;
    const arrived = new Promise<Arrival | null>((resolve) => {
      const timer = setTimeout(() => {
        waiters.delete(request.key);
        resolve(null);
      }, ANSWER_TIMEOUT_MS);
      waiters.set(request.key, (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      });
    });
    const sent = performance.now();
    const response = await send(baseUrl, request.prepared);
    result.acks.push(performance.now() - sent);
    if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${baseUrl}: ${response.body}`);
    const arrival = await arrived;
    result.requests++;
    if (!arrival) {
      result.timeouts++;
      continue;
    }
    result.samples.push(arrival.at - sent);
    // The account card's summary starts with the account's name; an apology or a question back does not.
    if (request.expected !== null && !arrival.raw.includes(JSON.stringify(request.expected).slice(1, -1))) {
      result.wrong++;
    }
  }
  result.elapsedMs = performance.now() - started;
  ctx.fake.onArrival = () => {};
  return result;
}

let cachedReferences: Reference[] | null = null;

/** The references asked for: accounts the asking member may see, typed as people type them. */
export function showReferences(ctx: BenchContext): Reference[] {
  if (!cachedReferences) {
    const visible = visibleTo(ctx.dbPath, readIndex(ctx.dbPath, ctx.meta.workspaceId), ctx.meta.member);
    // Enough for every run's requests (a few dozen per phase at this size; the bare handler asks for none).
    cachedReferences = references(visible, 600, SHOW_MIX, 7);
  }
  return cachedReferences;
}

export async function answerRun(
  ctx: BenchContext,
  platform: Platform,
  variant: Variant,
  run: number,
): Promise<AnswerRun> {
  const script = variant === 'kam' ? 'bench/servers/kam.ts' : `bench/servers/bare-${platform}.ts`;
  const profile = ctx.profileDir && variant === 'kam';
  const { child, ready } = await Child.start(script, {
    env: serveEnv(ctx),
    ...(profile ? { cpuProfileDir: profileDirFor(ctx, `show-${platform}-run${run}`) } : {}),
  });
  try {
    const baseUrl = String(ready.url);
    const refs = variant === 'kam' ? showReferences(ctx) : [];
    const build = (count: number, offset: number) =>
      Array.from({ length: count }, (_, index) => {
        const reference = variant === 'kam' ? (refs[(offset + index) % refs.length] ?? null) : null;
        return platform === 'slack' ? slackRequest(ctx, reference) : teamsRequest(ctx, reference);
      });
    // Requests are built and signed before each phase starts (Slack refuses signatures older than five minutes).
    const warmup = await phase(ctx, baseUrl, build(ctx.plan.warmup, run * 977), ctx.plan.warmupCapMs);
    const measured = await phase(ctx, baseUrl, build(ctx.plan.measure, run * 977 + 2_000), ctx.plan.measureCapMs);
    return { platform, variant, warmup, measured };
  } finally {
    await child.stop();
  }
}

export function describe(run: AnswerRun): string {
  const l = latency(run.measured.samples);
  return `${run.platform} ${run.variant}: p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms (${run.measured.samples.length} answers after ${run.warmup.requests} warm-up${run.measured.wrong ? `, ${run.measured.wrong} wrong` : ''}${run.measured.timeouts ? `, ${run.measured.timeouts} timeouts` : ''})`;
}
