// Contacts and opportunities of one demo account, shaped by its profile: a thriving account has a strong champion
// and deals that move; an account at risk has a hostile decision maker, a lost deal and close dates gone stale.
import type { BuyingRole, OpportunityStage } from '../domain/records.ts';
import type { DemoAccount, Profile } from './accounts.ts';
import { COMPETITORS, COUNTRIES, LOSS_REASONS, PRODUCTS } from './names.ts';
import { ascii, FIRST_NAMES, LAST_NAMES, TITLES } from './people.ts';
import { DAY_MS, dueIn, type Random, workingTimeAgo } from './random.ts';
import { fill, OPPORTUNITY_TITLES } from './texts.ts';

export interface DemoContact {
  accountKey: string;
  name: string;
  /** Not stored: notes call people by their first name. */
  firstName: string;
  title: string;
  email: string;
  buyingRole: BuyingRole;
  influence: number;
  relationship: number;
  lastContactAt: Date | null;
}

export interface DemoOpportunity {
  accountKey: string;
  title: string;
  stage: OpportunityStage;
  value: number;
  currency: string;
  expectedCloseAt: Date | null;
  probability: number;
  competitors: string[];
  lossReason: string | null;
  ownerRef: string;
  stageChangedAt: Date;
  closedAt: Date | null;
}

const INFLUENCE: Record<BuyingRole, [number, number]> = {
  decision_maker: [4, 5],
  economic_buyer: [4, 5],
  champion: [3, 4],
  influencer: [2, 4],
  user: [1, 2],
  gatekeeper: [2, 3],
};

/** [lowest, highest] relationship per profile, for the decision maker, the champion and everyone else. */
const RELATIONSHIP: Record<Profile, Record<'decision_maker' | 'champion' | 'other', [number, number]>> = {
  thriving: { decision_maker: [1, 2], champion: [2, 2], other: [0, 2] },
  steady: { decision_maker: [0, 1], champion: [1, 2], other: [-1, 1] },
  quiet: { decision_maker: [0, 1], champion: [1, 2], other: [-1, 1] },
  dormant: { decision_maker: [0, 0], champion: [1, 1], other: [0, 0] },
  at_risk: { decision_maker: [-2, -1], champion: [0, 1], other: [-1, 0] },
  thin: { decision_maker: [0, 0], champion: [1, 1], other: [0, 0] },
};

function rolesFor(account: DemoAccount, count: number, rng: Random): BuyingRole[] {
  if (account.profile === 'thin') return ['champion', 'gatekeeper', 'user'].slice(0, count) as BuyingRole[];
  if (account.tier === 'C') return ['champion', 'decision_maker', 'user', 'gatekeeper'].slice(0, count) as BuyingRole[];
  const rest = rng.shuffle<BuyingRole>(['economic_buyer', 'influencer', 'user', 'gatekeeper']);
  return (['decision_maker', 'champion', ...rest] as BuyingRole[]).slice(0, count);
}

export function generateContacts(account: DemoAccount, rng: Random, now: Date): DemoContact[] {
  const [low, high] = { A: [4, 6], B: [3, 5], C: [2, 4] }[account.tier] as [number, number];
  const count = account.profile === 'thin' ? 2 : account.profile === 'dormant' ? rng.int(2, 3) : rng.int(low, high);
  const pool = COUNTRIES[account.countryCode].people;
  const domain = `${account.key.split('-')[0]}.example`;
  const taken = new Set<string>();
  return rolesFor(account, count, rng).map((buyingRole, index) => {
    // Nobody in one account shares a first or last name, so "call Anja" in a note is never ambiguous.
    let firstName = rng.pick(FIRST_NAMES[pool]);
    let lastName = rng.pick(LAST_NAMES[pool]);
    while (taken.has(firstName) || taken.has(lastName)) {
      firstName = rng.pick(FIRST_NAMES[pool]);
      lastName = rng.pick(LAST_NAMES[pool]);
    }
    taken.add(firstName).add(lastName);
    const range = RELATIONSHIP[account.profile];
    const [min, max] = buyingRole === 'decision_maker' || buyingRole === 'champion' ? range[buyingRole] : range.other;
    let relationship = rng.int(min, max);
    if (account.coldContacts) relationship = Math.min(relationship, 0);
    // Only the first contact hears from us regularly; in a thin account nobody else does at all.
    const lastDays = index === 0 ? account.quietDays : account.quietDays + rng.int(5, 150);
    const silent = account.profile === 'thin' && index > 0;
    const [minInfluence, maxInfluence] = INFLUENCE[buyingRole];
    return {
      accountKey: account.key,
      name: `${firstName} ${lastName}`,
      firstName,
      title: rng.pick(TITLES[buyingRole]),
      email: `${ascii(firstName).toLowerCase().replace(/\s+/g, '')}.${ascii(lastName).toLowerCase().replace(/\s+/g, '')}@${domain}`,
      buyingRole,
      influence: rng.int(minInfluence, maxInfluence),
      relationship,
      lastContactAt: silent ? null : workingTimeAgo(now, Math.min(lastDays, 360), rng),
    };
  });
}

type Recipe = 'moving' | 'open' | 'slow' | 'stale' | 'won' | 'lost' | 'recent_won' | 'recent_lost' | 'renewal';

const RECIPES: Record<Profile, Recipe[]> = {
  thriving: ['moving', 'won', 'open', 'moving'],
  steady: ['open', 'won', 'moving', 'lost'],
  quiet: ['slow', 'lost', 'open', 'slow'],
  dormant: ['stale', 'lost', 'stale'],
  at_risk: ['stale', 'lost', 'slow', 'won'],
  thin: ['open', 'slow'],
};

