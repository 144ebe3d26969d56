// Compiles src/ to JavaScript in dist/ (gitignored); `npm install` runs it after generating the Prisma client, and
// `npm run build` runs it by hand. bin/kam.js runs dist/ while it matches src/ (scripts/compiled.mjs) and the
// TypeScript through tsx otherwise, so editing src/ never runs stale code; it only starts slower until the next build.
//
// Why compile at all: tsx transforms and resolves each of ~200 modules through a loader thread at every start, which
// cost about 0.3 s of the console's start and 0.5 s of serving's. One bundle with a chunk per dynamic import keeps
// the lazy loading of platform SDKs, Prisma and the rest exactly as the source has it. Packages stay external: they
// are loaded from node_modules as before (native addons, WebAssembly, the SDKs' own files).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUILD_INFO, DIST_DIR, ROOT, sourceStamp } from './compiled.mjs';

// Taken before building: a file edited meanwhile makes this build look stale, never a stale build look fresh.
const stamp = sourceStamp();
rmSync(DIST_DIR, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: join('src', 'cli.ts') },
    outdir: DIST_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.json'),
    // Bundling renames what two modules both declare (`show` → `show2`) and some classes (`_Store`); this keeps
    // every function's and class's `name` as written, as in stack traces and logs from source.
    keepNames: true,
    // For `node --enable-source-maps bin/kam.js`: stack traces in src/ terms. Not on by default, because reading
    // the maps at every start would cost more than the rest of loading dist/.
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  writeFileSync(BUILD_INFO, `${JSON.stringify({ sourceStamp: stamp, builtAt: new Date().toISOString() }, null, 2)}\n`);
} catch (error) {
  rmSync(DIST_DIR, { recursive: true, force: true });
  // On install, a failed build must not fail the install: kam-bot still runs, from source, only starting slower.
  if (process.env.npm_lifecycle_event === 'postinstall') {
    console.warn(
      `kam-bot: could not compile src/ (${error instanceof Error ? error.message : error}); it will run from source.`,
    );
  } else {
    process.exitCode = 1;
  }
}
