// Nothing acknowledged is lost: `kam serve` killed (kill -9) or stopped (SIGTERM) right after Slack got its 200,
// while the Slack API it still needs is slow, and started again on the same database. Every capture is saved by
// the next process, once; a stopping process finishes what is in flight first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModalSeal } from '../../src/platforms/slack/modal-metadata.ts';
import { Store, SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { FakeServer } from '../helpers/fake-server.ts';
import {
  BOT_TOKEN,
  fakeSlackApi,
  Gate,
  type KamProcess,
  slackClient,
  slackEnv,
  startKam,
} from '../helpers/kam-process.ts';
import { ASKER, AUTHOR, fixture, reactionEnvelope, TEAM } from '../helpers/slack-harness.ts';
import { freshDatabaseFile } from '../helpers/store.ts';
import { TENANT, teamsFixture } from '../helpers/teams-harness.ts';

const LINKED = 'C0ACMEDEAL1';
const REACTED = {
  type: 'message',
  user: AUTHOR,
  ts: '1732741999.000100',
  text: 'Procurement wants a second offer #risk',
};

let fake: FakeServer;
let file: ReturnType<typeof freshDatabaseFile>;
let store: Store;
let ws: WorkspaceStore;
let acmeId: number;
const processes: KamProcess[] = [];

async function start(env: Record<string, string> = {}): Promise<KamProcess> {
  const kam = await startKam({ ...slackEnv(fake, file.url), ...env });
  processes.push(kam);
  return kam;
}

/** conversations.history that answers only once `gate` opens, and says when it was asked. */
function slowHistory(gate: Gate) {
  const asked = new Gate();
  fake.on('/api/conversations.history', async (request) => {
    asked.open();
    await gate.opened;
    return { ok: true, messages: request.body.latest === REACTED.ts ? [REACTED] : [] };
  });
  return asked;
}

const reaction = (eventId: string) => reactionEnvelope(eventId, LINKED, REACTED.ts);

const notesOf = async (messageId: string) =>
  (await ws.notes.forAccount(acmeId, 50)).filter((note) => note.sourceRef.messageId === messageId);

beforeEach(async () => {
  fake = await fakeSlackApi(new FakeServer()).start();
  file = freshDatabaseFile();
  store = await Store.open(file.url);
  const workspace = await store.workspaces.ensureInstallation('slack', TEAM, { name: 'acme-eng', timeZone: 'UTC' });
  ws = store.forWorkspace(workspace.id);
  acmeId = (await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR)).id;
  await ws.channelLinks.link('slack', LINKED, acmeId, SYSTEM_ACTOR);
});

afterEach(async () => {
  for (const kam of processes.splice(0)) if (kam.child.exitCode === null) await kam.kill('SIGKILL');
  await store.close();
  await fake.stop();
  file.remove();
});

describe('kill -9 right after the 200', () => {
  it('a :memo: reaction, while conversations.history is slow: the next process saves the note, once', async () => {
    const never = new Gate();
    const asked = slowHistory(never);
    const first = await start();
    expect((await slackClient(first.url).event(reaction('Ev0KILL1'))).status).toBe(200);
    await asked.opened;
    expect(await first.kill('SIGKILL')).toBe(null);
    expect(await notesOf(REACTED.ts)).toHaveLength(0);

    const open = new Gate();
    open.open();
    slowHistory(open);
    const second = await start();
    await expect.poll(() => notesOf(REACTED.ts), { timeout: 20_000 }).toHaveLength(1);
    await second.waitForLog('completing a request that was received but not finished');
    // Slack's own redelivery of the event, which the first process never acknowledged as done, adds nothing.
    expect((await slackClient(second.url).event(reaction('Ev0KILL1'), { 'x-slack-retry-num': '1' })).status).toBe(200);
    expect(await notesOf(REACTED.ts)).toHaveLength(1);
    await fake.waitFor((requests) => requests.some((r) => r.path === '/api/chat.postMessage'));
    expect(String(fake.calls('/api/chat.postMessage')[0]?.body.text)).toContain('Saved to Acme Corporation');
  });

  it('`/account note`, while users.info is slow: saved once by the next process, answered at the response_url', async () => {
    const held = new Gate();
    const asked = new Gate();
    fake.on('/api/users.info', async (request) => {
      asked.open();
      await held.opened;
      return { ok: true, user: { id: request.body.user, real_name: 'Dana Lee', tz: 'UTC', profile: {} } };
    });
    const first = await start();
    const command = {
      ...fixture<Record<string, string>>('slash_command.json'),
      team_id: TEAM,
      user_id: ASKER,
      command: '/account',
      text: 'note acme Met the CFO: budget approved #win',
      trigger_id: '1111.2222.killnote',
      response_url: `${fake.url}/response/kill-1`,
    };
    expect((await slackClient(first.url).form(command)).status).toBe(200);
    await asked.opened;
    await first.kill('SIGKILL');
    held.open();

    await start();
    await expect
      .poll(async () => (await ws.notes.forAccount(acmeId, 10)).filter((n) => n.body.includes('Met the CFO')), {
        timeout: 20_000,
      })
      .toHaveLength(1);
    await fake.waitFor((requests) => requests.some((r) => r.path === '/response/kill-1'));
    expect(JSON.stringify(fake.calls('/response/kill-1')[0]?.body)).toContain('Saved a note to Acme Corporation');
  });

  it('the message shortcut’s form, while the message is being read: saved once by the next process', async () => {
    const never = new Gate();
    const asked = slowHistory(never);
    const first = await start();
    const seal = new ModalSeal(BOT_TOKEN);
    const submission = {
      ...fixture<Record<string, unknown>>('view_submission.json'),
      user: { id: ASKER, username: 'dana.lee', name: 'dana.lee', team_id: TEAM },
      trigger_id: '3333.4444.killview',
      view: {
        ...fixture<{ view: object }>('view_submission.json').view,
        callback_id: 'note_new',
        private_metadata: seal.seal({ channel: LINKED, source: { channel: LINKED, ts: REACTED.ts, author: AUTHOR } }),
        state: {
          values: {
            account: { account: { type: 'external_select', selected_option: { value: String(acmeId) } } },
            body: { textarea: { type: 'plain_text_input', value: REACTED.text } },
          },
        },
      },
    };
    const response = await slackClient(first.url).interactive(submission);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await asked.opened;
    await first.kill('SIGKILL');

    const open = new Gate();
    open.open();
    slowHistory(open);
    await start();
    await expect.poll(() => notesOf(REACTED.ts), { timeout: 20_000 }).toHaveLength(1);
    expect((await notesOf(REACTED.ts))[0]?.sourceRef.permalink).toContain(LINKED);
  });
});