const PROBABILITY: Record<OpportunityStage, number> = {
  lead: 10,
  qualify: 25,
  propose: 45,
  negotiate: 70,
  won: 100,
  lost: 0,
};

function recipesFor(account: DemoAccount, rng: Random, now: Date, flags: DealFlags): Recipe[] {
  if (account.status === 'prospect') return ['open'];
  const [low, high] = { A: [2, 4], B: [1, 3], C: [0, 2] }[account.tier] as [number, number];
  const recipes = RECIPES[account.profile].slice(0, rng.int(low, high));
  const renewalSoon = account.renewalAt !== null && account.renewalAt.getTime() - now.getTime() < 90 * DAY_MS;
  // A renewal close at hand is "covered" for healthy accounts and left without anything in motion for the others.
  if (renewalSoon && (account.profile === 'thriving' || account.profile === 'steady')) recipes.unshift('renewal');
  if (flags.recentWin) recipes.splice(1, 0, 'recent_won');
  if (flags.recentLoss) recipes.splice(1, 0, 'recent_lost');
  return recipes;
}

export interface DealFlags {
  recentWin: boolean;
  recentLoss: boolean;
}

export function generateOpportunities(
  account: DemoAccount,
  rng: Random,
  now: Date,
  flags: DealFlags,
): DemoOpportunity[] {
  const cities = COUNTRIES[account.countryCode].cities;
  const [low, high] = { A: [150_000, 2_500_000], B: [40_000, 600_000], C: [10_000, 150_000] }[account.tier] as [
    number,
    number,
  ];
  const titles = new Set<string>();
  return recipesFor(account, rng, now, flags).map((recipe) => {
    const product = rng.chance(0.5) ? account.focusProduct : rng.pick(PRODUCTS);
    const year = now.getUTCFullYear() + (now.getUTCMonth() >= 8 ? 1 : 0);
    const makeTitle = () =>
      fill(recipe === 'renewal' ? 'Contract renewal {year}' : rng.pick(OPPORTUNITY_TITLES), {
        product,
        Product: capitalise(product),
        site: rng.pick(cities),
        year: String(year),
      }) ?? product;
    let title = makeTitle();
    for (let attempt = 0; titles.has(title) && attempt < 10; attempt++) title = makeTitle();
    if (titles.has(title)) title = `${title} (phase ${titles.size + 1})`;
    titles.add(title);
    const deal = shape(recipe, account, rng, now);
    const rivals = rng.sample(COMPETITORS, rng.int(deal.stage === 'lead' ? 0 : 1, 2));
    const competitors = rng.chance(0.6) ? [account.rival, ...rivals.filter((r) => r !== account.rival)] : rivals;
    return {
      accountKey: account.key,
      title,
      stage: deal.stage,
      value: Math.round(rng.int(low, high) / 5_000) * 5_000,
      currency: account.currency,
      expectedCloseAt: deal.expectedCloseAt,
      probability: deal.probability,
      competitors: competitors.slice(0, 3),
      lossReason: deal.stage === 'lost' ? rng.pick(LOSS_REASONS) : null,
      ownerRef: account.ownerRef,
      stageChangedAt: deal.stageChangedAt,
      closedAt: deal.closedAt,
    };
  });
}

interface DealShape {
  stage: OpportunityStage;
  expectedCloseAt: Date | null;
  stageChangedAt: Date;
  closedAt: Date | null;
  probability: number;
}

function shape(recipe: Recipe, account: DemoAccount, rng: Random, now: Date): DealShape {
  const open = (stage: OpportunityStage, closeIn: number, changedAgo: number): DealShape => ({
    stage,
    expectedCloseAt: dueIn(now, closeIn),
    stageChangedAt: workingTimeAgo(now, changedAgo, rng),
    closedAt: null,
    probability: Math.max(5, Math.min(95, PROBABILITY[stage] + rng.int(-10, 10))),
  });
  const closed = (stage: 'won' | 'lost', daysAgo: number): DealShape => {
    const at = workingTimeAgo(now, daysAgo, rng);
    return {
      stage,
      expectedCloseAt: dueIn(now, -daysAgo),
      stageChangedAt: at,
      closedAt: at,
      probability: PROBABILITY[stage],
    };
  };
  switch (recipe) {
    case 'moving':
      return open(rng.pick(['propose', 'negotiate'] as const), rng.int(5, 45), rng.int(2, 20));
    case 'open':
      if (account.status === 'prospect')
        return open(rng.pick(['lead', 'qualify'] as const), rng.int(60, 180), rng.int(5, 40));
      return open(rng.pick(['lead', 'qualify', 'propose'] as const), rng.int(30, 180), rng.int(10, 60));
    case 'slow':
      return open(rng.pick(['qualify', 'propose'] as const), rng.int(20, 150), rng.int(45, 110));
    case 'stale':
      return open(rng.pick(['propose', 'negotiate'] as const), -rng.int(5, 90), rng.int(60, 200));
    case 'renewal': {
      const closeIn = Math.max(
        3,
        Math.round(((account.renewalAt?.getTime() ?? now.getTime()) - now.getTime()) / DAY_MS) - 7,
      );
      return open('negotiate', closeIn, rng.int(3, 15));
    }
    case 'won':
    case 'lost':
      return closed(recipe, rng.int(15, 300));
    case 'recent_won':
      return closed('won', rng.int(0, 6));
    case 'recent_lost':
      return closed('lost', rng.int(0, 6));
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
