// Notes from Slack messages: the message shortcut with its form, the :memo: reaction in a linked channel, and
// "save this thread"; each message is one note however often it is saved or redelivered.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceStore } from '../../../src/store/store.ts';
import { SYSTEM_ACTOR } from '../../../src/store/store.ts';
import { Answer } from '../../helpers/fake-server.ts';
import { ASKER, AUTHOR, fixture, type SlackHarness, startSlackHarness, TEAM } from '../../helpers/slack-harness.ts';

let h: SlackHarness;
let ws: WorkspaceStore;
let acmeId: number;
const CHANNEL = 'C07GENRL123';
const LINKED = 'C0ACMEDEAL1';

beforeAll(async () => {
  h = await startSlackHarness();
  const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, {
    name: 'acme-eng',
    timeZone: 'Europe/Berlin',
  });
  ws = h.store.forWorkspace(workspace.id);
  acmeId = (await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR)).id;
  await ws.accounts.create({ key: 'globex', name: 'Globex' }, SYSTEM_ACTOR);
  await ws.channelLinks.link('slack', LINKED, acmeId, SYSTEM_ACTOR);
});
beforeEach(() => {
  h.fake.requests.length = 0;
});
afterAll(() => h.close());

const message = (ts: string, text: string, user = AUTHOR) => ({ type: 'message', user, ts, text });

function history(messages: ReturnType<typeof message>[]) {
  h.fake.on('/api/conversations.history', (request) => ({
    ok: true,
    messages: messages.filter((m) => m.ts === request.body.latest),
  }));
}

describe('the message shortcut “Save to account”', () => {
  const original = message('1732741234.123459', 'Decision: Acme freezes the API on Dec 5 <!channel>');

  function shortcut() {
    return h.interactive({
      ...fixture<Record<string, unknown>>('message_action.json'),
      callback_id: 'save_to_account',
      user: { id: ASKER, username: 'dana.lee', team_id: TEAM, name: 'dana.lee' },
      message: original,
      message_ts: original.ts,
    });
  }

  async function submit(view: { private_metadata: string; callback_id: string }) {
    return h.interactive({
      ...fixture<Record<string, unknown>>('view_submission.json'),
      user: { id: ASKER, username: 'dana.lee', name: 'dana.lee', team_id: TEAM },
      view: {
        ...fixture<{ view: object }>('view_submission.json').view,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            account: {
              account: {
                type: 'external_select',
                selected_option: { text: { type: 'plain_text', text: 'Acme' }, value: String(acmeId) },
              },
            },
            body: { textarea: { type: 'plain_text_input', value: 'Decision: Acme freezes the API on Dec 5 @channel' } },
          },
        },
      },
    });
  }

  it('opens the note form with the message and the account it names, then stores the note with its link, once', async () => {
    history([original]);
    expect((await shortcut()).status).toBe(200);
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/api/views.open'));
    const view = h.fake.calls('/api/views.open')[0]?.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string; element: { initial_option?: { value: string }; initial_value?: string } }[];
    };
    expect(view.callback_id).toBe('note_new');
    const account = view.blocks.find((block) => block.block_id === 'account');
    expect(account?.element.initial_option?.value).toBe(String(acmeId));
    expect(view.blocks.find((block) => block.block_id === 'body')?.element.initial_value).toContain('freezes the API');

    const first = await submit(view);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/api/chat.postEphemeral'));
    const notes = await ws.notes.forAccount(acmeId, 10);
    const saved = notes.filter((note) => note.sourceRef.messageId === original.ts);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      sourceRef: {
        source: 'slack',
        channel: CHANNEL,
        permalink: `https://acme-eng.slack.com/archives/${CHANNEL}/p1732741234123459`,
      },
      occurredAt: new Date(1_732_741_234_123),
    });
    const author = await ws.users.byId(saved[0]?.authorId ?? 0);
    expect(author?.displayName).toBe('Raj Patel');

    // The same message again: still one note, and the person is told so.
    await submit(view);
    await h.fake.waitFor((requests) => requests.filter((r) => r.path === '/api/chat.postEphemeral').length >= 2);
    expect(
      (await ws.notes.forAccount(acmeId, 10)).filter((note) => note.sourceRef.messageId === original.ts),
    ).toHaveLength(1);
    expect(JSON.stringify(h.fake.calls('/api/chat.postEphemeral')[1]?.body)).toContain('already saved');
  });

  it('shows a mistake under the form instead of closing it', async () => {
    const response = await h.interactive({
      ...fixture<Record<string, unknown>>('view_submission.json'),
      user: { id: ASKER, team_id: TEAM },
      view: {
        ...fixture<{ view: object }>('view_submission.json').view,
        callback_id: 'note_new',
        private_metadata: '{}',
        state: {
          values: {
            account: { account: { type: 'external_select', selected_option: null } },
            body: { textarea: { type: 'plain_text_input', value: 'x' } },
          },
        },
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: { account: 'Pick one from the list.' },
    });
  });
});

