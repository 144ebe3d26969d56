// The cached workspace: bench/.data/<key>.db with its metadata beside it, generated again when missing, made by
// another generator (the key hashes everything that shapes the data, bench/lib/dataset.ts) or older than its
// dates allow.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { DAY_MS } from '../../src/demo/random.ts';
import {
  DATA_DIR,
  type DatasetMeta,
  databasePath,
  datasetKey,
  MAX_AGE_DAYS,
  metaPath,
  readMeta,
  type Sizes,
} from '../lib/dataset.ts';
import { generate } from './build.ts';

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
