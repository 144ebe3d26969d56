// Turns the runs into the results table (target, measured value, pass or miss) and bench/results.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerRun } from '../scenarios/answer.ts';
import type { CaptureRun } from '../scenarios/capture.ts';
import type { DigestRun, HealthRun, ResolutionRun, SearchMix, SearchRun } from '../scenarios/inproc.ts';
import type { StartupRun } from '../scenarios/startup.ts';
import type { Plan } from './context.ts';
import { type DatasetMeta, ROOT } from './dataset.ts';
import { latency, percentile, type Spread, spread } from './stats.ts';

export interface Collected {
  answer: (AnswerRun & { run: number })[];
  resolution: ResolutionRun[];
  search: SearchRun[][];
  capture: CaptureRun[];
  digest: DigestRun[];
  health: HealthRun[];
  startup: StartupRun[];
}

export interface Environment {
  cpu: string;
  memoryGb: number;
  node: string;
  os: string;
  sqlite: string;
  loadBefore: number[];
  loadAfter: number[];
  startedAt: string;
  wallMs: number;
}

export interface Row {
  scenario: string;
  measure: string;
  /** e.g. "≤ 3×", "≥ 1,500/s"; empty when there is no target. */
  target: string;
  value: Spread;
  unit: 'ms' | 's' | 'MB' | '×' | '/s' | '';
  status: 'pass' | 'miss' | 'info' | 'no data';
  /** How far from the target, in words. */
  gap: string;
}

const fmt = (value: number, unit: Row['unit']): string => {
  if (!Number.isFinite(value)) return 'n/a';
  const digits =
    unit === '×' ? (value < 10 ? 2 : 1) : unit === 's' ? 2 : value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0;
  const number = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (unit === '×') return `${number}×`;
  if (unit === '/s') return `${number}/s`;
  return unit ? `${number} ${unit}` : number;
};

export function formatSpread(value: Spread, unit: Row['unit']): string {
  if (value.runs === 0) return 'n/a';
  if (value.runs === 1) return fmt(value.median, unit);
  return `${fmt(value.median, unit)} [${fmt(value.min, unit)}–${fmt(value.max, unit)}]`;
}

function judged(
  scenario: string,
  measure: string,
  values: number[],
  unit: Row['unit'],
  limit: { atMost?: number; atLeast?: number } | null,
): Row {
  const value = spread(values);
  if (!limit) return { scenario, measure, target: '', value, unit, status: 'info', gap: '' };
  if (value.runs === 0) {
    return {
      scenario,
      measure,
      target: '',
      value,
      unit,
      status: 'no data',
      gap: '',
    };
  }
  if (limit.atMost !== undefined) {
    const ok = value.median <= limit.atMost;
    const over = value.median / limit.atMost;
    return {
      scenario,
      measure,
      target: `≤ ${fmt(limit.atMost, unit)}`,
      value,
      unit,
      status: ok ? 'pass' : 'miss',
      gap: ok ? '' : over >= 2 ? `${over.toFixed(1)}× the target` : `${((over - 1) * 100).toFixed(0)}% over`,
    };
  }
  const atLeast = limit.atLeast ?? 0;
  const ok = value.median >= atLeast;
  return {
    scenario,
    measure,
    target: `≥ ${fmt(atLeast, unit)}`,
    value,
    unit,
    status: ok ? 'pass' : 'miss',
    gap: ok ? '' : `${((value.median / atLeast) * 100).toFixed(1)}% of the target`,
  };
}

function answersOf(collected: Collected, platform: 'slack' | 'teams') {
  const runs = [...new Set(collected.answer.map((answer) => answer.run))];
  return runs.flatMap((run) => {
    const kam = collected.answer.find((a) => a.run === run && a.platform === platform && a.variant === 'kam');
    const bare = collected.answer.find((a) => a.run === run && a.platform === platform && a.variant === 'bare');
    if (!kam || !bare) return [];
    return [
      { run, kam: latency(kam.measured.samples), bare: latency(bare.measured.samples), kamRun: kam, bareRun: bare },
    ];
  });
}

