// Buttons and the account picker through the real receiver: choosing among ambiguous accounts, marking a task
// done, and searching accounts as you type.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CommandEngine } from '../../../src/commands/engine.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createHttpApp } from '../../../src/platforms/http-server.ts';
import { InboundRuntime } from '../../../src/platforms/inbound-runtime.ts';
import { createSlack } from '../../../src/platforms/slack/app.ts';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../../src/store/store.ts';
import { ASKER, fixture, type SlackHarness, startSlackHarness, TEAM } from '../../helpers/slack-harness.ts';

let h: SlackHarness;
let ws: WorkspaceStore;
let taskId: number;

beforeAll(async () => {
  h = await startSlackHarness();
  const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, {
    name: 'acme-eng',
    timeZone: 'Europe/Berlin',
  });
  ws = h.store.forWorkspace(workspace.id);
  const dana = await ws.users.ensureFromIdentity({ platform: 'slack', externalId: ASKER, displayName: 'Dana Lee' });
  const initech = await ws.accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR);
  await ws.accounts.create({ key: 'initrode', name: 'Initrode' }, SYSTEM_ACTOR);
  await ws.accounts.create({ key: 'globex', name: 'Globex Corporation', aliases: ['GBX'] }, SYSTEM_ACTOR);
  taskId = (await ws.tasks.add({ accountId: initech.id, title: 'Send the offer', assigneeId: dana.id }, SYSTEM_ACTOR))
    .id;
});
beforeEach(() => {
  h.fake.requests.length = 0;
});
afterAll(() => h.close());

function press(actionId: string, value: string) {
  return h.interactive({
    ...fixture<Record<string, unknown>>('block_actions.json'),
    user: { id: ASKER, username: 'dana.lee', team_id: TEAM },
    team: { id: TEAM, domain: 'acme-eng' },
    response_url: `${h.fake.url}/response/button`,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
  });
}

describe('buttons', () => {
  it('offers the candidates of an ambiguous name as buttons, and a pressed one runs its command', async () => {
    await h.command('show init');
    await h.fake.waitFor((requests) => requests.some((r) => r.path.startsWith('/response/')));
    const blocks = JSON.stringify(h.fake.requests.find((r) => r.path.startsWith('/response/'))?.body.blocks);
    expect(blocks).toContain('account_choose:0');
    expect(blocks).toContain('/account show initrode');
    expect((await press('account_choose:1', '/account show initrode')).status).toBe(200);
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/response/button'));
    expect(JSON.stringify(h.fake.calls('/response/button')[0]?.body)).toContain('Initrode (initrode)');
  });

  it('marks a task done', async () => {
    await press('task_done', String(taskId));
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/response/button'));
    expect(h.fake.calls('/response/button')[0]?.body.text).toBe('Done: “Send the offer” (Initech).');
    expect((await ws.tasks.byId(taskId))?.doneAt).not.toBeNull();
  });
});

describe('the account picker', () => {
  it('searches the accounts as you type', async () => {
    const response = await h.interactive({
      type: 'block_suggestion',
      user: { id: ASKER, team_id: TEAM },
      team: { id: TEAM, domain: 'acme-eng' },
      action_id: 'account',
      block_id: 'account',
      value: 'ini',
      api_app_id: 'A07NOTESAPP',
      container: { type: 'view', view_id: 'V1' },
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { options: { text: { text: string }; value: string }[] };
    expect(answer.options.map((option) => option.text.text)).toEqual(['Initech (initech)', 'Initrode (initrode)']);
  });
});

describe('Socket Mode', () => {
  it('is chosen when an app-level token is set, and HTTP mode otherwise', () => {
    const options = {
      store: h.store,
      engine: new CommandEngine(silentLogger),
      logger: silentLogger,
      defaultTimeZone: 'UTC',
      http: createHttpApp(async () => ({})),
      botIdentity: { botId: 'B1', botUserId: 'U1' },
      inbound: new InboundRuntime({ store: h.store, logger: silentLogger }),
    };
    const socket = createSlack({
      ...options,
      config: { botToken: 'xoxb-1', signingSecret: null, appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api/' },
    });
    const http = createSlack({
      ...options,
      config: { botToken: 'xoxb-1', signingSecret: 'secret-123456', appToken: null, apiUrl: 'http://127.0.0.1:9/api/' },
    });
    expect([socket.mode, http.mode]).toEqual(['socket', 'http']);
  });
});
