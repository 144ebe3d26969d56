// A crash storm: captures of every kind (a :memo: reaction, "@kam note …", `/account note`, the message shortcut's
// form, Teams' "Save to account") sent eight at a time at `kam serve` while its Slack and Teams APIs answer slowly,
// and the process killed with kill -9 again and again, started each time on the same database. Requests are sent
// again as the platforms and their users do: Slack redelivers an event it got no 200 for (same event id), and a
// person whose form or save failed submits it again; on top, Slack redelivers some events that were acknowledged.
// Afterwards every capture that was acknowledged is one note, and no capture is two.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModalSeal } from '../../src/platforms/slack/modal-metadata.ts';
import { Store, SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';
import { FakeServer, type Recorded } from '../helpers/fake-server.ts';
import { BOT_TOKEN, fakeSlackApi, type KamProcess, slackClient, slackEnv, startKam } from '../helpers/kam-process.ts';
import { ASKER, AUTHOR, fixture, reactionEnvelope, TEAM } from '../helpers/slack-harness.ts';
import { freshDatabaseFile } from '../helpers/store.ts';
import { connector, TENANT, teamsFixture } from '../helpers/teams-harness.ts';

const KINDS = ['reaction', 'mention', 'slash', 'shortcut', 'teams'] as const;
type Kind = (typeof KINDS)[number];
const PER_KIND = 16;
const SENDERS = 8;
/** kill -9 after this many acknowledgements, counted over the whole storm. */
const KILLS_AFTER = [9, 22, 35, 48, 61];
const REDELIVERED_SHARE = 0.2;
const API_LATENCY_MS = 40;
const LINKED = 'C0STORMDEAL';

interface Capture {
  kind: Kind;
  token: string;
  ts: string;
  sends: number;
  acked: boolean;
  /** A status other than 200 from a process that was running: a failure, not a crash. */
  refused?: number;
}

let fake: FakeServer;
let file: ReturnType<typeof freshDatabaseFile>;
let store: Store;
let slackWs: WorkspaceStore;
let teamsWs: WorkspaceStore;
let acmeId: number;
let initechId: number;
const messages = new Map<string, { type: 'message'; user: string; ts: string; text: string }>();

const slow =
  <T>(answer: (request: Recorded) => T) =>
  async (request: Recorded) => {
    await new Promise((resolve) => setTimeout(resolve, API_LATENCY_MS));
    return answer(request);
  };

beforeAll(async () => {
  fake = fakeSlackApi(new FakeServer(), {
    'conversations.history': slow((request) => {
      const message = messages.get(String(request.body.latest));
      return { ok: true, messages: message ? [message] : [] };
    }),
    'users.info': slow((request) => ({
      ok: true,
      user: { id: request.body.user, real_name: `Person ${request.body.user}`, tz: 'UTC', profile: {} },
    })),
  });
  const members = connector();
  fake.on('/v3/conversations/*', slow(members));
  await fake.start();
  file = freshDatabaseFile();
  store = await Store.open(file.url);
  const slack = await store.workspaces.ensureInstallation('slack', TEAM, { name: 'acme-eng', timeZone: 'UTC' });
  slackWs = store.forWorkspace(slack.id);
  acmeId = (await slackWs.accounts.create({ key: 'acme', name: 'Acme Corporation' }, SYSTEM_ACTOR)).id;
  await slackWs.channelLinks.link('slack', LINKED, acmeId, SYSTEM_ACTOR);
  const teams = await store.workspaces.ensureInstallation('teams', TENANT, { name: 'Contoso', timeZone: 'UTC' });
  teamsWs = store.forWorkspace(teams.id);
  initechId = (await teamsWs.accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR)).id;
});

afterAll(async () => {
  await store.close();
  await fake.stop();
  file.remove();
});

let sequence = 0;
const fresh = () => `${Date.now()}.${++sequence}`;

