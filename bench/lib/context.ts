// What every scenario gets from the runner: the dataset, the working copy of the database, the fake platform, the
// plan (how many requests, how long), and where to put CPU profiles.
import type { DatasetMeta } from './dataset.ts';
import type { FakePlatform } from './fake-platform.ts';
import { SIGNING_SECRET } from './http-client.ts';

export interface Plan {
  /** Repetitions of every scenario, interleaved. */
  runs: number;
  /** Requests before measuring, per HTTP phase, and the most time they may take. */
  warmup: number;
  warmupCapMs: number;
  /** Measured requests per HTTP phase, and the most time they may take. */
  measure: number;
  measureCapMs: number;
  /** Search: queries per mix (after a warm-up of up to 100). */
  queries: number;
  /** Account resolution: references per run, and the most time the measured pass may take. */
  references: number;
  resolveCapMs: number;
  /** Notes sent per capture run, and the most time the warm-up and the measured phase may take. */
  captureNotes: number;
  captureWarmupCapMs: number;
  captureCapMs: number;
  /** Digest and health: computations measured per run (after one that warms up). */
  repeats: number;
  quick: boolean;
}

export const FULL_PLAN: Plan = {
  runs: 5,
  warmup: 5_000,
  warmupCapMs: 12_000,
  measure: 2_000,
  measureCapMs: 10_000,
  queries: 300,
  references: 300,
  resolveCapMs: 12_000,
  captureNotes: 6_000,
  captureWarmupCapMs: 6_000,
  captureCapMs: 12_000,
  repeats: 3,
  quick: false,
};

export const QUICK_PLAN: Plan = {
  runs: 1,
  warmup: 300,
  warmupCapMs: 3_000,
  measure: 200,
  measureCapMs: 3_000,
  queries: 60,
  references: 60,
  resolveCapMs: 3_000,
  captureNotes: 400,
  captureWarmupCapMs: 2_000,
  captureCapMs: 3_000,
  repeats: 1,
  quick: true,
};

export interface BenchContext {
  meta: DatasetMeta;
  /** The working copy of the generated database (scenarios may write to it). */
  dbPath: string;
  fake: FakePlatform;
  plan: Plan;
  /** Set with --profile: CPU profiles of the bot's processes go here. */
  profileDir: string | null;
  log: (line: string) => void;
}

/** kam-bot's environment for serving both platforms against the fake, on loopback. */
export function serveEnv(ctx: BenchContext): Record<string, string> {
  return {
    DATABASE_URL: `file:${ctx.dbPath}`,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${ctx.fake.url}/api/`,
    TEAMS_ALLOW_UNAUTHENTICATED: '1',
    HOST: '127.0.0.1',
    PORT: '0',
    DEFAULT_TIME_ZONE: 'Europe/Berlin',
    // Errors only: the unauthenticated-Teams warning would print at every start.
    LOG_LEVEL: 'error',
    KAM_USER: ctx.meta.member.login,
  };
}
