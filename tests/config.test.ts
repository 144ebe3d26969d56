import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_URL, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has defaults that run the console with no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: DEFAULT_DATABASE_URL,
      logLevel: null,
      http: { port: 3000, host: '0.0.0.0', stopGraceMs: 10_000 },
      slack: null,
      teams: null,
    });
    expect(config.defaultTimeZone.length).toBeGreaterThan(0);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ', SLACK_BOT_TOKEN: '' }).slack).toBeNull();
  });

  it('reads Slack and Teams settings', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-3',
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      TEAMS_ALLOW_UNAUTHENTICATED: '1',
      HOST: '127.0.0.1',
      PORT: '0',
    });
    expect(config.slack).toEqual({
      botToken: 'xoxb-1-2-3',
      signingSecret: 'abcdef0123456789',
      appToken: null,
      apiUrl: 'http://127.0.0.1:9999/api/',
    });
    expect(config.teams).toMatchObject({ allowUnauthenticated: true, appId: null });
    expect(config.http.port).toBe(0);
  });

  it('lists every problem at once, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'postgres://x',
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DEFAULT_TIME_ZONE: 'Mars/Olympus_Mons',
        SLACK_BOT_TOKEN: 'xoxp-super-secret-user-token',
        TEAMS_APP_ID: 'app',
        TEAMS_ALLOW_UNAUTHENTICATED: '1',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    for (const name of [
      'DATABASE_URL',
      'PORT',
      'LOG_LEVEL',
      'DEFAULT_TIME_ZONE',
      'SLACK_BOT_TOKEN',
      'TEAMS_APP_PASSWORD',
      'TEAMS_ALLOW_UNAUTHENTICATED',
      'HOST',
    ]) {
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
    expect((error as ConfigError).message).not.toContain('super-secret');
    expect((error as ConfigError).message).toMatch(/^kam-bot cannot start; fix these settings:\n {2}- /);
  });

  it('needs the signing secret with a bot token, unless Socket Mode is used', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET is required/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
  });
});
