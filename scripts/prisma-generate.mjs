// Generates the Prisma client (src/store/generated/prisma) on `npm install`.
//
// `prisma generate` only needs the WebAssembly parts inside the npm packages, but first looks for Prisma's native
// schema engine and downloads it from Prisma's server if missing. kam-bot never uses that engine (migrations run
// on the WebAssembly one, see src/store/schema-engine.ts), so point the CLI at a stand-in and nothing downloads.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { delimiter } from 'node:path';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');
// The Kysely types' generator is a command of its own (node_modules/.bin/prisma-kysely), found on PATH.
const bin = new URL('../node_modules/.bin', import.meta.url).pathname;
const env = {
  ...process.env,
  PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
