// The results table: one row per measure, from the collected runs, with the targets of the README.
import { BURST_COMMANDS, SLACK_ACK_LIMIT_MS } from '../../scenarios/burst.ts';
import type { SearchMix } from '../../scenarios/inproc.ts';
import type { DatasetMeta } from '../dataset.ts';
import { percentile } from '../stats.ts';
import { answersOf, type Collected, searchOf } from './collected.ts';
import { judged, type Row } from './rows.ts';

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
  if (collected.burst.length > 0) {
    const burst = `Slack burst of ${BURST_COMMANDS} \`/account show\` within 1 s`;
    rows.push(
      judged(
        'burst',
        `${burst}: ack p99`,
        collected.burst.map((run) => percentile(run.acks, 99)),
        'ms',
        { atMost: SLACK_ACK_LIMIT_MS },
      ),
      judged(
        'burst',
        `${burst}: acks over Slack's 3 s or failed, all runs together`,
        [
          collected.burst.reduce(
            (sum, run) => sum + run.failed + run.acks.filter((ms) => ms > SLACK_ACK_LIMIT_MS).length,
            0,
          ),
        ],
        'count',
        { atMost: 0 },
      ),
      judged(
        'burst',
        `${burst}: commands never answered, all runs together`,
        [collected.burst.reduce((sum, run) => sum + run.commands - run.answered, 0)],
        'count',
        { atMost: 0 },
      ),
      judged(
        'burst',
        `${burst}: the last answer, after the first command`,
        collected.burst.map((run) => run.lastAnswerMs / 1000),
        's',
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
  if (collected.understanding.length > 0) {
    rows.push(
      judged(
        'understanding',
        `Understanding a message at ${accounts} accounts (the test corpus, EN and DE), p50`,
        collected.understanding.map((run) => percentile(run.samples, 50)),
        'ms',
        null,
      ),
      judged(
        'understanding',
        'Understanding a message, p95',
        collected.understanding.map((run) => percentile(run.samples, 95)),
        'ms',
        { atMost: 1 },
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
        'Duplicate notes, all capture runs together',
        [collected.capture.reduce((sum, run) => sum + run.duplicateNotes, 0)],
        'count',
        { atMost: 0 },
      ),
      judged(
        'capture',
        'Lost notes (messages sent without a note), all capture runs together',
        [collected.capture.reduce((sum, run) => sum + run.missingNotes, 0)],
        'count',
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
