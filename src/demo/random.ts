// A small seeded PRNG, so the demo is the same portfolio on every machine and every run (no dependency needed).

export const DAY_MS = 86_400_000;

/** FNV-1a: turns a label into a seed, so each account draws from its own stream. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /**
   * An independent stream for one part of the portfolio: adding a note to one account then leaves every other
   * account's data unchanged.
   */
  fork(label: string): Random {
    return new Random((this.seed ^ hashString(label)) >>> 0);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Random.pick from an empty list');
    return item;
  }

  /** Picks by weight: `[['a', 3], ['b', 1]]` gives 'a' three times as often as 'b'. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('Random.weighted from an empty list');
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }
}

/** Midnight UTC of the day `days` away from `now` (negative: in the past). */
export function dayFrom(now: Date, days: number): Date {
  const date = new Date(now.getTime() + days * DAY_MS);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * A moment during office hours `daysAgo` days before `now`, never after it: a note "today" lands before the
 * demo's present, however early in the day that is.
 */
export function workingTimeAgo(now: Date, daysAgo: number, rng: Random): Date {
  const day = dayFrom(now, -daysAgo);
  const at = new Date(day.getTime() + rng.int(7 * 60, 17 * 60) * 60_000);
  return at.getTime() < now.getTime() ? at : new Date(now.getTime() - rng.int(5, 90) * 60_000);
}

/** A due or close date `days` ahead of (or behind) `now`, at the end of that working day. */
export function dueIn(now: Date, days: number): Date {
  return new Date(dayFrom(now, days).getTime() + 16 * 3_600_000);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}
