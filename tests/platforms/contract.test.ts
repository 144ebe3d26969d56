// One scenario, three front ends: create an account, add a note, show it, ask its health, through the console,
// Slack and Teams. Each must store the same thing and say the same facts.
import { afterAll, describe, expect, it } from 'vitest';
import { CommandEngine } from '../../src/commands/engine.ts';
import { silentLogger } from '../../src/logger.ts';
import { openConsoleSession } from '../../src/platforms/console/session.ts';
import { renderText } from '../../src/replies/text.ts';
import type { Store } from '../../src/store/store.ts';
import { startSlackHarness } from '../helpers/slack-harness.ts';
import { openTestStore } from '../helpers/store.ts';
import { cardsIn, startTeamsHarness } from '../helpers/teams-harness.ts';

const SCENARIO = [
  { say: '/account new Contract Test Co tier:A', facts: ['Created Contract Test Co (contract)', 'tier A (strategic)'] },
  {
    say: '/account note contract Met the CFO, budget approved #win',
    facts: ['Saved a note to Contract Test Co (contract)'],
  },
  {
    say: '/account show contract test',
    facts: ['Contract Test Co (contract)', 'Met the CFO, budget approved #win', 'positive'],
  },
  {
    say: 'how is contract test co doing?',
    facts: ['Health: Contract Test Co (contract)', 'Sentiment', 'one note in the last 90 days, positive'],
  },
];

interface Driver {
  name: string;
  /** Says one line and returns everything the reply showed, as text. */
  say(text: string): Promise<string>;
  store: Store;
  close(): Promise<void>;
}

async function consoleDriver(): Promise<Driver> {
  const db = await openTestStore();
  const session = await openConsoleSession(db.store, {
    engine: new CommandEngine(silentLogger),
    userName: 'Dana Lee',
    timeZone: 'Europe/Berlin',
  });
  return {
    name: 'console',
    store: db.store,
    say: async (text) => renderText((await session.run(text)).reply),
    close: () => db.close(),
  };
}

/** Text as a person reads it in a Slack payload or an Adaptive Card: entities decoded. */
function readable(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/\\n/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function slackDriver(): Promise<Driver> {
  const h = await startSlackHarness();
  return {
    name: 'slack',
    store: h.store,
    async say(text) {
      const before = h.fake.requests.length;
      const plain = text.replace(/^\/account\s+/, '');
      if (text.startsWith('/account')) await h.command(plain);
      else
        await h.event({
          type: 'event_callback',
          team_id: 'T0A1B2C3D4E',
          event_id: `Ev${Date.now()}${Math.random()}`,
          event: {
            type: 'app_mention',
            user: 'U07QX3Z9K2M',
            text: `<@U0BOT> ${text}`,
            ts: `${Date.now() / 1000}`,
            channel: 'C07GENRL123',
          },
        });
      await h.fake.waitFor((requests) =>
        requests.slice(before).some((r) => r.path.startsWith('/response/') || r.path === '/api/chat.postMessage'),
      );
      return readable(
        h.fake.requests
          .slice(before)
          .filter((r) => r.path.startsWith('/response/') || r.path === '/api/chat.postMessage')
          .map((r) => r.body),
      );
    },
    close: () => h.close(),
  };
}

async function teamsDriver(): Promise<Driver> {
  const h = await startTeamsHarness();
  let id = 0;
  return {
    name: 'teams',
    store: h.store,
    async say(text) {
      const before = h.fake.requests.length;
      await h.post(h.activity('personal_message', { text, id: `m-${++id}` }));
      return readable(h.fake.requests.slice(before).flatMap((request) => cardsIn(request.body)));
    },
    close: () => h.close(),
  };
}

const drivers: Driver[] = [];
afterAll(async () => {
  for (const driver of drivers) await driver.close();
});

describe.each([
  ['console', consoleDriver],
  ['slack', slackDriver],
  ['teams', teamsDriver],
])('the same scenario through %s', (_name, start) => {
  it('stores the same account and note, and says the same facts', async () => {
    const driver = await start();
    drivers.push(driver);
    for (const step of SCENARIO) {
      const shown = await driver.say(step.say);
      for (const fact of step.facts) expect(shown, `${driver.name}: “${step.say}”`).toContain(fact);
    }
    const [workspace] = await driver.store.workspaces.list();
    const ws = driver.store.forWorkspace(workspace?.id ?? 0);
    const account = await ws.accounts.byKey('contract');
    expect(account).toMatchObject({ name: 'Contract Test Co', tier: 'A', status: 'active' });
    const notes = await ws.notes.forAccount(account?.id ?? 0, 10);
    expect(notes.map((note) => [note.body, note.sentiment, note.tags])).toEqual([
      ['Met the CFO, budget approved #win', 'positive', ['win']],
    ]);
    expect((await ws.users.byId(notes[0]?.authorId ?? 0))?.displayName).toBe('Dana Lee');
  });
});
