// The scenarios that call the app's code in a process of their own: account resolution, search with three query
// mixes, the digest over every account, and health for every account.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Random } from '../../src/demo/random.ts';
import { Child, mainProfile, profileDirFor } from '../lib/child.ts';
import type { BenchContext } from '../lib/context.ts';
import { type Reference, type ReferenceKind, readIndex, references, visibleTo } from '../lib/workload.ts';

async function withWorker<T>(ctx: BenchContext, name: string, work: (child: Child) => Promise<T>): Promise<T> {
  const dir = ctx.profileDir ? profileDirFor(ctx, name) : null;
  const { child } = await Child.start('bench/servers/inproc.ts', {
    env: { DATABASE_URL: `file:${ctx.dbPath}`, BENCH_WORKSPACE: String(ctx.meta.workspaceId) },
    ...(dir ? { cpuProfileDir: dir } : {}),
  });
  try {
    return await work(child);
  } finally {
    await child.stop();
    if (dir) ctx.log(`    profile: ${mainProfile(dir)}`);
  }
}

// --- account resolution -------------------------------------------------------------------------------------------

export const RESOLUTION_MIX: readonly (readonly [ReferenceKind, number])[] = [
  ['key', 20],
  ['name', 15],
  ['short name', 15],
  ['parent + country', 10],
  ['typo, 1 edit', 25],
  ['typo, 2 edits', 15],
];

export interface ResolutionRun {
  samples: number[];
  byKind: Record<string, { samples: number[]; right: number; questions: number; n: number }>;
}

let resolutionRefs: Reference[] | null = null;

export async function resolutionRun(ctx: BenchContext, run: number): Promise<ResolutionRun> {
  if (!resolutionRefs) {
    const visible = visibleTo(ctx.dbPath, readIndex(ctx.dbPath, ctx.meta.workspaceId), ctx.meta.member);
    // Typos are kept whether or not they resolve: how often they find the right account is part of the answer.
    resolutionRefs = references(visible, ctx.plan.references, RESOLUTION_MIX, 11, { keepUnresolved: true });
  }
  const refs = resolutionRefs;
  return withWorker(ctx, `resolution-run${run}`, async (child) => {
    const answer = await child.ask({
      type: 'resolve',
      persona: ctx.meta.member,
      // Each run starts at another place in the list, so a run cut short by the time cap still sees every kind.
      references: [...refs.slice((run * 61) % refs.length), ...refs.slice(0, (run * 61) % refs.length)],
      warmup: 20,
      capMs: ctx.plan.resolveCapMs,
    });
    const samples = answer.samples as number[];
    const outcomes = answer.outcomes as { found: boolean; right: boolean; question: boolean }[];
    const byKind: ResolutionRun['byKind'] = {};
    const asked = [...refs.slice((run * 61) % refs.length), ...refs.slice(0, (run * 61) % refs.length)];
    asked.slice(0, samples.length).forEach((ref, index) => {
      const kind = byKind[ref.kind] ?? { samples: [], right: 0, questions: 0, n: 0 };
      byKind[ref.kind] = kind;
      kind.samples.push(samples[index] ?? Number.NaN);
      kind.n++;
      if (outcomes[index]?.right) kind.right++;
      if (outcomes[index]?.question) kind.questions++;
    });
    return { samples, byKind };
  });
}

// --- search -------------------------------------------------------------------------------------------------------

export type SearchMix = 'even words' | 'two-word phrases' | 'frequent words';
export const SEARCH_MIXES: SearchMix[] = ['even words', 'two-word phrases', 'frequent words'];

export interface SearchRun {
  mix: SearchMix;
  samples: number[];
  hits: number;
}

const queryCache = new Map<SearchMix, string[]>();

/** The queries of a mix, the same in every run. */
export function searchQueries(ctx: BenchContext, mix: SearchMix): string[] {
  const cached = queryCache.get(mix);
  if (cached) return cached;
  const rng = new Random(31);
  const count = ctx.plan.queries;
  let queries: string[];
  if (mix === 'even words') {
    queries = Array.from({ length: count }, () => rng.pick(ctx.meta.vocabulary));
  } else if (mix === 'frequent words') {
    queries = Array.from(
      { length: count },
      (_, i) => ctx.meta.frequentWords[i % ctx.meta.frequentWords.length]?.word ?? 'the',
    );
  } else {
    // Two words that stand next to each other in a real note.
    const db = new BetterSqlite3(ctx.dbPath, { readonly: true });
    const maxId = (db.prepare('SELECT MAX(id) AS id FROM Note').get() as { id: number }).id;
    const body = db.prepare('SELECT body FROM Note WHERE id = ?').pluck();
    queries = [];
    while (queries.length < count) {
      const text = body.get(rng.int(1, maxId)) as string | undefined;
      const words = (text ?? '').toLowerCase().match(/\p{L}+/gu) ?? [];
      if (words.length < 2) continue;
      const at = rng.int(0, words.length - 2);
      queries.push(`${words[at]} ${words[at + 1]}`);
    }
    db.close();
  }
  queryCache.set(mix, queries);
  return queries;
}