/** The request for a capture, as its platform sends it the `attempt`-th time. */
function request(capture: Capture, attempt: number): { path: string; body: string; type: string; headers: object } {
  const json = (value: unknown) => ({ path: '/slack/events', body: JSON.stringify(value), type: 'application/json' });
  const form = (fields: Record<string, string>) => ({
    path: '/slack/events',
    body: new URLSearchParams(fields).toString(),
    type: 'application/x-www-form-urlencoded',
  });
  // Slack redelivers an event with the same id, saying which retry it is.
  const retry = attempt > 0 ? { 'x-slack-retry-num': String(attempt), 'x-slack-retry-reason': 'http_error' } : {};
  switch (capture.kind) {
    case 'reaction':
      return { ...json(reactionEnvelope(`Ev${capture.token}`, LINKED, capture.ts)), headers: retry };
    case 'mention':
      return {
        ...json({
          ...fixture<Record<string, unknown>>('event_app_mention.json'),
          team_id: TEAM,
          event_id: `Ev${capture.token}`,
          event: {
            type: 'app_mention',
            user: ASKER,
            text: `<@U0BOT> note acme: ${capture.token} the CFO approved the budget`,
            ts: capture.ts,
            channel: LINKED,
            event_ts: capture.ts,
          },
        }),
        headers: retry,
      };
    case 'slash':
      return {
        ...form({
          ...fixture<Record<string, string>>('slash_command.json'),
          team_id: TEAM,
          user_id: ASKER,
          command: '/account',
          text: `note acme ${capture.token} procurement wants a second offer`,
          trigger_id: fresh(),
          response_url: `${fake.url}/response/${capture.token}`,
        }),
        headers: {},
      };
    case 'shortcut': {
      // A person whose submit failed presses Submit again: a new trigger, the same form.
      const view = fixture<{ view: object }>('view_submission.json').view;
      return {
        ...form({
          payload: JSON.stringify({
            ...fixture<Record<string, unknown>>('view_submission.json'),
            user: { id: ASKER, username: 'dana.lee', name: 'dana.lee', team_id: TEAM },
            trigger_id: fresh(),
            view: {
              ...view,
              callback_id: 'note_new',
              private_metadata: new ModalSeal(BOT_TOKEN).seal({
                channel: LINKED,
                source: { channel: LINKED, ts: capture.ts, author: AUTHOR },
              }),
              state: {
                values: {
                  account: { account: { type: 'external_select', selected_option: { value: String(acmeId) } } },
                  body: { textarea: { type: 'plain_text_input', value: messages.get(capture.ts)?.text } },
                },
              },
            },
          }),
        }),
        headers: {},
      };
    }
    case 'teams': {
      // Teams does not send an invoke again; its user saves again, as a new activity about the same message.
      const submit = teamsFixture('invoke_compose_extension_submit_action_message');
      const value = submit.value as Record<string, unknown>;
      return {
        path: '/api/messages',
        body: JSON.stringify({
          ...submit,
          id: `f:${fresh()}`,
          serviceUrl: `${fake.url}/`,
          value: {
            ...value,
            commandId: 'saveToAccount',
            messagePayload: { ...(value.messagePayload as object), id: capture.ts.replace('.', '') },
            data: { account: String(initechId), body: `${capture.token} Initech freezes the API on Dec 5` },
          },
        }),
        type: 'application/json',
        headers: {},
      };
    }
  }
}

/** The HTTP status kam answered with, or null when the connection broke (the process was killed). */
async function send(kam: KamProcess, capture: Capture, attempt: number): Promise<number | null> {
  const prepared = request(capture, attempt);
  try {
    const response =
      prepared.path === '/slack/events'
        ? await slackClient(kam.url).post(prepared.body, prepared.type, prepared.headers as Record<string, string>)
        : await fetch(`${kam.url}${prepared.path}`, {
            method: 'POST',
            body: prepared.body,
            headers: { 'content-type': prepared.type },
          });
    await response.text();
    return response.status;
  } catch {
    return null;
  }
}

