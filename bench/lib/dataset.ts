// Where the generated workspace lives and what the runner knows about it. The database is cached under bench/.data,
// keyed by a hash of everything that shapes it (the generator, the word lists it borrows from the demo, the
// migrations, the app's statistics step), so `npm run bench` generates it again only when one of those changed, or
// when its dates went stale.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DATA_DIR = join(ROOT, 'bench', '.data');
export const OUT_DIR = join(ROOT, 'bench', 'out');

/** Bump when the generator changes in a way the source hash would not show. */
export const GENERATOR_VERSION = 3;

/** Everything whose change must regenerate the data, besides the generator's own folder and the migrations. */
const SHAPING_FILES = [
  'bench/generate.ts',
  'bench/lib/vocabulary.ts',
  'bench/lib/dataset.ts',
  'src/demo/names.ts',
  'src/demo/people.ts',
  'src/demo/texts.ts',
  'src/demo/random.ts',
  'src/domain/account-key.ts',
  'src/domain/health-trend.ts',
  'src/store/database.ts',
  'src/store/search-index-sql.ts',
];

/** Folders whose every file shapes the data: the generator's parts (bench/generate/) and the app's migrations. */
const SHAPING_DIRS = ['bench/generate', 'prisma/migrations'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

export interface Sizes {
  accounts: number;
  users: number;
  contacts: number;
  notes: number;
  tasks: number;
  opportunities: number;
  linkedChannels: number;
}

export const FULL_SIZES: Sizes = {
  accounts: 10_000,
  users: 200,
  contacts: 100_000,
  notes: 1_000_000,
  tasks: 50_000,
  opportunities: 30_000,
  linkedChannels: 400,
};

export function scaled(scale: number): Sizes {
  if (scale === 1) return FULL_SIZES;
  const of = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    accounts: of(FULL_SIZES.accounts, 200),
    users: of(FULL_SIZES.users, 20),
    contacts: of(FULL_SIZES.contacts, 1_000),
    notes: of(FULL_SIZES.notes, 10_000),
    tasks: of(FULL_SIZES.tasks, 500),
    opportunities: of(FULL_SIZES.opportunities, 300),
    linkedChannels: of(FULL_SIZES.linkedChannels, 40),
  };
}

export function datasetKey(sizes: Sizes): string {
  const hash = createHash('sha256');
  hash.update(`v${GENERATOR_VERSION}\n${JSON.stringify(sizes)}\n`);
  const files = [
    ...SHAPING_FILES.map((file) => join(ROOT, file)),
    ...SHAPING_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir))),
  ];
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return `${sizes.notes >= 1_000_000 ? 'full' : `n${sizes.notes}`}-${hash.digest('hex').slice(0, 12)}`;
}

/** A person the benchmark acts as, with their ids on every platform. */
export interface Persona {
  userId: number;
  name: string;
  role: 'admin' | 'member';
  slackId: string;
  aadId: string;
  teamsId: string;
  login: string;
}

export interface DatasetMeta {
  key: string;
  generatorVersion: number;
  /** The "now" the data was generated around (ISO). */
  now: string;
  generatedAt: string;
  generationMs: number;
  /** Per phase, for the report. */
  phasesMs: Record<string, number>;
  sizes: Sizes;
  counts: Record<string, number>;
  fileBytes: number;
  workspaceId: number;
  slackTeamId: string;
  teamsTenantId: string;
  /** A member who owns accounts: the person asking in the benchmarks. */
  member: Persona;
  admin: Persona;
  /** Slack users that react and write messages in the capture benchmark. */
  slackUsers: string[];
  /** Slack channels linked to accounts. */
  linkedChannels: { channel: string; accountId: number }[];
  /** The ranked vocabulary of the note text. */
  vocabulary: string[];
  /** The ten words in the most notes (from the FTS index), with the share of notes each is in. */
  frequentWords: { word: string; share: number }[];
}

export function databasePath(key: string): string {
  return join(DATA_DIR, `${key}.db`);
}

export function metaPath(key: string): string {
  return join(DATA_DIR, `${key}.json`);
}

export function readMeta(key: string): DatasetMeta | null {
  try {
    return JSON.parse(readFileSync(metaPath(key), 'utf8')) as DatasetMeta;
  } catch {
    return null;
  }
}

/** Dates in the data are relative to when it was made; a week later the digest's weeks no longer line up. */
export const MAX_AGE_DAYS = 6;
