#!/usr/bin/env node
// kam-bot is TypeScript run as it stands: tsx compiles each module on first load (and caches it), so there is
// no build step between `npm install` and `npx kam`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
