// The demo's accounts: three global groups (a parent with subsidiaries abroad) and standalone customers over all
// tiers and regions. Each account gets a "profile" (thriving, going quiet, at risk, ...) that its contacts, deals,
// notes and tasks are then generated to fit.
import type { AccountStatus, MemberRole, Tier, Visibility } from '../domain/records.ts';
import {
  COMPANY_STEMS,
  COMPETITORS,
  COUNTRIES,
  COUNTRIES_BY_REGION,
  type CountryCode,
  GROUPS,
  PRODUCTS,
  type Region,
  SECTOR_NAMES,
  SECTORS,
  type Sector,
} from './names.ts';
import { ascii, YOU } from './people.ts';
import { dueIn, type Random } from './random.ts';
import { fill, MONTHS, STRATEGIES } from './texts.ts';

export type Profile = 'thriving' | 'steady' | 'quiet' | 'dormant' | 'at_risk' | 'thin';

/** The engagement cadence per tier from DESIGN.md ("Health"): the profiles are placed around it. */
export const CADENCE_DAYS: Record<Tier, number> = { A: 14, B: 30, C: 60 };

export interface DemoAccount {
  key: string;
  name: string;
  aliases: string[];
  tier: Tier;
  sector: Sector;
  /** The country's name, as a CRM export would have it. */
  country: string;
  countryCode: CountryCode;
  region: Region;
  parentKey: string | null;
  ownerRef: string;
  team: { userRef: string; role: MemberRole }[];
  status: AccountStatus;
  annualRevenue: number | null;
  potential: number | null;
  currency: string;
  renewalAt: Date | null;
  visibility: Visibility;
  strategy: string | null;
  profile: Profile;
  /** Days since the last interaction with the customer. */
  quietDays: number;
  /** No contact with a positive relationship at all (otherwise a thin account is single-threaded). */
  coldContacts: boolean;
  /** The product and the rival this account's story revolves around, so its notes stay consistent. */
  focusProduct: string;
  rival: string;
}

interface Slot {
  tier: Tier;
  region: Region;
}

const slots = (tier: Tier, regions: Region[]): Slot[] => regions.map((region) => ({ tier, region }));

const STANDALONE: Record<Tier, { slots: Slot[]; profiles: Profile[] }> = {
  A: {
    slots: slots('A', ['EMEA', 'EMEA', 'North America', 'APAC']),
    profiles: ['thriving', 'steady', 'quiet', 'at_risk'],
  },
  B: {
    slots: slots('B', ['EMEA', 'EMEA', 'EMEA', 'EMEA', 'North America', 'North America', 'APAC', 'LATAM']),
    profiles: ['thriving', 'thriving', 'steady', 'steady', 'quiet', 'at_risk', 'thin', 'dormant'],
  },
  C: {
    slots: slots('C', [
      ...(['EMEA', 'EMEA', 'EMEA', 'EMEA', 'EMEA', 'North America', 'North America'] as const),
      ...(['APAC', 'APAC', 'LATAM', 'LATAM', 'LATAM'] as const),
    ]),
    profiles: [
      ...(['thriving', 'thriving', 'steady', 'steady', 'steady', 'quiet'] as const),
      ...(['quiet', 'dormant', 'dormant', 'thin', 'thin', 'at_risk'] as const),
    ],
  },
};

/** The groups' stories are fixed: a healthy parent with a French subsidiary in trouble reads well in a demo. */
const GROUP_PROFILES: Record<string, Profile> = {
  nordwind: 'steady',
  'nordwind-fr': 'at_risk',
  'nordwind-pl': 'quiet',
  'nordwind-us': 'thriving',
  harbourline: 'at_risk',
  'harbourline-nl': 'steady',
  'harbourline-sg': 'thin',
  'harbourline-br': 'dormant',
  kestrel: 'thriving',
  'kestrel-jp': 'steady',
  'kestrel-mx': 'quiet',
};

function quietDaysFor(profile: Profile, tier: Tier, rng: Random): number {
  const cadence = CADENCE_DAYS[tier];
  const between = (low: number, high: number) => rng.int(Math.round(cadence * low), Math.round(cadence * high));
  switch (profile) {
    case 'thriving':
      return rng.int(0, 4);
    case 'at_risk':
      return rng.int(1, 6);
    case 'steady':
      return between(0.15, 0.7);
    case 'thin':
      return between(0.4, 0.9);
    case 'quiet':
      return between(1.3, 2.4);
    case 'dormant':
      return between(3.2, 4.5);
  }
}