describe('a :memo: reaction in a linked channel', () => {
  it('saves the message as a note and confirms in its thread, once even when Slack redelivers the event', async () => {
    const reacted = message('1732741999.000100', 'Procurement wants a second offer #risk');
    history([reacted]);
    const envelope = {
      ...fixture<Record<string, unknown>>('event_reaction_added.json'),
      team_id: TEAM,
      event_id: 'Ev0REACTION1',
      event: {
        type: 'reaction_added',
        user: ASKER,
        reaction: 'memo',
        item_user: AUTHOR,
        item: { type: 'message', channel: LINKED, ts: reacted.ts },
        event_ts: '1732742000.000200',
      },
    };
    expect((await h.event(envelope)).status).toBe(200);
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/api/chat.postMessage'));
    // The redelivery is recognised on arrival and acknowledged: by its 200, nothing more will run for it.
    expect((await h.event(envelope, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(
      200,
    );
    expect(h.fake.calls('/api/conversations.history')).toHaveLength(1);

    const saved = (await ws.notes.forAccount(acmeId, 20)).filter((note) => note.sourceRef.messageId === reacted.ts);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      body: 'Procurement wants a second offer #risk',
      sentiment: 'negative',
      tags: ['risk'],
    });
    const confirmations = h.fake.calls('/api/chat.postMessage');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.body).toMatchObject({ channel: LINKED, thread_ts: reacted.ts });
    expect(String(confirmations[0]?.body.text)).toContain('Saved to Acme Corporation');
  });

  it('does nothing in a channel that is not linked, or for another emoji', async () => {
    const before = await ws.notes.countForAccount(acmeId);
    const base = { ...fixture<Record<string, unknown>>('event_reaction_added.json'), team_id: TEAM };
    await h.event({
      ...base,
      event_id: 'Ev0UNLINKED',
      event: {
        type: 'reaction_added',
        user: ASKER,
        reaction: 'memo',
        item: { type: 'message', channel: 'C0NOTLINKED', ts: '1.1' },
        event_ts: '2',
      },
    });
    await h.event({
      ...base,
      event_id: 'Ev0THUMBS',
      event: {
        type: 'reaction_added',
        user: ASKER,
        reaction: '+1',
        item: { type: 'message', channel: LINKED, ts: '1.2' },
        event_ts: '3',
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ws.notes.countForAccount(acmeId)).toBe(before);
    expect(h.fake.calls('/api/chat.postMessage')).toHaveLength(0);
  });
});

describe('@kam in a thread', () => {
  const mention = (ts: string, text: string, threadTs?: string, eventId = `Ev${ts.replace('.', '')}`) => ({
    ...fixture<Record<string, unknown>>('event_app_mention.json'),
    team_id: TEAM,
    event_id: eventId,
    event: {
      type: 'app_mention',
      user: ASKER,
      text,
      ts,
      channel: CHANNEL,
      event_ts: ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    },
  });

  it('answers a question in its thread', async () => {
    await h.event(mention('1732743000.000100', '<@U0BOT> how is acme doing?'));
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/api/chat.postMessage'));
    const answer = h.fake.calls('/api/chat.postMessage')[0]?.body;
    expect(answer).toMatchObject({ channel: CHANNEL, thread_ts: '1732743000.000100' });
    expect(JSON.stringify(answer)).toContain('Health: Acme Corporation');
  });

  it('saves “@kam note acme: …” once, even when the mention is redelivered', async () => {
    const event = mention('1732743100.000100', '<@U0BOT> note acme: CFO approved the budget #win', '1732743000.000100');
    await h.event(event);
    await h.event(event, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/api/chat.postMessage'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const saved = (await ws.notes.forAccount(acmeId, 50)).filter(
      (note) => note.sourceRef.messageId === '1732743100.000100',
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]?.body).toBe('CFO approved the budget #win');
    expect(h.fake.calls('/api/chat.postMessage')).toHaveLength(1);
  });

  it('saves the whole thread with “save this thread to globex”, reading every page through a rate limit', async () => {
    const threadTs = '1732744000.000100';
    const pages = [
      {
        messages: [
          message(threadTs, 'Kick-off for the Globex pilot', AUTHOR),
          message('1732744001.000100', 'Budget is 120k <@U07RAJ4ABCD>', ASKER),
        ],
        next: 'page2',
      },
      { messages: [message('1732744002.000100', 'Legal wants the DPA first', AUTHOR)], next: '' },
    ];
    let limited = false;
    h.fake.on('/api/conversations.replies', (request) => {
      // Slack rate-limits the second page once: the client must wait and ask again, not give up.
      if (request.body.cursor === 'page2' && !limited) {
        limited = true;
        return new Answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      }
      const page = request.body.cursor === 'page2' ? pages[1] : pages[0];
      return {
        ok: true,
        messages: page?.messages,
        has_more: Boolean(page?.next),
        response_metadata: { next_cursor: page?.next ?? '' },
      };
    });
    await h.event(mention('1732744003.000100', '<@U0BOT> save this thread to globex', threadTs));
    await h.fake.waitFor((requests) => requests.some((r) => r.path === '/api/chat.postMessage'));
    const globex = await ws.accounts.byKey('globex');
    const [note] = await ws.notes.forAccount(globex?.id ?? 0, 1);
    expect(note?.sourceRef).toMatchObject({ source: 'slack', channel: CHANNEL, messageId: `thread:${threadTs}` });
    expect(note?.body).toContain('Raj Patel');
    expect(note?.body).toContain('Kick-off for the Globex pilot');
    expect(note?.body).toContain('Budget is 120k @Raj Patel');
    expect(note?.body).toContain('Legal wants the DPA first');
    expect(limited).toBe(true);
    expect(h.fake.calls('/api/conversations.replies')).toHaveLength(3);
  });
});