/** How many notes carry each capture's token, on either workspace. */
async function notesPerToken(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const notes = [...(await slackWs.imports.notes()), ...(await teamsWs.imports.notes())];
  for (const note of notes) {
    const token = /storm\w+/.exec(note.body)?.[0];
    if (token) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

function unfinishedRequests(): number {
  const db = new BetterSqlite3(file.path, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM InboundRequest WHERE status = 'pending'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a crash storm', () => {
  it('loses no acknowledged capture and saves none twice', { timeout: 180_000 }, async () => {
    const env = { ...slackEnv(fake, file.url), TEAMS_ALLOW_UNAUTHENTICATED: '1' };
    const captures: Capture[] = [];
    for (let i = 0; i < PER_KIND; i++) {
      for (const kind of KINDS) {
        const ts = `${1_960_000_000 + captures.length}.000100`;
        const token = `storm${kind}${i}`;
        messages.set(ts, { type: 'message', user: AUTHOR, ts, text: `${token} renewal at risk #risk` });
        captures.push({ kind, token, ts, sends: 0, acked: false });
      }
    }

    const started: KamProcess[] = [];
    const startOne = async () => {
      const process = await startKam(env);
      started.push(process);
      return process;
    };
    let kam = await startOne();
    let restarting: Promise<void> | null = null;
    let acks = 0;
    let kills = 0;
    const killAndRestart = (victim: KamProcess) => {
      restarting ??= (async () => {
        await victim.kill('SIGKILL');
        kills++;
        kam = await startOne();
        restarting = null;
      })();
      return restarting;
    };
    const current = async () => {
      while (restarting) await restarting;
      return kam;
    };

    let next = 0;
    const sender = async () => {
      for (let capture = captures[next++]; capture; capture = captures[next++]) {
        // Slash commands are not sent again: Slack does not, and its user saw the command fail.
        const resent = capture.kind !== 'slash';
        for (let attempt = 0; attempt <= 4; attempt++) {
          const target = await current();
          capture.sends++;
          const status = await send(target, capture, attempt);
          if (status === 200) {
            capture.acked = true;
            acks++;
            if (KILLS_AFTER.includes(acks)) await killAndRestart(target);
            break;
          }
          if (status !== null) {
            capture.refused = status;
            break;
          }
          // The connection broke: the process was killed; what is sent again goes to the next one.
          if (!resent) break;
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));

    // Slack redelivers some events it had its 200 for (an ack it thought late).
    const events = captures.filter((c) => c.acked && (c.kind === 'reaction' || c.kind === 'mention'));
    const redelivered = events.filter((_, index) => index % Math.round(1 / REDELIVERED_SHARE) === 0);
    for (const capture of redelivered) expect(await send(await current(), capture, 1)).toBe(200);

    const acknowledged = captures.filter((capture) => capture.acked);
    await expect
      .poll(
        async () => {
          const counts = await notesPerToken();
          return acknowledged.filter((capture) => !counts.has(capture.token)).length + unfinishedRequests();
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe(0);
    await kam.kill('SIGTERM');

    const counts = await notesPerToken();
    const lost = acknowledged.filter((capture) => (counts.get(capture.token) ?? 0) === 0);
    const twice = captures.filter((capture) => (counts.get(capture.token) ?? 0) > 1);
    const unacknowledged = captures.filter((capture) => !capture.acked);
    // Requests a killed process had taken (most of them acknowledged) and the next one completed.
    const completedAfterCrash = started
      .map((process) => process.stderr().split('completing a request that was received but not finished').length - 1)
      .reduce((sum, n) => sum + n, 0);
    console.info(
      `crash storm: ${captures.length} captures (${KINDS.join(', ')}), ${captures.reduce((n, c) => n + c.sends, 0)} requests, ` +
        `${kills} kill -9s, ${redelivered.length} redeliveries of acknowledged events, ` +
        `${completedAfterCrash} requests completed by the next process after a kill; ` +
        `${acknowledged.length} acknowledged, ${lost.length} of them lost, ${twice.length} saved twice; ` +
        `${unacknowledged.length} never acknowledged (slash commands cut off by a kill), ` +
        `${unacknowledged.filter((c) => counts.has(c.token)).length} of those saved anyway`,
    );
    expect(kills).toBe(KILLS_AFTER.length);
    expect(completedAfterCrash).toBeGreaterThan(0);
    expect(captures.filter((capture) => capture.refused).map((c) => `${c.token}: ${c.refused}`)).toEqual([]);
    expect(lost.map((c) => c.token)).toEqual([]);
    expect(twice.map((c) => c.token)).toEqual([]);
    // Only what no one will send again may stay unacknowledged.
    expect(unacknowledged.filter((capture) => capture.kind !== 'slash').map((c) => c.token)).toEqual([]);
  });
});
