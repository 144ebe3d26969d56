// Generates the benchmark workspace: 10,000 accounts in global groups (parents with subsidiaries), ~200 users,
// 100,000 contacts, 1,000,000 notes of realistic text, 50,000 tasks, 30,000 opportunities, nine weeks of health
// snapshots and Slack channels linked to accounts. Seeded, so every run builds the same workspace. The parts live
// in bench/generate/ (build.ts puts them together, cache.ts keeps the result under bench/.data).
//
//   npx tsx bench/generate.ts [--force] [--scale 0.05]

import { ensureDataset } from './generate/cache.ts';
import { FULL_SIZES, scaled } from './lib/dataset.ts';

export { type GenerateOptions, generate } from './generate/build.ts';
export { type Dataset, ensureDataset } from './generate/cache.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
  const dataset = await ensureDataset(scale === 1 ? FULL_SIZES : scaled(scale), { force: args.includes('--force') });
  console.log(
    dataset.generated ? `generated ${dataset.path}` : `up to date: ${dataset.path} (use --force to generate again)`,
  );
}