describe('kill -9 in the middle of a Teams turn', () => {
  it('“Save to account” from the message extension, while Teams is slow: saved once by the next process', async () => {
    const teams = await store.workspaces.ensureInstallation('teams', TENANT, { name: 'Contoso', timeZone: 'UTC' });
    const contoso = store.forWorkspace(teams.id);
    const initech = await contoso.accounts.create({ key: 'initech', name: 'Initech', tier: 'A' }, SYSTEM_ACTOR);
    const asked = new Gate();
    const never = new Gate();
    // Teams is asked who the sender is (first sight), and does not answer.
    fake.on('/v3/conversations/*', async () => {
      asked.open();
      await never.opened;
      return {};
    });
    const env = { TEAMS_ALLOW_UNAUTHENTICATED: '1' };
    const first = await start(env);
    const submit = teamsFixture('invoke_compose_extension_submit_action_message');
    const activity = {
      ...submit,
      id: 'f:killed-save-1',
      serviceUrl: `${fake.url}/`,
      value: {
        ...(submit.value as object),
        commandId: 'saveToAccount',
        data: { account: String(initech.id), body: 'Decision: Initech freezes the API on Dec 5' },
      },
    };
    const answered = fetch(`${first.url}/api/messages`, {
      method: 'POST',
      body: JSON.stringify(activity),
      headers: { 'content-type': 'application/json' },
    }).catch(() => null);
    await asked.opened;
    await first.kill('SIGKILL');
    // Teams got no answer: to its user the save failed, and they would try again; the note is saved regardless.
    expect(await answered).toBeNull();

    await start(env);
    const saved = async () =>
      (await contoso.notes.forAccount(initech.id, 10)).filter((n) => n.body.includes('freezes'));
    await expect.poll(saved, { timeout: 20_000 }).toHaveLength(1);
    expect((await saved())[0]?.sourceRef).toMatchObject({ source: 'teams', messageId: '1764263400001' });
  });
});

describe('SIGTERM right after the 200', () => {
  it('finishes the capture in flight before it exits, and says so', async () => {
    const held = new Gate();
    const asked = slowHistory(held);
    const kam = await start();
    expect((await slackClient(kam.url).event(reaction('Ev0TERM1'))).status).toBe(200);
    await asked.opened;
    kam.child.kill('SIGTERM');
    await kam.waitForLog('finishing those in flight');
    // New requests are turned away while it finishes.
    expect(
      (
        await slackClient(kam.url)
          .event(reaction('Ev0TERM2'))
          .catch(() => null)
      )?.status ?? 503,
    ).toBe(503);
    held.open();
    expect(await kam.exited).toBe(0);
    expect(kam.stderr()).toContain('every request in flight was finished');
    expect(await notesOf(REACTED.ts)).toHaveLength(1);
  });

  it('lets go of what does not finish within STOP_GRACE_SECONDS, and the next start completes it', async () => {
    const never = new Gate();
    const asked = slowHistory(never);
    const kam = await start({ STOP_GRACE_SECONDS: '1' });
    expect((await slackClient(kam.url).event(reaction('Ev0TERM3'))).status).toBe(200);
    await asked.opened;
    kam.child.kill('SIGTERM');
    expect(await kam.exited).toBe(0);
    expect(kam.stderr()).toContain('1 unfinished request is completed at the next start');
    expect(await notesOf(REACTED.ts)).toHaveLength(0);

    const open = new Gate();
    open.open();
    slowHistory(open);
    await start();
    await expect.poll(() => notesOf(REACTED.ts), { timeout: 20_000 }).toHaveLength(1);
  });
});
