// Generates the benchmark workspace: 10,000 accounts in global groups (parents with subsidiaries), ~200 users,
// 100,000 contacts, 1,000,000 notes of realistic text, 50,000 tasks, 30,000 opportunities, eight weeks of health
// snapshots and Slack channels linked to accounts. Seeded, so every run builds the same workspace.
//
// The schema comes from the app itself (Store.open migrates a fresh file); rows go in through better-sqlite3
// prepared statements in large transactions. The FTS5 triggers are dropped for the load, the indexes rebuilt
// afterwards and the triggers created again from src/store/search-index-sql.ts: the same state the app's own
// triggers would have left, only faster to reach.
//
//   npx tsx bench/generate.ts [--force] [--scale 0.05]
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import {
  COMPETITORS,
  COUNTRIES,
  COUNTRIES_BY_REGION,
  type CountryCode,
  LOSS_REASONS,
  PRODUCTS,
  type Region,
  SECTOR_NAMES,
  SECTORS,
  type Sector,
} from '../src/demo/names.ts';
import { ascii, FIRST_NAMES, LAST_NAMES, TITLES } from '../src/demo/people.ts';
import { DAY_MS, Random } from '../src/demo/random.ts';
import {
  fill,
  hashtags,
  MONTHS,
  NEXT_STEPS,
  NOTE_TEMPLATES,
  type NoteTemplate,
  OPPORTUNITY_TITLES,
  STRATEGIES,
  TASK_TITLES,
  WEEKDAYS,
} from '../src/demo/texts.ts';
import { suggestKey } from '../src/domain/account-key.ts';
import { isoWeekKey } from '../src/domain/health-trend.ts';
import type { BuyingRole, OpportunityStage, Tier } from '../src/domain/records.ts';
import { SEARCH_INDEXES, searchTriggersSql } from '../src/store/search-index-sql.ts';
import { Store } from '../src/store/store.ts';
import {
  DATA_DIR,
  type DatasetMeta,
  databasePath,
  datasetKey,
  FULL_SIZES,
  GENERATOR_VERSION,
  MAX_AGE_DAYS,
  metaPath,
  type Persona,
  readMeta,
  type Sizes,
  scaled,
} from './lib/dataset.ts';
import { buildVocabulary, OBSERVATIONS, pseudoWord, zipfWord } from './lib/vocabulary.ts';

const SEED = 20_261_128;
const WORKSPACE_ID = 1;
const SLACK_TEAM = 'T0BENCH0001';
const TEAMS_TENANT = '3c1f6a52-9b7e-4d21-8f3a-bench0000001';
const VOCABULARY_SIZE = 12_000;
const BATCH = 50_000;

type Profile = 'thriving' | 'steady' | 'quiet' | 'dormant' | 'at_risk';

interface GenAccount {
  id: number;
  key: string;
  name: string;
  aliases: string[];
  tier: Tier;
  sector: Sector;
  country: CountryCode;
  parentId: number | null;
  ownerId: number;
  team: number[];
  restricted: boolean;
  archived: boolean;
  profile: Profile;
  createdAt: number;
  /** Relative amount of activity (notes, tasks, contacts). */
  weight: number;
  contacts: { name: string; first: string; title: string; role: BuyingRole | null }[];
  opportunities: string[];
  channel: string | null;
}

interface GenUser {
  id: number;
  name: string;
  first: string;
  role: 'admin' | 'member';
  region: Region;
  persona: Persona;
}

const REGION_ZONES: Record<Region, string> = {
  EMEA: 'Europe/Berlin',
  'North America': 'America/New_York',
  APAC: 'Asia/Singapore',
  LATAM: 'America/Sao_Paulo',
};

const LEGAL_FORMS: Record<Region, readonly string[]> = {
  EMEA: ['GmbH', 'AG', 'SA', 'plc', 'B.V.', 'AB', 'S.p.A.', 'Group'],
  'North America': ['Inc.', 'Corp.', 'LLC', 'Group'],
  APAC: ['Pte Ltd', 'Co., Ltd.', 'Ltd', 'Holdings'],
  LATAM: ['S.A.', 'S.A. de C.V.', 'Ltda.', 'Group'],
};

const PROFILES: readonly (readonly [Profile, number])[] = [
  ['thriving', 15],
  ['steady', 50],
  ['quiet', 15],
  ['dormant', 10],
  ['at_risk', 10],
];

