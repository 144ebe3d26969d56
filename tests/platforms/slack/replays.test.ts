// The same signed request again, a request dated in the future, a form whose metadata the bot did not seal, and
// a capture Slack could not serve at first: each is recognised on arrival, refused, or completed later, once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModalSeal } from '../../../src/platforms/slack/modal-metadata.ts';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../../src/store/store.ts';
import { Answer } from '../../helpers/fake-server.ts';
import { rowCounts } from '../../helpers/row-counts.ts';
import {
  ASKER,
  AUTHOR,
  fixture,
  reactionEnvelope,
  type SlackHarness,
  sign,
  startSlackHarness,
  TEAM,
} from '../../helpers/slack-harness.ts';

let h: SlackHarness;
let ws: WorkspaceStore;
let acmeId: number;
const LINKED = 'C0ACMEDEAL1';

beforeAll(async () => {
  h = await startSlackHarness();
  const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, { name: 'acme-eng', timeZone: 'UTC' });
  ws = h.store.forWorkspace(workspace.id);
  acmeId = (await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR)).id;
  await ws.channelLinks.link('slack', LINKED, acmeId, SYSTEM_ACTOR);
});
beforeEach(() => {
  h.fake.requests.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => h.close());

const commandBody = (text: string, trigger: string, responseUrl: string) =>
  new URLSearchParams({
    ...fixture<Record<string, string>>('slash_command.json'),
    team_id: TEAM,
    user_id: ASKER,
    command: '/account',
    text,
    trigger_id: trigger,
    response_url: responseUrl,
  }).toString();

const notesWith = async (text: string) =>
  (await ws.notes.forAccount(acmeId, 100)).filter((note) => note.body.includes(text));

describe('a replayed request', () => {
  it('makes one note when the same signed slash command arrives three times within five minutes', async () => {
    const body = commandBody('note acme Replayed: pricing agreed', '7777.8888.replayed', `${h.fake.url}/response/r1`);
    const signedAt = Math.floor(Date.now() / 1000);
    const signature = sign(body, signedAt);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await h.post(body, 'application/x-www-form-urlencoded', { timestamp: signedAt, signature });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/response/r1'));
    expect(await notesWith('Replayed: pricing agreed')).toHaveLength(1);
    // The replays were answered at the door: the first command's answer is the only one.
    expect(h.fake.calls('/response/r1')).toHaveLength(1);
  });

  it('presses a button once when the same signed interaction arrives twice', async () => {
    const task = await ws.tasks.add({ accountId: acmeId, title: 'Send the NDA', createdById: null }, SYSTEM_ACTOR);
    const payload = {
      ...fixture<Record<string, unknown>>('block_actions.json'),
      user: { id: ASKER, team_id: TEAM },
      team: { id: TEAM },
      trigger_id: '9999.1111.pressed',
      response_url: `${h.fake.url}/response/b1`,
      actions: [{ action_id: 'task_done', block_id: 'b', type: 'button', value: String(task.id) }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const at = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 2; i++) {
      const response = await h.post(body, 'application/x-www-form-urlencoded', {
        timestamp: at,
        signature: sign(body, at),
      });
      expect(response.status).toBe(200);
    }
    await expect
      .poll(() => h.store.inbound.find(ws.workspaceId, 'slack', 'trigger:9999.1111.pressed')?.status)
      .toBe('done');
    await expect.poll(() => h.running.inbound.inFlight).toBe(0);
    expect(h.fake.calls('/response/b1')).toHaveLength(1);
    const audit = await ws.audit.forEntity('task', task.id);
    expect(audit.filter((event) => event.action === 'task.done')).toHaveLength(1);
  });
});

describe('a request dated in the future', () => {
  it('is refused with 401 like an old one, and changes nothing', async () => {
    const before = rowCounts(h.databasePath);
    const body = commandBody('note acme From the future', '1212.3434.future', `${h.fake.url}/response/f1`);
    const later = Math.floor(Date.now() / 1000) + 301;
    const response = await h.post(body, 'application/x-www-form-urlencoded', {
      timestamp: later,
      signature: sign(body, later),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
    expect(h.store.inbound.find(ws.workspaceId, 'slack', 'trigger:1212.3434.future')).toBeNull();
    expect(rowCounts(h.databasePath)).toEqual(before);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('is taken within the five minutes either side', async () => {
    const body = commandBody('note acme Clock a little fast', '1212.3434.nearly', `${h.fake.url}/response/f2`);
    const soon = Math.floor(Date.now() / 1000) + 240;
    const response = await h.post(body, 'application/x-www-form-urlencoded', {
      timestamp: soon,
      signature: sign(body, soon),
    });
    expect(response.status).toBe(200);
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/response/f2'));
    expect(await notesWith('Clock a little fast')).toHaveLength(1);
  });
});

describe('the note form’s metadata', () => {
  function submission(privateMetadata: string) {
    return {
      ...fixture<Record<string, unknown>>('view_submission.json'),
      user: { id: ASKER, team_id: TEAM },
      view: {
        ...fixture<{ view: object }>('view_submission.json').view,
        callback_id: 'note_new',
        private_metadata: privateMetadata,
        state: {
          values: {
            account: { account: { type: 'external_select', selected_option: { value: String(acmeId) } } },
            body: { textarea: { type: 'plain_text_input', value: 'Copied from elsewhere' } },
          },
        },
      },
    };
  }

  it('made up to point at another channel’s message is refused under the form, and nothing is read or saved', async () => {
    const before = rowCounts(h.databasePath);
    const forged = JSON.stringify({ source: { channel: 'C0SECRET999', ts: '1732740000.000001', author: AUTHOR } });
    const response = await h.interactive(submission(forged));
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: { account: 'This form could not be checked; close it and open it again.' },
    });
    // A seal made with another key is no better.
    const other = new ModalSeal('xoxb-someone-else').seal({ source: { channel: 'C0SECRET999', ts: '1.2' } });
    const refused = (await (await h.interactive(submission(other))).json()) as { response_action?: string };
    expect(refused.response_action).toBe('errors');
    expect(h.fake.calls('/api/conversations.history')).toHaveLength(0);
    expect(rowCounts(h.databasePath)).toEqual(before);
  });

  it('sealed by the bot is taken', async () => {
    const sealed = new ModalSeal('xoxb-test-token').seal({
      channel: LINKED,
      source: { channel: LINKED, ts: '1732740000.000002', author: AUTHOR },
    });
    const response = await h.interactive(submission(sealed));
    expect(await response.text()).toBe('');
    await expect.poll(() => notesWith('Copied from elsewhere')).toHaveLength(1);
  });
});

describe('a capture Slack cannot serve yet', () => {
  it('is tried again later and saved once, without telling anyone to try again', async () => {
    let slackDown = true;
    const reacted = { type: 'message', user: AUTHOR, ts: '1732745555.000100', text: 'Renewal talks start in March' };
    h.fake.on('/api/conversations.history', () =>
      slackDown ? new Answer(503, { ok: false, error: 'service_unavailable' }) : { ok: true, messages: [reacted] },
    );
    const envelope = reactionEnvelope('Ev0SLACKDOWN', LINKED, reacted.ts);
    expect((await h.event(envelope)).status).toBe(200);
    // The Web API client retries a few times; then the request waits for its retry.
    await expect
      .poll(() => h.store.inbound.find(ws.workspaceId, 'slack', 'event:Ev0SLACKDOWN')?.retryAt ?? null, {
        timeout: 15_000,
      })
      .not.toBeNull();
    const waiting = h.store.inbound.find(ws.workspaceId, 'slack', 'event:Ev0SLACKDOWN');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(h.fake.calls('/api/chat.postMessage')).toHaveLength(0);

    slackDown = false;
    vi.useFakeTimers({ toFake: ['Date'], now: (waiting?.retryAt?.getTime() ?? 0) + 1_000 });
    await h.running.inbound.recoverNow();
    await expect.poll(() => notesWith('Renewal talks start in March')).toHaveLength(1);
    await expect.poll(() => h.store.inbound.find(ws.workspaceId, 'slack', 'event:Ev0SLACKDOWN')?.status).toBe('done');
    expect(h.fake.calls('/api/chat.postMessage')).toHaveLength(1);
  });
});
