// The details under the results table: per scenario, the numbers behind each row (per run, per kind of reference,
// per part of the digest, ...).
import { BURST_COMMANDS, BURST_WINDOW_MS, SLACK_ACK_LIMIT_MS } from '../../scenarios/burst.ts';
import type { SearchMix } from '../../scenarios/inproc.ts';
import type { Plan } from '../context.ts';
import { latency, percentile, spread } from '../stats.ts';
import { answersOf, type Collected } from './collected.ts';
import { formatSpread, ms } from './rows.ts';

function medianOf(values: number[]): number {
  return percentile(values, 50);
}

export function details(collected: Collected, plan: Plan): string {
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
    const order = ['key', 'name', 'short name', 'parent + country', 'typo, 1 edit', 'typo, 2 edits'];
    const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
    for (const [kind, value] of [...kinds].sort(([a], [b]) => rank(a) - rank(b))) {
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
  if (collected.burst.length > 0) {
    out.push(
      `### A burst of ${BURST_COMMANDS} slash commands within ${BURST_WINDOW_MS / 1000} s`,
      '',
      '| run | acks | ack p50 ms | p95 ms | p99 ms | max ms | over 3 s | failed | answered | last answer s |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    collected.burst.forEach((run, index) => {
      const l = latency(run.acks);
      const late = run.acks.filter((value) => value > SLACK_ACK_LIMIT_MS).length;
      out.push(
        `| ${index + 1} | ${run.acks.length} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${late} | ${run.failed} | ${run.answered} | ${(run.lastAnswerMs / 1000).toFixed(2)} |`,
      );
    });
    out.push(
      '',
      `Each run warms the process up with ${50} commands one at a time, then sends ${BURST_COMMANDS} signed \`/account show\` commands spread evenly over ${BURST_WINDOW_MS / 1000} s, each on a connection of its own when needed, without waiting for earlier answers. An ack is the time from sending a command to its HTTP 200; Slack gives up after 3 s. Answers are counted at the fake response_url.`,
      '',
    );
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
      `One digest over every open account (${size?.accounts.toLocaleString('en') ?? '?'} of them; ${size?.blocks ?? '?'} blocks, ${size?.slackBytes.toLocaleString('en') ?? '?'} bytes of Block Kit, ${size?.teamsBytes.toLocaleString('en') ?? '?'} bytes of Adaptive Card). Median of ${plan.repeats} ${plan.repeats === 1 ? 'computation' : 'computations'} per run after one that warms up; medians [min–max] over runs:`,
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