function searchOf(collected: Collected, mix: SearchMix) {
  return collected.search.flatMap((run) => run.filter((result) => result.mix === mix).map((r) => latency(r.samples)));
}

export function summaryRows(collected: Collected, meta: DatasetMeta): Row[] {
  const rows: Row[] = [];
  const accounts = meta.counts.Account?.toLocaleString('en') ?? '?';
  const notes = meta.counts.Note?.toLocaleString('en') ?? '?';
  for (const platform of ['slack', 'teams'] as const) {
    const answers = answersOf(collected, platform);
    if (answers.length === 0) continue;
    const name = platform === 'slack' ? 'Slack' : 'Teams';
    const floor = platform === 'slack' ? 'bare Bolt' : 'bare teams-ai';
    rows.push(
      judged(
        platform,
        `${name} \`/account show\`: answer p95 ÷ ${floor} fixed answer p95`,
        answers.map((a) => a.kam.p95 / a.bare.p95),
        '×',
        { atMost: 3 },
      ),
      judged(
        platform,
        `${name} \`/account show\`, answer p50`,
        answers.map((a) => a.kam.p50),
        'ms',
        null,
      ),
      judged(
        platform,
        `${name} \`/account show\`, answer p95`,
        answers.map((a) => a.kam.p95),
        'ms',
        null,
      ),
      judged(
        platform,
        `${name} ${floor} fixed answer, p50`,
        answers.map((a) => a.bare.p50),
        'ms',
        null,
      ),
      judged(
        platform,
        `${name} ${floor} fixed answer, p95`,
        answers.map((a) => a.bare.p95),
        'ms',
        null,
      ),
    );
  }
  if (collected.resolution.length > 0) {
    rows.push(
      judged(
        'resolution',
        `Account resolution at ${accounts} accounts (with typos), p50`,
        collected.resolution.map((run) => percentile(run.samples, 50)),
        'ms',
        null,
      ),
      judged(
        'resolution',
        'Account resolution, p95',
        collected.resolution.map((run) => percentile(run.samples, 95)),
        'ms',
        null,
      ),
    );
  }
  const searchTargets: [SearchMix, number][] = [
    ['even words', 20],
    ['two-word phrases', 100],
    ['frequent words', 150],
  ];
  for (const [mix, limit] of searchTargets) {
    const runs = searchOf(collected, mix);
    if (runs.length === 0) continue;
    rows.push(
      judged(
        'search',
        `Search over ${notes} notes, ${mix}: p95`,
        runs.map((l) => l.p95),
        'ms',
        { atMost: limit },
      ),
      judged(
        'search',
        `Search, ${mix}: p50`,
        runs.map((l) => l.p50),
        'ms',
        null,
      ),
    );
  }
  if (collected.capture.length > 0) {
    rows.push(
      judged(
        'capture',
        'Notes captured per second (Slack events, 8 senders, 10% redeliveries)',
        collected.capture.map((run) => run.measured.notesPerSecond),
        '/s',
        { atLeast: 1_500 },
      ),
      judged(
        'capture',
        'Duplicate notes after the capture runs',
        collected.capture.map((run) => run.duplicateNotes),
        '',
        { atMost: 0 },
      ),
      judged(
        'capture',
        'Lost notes (messages sent without a note)',
        collected.capture.map((run) => run.missingNotes),
        '',
        { atMost: 0 },
      ),
    );
  }
  if (collected.digest.length > 0) {
    rows.push(
      judged(
        'digest',
        `Digest over ${accounts} accounts: read, compose, build, render for Slack`,
        collected.digest.map((run) =>
          percentile(
            run.runs.map((r) => r.totalMs ?? Number.NaN),
            50,
          ),
        ),
        'ms',
        { atMost: 1_000 },
      ),
    );
  }
  if (collected.health.length > 0) {
    rows.push(
      judged(
        'health',
        `Health of every account (${accounts}), as \`list at-risk\` computes it`,
        collected.health.map((run) =>
          percentile(
            run.runs.map((r) => r.totalMs ?? Number.NaN),
            50,
          ),
        ),
        'ms',
        null,
      ),
    );
  }
  if (collected.startup.length > 0) {
    const s = collected.startup;
    rows.push(
      judged(
        'startup',
        'Console: `kam` to its prompt',
        s.map((r) => r.consoleMs / 1000),
        's',
        { atMost: 0.6 },
      ),
      judged(
        'startup',
        'Serving Slack and Teams: `kam serve` to /healthz answering',
        s.map((r) => r.servingMs / 1000),
        's',
        {
          atMost: 2,
        },
      ),
      judged(
        'startup',
        'Peak memory serving (VmHWM after one answer per platform, then idle)',
        s.map((r) => r.answeredPeakMb),
        'MB',
        { atMost: 250 },
      ),
      judged(
        'startup',
        'Peak memory serving, idle before any request',
        s.map((r) => r.idlePeakMb),
        'MB',
        null,
      ),
      judged(
        'startup',
        'Peak memory while the serving process computes a digest (`/account digest preview`)',
        s.map((r) => r.digestPeakMb),
        'MB',
        { atMost: 350 },
      ),
      judged(
        'startup',
        'That digest through Slack, command to answer',
        s.map((r) => r.digestMs),
        'ms',
        null,
      ),
    );
  }
  return rows;
}

