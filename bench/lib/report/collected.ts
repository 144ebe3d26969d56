// What the runner collects from every scenario run, and the runs paired and grouped as the tables read them.
import type { AnswerRun } from '../../scenarios/answer.ts';
import type { BurstRun } from '../../scenarios/burst.ts';
import type { CaptureRun } from '../../scenarios/capture.ts';
import type {
  DigestRun,
  HealthRun,
  ResolutionRun,
  SearchMix,
  SearchRun,
  UnderstandingRun,
} from '../../scenarios/inproc.ts';
import type { StartupRun } from '../../scenarios/startup.ts';
import { latency } from '../stats.ts';

export interface Collected {
  answer: (AnswerRun & { run: number })[];
  burst: BurstRun[];
  resolution: ResolutionRun[];
  understanding: UnderstandingRun[];
  search: SearchRun[][];
  capture: CaptureRun[];
  digest: DigestRun[];
  health: HealthRun[];
  startup: StartupRun[];
}

/** Per run, kam-bot's answers beside the bare handler's on one platform (runs missing either are left out). */
export function answersOf(collected: Collected, platform: 'slack' | 'teams') {
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

/** The latencies of one search mix, a run each. */
export function searchOf(collected: Collected, mix: SearchMix) {
  return collected.search.flatMap((run) => run.filter((result) => result.mix === mix).map((r) => latency(r.samples)));
}
