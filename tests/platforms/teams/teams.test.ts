// Teams through the real teams-ai app at /api/messages: activities built from the platform fixtures in, a fake
// Bot Connector at their serviceUrl recording what the bot sends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../../src/store/store.ts';
import { adaptiveCardProblems } from '../../helpers/adaptive-card-check.ts';
import { rowCounts } from '../../helpers/row-counts.ts';
import { cardsIn, DANA_AAD, startTeamsHarness, TENANT, type TeamsHarness } from '../../helpers/teams-harness.ts';

let h: TeamsHarness;
let ws: WorkspaceStore;
let acmeId: number;

beforeAll(async () => {
  h = await startTeamsHarness();
  const workspace = await h.store.workspaces.ensureInstallation('teams', TENANT, {
    name: 'Contoso',
    timeZone: 'Europe/Berlin',
  });
  ws = h.store.forWorkspace(workspace.id);
  const dana = await ws.users.ensureFromIdentity({ platform: 'teams', externalId: DANA_AAD, displayName: 'Dana Lee' });
  acmeId = (
    await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A', ownerId: dana.id }, SYSTEM_ACTOR)
  ).id;
  await ws.accounts.create({ key: 'initech', name: 'Initech' }, SYSTEM_ACTOR);
  await ws.accounts.create({ key: 'initrode', name: 'Initrode' }, SYSTEM_ACTOR);
});
beforeEach(() => {
  h.fake.requests.length = 0;
});
afterAll(() => h.close());

function cardText(card: unknown): string {
  return JSON.stringify(card);
}