function table(rows: Row[], markdown: boolean): string {
  const header = ['measure', 'target', 'measured: median [min–max]', 'result'];
  const lines = rows.map((row) => [
    row.measure,
    row.target || '—',
    formatSpread(row.value, row.unit),
    row.status === 'miss'
      ? `**miss** (${row.gap})`
      : row.status === 'pass'
        ? 'pass'
        : row.status === 'info'
          ? ''
          : 'no data',
  ]);
  if (markdown) {
    return [`| ${header.join(' | ')} |`, '|---|---|---|---|', ...lines.map((line) => `| ${line.join(' | ')} |`)].join(
      '\n',
    );
  }
  const plain = lines.map((line) => line.map((cell) => cell.replace(/\*\*|`/g, '')));
  const widths = header.map((_, i) => Math.max(header[i]?.length ?? 0, ...plain.map((line) => line[i]?.length ?? 0)));
  const pad = (line: string[]) => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [pad(header), widths.map((w) => '-'.repeat(w)).join('  '), ...plain.map(pad)].join('\n');
}

const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(0)) : 'n/a');

function medianOf(values: number[]): number {
  return percentile(values, 50);
}

function details(collected: Collected, plan: Plan): string {
  const out: string[] = [];
  for (const platform of ['slack', 'teams'] as const) {
    const answers = answersOf(collected, platform);
    if (answers.length === 0) continue;
    out.push(`### ${platform === 'slack' ? 'Slack' : 'Teams'}: \`/account show\` against the fixed-answer floor`, '');
    out.push(
      '| run | kam-bot p50 | kam-bot p95 | answers (warm-up) | floor p50 | floor p95 | answers (warm-up) | p95 ratio | wrong answers / timeouts |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const a of answers) {
      out.push(
        `| ${a.run} | ${ms(a.kam.p50)} | ${ms(a.kam.p95)} | ${a.kam.n} (${a.kamRun.warmup.requests}) | ${ms(a.bare.p50)} | ${ms(a.bare.p95)} | ${a.bare.n} (${a.bareRun.warmup.requests}) | ${(a.kam.p95 / a.bare.p95).toFixed(1)}× | ${a.kamRun.measured.wrong} / ${a.kamRun.measured.timeouts} |`,
      );
    }
    const acks = answers.map((a) => percentile(a.kamRun.measured.acks, 50));
    out.push(
      '',
      `Milliseconds from sending the request to the answer's arrival at the fake ${platform === 'slack' ? 'response_url' : 'Bot Connector'}. ` +
        `${platform === 'slack' ? `The ack alone (HTTP 200 to Slack) took ${ms(medianOf(acks))} ms at the median for kam-bot; it is not the answer.` : 'Teams answers the HTTP request only after the turn, so its HTTP time includes the reply.'}`,
      '',
    );
  }
  if (collected.resolution.length > 0) {
    const kinds = new Map<string, { samples: number[]; right: number; questions: number; n: number }>();
    for (const run of collected.resolution) {
      for (const [kind, value] of Object.entries(run.byKind)) {
        const all = kinds.get(kind) ?? { samples: [], right: 0, questions: 0, n: 0 };
        all.samples.push(...value.samples);
        all.right += value.right;
        all.questions += value.questions;
        all.n += value.n;
        kinds.set(kind, all);
      }
    }
    out.push(
      '### Account resolution',
      '',
      "`resolveAccount` as `/account show` calls it (the account index read, matched, the account loaded), as a member who sees open accounts and their own team's, all runs pooled:",
      '',
      '| typed as | references | p50 ms | p95 ms | found the intended account | asked back (choices) |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const [kind, value] of kinds) {
      const l = latency(value.samples);
      out.push(
        `| ${kind} | ${value.n} | ${ms(l.p50)} | ${ms(l.p95)} | ${((value.right / Math.max(1, value.n)) * 100).toFixed(0)}% | ${value.questions} |`,
      );
    }
    out.push('');
  }
  if (collected.search.length > 0) {
    out.push(
      '### Search',
      '',
      '`search` as the command runs it (accounts, contacts and notes; a member as viewer), per run:',
      '',
      '| mix | queries per run | p50 ms | p95 ms | p99 ms | max ms | note hits per query |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const mix of ['even words', 'two-word phrases', 'frequent words'] as SearchMix[]) {
      const runs = collected.search.flatMap((run) => run.filter((r) => r.mix === mix));
      if (runs.length === 0) continue;
      const ls = runs.map((r) => latency(r.samples));
      const s = (f: (l: ReturnType<typeof latency>) => number) => formatSpread(spread(ls.map(f)), '');
      out.push(
        `| ${mix} | ${runs[0]?.samples.length ?? 0} | ${s((l) => l.p50)} | ${s((l) => l.p95)} | ${s((l) => l.p99)} | ${s((l) => l.max)} | ${(runs.reduce((sum, r) => sum + r.hits / r.samples.length, 0) / runs.length).toFixed(1)} |`,
      );
    }
    out.push('');
  }
  if (collected.capture.length > 0) {
    out.push(
      '### Capture through the Slack events endpoint',
      '',
      '| run | notes/s | messages (warm-up) | events incl. redeliveries | confirmation p50 ms | p95 ms | notes created | duplicates | lost | confirmed twice |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    collected.capture.forEach((run, index) => {
      const l = latency(run.measured.confirmMs);
      out.push(
        `| ${index + 1} | ${run.measured.notesPerSecond.toFixed(1)} | ${run.measured.messages} (${run.warmup.messages}) | ${run.measured.events + run.warmup.events} | ${ms(l.p50)} | ${ms(l.p95)} | ${run.notesCreated} | ${run.duplicateNotes} | ${run.missingNotes} | ${run.duplicateConfirmations} |`,
      );
    });
    out.push(
      '',
      `Each run sends up to ${plan.captureNotes.toLocaleString('en')} messages (at most ${plan.captureCapMs / 1000} s, after a warm-up of a quarter as many, at most ${plan.captureWarmupCapMs / 1000} s). Notes/s counts confirmed notes over the time from the first send to the last confirmation. Duplicates, lost notes and double confirmations are checked in the database and at the fake Slack after each run.`,
      '',
    );
  }
  if (collected.digest.length > 0) {
    const parts = ['readMs', 'composeMs', 'replyMs', 'slackMs', 'teamsMs', 'accountsMs', 'factsMs', 'totalMs'];
    const labels: Record<string, string> = {
      readMs: 'read (digest-reader)',
      composeMs: 'compose (domain/digest)',
      replyMs: 'reply (replies/digest-reply)',
      slackMs: 'render Block Kit + JSON',
      teamsMs: 'render Adaptive Card + JSON (not in the total)',
      accountsMs: '… of the read: selecting the accounts',
      factsMs: '… of the read: health facts of every account',
      totalMs: 'total',
    };
    const size = collected.digest[0]?.size;
    out.push(
      '### Digest',
      '',
      `One digest over every open account (${size?.accounts.toLocaleString('en') ?? '?'} of them; ${size?.blocks ?? '?'} blocks, ${size?.slackBytes.toLocaleString('en') ?? '?'} bytes of Block Kit, ${size?.teamsBytes.toLocaleString('en') ?? '?'} bytes of Adaptive Card). Median of ${plan.repeats} computations per run after one that warms up; medians [min–max] over runs:`,
      '',
      '| part | ms |',
      '|---|---:|',
    );
    for (const part of parts) {
      const values = collected.digest.map((run) => medianOf(run.runs.map((r) => r[part] ?? Number.NaN)));
      out.push(`| ${labels[part]} | ${formatSpread(spread(values), '')} |`);
    }
    out.push(
      '',
      `Peak RSS of a fresh process that opened the store and computed one digest: ${formatSpread(spread(collected.digest.map((r) => r.maxRssMb)), 'MB')}.`,
      '',
    );
  }
  if (collected.health.length > 0) {
    out.push('### Health for every account', '', '| part | ms |', '|---|---:|');
    const labels: Record<string, string> = {
      accountsMs: 'accounts.list() (Prisma)',
      healthMs: 'healthOfMany (facts + compute)',
      factsMs: '… health facts read alone',
      computeMs: '… computeHealth alone',
      totalMs: 'total',
    };
    for (const part of Object.keys(labels)) {
      const values = collected.health.map((run) => medianOf(run.runs.map((r) => r[part] ?? Number.NaN)));
      out.push(`| ${labels[part]} | ${formatSpread(spread(values), '')} |`);
    }
    out.push('');
  }
  if (collected.startup.length > 0) {
    out.push(
      '### Start-up and memory',
      '',
      '| run | console to prompt s | serve to /healthz s | idle RSS MB | idle peak MB | peak after answers MB | peak with digest MB | digest through Slack ms |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    collected.startup.forEach((run, index) => {
      out.push(
        `| ${index + 1} | ${(run.consoleMs / 1000).toFixed(2)} | ${(run.servingMs / 1000).toFixed(2)} | ${run.idleRssMb.toFixed(0)} | ${run.idlePeakMb.toFixed(0)} | ${run.answeredPeakMb.toFixed(0)} | ${run.digestPeakMb.toFixed(0)} | ${run.digestMs.toFixed(0)}${run.digestOk ? '' : ' (no digest)'} |`,
      );
    });
    out.push('');
  }
  return out.join('\n');
}

