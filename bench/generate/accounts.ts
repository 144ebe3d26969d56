// The accounts: about a quarter global groups (a parent and subsidiaries named after their country), the rest
// standalone customers; names from made-up stems, keys by the app's own suggestKey, tiers, profiles, owners and
// account teams.
import {
  COMPETITORS,
  COUNTRIES,
  COUNTRIES_BY_REGION,
  type CountryCode,
  PRODUCTS,
  type Region,
  SECTOR_NAMES,
  SECTORS,
  type Sector,
} from '../../src/demo/names.ts';
import { DAY_MS } from '../../src/demo/random.ts';
import { fill, MONTHS, STRATEGIES } from '../../src/demo/texts.ts';
import { suggestKey } from '../../src/domain/account-key.ts';
import type { Tier } from '../../src/domain/records.ts';
import { pseudoWord } from '../lib/vocabulary.ts';
import type { People } from './people.ts';
import {
  capitalise,
  type GenAccount,
  type Generation,
  iso,
  type Profile,
  WeightedPicker,
  WORKSPACE_ID,
} from './shared.ts';

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

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word) && !word.includes('.'))
    .map((word) => word[0])
    .join('');
}

export interface Accounts {
  accounts: GenAccount[];
  /** Picks an account by its weight (tier × activity profile): who gets contacts, notes, tasks, opportunities. */
  accountPicker: WeightedPicker;
}

/** Makes the accounts and their teams and inserts them. */
export function insertAccounts(gen: Generation, people: People): Accounts {
  const { db, rng, now, sizes, vocabulary } = gen;
  const { kams, others } = people;
  const regions = Object.keys(COUNTRIES_BY_REGION) as Region[];
  const kamPicker = new WeightedPicker(kams.map((_, index) => 1 + (index % 7)));
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
  return { accounts, accountPicker };
}