describe('messages', () => {
  it('answers a personal message with the account card', async () => {
    const response = await h.post(h.activity('personal_message', { text: 'how is acme doing?', id: 'msg-1' }));
    expect(response.status).toBe(200);
    const [reply] = h.sent();
    expect(reply?.path).toMatch(/^\/v3\/conversations\/a%3A.+\/activities\/msg-1$/);
    const [card] = cardsIn(reply?.body);
    expect(cardText(card)).toContain('Health: Acme Corporation');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('answers a channel @mention, with the bot’s mention removed', async () => {
    const response = await h.post(
      h.activity('channel_message_mention', { text: '<at>NotesBot</at> account show acme', id: 'msg-2' }),
    );
    expect(response.status).toBe(200);
    const [card] = cardsIn(h.sent()[0]?.body);
    expect(cardText(card)).toContain('Acme Corporation (acme)');
    expect(cardText(card)).toContain('Owner');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('offers the candidates of an ambiguous name as Action.Execute buttons', async () => {
    await h.post(h.activity('personal_message', { text: 'show init', id: 'msg-3' }));
    const card = cardsIn(h.sent()[0]?.body)[0];
    expect(cardText(card)).toContain('"verb":"account_choose"');
    expect(cardText(card)).toContain('/account show initrode');
  });
});

describe('Action.Execute', () => {
  it('updates the card it was pressed on', async () => {
    const invoke = h.activity('invoke_adaptive_card_action_execute');
    const value = invoke.value as { action: Record<string, unknown> };
    const response = await h.post({
      ...invoke,
      value: {
        ...value,
        action: {
          ...value.action,
          verb: 'account_choose',
          data: { verb: 'account_choose', value: '/account show initrode' },
        },
      },
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { statusCode: number; type: string; value: unknown };
    expect(answer.statusCode).toBe(200);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toContain('Initrode (initrode)');
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
  });
});

describe('the message extension', () => {
  it('saves a message to an account with its link, and a second save of it stores nothing new', async () => {
    const fetch = h.activity('invoke_compose_extension_fetch_task_message');
    const fetched = await h.post({ ...fetch, value: { ...(fetch.value as object), commandId: 'saveToAccount' } });
    expect(fetched.status).toBe(200);
    const task = (await fetched.json()) as { task: { type: string; value: { card: { content: unknown } } } };
    expect(task.task.type).toBe('continue');
    expect(adaptiveCardProblems(task.task.value.card.content)).toEqual([]);

    // Each save is an activity of its own, as when the person saves the message a second time.
    const save = () => {
      const submit = h.activity('invoke_compose_extension_submit_action_message');
      const value = submit.value as Record<string, unknown>;
      return h.post({
        ...submit,
        value: {
          ...value,
          commandId: 'saveToAccount',
          data: { account: String(acmeId), body: 'Decision: we freeze the API on Dec 5' },
        },
      });
    };
    const first = await save();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      task: { type: 'message', value: 'Saved a note to Acme Corporation (acme).' },
    });
    const before = rowCounts(h.databasePath);
    const second = await (await save()).json();
    expect(second).toEqual({
      task: {
        type: 'message',
        value: 'That message was already saved to Acme Corporation (acme); nothing new was added.',
      },
    });
    expect(rowCounts(h.databasePath).Note).toBe(before.Note);

    const [note] = await ws.notes.forAccount(acmeId, 1);
    expect(note).toMatchObject({
      body: 'Decision: we freeze the API on Dec 5',
      sourceRef: {
        source: 'teams',
        messageId: '1764263400001',
        permalink:
          'https://teams.microsoft.com/l/message/19:6848757105754c8981c67612732d9aa7@thread.tacv2/1764263400001',
      },
      occurredAt: new Date('2025-11-27T17:10:00.001Z'),
    });
    expect((await ws.users.byId(note?.authorId ?? 0))?.displayName).toBe('Raj Patel');
  });

  it('answers “Find account” with account cards', async () => {
    const query = h.activity('invoke_compose_extension_query');
    const response = await h.post({
      ...query,
      value: { ...(query.value as object), commandId: 'findAccount', parameters: [{ name: 'query', value: 'ini' }] },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      composeExtension: { type: string; attachments: { content: unknown; preview: unknown }[] };
    };
    expect(result.composeExtension.type).toBe('result');
    expect(
      result.composeExtension.attachments.map(
        (attachment) => cardText(attachment.content).match(/Init\w+ \(\w+\)/)?.[0],
      ),
    ).toEqual(['Initech (initech)', 'Initrode (initrode)']);
    for (const attachment of result.composeExtension.attachments)
      expect(adaptiveCardProblems(attachment.content)).toEqual([]);
  });
});

describe('proactive messages', () => {
  it('remembers the team it was added to, and can post there later', async () => {
    const added = await h.post(h.activity('conversation_update_bot_added_to_team'));
    expect(added.status).toBe(200);
    // Added to a team, it says what it does and how to start there, on a valid card.
    const welcome = h.sent().find((sent) => cardText(cardsIn(sent.body)[0]).includes("Hello, I'm kam-bot"));
    expect(welcome?.path).toMatch(
      new RegExp(
        `^/v3/conversations/${encodeURIComponent('19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2')}/activities`,
      ),
    );
    const welcomeCard = cardsIn(welcome?.body)[0];
    expect(cardText(welcomeCard)).toContain('@kam digest subscribe: the weekly digest in this channel');
    expect(adaptiveCardProblems(welcomeCard)).toEqual([]);
    const [conversation] = await ws.conversations.list('teams');
    expect(conversation).toMatchObject({
      kind: 'channel',
      externalId: '19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2',
    });
    await h.running.teams?.sendProactive(conversation?.reference as never, {
      tone: 'info',
      audience: 'channel',
      summary: 'Weekly digest',
      title: 'Weekly digest',
      blocks: [{ type: 'text', text: '3 accounts need attention' }],
    });
    const post = h.sent().find((sent) => cardText(cardsIn(sent.body)[0]).includes('3 accounts need attention'));
    expect(post?.path).toBe(
      `/v3/conversations/${encodeURIComponent('19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2')}/activities`,
    );
    expect(cardText(cardsIn(post?.body)[0])).toContain('3 accounts need attention');
  });
});

describe('the endpoint', () => {
  it('answers a body without a type with 400, and keeps serving', async () => {
    const typeless = await h.post({ text: 'hello' });
    expect(typeless.status).toBe(400);
    const notJson = await h.post('this is not json');
    expect(notJson.status).toBe(400);
    const after = await h.post(h.activity('personal_message', { text: 'help', id: 'msg-9' }));
    expect(after.status).toBe(200);
  });

  it('answers an activity without a recipient, sender or conversation with 400 saying which, not a 500', async () => {
    for (const part of ['recipient', 'from', 'conversation'] as const) {
      const { [part]: _left, ...activity } = h.activity('personal_message', { text: 'help', id: `msg-no-${part}` });
      const response = await h.post(activity);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: `The request body is not a Bot Framework activity (it has no ${part}.id).`,
      });
    }
    expect((await h.post(h.activity('personal_message', { text: 'help', id: 'msg-10' }))).status).toBe(200);
  });
});

describe('cards as forms', () => {
  function execute(verb: string, data: Record<string, unknown>) {
    const invoke = h.activity('invoke_adaptive_card_action_execute');
    const value = invoke.value as { action: Record<string, unknown> };
    return h.post({ ...invoke, value: { ...value, action: { ...value.action, verb, data: { verb, ...data } } } });
  }

  it('opens the new-account form in place of the card, and creates the account on submit', async () => {
    const opened = (await (
      await execute('form_open', { value: JSON.stringify({ formId: 'account_new' }) })
    ).json()) as { value: unknown };
    expect(cardText(opened.value)).toContain('Input.Text');
    expect(adaptiveCardProblems(opened.value)).toEqual([]);
    const submitted = (await (
      await execute('form_submit', { formId: 'account_new', name: 'Umbrella Corporation', tier: 'A', region: 'EMEA' })
    ).json()) as {
      value: unknown;
    };
    expect(cardText(submitted.value)).toContain('Created Umbrella Corporation (umbrella)');
    expect(await ws.accounts.byKey('umbrella')).toMatchObject({ tier: 'A', region: 'EMEA' });
  });

  it('keeps the form open with the problem named when a value is wrong', async () => {
    const submitted = (await (
      await execute('form_submit', { formId: 'account_new', name: '', tier: 'A', region: 'APAC' })
    ).json()) as {
      value: unknown;
    };
    expect(cardText(submitted.value)).toContain('Give the account a name.');
    expect(cardText(submitted.value)).toContain('"id":"region"');
    expect(cardText(submitted.value)).toContain('"value":"APAC"');
    expect(adaptiveCardProblems(submitted.value)).toEqual([]);
    expect(await ws.accounts.count(true)).toBe(4);
  });
});

describe('big answers', () => {
  it('stay valid Adaptive Cards within 40 KB: a 10,000-character note and a 500-account list', async () => {
    await ws.notes.add(
      { accountId: acmeId, body: `${'Minutes of the steering committee. '.repeat(290)}end` },
      SYSTEM_ACTOR,
    );
    await ws.transaction(async (tx) => {
      for (let i = 0; i < 500; i++)
        await tx.accounts.create({ key: `bulk-${i}`, name: `Bulk Account ${i}` }, SYSTEM_ACTOR);
    });
    for (const [i, text] of ['list', 'notes acme', 'show acme', 'tasks', 'search steering'].entries()) {
      await h.post(h.activity('personal_message', { text, id: `big-${i}` }));
    }
    const cards = h.sent().flatMap((request) => cardsIn(request.body));
    expect(cards).toHaveLength(5);
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(cards[0])).toMatch(/…and \d+ more/);
  });
});
