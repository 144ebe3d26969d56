// `npm run bench`: generates (or reuses) the large workspace, runs every scenario in fresh processes, interleaved
// over several runs, prints the results table and writes bench/results.md. Start-up runs the compiled bundle, built
// first when src/ changed since the last build (bench/lib/compiled-bundle.ts).
//
//   npm run bench                          the full benchmark (5 runs, ~11 minutes), writes bench/results.md
//   npm run bench -- --quick               a smoke run on a small workspace (1 run), writes bench/out/results-quick.md
//   npm run bench -- --only search,digest  some scenarios only (slack, teams, burst, resolution, search, capture,
//                                          digest, health, startup), written to bench/out/results-only.md
//   npm run bench -- --runs 3              fewer or more runs
//   npm run bench -- --no-profile          skip the profiled extra run of each missed target
//   npm run bench -- --rerender            write the last run's report again (after editing bench/limits.md)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ensureDataset } from './generate.ts';
import { mainProfile } from './lib/child.ts';
import { ensureCompiledBundle } from './lib/compiled-bundle.ts';
import { type BenchContext, FULL_PLAN, type Plan, QUICK_PLAN } from './lib/context.ts';
import { DATA_DIR, FULL_SIZES, OUT_DIR, ROOT, scaled } from './lib/dataset.ts';
import { FakePlatform } from './lib/fake-platform.ts';
import { resends } from './lib/http-client.ts';
import { profileMarkdown, summarise } from './lib/profile.ts';
import type { Collected } from './lib/report/collected.ts';
import { type Environment, type ReportInput, renderReport } from './lib/report/render.ts';
import type { Row } from './lib/report/rows.ts';
import { summaryRows } from './lib/report/summary-rows.ts';
import { answerRun, describe, type Platform, type Variant } from './scenarios/answer.ts';
import { burstRun, describeBurst } from './scenarios/burst.ts';
import { captureRun } from './scenarios/capture.ts';
import { digestRun, healthRun, resolutionRun, searchRun, understandingRun } from './scenarios/inproc.ts';
import { startupRun } from './scenarios/startup.ts';

const SCENARIOS = [
  'slack',
  'teams',
  'burst',
  'resolution',
  'understanding',
  'search',
  'capture',
  'digest',
  'health',
  'startup',
] as const;
type Scenario = (typeof SCENARIOS)[number];

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const only = value('--only')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of only ?? []) {
    if (!SCENARIOS.includes(name as Scenario)) {
      throw new Error(`unknown scenario "${name}"; the scenarios are ${SCENARIOS.join(', ')}`);
    }
  }
  const runs = value('--runs');
  const plan: Plan = { ...(quick ? QUICK_PLAN : FULL_PLAN), ...(runs ? { runs: Number(runs) } : {}) };
  const scale = value('--scale');
  return {
    quick,
    plan,
    only: (only ?? [...SCENARIOS]) as Scenario[],
    partial: only !== undefined,
    profile: !argv.includes('--no-profile') && !quick,
    sizes: scale ? scaled(Number(scale)) : quick && !argv.includes('--full-data') ? scaled(0.05) : FULL_SIZES,
  };
}

