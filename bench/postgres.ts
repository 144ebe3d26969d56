// `npm run bench:postgres`: what moving to PostgreSQL costs and gives, on the benchmark workspace `npm run bench`
// generated (bench/.data/, the largest cached one unless --db names a file). Copies it into a throwaway
// PostgreSQL server with `kam db copy`'s code and times that, then runs the search benchmark's three query mixes
// against both databases in this one process, so the two columns compare. Writes bench/out/postgres.md.
//
//   npm run bench:postgres [-- --db bench/.data/full-….db] [--queries 300]
//
// It is the first PostgreSQL bench line; the answer scenarios move to PostgreSQL with the store (issue 14).
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startThrowawayPostgres } from '../scripts/throwaway-postgres.ts';
import { Random } from '../src/demo/random.ts';
import { applyPendingMigrations } from '../src/store/migrations.ts';
import { SearchIndex } from '../src/store/search.ts';
import { searchPostgres } from '../src/store/search-postgres.ts';
import { copySqliteToPostgres } from '../src/store/sql/copy.ts';
import { postgresDatabase } from '../src/store/sql/sql-database.ts';
import type { DatasetMeta } from './lib/dataset.ts';
import { percentile } from './lib/stats.ts';

const DATA = new URL('./.data/', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

function largestDataset(): string {
  const files = readdirSync(DATA)
    .filter((name) => name.endsWith('.db'))
    .map((name) => join(DATA, name))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!files[0]) throw new Error('No benchmark workspace in bench/.data/: run `npm run bench` (or --quick) first.');
  return files[0];
}

const source = option('--db') ?? largestDataset();
const meta = JSON.parse(readFileSync(source.replace(/\.db$/, '.json'), 'utf8')) as DatasetMeta;
const queriesPerMix = Number(option('--queries') ?? 300);
const log = (line: string) => console.log(line);

const work = mkdtempSync(join(tmpdir(), 'kam-bench-pg-'));
const server = await startThrowawayPostgres('kam_bench');
if (!server) throw new Error('No PostgreSQL server binaries (Debian: apt-get install postgresql).');
try {
  const sqlitePath = join(work, 'bench.db');
  copyFileSync(source, sqlitePath);
  await applyPendingMigrations(sqlitePath);
  log(`Copying ${basename(source)} (${meta.counts.Note?.toLocaleString('en') ?? '?'} notes) into PostgreSQL…`);
  const started = performance.now();
  const tables = await copySqliteToPostgres(sqlitePath, server.url);
  const copyMs = performance.now() - started;
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  log(`  ${rows.toLocaleString('en')} rows in ${(copyMs / 1000).toFixed(1)} s, verified`);

  const sqlite = new BetterSqlite3(sqlitePath, { readonly: true });
  const index = new SearchIndex(sqlite, meta.workspaceId);
  const postgres = postgresDatabase(server.url, 2);
  const viewer = { userId: meta.member.userId, role: meta.member.role };
  const rng = new Random(31);
  const maxId = (sqlite.prepare('SELECT MAX(id) AS id FROM Note').get() as { id: number }).id;
  const body = sqlite.prepare('SELECT body FROM Note WHERE id = ?').pluck();
  const phrase = (): string => {
    for (;;) {
      const words = (String(body.get(rng.int(1, maxId)) ?? '')
        .toLowerCase()
        .match(/\p{L}+/gu) ?? []) as string[];
      if (words.length < 2) continue;
      const at = rng.int(0, words.length - 2);
      return `${words[at]} ${words[at + 1]}`;
    }
  };
  const mixes: [string, () => string][] = [
    ['even words', () => rng.pick(meta.vocabulary)],
    ['two-word phrases', phrase],
    ['frequent words', () => rng.pick(meta.frequentWords).word],
  ];
  const lines = ['| search mix | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 |', '|---|---|---|---|---|'];
  for (const [mix, next] of mixes) {
    const queries = Array.from({ length: queriesPerMix }, next);
    const warm = queries.slice(0, 100);
    for (const query of warm) {
      index.search(query, viewer);
      await searchPostgres(postgres.db, meta.workspaceId, query, viewer);
    }
    const [onSqlite, onPostgres]: [number[], number[]] = [[], []];
    for (const query of queries) {
      let at = performance.now();
      index.search(query, viewer);
      onSqlite.push(performance.now() - at);
      at = performance.now();
      await searchPostgres(postgres.db, meta.workspaceId, query, viewer);
      onPostgres.push(performance.now() - at);
    }
    const ms = (samples: number[], p: number) => `${percentile(samples, p).toFixed(2)} ms`;
    lines.push(
      `| ${mix} | ${ms(onSqlite, 50)} | ${ms(onSqlite, 95)} | ${ms(onPostgres, 50)} | ${ms(onPostgres, 95)} |`,
    );
  }
  await postgres.close();
  sqlite.close();
  const report = [
    '# kam-bot on PostgreSQL: first figures',
    '',
    `Written by \`npm run bench:postgres\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC from ${basename(source)}.`,
    '',
    `- \`kam db copy\` into an empty PostgreSQL ${await serverVersion(server.url)}: ${rows.toLocaleString('en')} rows in ${(copyMs / 1000).toFixed(1)} s, every table verified by count and checksum, then analysed.`,
    `- Search, ${queriesPerMix} queries per mix after 100 that warm up, one at a time, both databases in one process:`,
    '',
    ...lines,
    '',
  ].join('\n');
  mkdirSync(new URL('./out/', import.meta.url).pathname, { recursive: true });
  writeFileSync(new URL('./out/postgres.md', import.meta.url), report);
  log(report);
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}

async function serverVersion(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  return rows[0]?.server_version.split(' ')[0] ?? '';
}
