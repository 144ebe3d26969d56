// What an import will do, row by row, worked out before anything is written: which rows create a record, which
// change one (and which fields), which change nothing, and which fail and why. Dry runs print it; --strict stops on
// its failures; the writers only carry it out.

import { sameRecordId } from './record-ids.ts';

export interface RowFailure {
  line: number;
  /** One sentence without its full stop, e.g. "close_date “2017-02-30” is not a date". */
  reason: string;
}

/** Where the rows come from, for the audit trail: the file's name and who imported it. */
export interface ImportSource {
  file: string;
  /** The person at the terminal, when they are not a user of the workspace. */
  operator?: string;
}

/** A parsed row, with the line it starts on. */
export interface Parsed<Row> {
  line: number;
  row: Row;
}

export interface Plan<Create, Update> {
  creates: (Create & { line: number })[];
  updates: (Update & { line: number; id: number })[];
  unchanged: number;
  failures: RowFailure[];
}

export function emptyPlan<Create, Update>(): Plan<Create, Update> {
  return { creates: [], updates: [], unchanged: 0, failures: [] };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}

/**
 * The part of `wanted` that differs from `current`. Fields left undefined in `wanted` are not in the file and stay
 * as they are; null clears a field (an empty cell).
 */
export function changes<W extends object>(current: { [K in keyof W]?: unknown }, wanted: W): Partial<W> {
  const patch: Partial<W> = {};
  for (const key of Object.keys(wanted) as (keyof W)[]) {
    const value = wanted[key];
    const unchanged =
      same(current[key], value) || (key === 'externalId' && sameRecordId(current[key] as string, value as string));
    if (value !== undefined && !unchanged) patch[key] = value;
  }
  return patch;
}

/** Drops the undefined values, so that only what a file says reaches a create or an update. */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

/**
 * Which line first named a record. A second row for the same record (same id, key, name or email) fails, so that
 * a file never says two things about one record and the first row it gives is the one imported.
 */
export class Claims {
  private readonly lines = new Map<string, number>();

  /** The earlier line that claimed one of these identities, or null after claiming them for `line`. */
  claim(line: number, identities: readonly (string | null)[]): number | null {
    const taken = identities.filter((identity): identity is string => identity !== null);
    for (const identity of taken) {
      const earlier = this.lines.get(identity);
      if (earlier !== undefined) return earlier;
    }
    for (const identity of taken) this.lines.set(identity, line);
    return null;
  }
}

/** Splits a list of work into batches, each to be written in one transaction. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