export interface ReportInput {
  rows: Row[];
  collected: Collected;
  meta: DatasetMeta;
  plan: Plan;
  environment: Environment;
  profiles: string[];
  generatedNow: boolean;
  command: string;
  whatIf: boolean;
  /** Scenario runs that failed (their numbers are missing above). */
  failures?: string[];
  /** Requests the client sent again after a connection reset. */
  resends?: number;
}

export function renderReport(input: ReportInput): { markdown: string; table: string } {
  const { rows, meta, plan, environment: env } = input;
  const misses = rows.filter((row) => row.status === 'miss');
  const counts = meta.counts;
  const n = (key: string) => (counts[key] ?? 0).toLocaleString('en');
  const analysisFile = join(ROOT, 'bench', 'limits.md');
  const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8').trim() : '';
  const markdown = [
    '# kam-bot benchmark results',
    '',
    `Written by \`${input.command}\` (bench/run.ts) on ${env.startedAt.slice(0, 16).replace('T', ' ')} UTC; the run took ${(env.wallMs / 60_000).toFixed(1)} minutes.${input.whatIf ? ' **What-if run: the working copy was ANALYZEd first; these are not the app as it ships.**' : ''}${plan.quick ? ' **Quick smoke run: small workspace, one run; not for comparing with the targets.**' : ''}`,
    '',
    '## Machine',
    '',
    `- CPU: ${env.cpu}; memory ${env.memoryGb.toFixed(0)} GB; ${env.os}`,
    `- Node ${env.node}; SQLite ${env.sqlite} (better-sqlite3)`,
    `- Load average before / after the run: ${env.loadBefore.map((l) => l.toFixed(2)).join(' ')} / ${env.loadAfter.map((l) => l.toFixed(2)).join(' ')} (other work on the machine shows here; the ratios against the floors, measured in the same runs, hold better than absolute times)`,
    '',
    '## Workspace',
    '',
    `${n('Account')} accounts (${meta.sizes.accounts.toLocaleString('en')} asked for) in global groups and standalone, ${n('User')} users, ${n('AccountMember')} account-team members, ${n('Contact')} contacts, ${n('Opportunity')} opportunities, ${n('Note')} notes (${n('notesLast90Days')} of them in the last 90 days, the window health reads; ${n('NoteTag')} tags), ${n('Task')} tasks, ${n('HealthSnapshot')} weekly health snapshots, ${n('ChannelLink')} Slack channels linked to accounts. Database ${(meta.fileBytes / 1e6).toFixed(0)} MB, generated by bench/generate.ts in ${(meta.generationMs / 1000).toFixed(1)} s${input.generatedNow ? ' (in this run)' : ' (cached, generated earlier)'}; its "now" is ${meta.now.slice(0, 16).replace('T', ' ')} UTC. The ten most frequent words of the notes, with the share of notes they are in: ${meta.frequentWords.map((w) => `${w.word} ${(w.share * 100).toFixed(0)}%`).join(', ')}.`,
    '',
    '## Method',
    '',
    `- ${plan.runs} runs; in each, every scenario once, in a fresh process (forked with tsx, or \`node bin/kam.js\` for start-up), the scenarios interleaved and rotated so none always goes first. Medians over the runs, [min–max] beside them.`,
    `- HTTP scenarios: client and server on loopback, keep-alive agent, requests built and signed before timing, sent one at a time (the next when the previous answer has arrived). Warm-up up to ${plan.warmup.toLocaleString('en')} requests or ${plan.warmupCapMs / 1000} s, then up to ${plan.measure.toLocaleString('en')} measured requests or ${plan.measureCapMs / 1000} s, whichever comes first. The floors reach 5,000 warm-up requests (the guide's figure); kam-bot's \`show\` is slow enough that its phases stop at the time cap, so its warm-up and samples are fewer (see the tables): 5,000 of them would take the run hours.`,
    `- Search: ${plan.queries} queries per mix and run after 100 that warm up. Resolution: up to ${plan.references} references per run (${plan.resolveCapMs / 1000} s cap) after 20. Digest and health: ${plan.repeats} computations per run after one.`,
    "- Peak memory is the serving process's VmHWM (Linux), read from /proc while `kam serve` runs.",
    ...(input.resends
      ? [`- ${input.resends} request(s) were sent again after a kept-alive connection was reset.`]
      : []),
    ...(input.failures?.length
      ? ['', '**Failed scenario runs** (missing from the numbers):', '', ...input.failures.map((f) => `- ${f}`)]
      : []),
    '',
    '## Results',
    '',
    table(rows, true),
    '',
    misses.length > 0
      ? `**${misses.length} target${misses.length === 1 ? '' : 's'} missed**: ${misses.map((row) => `${row.measure.replace(/`/g, '')} (${row.gap})`).join('; ')}. What limits each is below.`
      : 'Every target met.',
    '',
    '## Details',
    '',
    details(input.collected, plan),
    ...(analysis ? ['## What limits the misses', '', analysis, ''] : []),
    ...(input.profiles.length > 0
      ? [
          '## Profiles of the misses (this run)',
          '',
          "One extra run of each scenario that missed, with `node --cpu-prof` on the bot's process (not counted above). Self time by package or file, then our functions by inclusive time. SQLite work done through Prisma shows under @prisma/adapter-better-sqlite3 (better-sqlite3 runs queries synchronously inside it); plain SQL of the store shows under the src/store file that runs it.",
          '',
          ...input.profiles,
        ]
      : []),
  ].join('\n');
  return { markdown: `${markdown.trim()}\n`, table: table(rows, false) };
}