const PROFILE_VOLUME: Record<Profile, number> = { thriving: 1.4, steady: 1, quiet: 0.6, dormant: 0.5, at_risk: 1.1 };
const TIER_WEIGHT: Record<Tier, number> = { A: 6, B: 2.2, C: 1 };
const PROFILE_SCORE: Record<Profile, number> = { thriving: 82, steady: 70, quiet: 52, dormant: 30, at_risk: 42 };

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Picks indices by weight, fast enough for a million draws. */
class WeightedPicker {
  private readonly cumulative: Float64Array;
  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, index) => {
      total += weight;
      this.cumulative[index] = total;
    });
  }
  pick(rng: Random): number {
    const roll = rng.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] ?? 0) <= roll) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word) && !word.includes('.'))
    .map((word) => word[0])
    .join('');
}

function personaOf(id: number, name: string, role: 'admin' | 'member'): Persona {
  const hex = id.toString(16).padStart(12, '0');
  return {
    userId: id,
    name,
    role,
    slackId: `UB${String(id).padStart(8, '0')}`,
    aadId: `0b0e0c00-0000-4000-8000-${hex}`,
    teamsId: `29:bench-user-${id}`,
    login: ascii(name)
      .toLowerCase()
      .replace(/[^a-z]+/g, '.'),
  };
}

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
  for (const index of SEARCH_INDEXES) {
    for (const when of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER "${index.fts}_after_${when}"`);
  }

  const rng = new Random(SEED);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const nowIso = iso(now);
  const vocabulary = buildVocabulary(rng.fork('vocabulary'), VOCABULARY_SIZE);

  // --- workspace, installations, users -------------------------------------------------------------------------
  db.prepare(
    `INSERT INTO Workspace (id, name, timeZone, currency, healthSettings, createdAt, updatedAt)
     VALUES (?, 'Bench Corp', 'Europe/Berlin', 'EUR', NULL, ?, ?)`,
  ).run(WORKSPACE_ID, iso(now - 1_500 * DAY_MS), nowIso);
  const installation = db.prepare(
    'INSERT INTO Installation (workspaceId, platform, externalId, installedAt) VALUES (?, ?, ?, ?)',
  );
  installation.run(WORKSPACE_ID, 'slack', SLACK_TEAM, iso(now - 1_400 * DAY_MS));
  installation.run(WORKSPACE_ID, 'teams', TEAMS_TENANT, iso(now - 1_300 * DAY_MS));
  installation.run(WORKSPACE_ID, 'console', 'local', iso(now - 1_400 * DAY_MS));

  const users: GenUser[] = [];
  const userRng = rng.fork('users');
  const regions = Object.keys(COUNTRIES_BY_REGION) as Region[];
  const takenNames = new Set<string>();
  const insertUser = db.prepare(
    `INSERT INTO User (id, workspaceId, displayName, email, role, timeZone, deactivated, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertIdentity = db.prepare(
    'INSERT INTO UserIdentity (workspaceId, userId, platform, externalId, createdAt) VALUES (?, ?, ?, ?, ?)',
  );
  const admins = Math.max(2, Math.round(sizes.users * 0.025));
  db.transaction(() => {
    for (let id = 1; id <= sizes.users; id++) {
      const region = userRng.weighted(regions.map((r) => [r, r === 'EMEA' ? 5 : 2] as const));
      const pool = COUNTRIES[userRng.pick(COUNTRIES_BY_REGION[region])].people;
      let name = '';
      do {
        name = `${userRng.pick(FIRST_NAMES[pool])} ${userRng.pick(LAST_NAMES[pool])}`;
        if (takenNames.has(name))
          name = `${name.split(' ')[0]} ${String.fromCharCode(65 + userRng.int(0, 25))}. ${name.split(' ').slice(1).join(' ')}`;
      } while (takenNames.has(name));
      takenNames.add(name);
      const role = id <= admins ? 'admin' : 'member';
      const persona = personaOf(id, name, role);
      users.push({ id, name, first: name.split(' ')[0] ?? name, role, region, persona });
      const created = iso(now - userRng.int(100, 1_400) * DAY_MS);
      insertUser.run(
        id,
        WORKSPACE_ID,
        name,
        `${persona.login}@bench.example`,
        role,
        REGION_ZONES[region],
        created,
        created,
      );
      insertIdentity.run(WORKSPACE_ID, id, 'slack', persona.slackId, created);
      insertIdentity.run(WORKSPACE_ID, id, 'teams', persona.aadId, created);
      insertIdentity.run(WORKSPACE_ID, id, 'teams', persona.teamsId, created);
      insertIdentity.run(WORKSPACE_ID, id, 'console', persona.login, created);
    }
  })();
  // Key account managers own accounts; the rest are sales engineers and local reps on account teams.
  const kams = users.filter((user) => user.role === 'member').slice(0, Math.round(sizes.users * 0.7));
  const others = users.filter((user) => user.role === 'member' && !kams.includes(user));
  const kamPicker = new WeightedPicker(kams.map((_, index) => 1 + (index % 7)));
  phase('workspace and users');

  // --- accounts: global groups and standalone customers --------------------------------------------------------
  const accRng = rng.fork('accounts');
  const accounts: GenAccount[] = [];
  const takenKeys = new Set<string>();
  const takenAccountNames = new Set<string>();
  const stems: string[] = [];
  const usedStems = new Set<string>();
  const vocabularySet = new Set(vocabulary.words);
  const newStem = () => {
    for (;;) {
      const stem = capitalise(pseudoWord(accRng, accRng.int(2, 3)));
      if (stem.length >= 5 && stem.length <= 12 && !usedStems.has(stem) && !vocabularySet.has(stem.toLowerCase())) {
        usedStems.add(stem);
        stems.push(stem);
        return stem;
      }
    }
  };
  const addAccount = (fields: {
    name: string;
    tier: Tier;
    sector: Sector;
    country: CountryCode;
    parentId: number | null;
    aliases: string[];
    ownerId?: number;
  }): GenAccount => {
    const id = accounts.length + 1;
    const key = suggestKey(fields.name, (candidate) => takenKeys.has(candidate));
    takenKeys.add(key);
    takenAccountNames.add(fields.name.toLowerCase());
    const profile = accRng.weighted(PROFILES);
    const ownerId = fields.ownerId ?? kams[kamPicker.pick(accRng)]?.id ?? 1;
    const team = new Set<number>([ownerId]);
    const extra = accRng.int(0, fields.tier === 'A' ? 4 : 2);
    for (let i = 0; i < extra && others.length > 0; i++) team.add(accRng.pick(others).id);
    const account: GenAccount = {
      id,
      key,
      name: fields.name,
      aliases: fields.aliases,
      tier: fields.tier,
      sector: fields.sector,
      country: fields.country,
      parentId: fields.parentId,
      ownerId,
      team: [...team],
      restricted: accRng.chance(0.02),
      archived: accRng.chance(0.01),
      profile,
      createdAt: now - accRng.int(300, 2_200) * DAY_MS,
      weight: TIER_WEIGHT[fields.tier] * PROFILE_VOLUME[profile] * accRng.float(0.5, 1.5),
      contacts: [],
      opportunities: [],
      channel: null,
    };
    accounts.push(account);
    return account;
  };
  const uniqueName = (make: () => string): string => {
    for (;;) {
      const name = make();
      if (!takenAccountNames.has(name.toLowerCase())) return name;
    }
  };
  while (accounts.length < sizes.accounts) {
    const remaining = sizes.accounts - accounts.length;
    const region = accRng.weighted(regions.map((r) => [r, r === 'EMEA' ? 5 : r === 'North America' ? 3 : 2] as const));
    const country = accRng.pick(COUNTRIES_BY_REGION[region]);
    const sector = accRng.pick(SECTOR_NAMES);
    const sectorWord = accRng.pick(SECTORS[sector]);
    if (remaining >= 3 && accRng.chance(0.24)) {
      // A global group: the parent and subsidiaries in other countries, named "<stem> <country>".
      const stem = newStem();
      const parentName = uniqueName(() =>
        accRng.chance(0.6) ? `${stem} ${sectorWord} ${accRng.pick(LEGAL_FORMS[region])}` : `${stem} ${sectorWord}`,
      );
      const aliases = [stem];
      const short = acronym(parentName);
      if (short.length >= 2 && accRng.chance(0.6)) aliases.push(short);
      const parent = addAccount({
        name: parentName,
        tier: accRng.chance(0.55) ? 'A' : 'B',
        sector,
        country,
        parentId: null,
        aliases,
      });
      const wanted = Math.min(remaining - 1, 1 + Math.floor(-Math.log(1 - accRng.next()) * 2.6), 14);
      const countries = accRng.shuffle(Object.keys(COUNTRIES) as CountryCode[]).filter((code) => code !== country);
      for (let i = 0; i < wanted; i++) {
        const code = countries[i % countries.length] ?? country;
        const place =
          i < countries.length ? COUNTRIES[code].name : accRng.pick(COUNTRIES[code].cities as readonly string[]);
        const name = uniqueName(() => (accRng.chance(0.6) ? `${stem} ${place}` : `${stem} ${sectorWord} ${place}`));
        addAccount({
          name,
          tier: accRng.chance(0.4) ? 'B' : 'C',
          sector,
          country: code,
          parentId: parent.id,
          aliases: [],
          ...(accRng.chance(0.5) ? { ownerId: parent.ownerId } : {}),
        });
      }
    } else {
      // A standalone customer; now and then one shares its stem with another company (ambiguous "kelvara").
      const stem = stems.length > 50 && accRng.chance(0.05) ? accRng.pick(stems) : newStem();
      const name = uniqueName(() =>
        accRng.chance(0.45)
          ? `${stem} ${accRng.pick(SECTORS[sector])} ${accRng.pick(LEGAL_FORMS[region])}`
          : `${stem} ${accRng.pick(SECTORS[sector])}`,
      );
      const short = acronym(name);
      addAccount({
        name,
        tier: accRng.weighted([
          ['A', 4],
          ['B', 27],
          ['C', 69],
        ] as const),
        sector,
        country,
        parentId: null,
        aliases: short.length >= 3 && accRng.chance(0.15) ? [short] : [],
      });
    }
  }
  const insertAccount = db.prepare(
    `INSERT INTO Account (id, workspaceId, key, name, aliases, tier, sector, country, region, parentId, ownerId, status,
       annualRevenue, potential, currency, renewalAt, visibility, strategy, externalId, archivedAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare(
    'INSERT INTO AccountMember (workspaceId, accountId, userId, role, createdAt) VALUES (?, ?, ?, ?, ?)',
  );
  const REVENUE: Record<Tier, [number, number]> = { A: [2e6, 40e6], B: [4e5, 4e6], C: [5e4, 8e5] };
  db.transaction(() => {
    for (const account of accounts) {
      const country = COUNTRIES[account.country];
      const [low, high] = REVENUE[account.tier];
      const revenue = Math.round((low * (high / low) ** accRng.next()) / 1_000) * 1_000;
      const status =
        account.profile === 'dormant' && accRng.chance(0.3)
          ? 'on_hold'
          : accRng.weighted([
              ['active', 88],
              ['prospect', 7],
              ['churned', 2],
              ['on_hold', 3],
            ] as const);
      const renewal = accRng.chance(0.85) ? iso(now + accRng.int(-20, 420) * DAY_MS + 16 * 3_600_000) : null;
      const strategy =
        account.tier === 'A'
          ? fill(accRng.pick(STRATEGIES), {
              revenue: `${(revenue / 1e6).toFixed(1)}M`,
              potential: `${((revenue * accRng.float(1.3, 3)) / 1e6).toFixed(1)}M`,
              goalYear: String(new Date(now).getUTCFullYear() + 2),
              product: accRng.pick(PRODUCTS),
              renewalMonth: accRng.pick(MONTHS),
              competitor: accRng.pick(COMPETITORS),
              site: accRng.pick(country.cities as readonly string[]),
            })
          : null;
      const created = iso(account.createdAt);
      insertAccount.run(
        account.id,
        WORKSPACE_ID,
        account.key,
        account.name,
        JSON.stringify(account.aliases),
        account.tier,
        account.sector,
        country.name,
        country.region,
        account.parentId,
        account.ownerId,
        status,
        revenue,
        Math.round(revenue * accRng.float(1.1, 3)),
        country.currency,
        renewal,
        account.restricted ? 'restricted' : 'open',
        strategy,
        `SF-${String(account.id).padStart(7, '0')}`,
        account.archived ? iso(now - accRng.int(5, 300) * DAY_MS) : null,
        created,
        created,
      );
      account.team.forEach((userId, index) => {
        const role =
          index === 0 ? 'owner' : accRng.pick(['sales_engineer', 'local_rep', 'executive_sponsor', 'member'] as const);
        insertMember.run(WORKSPACE_ID, account.id, userId, role, created);
      });
    }
  })();
  const accountPicker = new WeightedPicker(accounts.map((account) => account.weight));
  phase('accounts and account teams');

  // --- contacts -------------------------------------------------------------------------------------------------
  const contactRng = rng.fork('contacts');
  const insertContact = db.prepare(
    `INSERT INTO Contact (workspaceId, accountId, name, title, email, phone, buyingRole, influence, relationship,
       lastContactAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ROLES: readonly (readonly [BuyingRole | null, number])[] = [
    ['decision_maker', 10],
    ['economic_buyer', 8],
    ['champion', 10],
    ['influencer', 18],
    ['user', 20],
    ['gatekeeper', 6],
    [null, 28],
  ];
  db.transaction(() => {
    for (let i = 0; i < sizes.contacts; i++) {
      const account = accounts[accountPicker.pick(contactRng)] as GenAccount;
      const pool = COUNTRIES[account.country].people;
      const first = contactRng.pick(FIRST_NAMES[pool]);
      const name = `${first} ${contactRng.pick(LAST_NAMES[pool])}`;
      const role = contactRng.weighted(ROLES);
      const title = contactRng.pick(TITLES[role ?? contactRng.pick(['user', 'influencer'] as const)]);
      account.contacts.push({ name, first, title, role });
      const quietDays = account.profile === 'dormant' ? contactRng.int(90, 600) : contactRng.int(0, 200);
      const created = iso(Math.max(account.createdAt, now - contactRng.int(30, 1_200) * DAY_MS));
      insertContact.run(
        WORKSPACE_ID,
        account.id,
        name,
        title,
        `${ascii(name)
          .toLowerCase()
          .replace(/[^a-z]+/g, '.')}@${account.key}.example`,
        contactRng.chance(0.3) ? `+49 30 ${contactRng.int(1_000_000, 9_999_999)}` : null,
        role,
        contactRng.int(1, 5),
        contactRng.weighted([
          [-2, 3],
          [-1, 8],
          [0, 35],
          [1, 34],
          [2, 20],
        ] as const),
        contactRng.chance(0.8) ? iso(now - quietDays * DAY_MS) : null,
        created,
        created,
      );
    }
  })();
  phase(`contacts (${sizes.contacts.toLocaleString('en')})`);

  // --- opportunities ----------------------------------------------------------------------------------------------
  const oppRng = rng.fork('opportunities');
  const insertOpp = db.prepare(
    `INSERT INTO Opportunity (workspaceId, accountId, title, stage, value, currency, expectedCloseAt, probability,
       competitors, lossReason, ownerId, stageChangedAt, closedAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const STAGES: readonly (readonly [OpportunityStage, number])[] = [
    ['lead', 14],
    ['qualify', 14],
    ['propose', 12],
    ['negotiate', 8],
    ['won', 32],
    ['lost', 20],
  ];
  const PROBABILITY: Record<OpportunityStage, number> = {
    lead: 10,
    qualify: 25,
    propose: 50,
    negotiate: 75,
    won: 100,
    lost: 0,
  };
  db.transaction(() => {
    for (let i = 0; i < sizes.opportunities; i++) {
      const account = accounts[accountPicker.pick(oppRng)] as GenAccount;
      const product = oppRng.pick(PRODUCTS);
      const title =
        fill(oppRng.pick(OPPORTUNITY_TITLES), {
          Product: capitalise(product),
          product,
          site: oppRng.pick(COUNTRIES[account.country].cities as readonly string[]),
          year: String(new Date(now).getUTCFullYear() + oppRng.int(0, 1)),
        }) ?? product;
      account.opportunities.push(title);
      const stage = oppRng.weighted(STAGES);
      const closed = stage === 'won' || stage === 'lost';
      const closedAt = closed ? now - oppRng.int(1, 900) * DAY_MS : null;
      const stageChangedAt = closedAt ?? now - oppRng.int(1, 150) * DAY_MS;
      const expected = closed ? (closedAt as number) : now + oppRng.int(-25, 240) * DAY_MS;
      const created = Math.min(stageChangedAt - oppRng.int(10, 200) * DAY_MS, now);
      const competitors = oppRng.sample(COMPETITORS, oppRng.int(0, 2));
      insertOpp.run(
        WORKSPACE_ID,
        account.id,
        title,
        stage,
        Math.round(oppRng.float(20, 2_000)) * 1_000,
        COUNTRIES[account.country].currency,
        iso(Math.floor(expected / DAY_MS) * DAY_MS + 16 * 3_600_000),
        PROBABILITY[stage],
        JSON.stringify(competitors),
        stage === 'lost' ? oppRng.pick(LOSS_REASONS) : null,
        account.ownerId,
        iso(stageChangedAt),
        closedAt === null ? null : iso(closedAt),
        iso(created),
        iso(stageChangedAt),
      );
    }
  })();
  phase(`opportunities (${sizes.opportunities.toLocaleString('en')})`);

  // --- Slack channels linked to accounts (the capture benchmark saves notes there) ------------------------------
  const linkRng = rng.fork('links');
  const linkable = accounts.filter(
    (account) => !account.archived && !account.restricted && account.tier !== 'C' && account.profile !== 'dormant',
  );
  const linked = linkRng.sample(linkable, Math.min(sizes.linkedChannels, linkable.length));
  const insertLink = db.prepare(
    `INSERT INTO ChannelLink (workspaceId, platform, channelId, accountId, createdById, createdAt)
     VALUES (?, 'slack', ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    linked.forEach((account, index) => {
      account.channel = `CB${String(index + 1).padStart(8, '0')}`;
      insertLink.run(WORKSPACE_ID, account.channel, account.id, account.ownerId, iso(account.createdAt));
    });
  })();

  // --- notes: a million, in the order they were written ------------------------------------------------------
  const noteRng = rng.fork('notes');
  const noteAccount = new Int32Array(sizes.notes);
  const noteTime = new Float64Array(sizes.notes);
  const threeYears = 3 * 365 * DAY_MS;
  for (let i = 0; i < sizes.notes; i++) {
    const index = accountPicker.pick(noteRng);
    const account = accounts[index] as GenAccount;
    const from = Math.max(account.createdAt, now - threeYears);
    // Dormant accounts went quiet months ago. The team grew: the note rate doubles over three years (density
    // ∝ 1 + t), so about a ninth of the notes fall in the last 90 days, the window health and digests read.
    const to = account.profile === 'dormant' ? now - (90 + (account.id % 300)) * DAY_MS : now - 3_600_000;
    const span = Math.max(DAY_MS, to - from);
    noteAccount[i] = index;
    noteTime[i] = from + span * (Math.sqrt(1 + 3 * noteRng.next()) - 1);
  }
  const order = new Uint32Array(sizes.notes);
  for (let i = 0; i < sizes.notes; i++) order[i] = i;
  order.sort((a, b) => (noteTime[a] ?? 0) - (noteTime[b] ?? 0));
  phase('note times');

  const RISK = NOTE_TEMPLATES.filter((template) => template.sentiment === 'negative');
  const WIN = NOTE_TEMPLATES.filter((template) => template.sentiment === 'positive');
  const PLAIN = NOTE_TEMPLATES.filter((template) => template.sentiment === 'neutral');
  const insertNote = db.prepare(
    `INSERT INTO Note (id, workspaceId, accountId, body, kind, sentiment, authorId, occurredAt, source, sourceChannel,
       sourceMessageId, sourcePermalink, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('INSERT INTO NoteTag (workspaceId, noteId, tag) VALUES (?, ?, ?)');
  let totalChars = 0;
  const observation = (): string => {
    const template = noteRng.pick(OBSERVATIONS);
    return template
      .replace(/\{w\}/g, () => zipfWord(vocabulary, noteRng))
      .replace(/\{W\}/g, () => capitalise(zipfWord(vocabulary, noteRng)));
  };
  const noteText = (account: GenAccount, at: number): NoteTemplate & { body: string } => {
    const recent = now - at < 60 * DAY_MS;
    const roll = noteRng.next();
    const negativeShare = account.profile === 'at_risk' && recent ? 0.45 : 0.1;
    const positiveShare = account.profile === 'thriving' ? 0.3 : 0.18;
    const pool = roll < negativeShare ? RISK : roll < negativeShare + positiveShare ? WIN : PLAIN;
    const contact = account.contacts.length > 0 ? noteRng.pick(account.contacts) : null;
    const date = new Date(at);
    const month = date.getUTCMonth();
    const country = COUNTRIES[account.country];
    const values = {
      contact: contact ? (noteRng.chance(0.5) ? `${contact.name} (${contact.title})` : contact.name) : undefined,
      first: contact?.first,
      champion: account.contacts.find((candidate) => candidate.role === 'champion')?.name,
      colleague: users[(account.team[noteRng.int(0, account.team.length - 1)] ?? 1) - 1]?.first,
      site: noteRng.pick(country.cities as readonly string[]),
      product: noteRng.pick(PRODUCTS),
      opp: account.opportunities.length > 0 ? noteRng.pick(account.opportunities) : undefined,
      competitor: noteRng.pick(COMPETITORS),
      month: MONTHS[(month + noteRng.int(1, 3)) % 12],
      lastMonth: MONTHS[(month + 11) % 12],
      weekday: noteRng.pick(WEEKDAYS),
      quarter: `Q${Math.floor(((month + 3) % 12) / 3) + 1} ${date.getUTCFullYear()}`,
      year: String(date.getUTCFullYear() + 1),
      percent: String(noteRng.pick([5, 8, 10, 12, 15, 20])),
    };
    let template = noteRng.pick(pool);
    let text = fill(template.text, values);
    for (let attempt = 0; text === null && attempt < 8; attempt++) {
      template = noteRng.pick(PLAIN);
      text = fill(template.text, values);
    }
    const parts = [text ?? `Call with the ${values.site} team about ${values.product}.`];
    if (noteRng.chance(0.9)) parts.push(observation());
    if (noteRng.chance(0.45)) parts.push(observation());
    if (noteRng.chance(0.35)) parts.push(fill(noteRng.pick(NEXT_STEPS), values) ?? 'Owner informed.');
    return { ...template, body: parts.join(' ') };
  };
  let sequence = 0;
  for (let start = 0; start < sizes.notes; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + BATCH, sizes.notes); i++) {
        const index = order[i] ?? 0;
        const account = accounts[noteAccount[index] ?? 0] as GenAccount;
        const at = Math.floor(noteTime[index] ?? now);
        const note = noteText(account, at);
        const id = i + 1;
        totalChars += note.body.length;
        const author = noteRng.chance(0.6)
          ? account.ownerId
          : (account.team[noteRng.int(0, account.team.length - 1)] ?? account.ownerId);
        const source = noteRng.weighted([
          ['slack', 45],
          ['teams', 15],
          ['console', 15],
          ['import', 25],
        ] as const);
        let channel: string | null = null;
        let messageId: string | null = null;
        let permalink: string | null = null;
        if (source === 'slack') {
          channel = account.channel ?? `CA${String(account.id).padStart(8, '0')}`;
          messageId = `${Math.floor(at / 1000)}.${String(++sequence % 1_000_000).padStart(6, '0')}`;
          permalink = `https://bench-corp.slack.com/archives/${channel}/p${messageId.replace('.', '')}`;
        } else if (source === 'teams') {
          channel = `19:account-${account.id}@thread.tacv2`;
          messageId = String(at + ++sequence);
        }
        const occurred = iso(at);
        insertNote.run(
          id,
          WORKSPACE_ID,
          account.id,
          note.body,
          note.kind,
          note.sentiment,
          author,
          occurred,
          source,
          channel,
          messageId,
          permalink,
          source === 'import' ? iso(Math.min(now, at + noteRng.int(1, 30) * DAY_MS)) : occurred,
        );
        for (const tag of hashtags(note.body)) insertTag.run(WORKSPACE_ID, id, tag);
      }
    })();
  }
  phase(`notes (${sizes.notes.toLocaleString('en')}, ${Math.round(totalChars / sizes.notes)} characters on average)`);

  // --- tasks ------------------------------------------------------------------------------------------------------
  const taskRng = rng.fork('tasks');
  const insertTask = db.prepare(
    `INSERT INTO Task (workspaceId, accountId, title, dueAt, assigneeId, createdById, doneAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < sizes.tasks; i++) {
      const account = accounts[accountPicker.pick(taskRng)] as GenAccount;
      const contact = account.contacts.length > 0 ? taskRng.pick(account.contacts) : null;
      const title =
        fill(taskRng.pick(TASK_TITLES), {
          opp: account.opportunities[0] ?? 'the framework agreement',
          contact: contact?.name ?? 'procurement',
          first: contact?.first ?? 'procurement',
          site: taskRng.pick(COUNTRIES[account.country].cities as readonly string[]),
          colleague: users[(account.team[0] ?? 1) - 1]?.first ?? 'the team',
          month: taskRng.pick(MONTHS),
          product: taskRng.pick(PRODUCTS),
        }) ?? 'Follow up';
      const hasDue = taskRng.chance(0.9);
      const due = now + taskRng.int(-120, 60) * DAY_MS;
      const overdueBias = account.profile === 'at_risk' ? 0.4 : 0.75;
      const done = due < now ? taskRng.chance(overdueBias) : taskRng.chance(0.1);
      const created = Math.min(now, due - taskRng.int(3, 40) * DAY_MS);
      const doneAt = done ? Math.min(now, due + taskRng.int(-5, 5) * DAY_MS) : null;
      const assignee = account.team[taskRng.int(0, account.team.length - 1)] ?? account.ownerId;
      insertTask.run(
        WORKSPACE_ID,
        account.id,
        title,
        hasDue ? iso(Math.floor(due / DAY_MS) * DAY_MS + 16 * 3_600_000) : null,
        assignee,
        account.ownerId,
        doneAt === null ? null : iso(doneAt),
        iso(created),
        iso(doneAt ?? created),
      );
    }
  })();
  phase(`tasks (${sizes.tasks.toLocaleString('en')})`);

  // --- weekly health snapshots, the source of trends --------------------------------------------------------------
  const snapRng = rng.fork('snapshots');
  const insertSnapshot = db.prepare(
    `INSERT INTO HealthSnapshot (workspaceId, accountId, score, band, components, periodKey, computedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const band = (score: number) => (score >= 70 ? 'green' : score >= 40 ? 'amber' : 'red');
  let snapshots = 0;
  db.transaction(() => {
    for (const account of accounts) {
      if (account.archived) continue;
      let score = PROFILE_SCORE[account.profile] + snapRng.int(-12, 12);
      for (let week = 8; week >= 0; week--) {
        score = Math.max(5, Math.min(98, score + snapRng.int(-6, 6)));
        const at = now - week * 7 * DAY_MS;
        if (at < account.createdAt) continue;
        const monday = Math.floor(at / DAY_MS) * DAY_MS - ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS;
        const components = [
          ['engagement', 'Engagement', 30, `last contact ${snapRng.int(1, 90)} days ago`],
          ['relationships', 'Relationships', 20, `${snapRng.int(1, 4)} positive contacts`],
          ['sentiment', 'Sentiment', 20, `${snapRng.int(1, 12)} recent notes, mostly neutral`],
          ['followThrough', 'Follow-through', 15, `${snapRng.int(0, 3)} follow-ups overdue`],
          ['pipeline', 'Pipeline & renewal', 15, `${snapRng.int(0, 3)} open opportunities`],
        ].map(([key, label, weight, reason]) => ({
          key,
          label,
          weight,
          score: Math.max(0, Math.min(100, score + snapRng.int(-25, 25))),
          reason,
        }));
        insertSnapshot.run(
          WORKSPACE_ID,
          account.id,
          score,
          band(score),
          JSON.stringify(components),
          isoWeekKey(new Date(at)),
          iso(monday + 2 * 3_600_000),
        );
        snapshots++;
      }
    }
  })();
  phase(`health snapshots (${snapshots.toLocaleString('en')})`);

  // --- full-text indexes, as the app keeps them ---------------------------------------------------------------
  for (const index of SEARCH_INDEXES) {
    db.exec(`INSERT INTO "${index.fts}" ("${index.fts}") VALUES ('rebuild')`);
    db.exec(searchTriggersSql(index));
  }
  phase('full-text indexes rebuilt, triggers restored');

  db.exec("CREATE VIRTUAL TABLE temp.note_vocab USING fts5vocab(main, 'note_fts', 'row')");
  const frequent = db.prepare('SELECT term, doc FROM temp.note_vocab ORDER BY doc DESC LIMIT 10').all() as {
    term: string;
    doc: number;
  }[];
  db.exec('DROP TABLE temp.note_vocab');
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) throw new Error(`generated data breaks ${problems.length} foreign keys`);
  phase('frequent words and foreign-key check');

  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  const windowStart = iso(now - 90 * DAY_MS);
  const notesLast90Days = (
    db.prepare('SELECT COUNT(*) AS n FROM Note WHERE occurredAt >= ?').get(windowStart) as { n: number }
  ).n;
  const counts = Object.fromEntries(
    [
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
    ].map((table) => [table, count(table)]),
  );
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

export interface Dataset {
  path: string;
  meta: DatasetMeta;
  /** Whether this call generated it (else it came from the cache). */
  generated: boolean;
}

/** The cached dataset for these sizes, generated first if missing, made by another generator, or stale. */
export async function ensureDataset(
  sizes: Sizes,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<Dataset> {
  const log = options.log ?? ((line: string) => console.error(line));
  const key = datasetKey(sizes);
  const path = databasePath(key);
  const meta = readMeta(key);
  const ageDays = meta ? (Date.now() - Date.parse(meta.now)) / DAY_MS : Number.POSITIVE_INFINITY;
  if (!options.force && meta && existsSync(path) && ageDays <= MAX_AGE_DAYS) return { path, meta, generated: false };
  mkdirSync(DATA_DIR, { recursive: true });
  const why = options.force
    ? 'asked to'
    : meta
      ? `the cached one is ${ageDays.toFixed(1)} days old (dates must be recent)`
      : 'no cached workspace for this generator';
  log(`Generating the benchmark workspace ${key} (${why})…`);
  const building = `${path}.building`;
  const fresh = await generate(building, key, { sizes, log });
  renameSync(building, path);
  writeFileSync(metaPath(key), `${JSON.stringify(fresh, null, 2)}\n`);
  log(`Generated in ${(fresh.generationMs / 1000).toFixed(1)} s: ${(fresh.fileBytes / 1e6).toFixed(0)} MB at ${path}`);
  return { path, meta: fresh, generated: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
  const dataset = await ensureDataset(scale === 1 ? FULL_SIZES : scaled(scale), { force: args.includes('--force') });
  console.log(
    dataset.generated ? `generated ${dataset.path}` : `up to date: ${dataset.path} (use --force to generate again)`,
  );
}
