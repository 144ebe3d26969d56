#!/usr/bin/env node
// kam-bot is TypeScript. `npm install` compiles it to dist/ (scripts/build.mjs), which starts fast; while dist/ does
// not match src/ (src/ edited since, or no build), the TypeScript runs as it stands through tsx, so there is never
// a build step between an edit and `npx kam`.
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { freshDistEntry } from '../scripts/compiled.mjs';

// Prisma's query compiler is 3 MB of WebAssembly. V8 compiles it quickly with its baseline compiler (Liftoff) and
// then again, in background threads, with its optimizing one: ~55 MB more peak memory, and a one-shot command
// waits ~0.2 s at exit for those compiles to finish. Prisma caches each query's plan, so the optimized code saves
// nothing measurable once the bot runs (a second round of typical commands is even faster without it, the CPU
// being free). Only WebAssembly compiled after this line is affected, which is all of it.
setFlagsFromString('--liftoff-only');

const compiled = freshDistEntry();
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
