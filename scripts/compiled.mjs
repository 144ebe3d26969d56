// The compiled form of src/ that `npm install` writes (scripts/build.mjs) and bin/kam.js runs: where it lives, and
// whether it still matches the source. Plain JavaScript with Node built-ins only, because it runs before tsx is
// loaded.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const DIST_DIR = join(ROOT, 'dist');
/** Written last by the build, so a build that failed halfway never looks fresh. */
export const BUILD_INFO = join(DIST_DIR, 'build-info.json');

/** Folders and files whose content goes into dist/: all of src/ and the build's own settings. */
const INPUT_DIRS = ['src'];
const INPUT_FILES = ['tsconfig.json', 'scripts/build.mjs'];

/**
 * A fingerprint of the inputs from the size and modification time of every file, so an edit, a checkout, a new or
 * a deleted file all change it. Reading only metadata keeps the check to a few milliseconds at each start.
 */
export function sourceStamp(root = ROOT) {
  const files = [...INPUT_FILES];
  for (const dir of INPUT_DIRS) filesUnder(root, dir, files);
  const lines = [];
  for (const file of files.sort()) {
    const stat = statSync(join(root, file), { throwIfNoEntry: false });
    if (stat?.isFile()) lines.push(`${file}\t${stat.size}\t${stat.mtimeMs}`);
  }
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

// readdirSync's own `recursive` option takes several times longer than this walk.
function filesUnder(root, dir, files) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(root, path, files);
    else files.push(path);
  }
}

/** The compiled entry point when dist/ was built from the source as it is now, otherwise null. */
export function freshDistEntry(root = ROOT) {
  try {
    const info = JSON.parse(readFileSync(join(root, 'dist', 'build-info.json'), 'utf8'));
    return info.sourceStamp === sourceStamp(root) ? join(root, 'dist', 'cli.js') : null;
  } catch {
    // No build (yet), or an unreadable one: run the source.
    return null;
  }
}
