// Builds the benchmark workspace in one file: the app's schema (Store.open migrates a fresh file), then every table
// through better-sqlite3 prepared statements in large transactions, part by part in the order the parts depend on
// one another (people, accounts, contacts, opportunities, linked channels, notes, tasks, health snapshots). Last
// the search indexes, a foreign-key check and SQLite's statistics as the app collects them at its first start.
import { rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { DAY_MS, Random } from '../../src/demo/random.ts';
import { refreshStatistics } from '../../src/store/database.ts';
import { Store } from '../../src/store/store.ts';
import { type DatasetMeta, GENERATOR_VERSION, type Sizes } from '../lib/dataset.ts';
import { buildVocabulary } from '../lib/vocabulary.ts';
import { insertAccounts } from './accounts.ts';
import { linkChannels } from './channel-links.ts';
import { insertHealthSnapshots } from './health-snapshots.ts';
import { insertNotes, planNoteTimes } from './notes.ts';
import { insertOpportunities } from './opportunities.ts';
import { insertContacts, insertWorkspaceAndUsers } from './people.ts';
import { dropSearchTriggers, frequentNoteWords, rebuildSearchIndexes } from './search-indexes.ts';
import { type Generation, type GenUser, iso, SLACK_TEAM, TEAMS_TENANT, WORKSPACE_ID } from './shared.ts';
import { insertTasks } from './tasks.ts';

const SEED = 20_261_128;
const VOCABULARY_SIZE = 12_000;

/** The tables counted for the report. */
const COUNTED = [
  'Account',
  'User',
  'AccountMember',
  'Contact',
  'Opportunity',
  'Note',
  'NoteTag',
  'Task',
  'HealthSnapshot',
  'ChannelLink',
];

export interface GenerateOptions {
  sizes: Sizes;
  log: (line: string) => void;
}

/** Builds the database at `path`; returns the metadata the runner needs. */
export async function generate(path: string, key: string, options: GenerateOptions): Promise<DatasetMeta> {
  const { sizes, log } = options;
  const started = performance.now();
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - phaseStart);
    log(`  ${name}: ${(phases[name] / 1000).toFixed(1)} s`);
    phaseStart = now;
  };

  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  const store = await Store.open(`file:${path}`);
  await store.close();
  phase('migrate an empty database');

  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  dropSearchTriggers(db);

  const rng = new Random(SEED);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const nowIso = iso(now);
  const vocabulary = buildVocabulary(rng.fork('vocabulary'), VOCABULARY_SIZE);
  const gen: Generation = { db, rng, now, sizes, vocabulary };

  const people = insertWorkspaceAndUsers(gen);
  const { users, admins, kams } = people;
  phase('workspace and users');
  const { accounts, accountPicker } = insertAccounts(gen, people);
  phase('accounts and account teams');
  insertContacts(gen, accounts, accountPicker);
  phase(`contacts (${sizes.contacts.toLocaleString('en')})`);
  insertOpportunities(gen, accounts, accountPicker);
  phase(`opportunities (${sizes.opportunities.toLocaleString('en')})`);
  const linked = linkChannels(gen, accounts);
  const times = planNoteTimes(gen, accounts, accountPicker);
  phase('note times');
  const averageChars = insertNotes(gen, accounts, people, times);
  phase(`notes (${sizes.notes.toLocaleString('en')}, ${averageChars} characters on average)`);
  insertTasks(gen, accounts, accountPicker, people);
  phase(`tasks (${sizes.tasks.toLocaleString('en')})`);
  const snapshots = insertHealthSnapshots(gen, accounts);
  phase(`health snapshots (${snapshots.toLocaleString('en')})`);

  rebuildSearchIndexes(db);
  phase('full-text indexes rebuilt, triggers restored');
  const frequent = frequentNoteWords(db);
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) throw new Error(`generated data breaks ${problems.length} foreign keys`);
  phase('frequent words and foreign-key check');
  // The statistics the app collects when it opens the store (src/store/database.ts): the state the bot leaves
  // after its first start. Without them here, whichever scenario opened the working copy first would pay the
  // ANALYZE (~0.6 s at full size).
  refreshStatistics(db);
  phase('statistics (PRAGMA optimize, as the app at its first start)');

  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  const windowStart = iso(now - 90 * DAY_MS);
  const notesLast90Days = (
    db.prepare('SELECT COUNT(*) AS n FROM Note WHERE occurredAt >= ?').get(windowStart) as { n: number }
  ).n;
  const counts = Object.fromEntries(COUNTED.map((table) => [table, count(table)]));
  db.close();

  const member =
    kams
      .map((user) => ({ user, owned: accounts.filter((account) => account.ownerId === user.id).length }))
      .sort((a, b) => b.owned - a.owned)[Math.min(5, kams.length - 1)]?.user ?? users[admins];
  const slackUsers = users.slice(0, 60).map((user) => user.persona.slackId);
  return {
    key,
    generatorVersion: GENERATOR_VERSION,
    now: nowIso,
    generatedAt: new Date().toISOString(),
    generationMs: Math.round(performance.now() - started),
    phasesMs: phases,
    sizes,
    counts: { ...counts, notesLast90Days },
    fileBytes: statSync(path).size,
    workspaceId: WORKSPACE_ID,
    slackTeamId: SLACK_TEAM,
    teamsTenantId: TEAMS_TENANT,
    member: (member as GenUser).persona,
    admin: (users[0] as GenUser).persona,
    slackUsers,
    linkedChannels: linked.map((account) => ({ channel: account.channel ?? '', accountId: account.id })),
    vocabulary: vocabulary.words,
    frequentWords: frequent.map((row) => ({ word: row.term, share: row.doc / sizes.notes })),
  };
}
