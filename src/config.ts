// The environment, read once at start and validated with zod. Every problem is reported at once, in one message,
// and the process exits with code 2. Secret values never appear in that message.
import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'file:./data/kam.db';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Unset and empty are the same thing in an environment (a blank line in .env). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const flag = optional(
  z
    .enum(['0', '1', 'true', 'false', 'yes', 'no'], { error: 'must be 1 or 0' })
    .transform((v) => ['1', 'true', 'yes'].includes(v)),
);

export const EnvSchema = z.object({
  DATABASE_URL: optional(
    z.string().regex(/^file:.+/, { error: 'must be a SQLite file URL such as file:./data/kam.db' }),
  ).default(DEFAULT_DATABASE_URL),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  DEFAULT_TIME_ZONE: optional(
    z.string().refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Berlin or America/New_York' }),
  ),
  KAM_USER: optional(z.string().trim().max(80, { error: 'must be at most 80 characters' })),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' })),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, { error: 'looks too short to be a signing secret' })),
  SLACK_APP_TOKEN: optional(
    z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' }),
  ),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).default(
    'https://slack.com/api/',
  ),
  PORT: optional(
    z.coerce
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65_535, { error: 'must be between 0 and 65535' }),
  ).default(3000),
  HOST: optional(z.string()).default('0.0.0.0'),
  STOP_GRACE_SECONDS: optional(
    z.coerce
      .number({ error: 'must be a number of seconds' })
      .int({ error: 'must be a whole number of seconds' })
      .min(0, { error: 'must be between 0 and 600' })
      .max(600, { error: 'must be between 0 and 600' }),
  ).default(10),
  TEAMS_APP_ID: optional(z.string()),
  TEAMS_APP_PASSWORD: optional(z.string()),
  TEAMS_TENANT_ID: optional(z.string()),
  TEAMS_ALLOW_UNAUTHENTICATED: flag,
});

/**
 * Settings that only make sense together. Checked on the raw values, apart from the schema, so that these problems
 * are reported along with any malformed value rather than only once every value is well formed.
 */
function combinationProblems(raw: Record<string, string | undefined>): string[] {
  const set = (name: string) => (raw[name] ?? '').trim() !== '';
  const on = (name: string) => ['1', 'true', 'yes'].includes((raw[name] ?? '').trim());
  const problems: string[] = [];
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_SIGNING_SECRET') && !set('SLACK_APP_TOKEN')) {
    problems.push('SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if ((set('SLACK_SIGNING_SECRET') || set('SLACK_APP_TOKEN')) && !set('SLACK_BOT_TOKEN')) {
    problems.push('SLACK_BOT_TOKEN is required when other Slack settings are set');
  }
  if (set('TEAMS_APP_ID') && !set('TEAMS_APP_PASSWORD'))
    problems.push('TEAMS_APP_PASSWORD is required with TEAMS_APP_ID');
  if (set('TEAMS_APP_PASSWORD') && !set('TEAMS_APP_ID'))
    problems.push('TEAMS_APP_ID is required with TEAMS_APP_PASSWORD');
  if (on('TEAMS_ALLOW_UNAUTHENTICATED') && set('TEAMS_APP_ID')) {
    problems.push('TEAMS_ALLOW_UNAUTHENTICATED cannot be used with TEAMS_APP_ID: requests are authenticated then');
  }
  if (on('TEAMS_ALLOW_UNAUTHENTICATED') && !LOOPBACK.has((raw.HOST ?? '').trim() || '0.0.0.0')) {
    problems.push('HOST must be a loopback address (127.0.0.1) when TEAMS_ALLOW_UNAUTHENTICATED is set');
  }
  return problems;
}

export interface SlackConfig {
  botToken: string;
  signingSecret: string | null;
  appToken: string | null;
  apiUrl: string;
}

export interface TeamsConfig {
  appId: string | null;
  appPassword: string | null;
  tenantId: string | null;
  allowUnauthenticated: boolean;
}

export interface Config {
  databaseUrl: string;
  /** The log level asked for, or null to let the front end choose (the console is quieter than a server). */
  logLevel: (typeof LOG_LEVELS)[number] | null;
  defaultTimeZone: string;
  /** Who the console chat acts as; defaults to the login name. */
  consoleUser: string | null;
  /** How long a stopping server lets requests in flight finish; what is left is completed at the next start. */
  http: { port: number; host: string; stopGraceMs: number };
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`kam-bot cannot start; fix these settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)),
    ...combinationProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL ?? null,
    defaultTimeZone: e.DEFAULT_TIME_ZONE ?? systemTimeZone(),
    consoleUser: e.KAM_USER ?? null,
    http: { port: e.PORT, host: e.HOST, stopGraceMs: e.STOP_GRACE_SECONDS * 1_000 },
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET ?? null,
          appToken: e.SLACK_APP_TOKEN ?? null,
          apiUrl: e.SLACK_API_URL,
        }
      : null,
    teams:
      e.TEAMS_APP_ID || e.TEAMS_ALLOW_UNAUTHENTICATED
        ? {
            appId: e.TEAMS_APP_ID ?? null,
            appPassword: e.TEAMS_APP_PASSWORD ?? null,
            tenantId: e.TEAMS_TENANT_ID ?? null,
            allowUnauthenticated: e.TEAMS_ALLOW_UNAUTHENTICATED ?? false,
          }
        : null,
  };
}