function ownerFor(tier: Tier, region: Region, country: CountryCode): string {
  if (region === 'North America') return 'ryan';
  if (region === 'APAC') return 'mei';
  if (region === 'LATAM') return tier === 'C' ? 'lucia' : 'ryan';
  return ['FR', 'IT', 'ES', 'CH'].includes(country) ? 'sofia' : 'daniel';
}

function money(rng: Random, low: number, high: number, step: number): number {
  return Math.round(rng.int(low, high) / step) * step;
}

function baseAccount(
  rng: Random,
  now: Date,
  spec: { key: string; name: string; aliases: string[]; tier: Tier; sector: Sector; country: CountryCode },
  parentKey: string | null,
  profile: Profile,
): DemoAccount {
  const { country: code, ...rest } = spec;
  const country = COUNTRIES[code];
  const revenue = { A: [3_000_000, 12_000_000], B: [600_000, 2_500_000], C: [80_000, 450_000] }[spec.tier];
  const annualRevenue = money(rng, revenue[0] ?? 0, revenue[1] ?? 0, 10_000);
  const renewalDays =
    profile === 'at_risk' ? rng.int(25, 85) : profile === 'thriving' ? rng.int(20, 200) : rng.int(10, 360);
  return {
    ...rest,
    country: country.name,
    countryCode: code,
    region: country.region,
    parentKey,
    ownerRef: ownerFor(spec.tier, country.region, code),
    team: [],
    status: 'active',
    annualRevenue,
    potential: Math.round((annualRevenue * rng.float(1.3, 2.8)) / 10_000) * 10_000,
    currency: country.currency,
    renewalAt: dueIn(now, renewalDays),
    visibility: 'open',
    strategy: null,
    profile,
    quietDays: quietDaysFor(profile, spec.tier, rng),
    coldContacts: false,
    focusProduct: rng.pick(PRODUCTS),
    rival: rng.pick(COMPETITORS),
  };
}

function keyOf(stem: string): string {
  return (ascii(stem).toLowerCase().split(/\s+/)[0] ?? stem).replace(/[^a-z0-9-]/g, '');
}

function standaloneAccounts(rng: Random, now: Date): DemoAccount[] {
  const stems = Object.fromEntries(
    Object.entries(COMPANY_STEMS).map(([region, list]) => [region, rng.shuffle(list)]),
  ) as Record<Region, string[]>;
  const accounts: DemoAccount[] = [];
  for (const tier of ['A', 'B', 'C'] as const) {
    const profiles = rng.shuffle(STANDALONE[tier].profiles);
    STANDALONE[tier].slots.forEach((slot, index) => {
      const stem = stems[slot.region].shift() ?? `Account ${tier}${index}`;
      const sector = rng.pick(SECTOR_NAMES);
      const name = `${stem} ${rng.pick(SECTORS[sector])}`;
      const words = name.split(/\s+/);
      const aliases = tier !== 'C' && words.length >= 3 ? [words.map((word) => word[0]).join('')] : [];
      if (tier === 'A' && words.length === 2) aliases.push(stem);
      const country = rng.pick(COUNTRIES_BY_REGION[slot.region]);
      const spec = { key: keyOf(stem), name, aliases, tier, sector, country };
      accounts.push(baseAccount(rng.fork(spec.key), now, spec, null, profiles[index] ?? 'steady'));
    });
  }
  return accounts;
}

function groupAccounts(rng: Random, now: Date): DemoAccount[] {
  return GROUPS.flatMap((group) => {
    const parentSpec = { ...group, aliases: [...group.aliases], tier: 'A' as const };
    const parent = baseAccount(rng.fork(group.key), now, parentSpec, null, GROUP_PROFILES[group.key] ?? 'steady');
    if (group.key === 'nordwind') parent.ownerRef = 'katrin';
    const subsidiaries = group.subsidiaries.map((sub) => {
      const key = `${group.key}-${sub.suffix}`;
      const spec = { key, name: sub.name, aliases: [], tier: sub.tier, sector: group.sector, country: sub.country };
      return baseAccount(rng.fork(key), now, spec, group.key, GROUP_PROFILES[key] ?? 'steady');
    });
    return [parent, ...subsidiaries];
  });
}