export async function searchRun(ctx: BenchContext, run: number): Promise<SearchRun[]> {
  return withWorker(ctx, `search-run${run}`, async (child) => {
    const results: SearchRun[] = [];
    // The mixes in a different order each run, so none always runs on the coldest cache.
    const order = SEARCH_MIXES.map((_, i) => SEARCH_MIXES[(i + run) % SEARCH_MIXES.length] as SearchMix);
    for (const mix of order) {
      const queries = searchQueries(ctx, mix);
      const answer = await child.ask({
        type: 'search',
        persona: ctx.meta.member,
        queries,
        warmup: Math.min(100, queries.length),
      });
      results.push({ mix, samples: answer.samples as number[], hits: Number(answer.hits) });
    }
    return results;
  });
}

// --- digest and health ---------------------------------------------------------------------------------------------

export interface TimedParts {
  runs: Record<string, number>[];
}

export interface DigestRun extends TimedParts {
  size: { accounts: number; slackBytes: number; teamsBytes: number; blocks: number };
  maxRssMb: number;
}

export async function digestRun(ctx: BenchContext, run: number): Promise<DigestRun> {
  return withWorker(ctx, `digest-run${run}`, async (child) => {
    const answer = await child.ask({ type: 'digest', repeat: ctx.plan.repeats });
    return answer as unknown as DigestRun;
  });
}

export interface HealthRun extends TimedParts {
  scored: number;
}

// --- understanding a sentence ------------------------------------------------------------------------------------

export interface UnderstandingRun {
  samples: number[];
  /** Of the sentences, how many became a command, a question back or a refusal (not "didn't understand"). */
  understood: number;
  sentences: number;
}

const DEMO_KEYS = [
  'nordwind',
  'harbourline',
  'corvane',
  'kestrel',
  'pelham',
  'belmora',
  'aozora',
  'falkvik',
  'istrana',
];

/**
 * The corpus the tests measure understanding by (tests/understanding/corpus-*.txt), with the demo accounts it
 * names swapped for accounts of the large workspace the person may see, so each sentence meets 10,000 accounts.
 */
function benchSentences(ctx: BenchContext): string[] {
  const visible = visibleTo(ctx.dbPath, readIndex(ctx.dbPath, ctx.meta.workspaceId), ctx.meta.member);
  const random = new Random(12);
  const names = new RegExp(`\\b(${DEMO_KEYS.join('|')})\\b`, 'gi');
  return ['corpus-en.txt', 'corpus-de.txt'].flatMap((file) =>
    readFileSync(join('tests', 'understanding', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => (line.split(' => ')[0] ?? '').trim())
      .map((sentence) => sentence.replace(names, () => random.pick(visible).name)),
  );
}

let understandingSentences: string[] | null = null;

export async function understandingRun(ctx: BenchContext, run: number): Promise<UnderstandingRun> {
  understandingSentences ??= benchSentences(ctx);
  const sentences = understandingSentences;
  return withWorker(ctx, `understanding-run${run}`, async (child) => {
    // One pass over the corpus first: a server that has been up for a morning has seen every kind of sentence, and
    // the first pass measures the JIT compiling the grammar, not the grammar.
    const answer = await child.ask({
      type: 'understand',
      persona: ctx.meta.member,
      sentences,
      warmup: sentences.length,
    });
    return { ...(answer as unknown as { samples: number[]; understood: number }), sentences: sentences.length };
  });
}

export async function healthRun(ctx: BenchContext, run: number): Promise<HealthRun> {
  return withWorker(ctx, `health-run${run}`, async (child) => {
    const answer = await child.ask({ type: 'health', persona: ctx.meta.member, repeat: ctx.plan.repeats });
    return answer as unknown as HealthRun;
  });
}
