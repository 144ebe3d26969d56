// App Home, and everything the bot sends to Slack checked against Block Kit's limits and for escaping: a huge note,
// a 500-account portfolio, and a note holding <!channel>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../../src/store/store.ts';
import {
  ASKER,
  fixture,
  renderedPayloads,
  type SlackHarness,
  startSlackHarness,
  TEAM,
} from '../../helpers/slack-harness.ts';
import { slackLimitViolations, unescapedUserText } from '../../helpers/slack-limits.ts';

let h: SlackHarness;
let ws: WorkspaceStore;
const HOSTILE = '<!channel> ping <@U0BOSS> and <https://evil.example|your bank> & more';

beforeAll(async () => {
  h = await startSlackHarness();
  const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, {
    name: 'acme-eng',
    timeZone: 'Europe/Berlin',
  });
  ws = h.store.forWorkspace(workspace.id);
  // The asker first, so they are the workspace's admin and see everything.
  const dana = await ws.users.ensureFromIdentity({ platform: 'slack', externalId: ASKER, displayName: 'Dana Lee' });
  const acme = await ws.accounts.create(
    { key: 'acme', name: 'Acme <Corporation> & Sons', tier: 'A', ownerId: dana.id },
    SYSTEM_ACTOR,
  );
  await ws.notes.add(
    { accountId: acme.id, body: `${'Long meeting minutes. '.repeat(460)}end`, authorId: dana.id },
    SYSTEM_ACTOR,
  );
  await ws.notes.add({ accountId: acme.id, body: HOSTILE, authorId: dana.id }, SYSTEM_ACTOR);
  await ws.tasks.add(
    { accountId: acme.id, title: `Chase ${HOSTILE}`, dueAt: new Date('2026-11-01T12:00:00Z'), assigneeId: dana.id },
    SYSTEM_ACTOR,
  );
  await ws.transaction(async (tx) => {
    for (let i = 0; i < 500; i++) {
      await tx.accounts.create(
        { key: `bulk-${i}`, name: `Bulk Account ${i}`, tier: 'C', ownerId: dana.id },
        SYSTEM_ACTOR,
      );
    }
  });
});
afterAll(() => h.close());

/** Runs a command and waits for its answer: a private message, or a form opening. */
async function ask(text: string) {
  const answers = () =>
    h.fake.requests.filter((r) => r.path.startsWith('/response/') || r.path === '/api/views.open').length;
  const before = answers();
  await h.command(text);
  await h.fake.waitFor(() => answers() > before);
}

describe('App Home', () => {
  it('shows my accounts with health, my follow-ups and buttons', async () => {
    const opened = fixture<{ event: Record<string, unknown> }>('event_app_home_opened_first_time.json');
    const envelope = { ...opened, team_id: TEAM, event_id: 'Ev0HOME1', event: { ...opened.event, user: ASKER } };
    expect((await h.event(envelope)).status).toBe(200);
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/api/views.publish'));
    const publish = h.fake.calls('/api/views.publish')[0]?.body as {
      user_id: string;
      view: { type: string; blocks: unknown[] };
    };
    expect(publish.user_id).toBe(ASKER);
    expect(publish.view.type).toBe('home');
    const text = JSON.stringify(publish.view);
    expect(text).toContain('Your accounts');
    expect(text).toContain('Your follow-ups');
    expect(text).toContain('form_open');
    expect(slackLimitViolations(publish.view, 'home')).toEqual([]);
  });
});

describe('what kam-bot sends to Slack', () => {
  it('stays within Block Kit limits for every command, the 10,000-character note and the 500-account list', async () => {
    for (const command of [
      'help',
      'list',
      'list mine at-risk',
      'show acme',
      'health acme',
      'notes acme',
      'timeline acme',
      'contacts acme',
      'opps acme',
      'tasks mine',
      'search minutes',
      'show bulk',
      'team acme',
      'note acme hello',
      'edit acme',
      'task add acme call Bob by friday',
    ]) {
      await ask(command);
    }
    const payloads = renderedPayloads(h.fake);
    expect(payloads.length).toBeGreaterThanOrEqual(15);
    for (const { kind, payload } of payloads) {
      expect(
        slackLimitViolations(payload as { blocks: unknown[] }, kind),
        JSON.stringify(payload).slice(0, 300),
      ).toEqual([]);
    }
    const list = payloads.find(({ payload }) => JSON.stringify(payload).includes('Bulk Account 1'));
    expect(JSON.stringify(list?.payload)).toMatch(/…and \d+ more/);
  });

  it('never sends a note’s <!channel>, a mention or a disguised link unescaped', async () => {
    await ask('notes acme');
    await ask('tasks mine');
    await ask('search ping');
    for (const { payload: sent } of renderedPayloads(h.fake)) {
      // A form's input keeps what was typed for editing; Slack does not read markup there, so it is not escaped.
      const payload = JSON.parse(JSON.stringify(sent, (key, value) => (key === 'initial_value' ? undefined : value)));
      for (const needle of ['<!channel>', '<@U0BOSS>', '<https://evil.example|your bank>', 'Acme <Corporation>']) {
        expect(unescapedUserText(payload, needle), `${needle} in ${JSON.stringify(payload).slice(0, 2000)}`).toBe(
          false,
        );
      }
    }
    const notes = renderedPayloads(h.fake).find(({ payload }) => JSON.stringify(payload).includes('ping'));
    expect(JSON.stringify(notes?.payload)).toContain('&lt;!channel&gt;');
  });
});