function machine(sqlitePath: string): Omit<Environment, 'loadBefore' | 'loadAfter' | 'startedAt' | 'wallMs'> {
  const db = new BetterSqlite3(sqlitePath, { readonly: true });
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  const cpu = cpus();
  return {
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${process.platform} ${release()}`,
    sqlite,
  };
}

/** Writes the report again from the last run's numbers (bench/out/results.json), e.g. after editing limits.md. */
function rerender(): void {
  const saved = JSON.parse(readFileSync(join(OUT_DIR, 'results.json'), 'utf8')) as ReportInput & { target: string };
  // Reports saved before the burst and understanding scenarios existed have no runs of them.
  saved.collected.burst ??= [];
  saved.collected.understanding ??= [];
  const report = renderReport(saved);
  writeFileSync(join(ROOT, saved.target), report.markdown);
  console.log(report.table);
  console.log(`\nWritten to ${saved.target} again, from bench/out/results.json`);
}

async function main() {
  if (process.argv.includes('--rerender')) {
    rerender();
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.error(line);
  const wallStart = performance.now();
  const startedAt = new Date().toISOString();
  // Start-up measures what `npm start` runs after `npm install`: the compiled bundle, built now if src/ changed
  // since (and again before any start-up run that finds src/ changed meanwhile).
  let distBuilds = args.only.includes('startup') && ensureCompiledBundle(log) ? 1 : 0;
  const dataset = await ensureDataset(args.sizes, { log });

  // A working copy: the capture scenario writes notes (and removes them after), nothing touches the cached one.
  const dbPath = join(DATA_DIR, `work-${dataset.meta.key}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  copyFileSync(dataset.path, dbPath);
  const profileRoot = join(OUT_DIR, 'profiles');
  mkdirSync(OUT_DIR, { recursive: true });

  const fake = await new FakePlatform().start();
  const ctx: BenchContext = { meta: dataset.meta, dbPath, fake, plan: args.plan, profileDir: null, log };
  const collected: Collected = {
    answer: [],
    burst: [],
    resolution: [],
    understanding: [],
    search: [],
    capture: [],
    digest: [],
    health: [],
    startup: [],
  };
  const failures: string[] = [];
  const loadBefore = loadavg();

  const runScenario = async (scenario: Scenario, run: number, context: BenchContext) => {
    const started = performance.now();
    switch (scenario) {
      case 'slack':
      case 'teams': {
        // kam-bot and the bare handler alternate which goes first.
        const variants: Variant[] = run % 2 === 0 ? ['kam', 'bare'] : ['bare', 'kam'];
        for (const variant of variants) {
          const result = await answerRun(context, scenario as Platform, variant, run);
          collected.answer.push({ ...result, run });
          log(`    ${describe(result)}`);
        }
        break;
      }
      case 'burst': {
        const result = await burstRun(context, run);
        collected.burst.push(result);
        log(`    ${describeBurst(result)}`);
        break;
      }
      case 'resolution':
        collected.resolution.push(await resolutionRun(context, run));
        break;
      case 'understanding': {
        const result = await understandingRun(context, run);
        collected.understanding.push(result);
        log(`    ${result.understood} of ${result.sentences} sentences understood`);
        break;
      }
      case 'search':
        collected.search.push(await searchRun(context, run));
        break;
      case 'capture': {
        const result = await captureRun(context, run);
        collected.capture.push(result);
        log(
          `    ${result.measured.notesPerSecond.toFixed(0)} notes/s, ${result.duplicateNotes} duplicates, ${result.missingNotes} missing`,
        );
        break;
      }
      case 'digest':
        collected.digest.push(await digestRun(context, run));
        break;
      case 'health':
        collected.health.push(await healthRun(context, run));
        break;
      case 'startup':
        if (ensureCompiledBundle(log)) distBuilds++;
        collected.startup.push(await startupRun(context));
        break;
    }
    log(`  ${scenario} (run ${run}): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  try {
    for (let run = 1; run <= args.plan.runs; run++) {
      log(`Run ${run} of ${args.plan.runs}`);
      // Scenarios interleaved, each run starting with another one, so none always runs first or last.
      const order = args.only.map((_, i) => args.only[(i + run - 1) % args.only.length] as Scenario);
      for (const scenario of order) {
        try {
          await runScenario(scenario, run, ctx);
        } catch (error) {
          // One failed scenario costs its numbers for this run, not the whole benchmark.
          failures.push(`${scenario} (run ${run}): ${error instanceof Error ? error.message : String(error)}`);
          log(`  ${scenario} (run ${run}) FAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
        }
      }
    }
  } finally {
    await fake.stop().catch(() => {});
  }
  const loadAfter = loadavg();
  let rows: Row[] = summaryRows(collected, dataset.meta);

  // One more run of each scenario that missed a target, with CPU profiles: the evidence for what limits it.
  const profiles: string[] = [];
  if (args.profile) {
    const missed = [...new Set(rows.filter((row) => row.status === 'miss').map((row) => row.scenario))].filter(
      (scenario): scenario is Scenario => SCENARIOS.includes(scenario as Scenario) && scenario !== 'startup',
    );
    if (missed.length > 0) {
      log(`Profiling the scenarios that missed a target: ${missed.join(', ')}`);
      rmSync(profileRoot, { recursive: true, force: true });
      mkdirSync(profileRoot, { recursive: true });
      const profiler = await new FakePlatform().start();
      const profiled: BenchContext = { ...ctx, fake: profiler, profileDir: profileRoot, plan: { ...args.plan } };
      const kept = structuredClone(collected);
      try {
        for (const scenario of missed) {
          if (scenario === 'slack' || scenario === 'teams') {
            await answerRun(profiled, scenario, 'kam', 0);
          } else {
            await runScenario(scenario, 0, profiled);
          }
          const dir =
            scenario === 'slack' || scenario === 'teams'
              ? join(profileRoot, `show-${scenario}-run0`)
              : join(profileRoot, `${scenario}-run0`);
          const file = mainProfile(dir);
          if (file && existsSync(file)) {
            profiles.push(
              profileMarkdown(
                `${scenario}: CPU profile of the bot's process (${file.slice(ROOT.length + 1)})`,
                summarise(file),
              ),
            );
          }
        }
      } finally {
        await profiler.stop().catch(() => {});
        Object.assign(collected, kept);
      }
      rows = summaryRows(collected, dataset.meta);
    }
  }

  const environment: Environment = {
    ...machine(dbPath),
    loadBefore,
    loadAfter,
    startedAt,
    wallMs: performance.now() - wallStart,
  };
  const input: ReportInput = {
    rows,
    collected,
    meta: { ...dataset.meta, vocabulary: [] },
    plan: args.plan,
    environment,
    profiles,
    generatedNow: dataset.generated,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    ...(args.only.includes('startup') ? { distBuilds } : {}),
    failures,
    resends,
  };
  const report = renderReport(input);
  const target = args.quick
    ? join(OUT_DIR, 'results-quick.md')
    : args.partial
      ? join(OUT_DIR, 'results-only.md')
      : join(ROOT, 'bench', 'results.md');
  writeFileSync(target, report.markdown);
  writeFileSync(
    join(OUT_DIR, 'results.json'),
    `${JSON.stringify({ ...input, target: target.slice(ROOT.length + 1) })}\n`,
  );
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  console.log(report.table);
  console.log(
    `\nWritten to ${target.slice(ROOT.length + 1)} (${((performance.now() - wallStart) / 60_000).toFixed(1)} min)`,
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
