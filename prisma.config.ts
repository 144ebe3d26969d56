// For people with network access who want Prisma's own CLI (`npx prisma studio`, `prisma migrate status`).
// kam-bot itself never needs it: see scripts/prisma-generate.mjs and src/store/migrations.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/kam.db' },
});
