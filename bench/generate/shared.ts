// What every part of the generator shares: the generation in progress (database, seeded PRNG, clock, sizes,
// vocabulary), the fixed ids of the workspace, the shapes of generated accounts and users, and small helpers.
import type BetterSqlite3 from 'better-sqlite3';
import type { CountryCode, Region, Sector } from '../../src/demo/names.ts';
import type { Random } from '../../src/demo/random.ts';
import type { BuyingRole, Tier } from '../../src/domain/records.ts';
import type { Persona, Sizes } from '../lib/dataset.ts';
import type { Vocabulary } from '../lib/vocabulary.ts';

export const WORKSPACE_ID = 1;
export const SLACK_TEAM = 'T0BENCH0001';
export const TEAMS_TENANT = '3c1f6a52-9b7e-4d21-8f3a-bench0000001';
/** Rows per transaction for the large tables. */
export const BATCH = 50_000;

/** The generation in progress, handed to every part. */
export interface Generation {
  db: BetterSqlite3.Database;
  /** The root PRNG; each part forks its own stream by name, so the parts do not shift one another's draws. */
  rng: Random;
  /** The "now" the data is made around (ms, whole minutes). */
  now: number;
  sizes: Sizes;
  vocabulary: Vocabulary;
}

export type Profile = 'thriving' | 'steady' | 'quiet' | 'dormant' | 'at_risk';

export interface GenAccount {
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

export interface GenUser {
  id: number;
  name: string;
  first: string;
  role: 'admin' | 'member';
  region: Region;
  persona: Persona;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
export const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Picks indices by weight, fast enough for a million draws. */
export class WeightedPicker {
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
