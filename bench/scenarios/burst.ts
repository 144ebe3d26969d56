// A burst: 500 signed `/account show` slash commands arriving within one second at one process, as when a whole
// sales floor opens Slack after a meeting. Slack gives up on an acknowledgement after 3 s, so what is measured is
// the time from sending each command until its HTTP 200, and how many took longer than 3 s; then that every
// command's answer reached its response_url, and when the last one did. The ack must not wait behind the work of
// the commands before it (issue 11).
import { Agent } from 'node:http';
import { Child, profileDirFor } from '../lib/child.ts';
import { type BenchContext, serveEnv } from '../lib/context.ts';
import type { Arrival } from '../lib/fake-platform.ts';
import { forget, type Prepared, send, signedSlashCommand } from '../lib/http-client.ts';
import { latency } from '../lib/stats.ts';
import { showReferences } from './answer.ts';

export const BURST_COMMANDS = 500;
export const BURST_WINDOW_MS = 1_000;
export const SLACK_ACK_LIMIT_MS = 3_000;
const WARMUP_COMMANDS = 50;
const ANSWERS_TIMEOUT_MS = 60_000;

export interface BurstRun {
  commands: number;
  /** From each command's sending to its HTTP 200, ms. */
  acks: number[];
  /** Commands whose HTTP status was not 200 (or whose connection failed). */
  failed: number;
  answered: number;
  /** From the first command's sending until the last answer reached its response_url, ms. */
  lastAnswerMs: number;
}

/** `count` signed commands, each with its own response_url and trigger_id. */
function commands(ctx: BenchContext, run: number, phase: string, count: number): Prepared[] {
  const references = showReferences(ctx);
  return Array.from({ length: count }, (_, index) =>
    signedSlashCommand(
      ctx,
      `show ${references[(run * 131 + index) % references.length]?.text ?? 'velmora'}`,
      `burst-${run}-${phase}-${index}`,
    ),
  );
}

/** Resolves once an answer has arrived at each of `paths`, or the time is up; when the last one arrived. */
function answers(ctx: BenchContext, paths: readonly string[]): { done: Promise<number | null>; count(): number } {
  const waiting = new Set(paths);
  let last = 0;
  let resolve: (at: number | null) => void = () => {};
  const done = new Promise<number | null>((settle) => {
    resolve = settle;
  });
  const timer = setTimeout(() => resolve(null), ANSWERS_TIMEOUT_MS);
  ctx.fake.onArrival = (arrival: Arrival) => {
    if (!waiting.delete(arrival.path)) return;
    last = Math.max(last, arrival.at);
    if (waiting.size === 0) {
      clearTimeout(timer);
      resolve(last);
    }
  };
  return { done, count: () => paths.length - waiting.size };
}

export async function burstRun(ctx: BenchContext, run: number): Promise<BurstRun> {
  const dir = ctx.profileDir ? profileDirFor(ctx, `burst-run${run}`) : null;
  const { child, ready } = await Child.start('bench/servers/kam.ts', {
    env: serveEnv(ctx),
    ...(dir ? { cpuProfileDir: dir } : {}),
  });
  const baseUrl = String(ready.url);
  // Slack opens as many connections as it needs; the shared agent's 64 sockets would queue the burst here.
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  try {
    const warmup = commands(ctx, run, 'warmup', WARMUP_COMMANDS);
    const warmed = answers(
      ctx,
      warmup.map((prepared) => new URL(responseUrlOf(prepared)).pathname),
    );
    for (const prepared of warmup) await send(baseUrl, prepared, agent);
    await warmed.done;

    const burst = commands(ctx, run, 'burst', BURST_COMMANDS);
    const answered = answers(
      ctx,
      burst.map((prepared) => new URL(responseUrlOf(prepared)).pathname),
    );
    const result: BurstRun = { commands: burst.length, acks: [], failed: 0, answered: 0, lastAnswerMs: 0 };
    const started = performance.now();
    const sends: Promise<void>[] = [];
    // Spread evenly over the window: the next command goes out when its moment has come.
    for (let index = 0; index < burst.length; index++) {
      const due = started + (index * BURST_WINDOW_MS) / burst.length;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const sent = performance.now();
      sends.push(
        send(baseUrl, burst[index] as Prepared, agent).then(
          (response) => {
            if (response.status === 200) result.acks.push(performance.now() - sent);
            else result.failed++;
          },
          () => {
            result.failed++;
          },
        ),
      );
    }
    await Promise.all(sends);
    const last = await answered.done;
    result.answered = answered.count();
    result.lastAnswerMs = last === null ? Number.NaN : last - started;
    return result;
  } finally {
    ctx.fake.onArrival = () => {};
    agent.destroy();
    await child.stop();
    forget(baseUrl);
  }
}

function responseUrlOf(prepared: Prepared): string {
  return new URLSearchParams(prepared.body).get('response_url') ?? '';
}

export function describeBurst(run: BurstRun): string {
  const acks = latency(run.acks);
  const late = run.acks.filter((ms) => ms > SLACK_ACK_LIMIT_MS).length;
  return `burst of ${run.commands}: ack p50 ${acks.p50.toFixed(0)} ms, p99 ${acks.p99.toFixed(0)} ms, max ${acks.max.toFixed(0)} ms, ${late} over 3 s, ${run.failed} failed; ${run.answered} answered, the last after ${(run.lastAnswerMs / 1000).toFixed(1)} s`;
}
