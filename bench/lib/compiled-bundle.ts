// Start-up is measured as people run kam-bot: `node bin/kam.js` runs the compiled bundle in dist/ when it matches
// src/ (scripts/compiled.mjs), as after `npm install`, and falls back to tsx (a much slower start) when it does not.
// Any edit to src/ makes dist/ stale, so the runner builds it before start-up runs whenever it no longer matches.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freshDistEntry } from '../../scripts/compiled.mjs';
import { ROOT } from './dataset.ts';

/** Builds dist/ when it does not match src/; returns whether it built. Throws when the build fails. */
export function ensureCompiledBundle(log: (line: string) => void): boolean {
  if (freshDistEntry()) return false;
  log('dist/ does not match src/: building it (node scripts/build.mjs), so start-up runs the compiled bundle');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error(
      `node scripts/build.mjs failed (${build.error?.message ?? build.signal ?? `exit ${build.status}`})`,
    );
  }
  if (!freshDistEntry()) {
    throw new Error('dist/ still does not match src/ after the build (src/ edited meanwhile?): start-up would run tsx');
  }
  return true;
}
