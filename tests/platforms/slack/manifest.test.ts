// manifest.yml must import into Slack as it stands: valid YAML, within the manifest's limits, and naming exactly
// the command, shortcut, events and scopes the code relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../../src/platforms/slack/listeners/command.ts';
import { SAVE_SHORTCUT } from '../../../src/platforms/slack/listeners/shortcut.ts';

interface Manifest {
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; usage_hint: string; url: string }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
  };
}

const manifest = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'manifest.yml'), 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it('keeps within the manifest limits', () => {
    const info = manifest.display_information;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(174);
    expect(info.long_description.length).toBeLessThanOrEqual(4_000);
    expect(info.background_color).toMatch(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9\-_.]{1,80}$/);
    for (const command of manifest.features.slash_commands) {
      expect(command.command).toMatch(/^\/.{1,31}$/);
      expect(command.usage_hint.length).toBeLessThanOrEqual(1_000);
    }
    for (const shortcut of manifest.features.shortcuts) expect(shortcut.description.length).toBeLessThanOrEqual(150);
  });

  it('names what the code listens for, at the one endpoint the bot serves', () => {
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: SAVE_SHORTCUT }),
    ]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
      'reaction_added',
    ]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const urls = [
      ...manifest.features.slash_commands.map((command) => command.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });

  it('asks for the scopes the Web API calls need', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    for (const scope of [
      'commands',
      'chat:write',
      // Digests go to the channel they were subscribed in, which kam-bot need not have joined.
      'chat:write.public',
      // …so to see whether a post whose answer was lost went out there, it joins the public channel.
      'channels:join',
      // Reminders are direct messages: the history of that conversation is where a lost post is looked for.
      'im:write',
      'app_mentions:read',
      'im:history',
      'channels:history',
      'reactions:read',
      'users:read',
      'users:read.email',
    ]) {
      expect(scopes).toContain(scope);
    }
  });
});