/** Statuses, visibility and strategy: the finishing touches that depend on where an account sits in the list. */
function finish(accounts: DemoAccount[], rng: Random, now: Date): void {
  const standalone = accounts.filter((account) => account.parentKey === null && !GROUP_PROFILES[account.key]);
  const thin = accounts.filter((account) => account.profile === 'thin');
  thin.forEach((account, index) => {
    account.coldContacts = index % 2 === 1;
  });
  for (const account of standalone.filter((a) => a.tier === 'C' && a.profile === 'thin')) {
    account.status = 'prospect';
    account.potential = money(rng, 150_000, 900_000, 10_000);
    account.annualRevenue = null;
    account.renewalAt = null;
  }
  const onHold = standalone.find((account) => account.tier === 'B' && account.profile === 'dormant');
  if (onHold) onHold.status = 'on_hold';
  const secret = [
    standalone.find((account) => account.tier === 'A' && account.profile === 'steady'),
    standalone.find((account) => account.tier === 'B' && account.profile === 'quiet'),
  ];
  for (const account of secret) if (account) account.visibility = 'restricted';
  accounts.forEach((account, index) => {
    if (account.tier !== 'A') return;
    const site = COUNTRIES[account.countryCode].cities[0];
    const renewal = account.renewalAt ? MONTHS[account.renewalAt.getUTCMonth()] : 'the spring';
    const format = (value: number | null) => `${Math.round((value ?? 0) / 100_000) / 10}M ${account.currency}`;
    const text = fill(STRATEGIES[index % STRATEGIES.length] ?? '', {
      revenue: format(account.annualRevenue),
      potential: format(account.potential),
      goalYear: String(now.getUTCFullYear() + 2),
      renewalMonth: renewal,
      product: account.focusProduct,
      competitor: account.rival,
      site,
    });
    const confidential = account.visibility === 'restricted' ? 'Confidential, account team only: ' : '';
    account.strategy = text ? confidential + text : null;
  });
}

/** Gives the person running the demo a handful of accounts of mixed tier and health, none of them a group parent. */
function handOverToYou(accounts: DemoAccount[]): void {
  const wanted: [Tier, Profile][] = [
    ['A', 'thriving'],
    ['B', 'at_risk'],
    ['B', 'quiet'],
    ['C', 'steady'],
    ['C', 'dormant'],
  ];
  const parents = new Set(accounts.map((account) => account.parentKey));
  for (const [tier, profile] of wanted) {
    const account = accounts.find(
      (a) => a.tier === tier && a.profile === profile && a.ownerRef !== YOU && !parents.has(a.key),
    );
    if (account) account.ownerRef = YOU;
  }
}

function assignTeams(accounts: DemoAccount[], rng: Random): void {
  const byKey = new Map(accounts.map((account) => [account.key, account]));
  for (const account of accounts) {
    const team = new Map<string, MemberRole>();
    const engineer = account.region === 'North America' || account.region === 'LATAM' ? 'priya' : 'jonas';
    if (account.tier === 'A') team.set('henrik', 'executive_sponsor');
    if (account.tier === 'A' || (account.tier === 'B' && rng.chance(0.75)) || rng.chance(0.3)) {
      team.set(engineer, 'sales_engineer');
    }
    if (account.region === 'LATAM') team.set('lucia', 'local_rep');
    const parent = account.parentKey ? byKey.get(account.parentKey) : undefined;
    if (parent) team.set(parent.ownerRef, 'member');
    for (const sub of accounts.filter((a) => a.parentKey === account.key)) team.set(sub.ownerRef, 'local_rep');
    if (account.tier === 'A' && account.ownerRef !== 'katrin') team.set('katrin', 'member');
    team.delete(account.ownerRef);
    account.team = [...team].map(([userRef, role]) => ({ userRef, role }));
  }
}

/** The accounts in write order: every parent before its subsidiaries. */
export function generateAccounts(rng: Random, now: Date, withYou: boolean): DemoAccount[] {
  const accounts = [...groupAccounts(rng, now), ...standaloneAccounts(rng.fork('standalone'), now)];
  finish(accounts, rng.fork('finish'), now);
  if (withYou) handOverToYou(accounts);
  assignTeams(accounts, rng.fork('teams'));
  return accounts;
}
