// The console chat, driven as a person would: lines typed in, replies read back.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandEngine } from '../../src/commands/engine.ts';
import { silentLogger } from '../../src/logger.ts';
import { runChat } from '../../src/platforms/console/chat.ts';
import { openConsoleSession } from '../../src/platforms/console/session.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';

let db: TestDatabase;
beforeEach(async () => {
  db = await openTestStore();
});
afterEach(() => db.close());

async function chat(lines: string[], offerDemo?: () => Promise<string>, userName = 'Dana Scully') {
  const session = await openConsoleSession(db.store, {
    engine: new CommandEngine(silentLogger),
    userName,
    timeZone: 'Europe/Berlin',
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk: Buffer) => {
    transcript += chunk.toString('utf8');
  });
  const done = runChat(session, { input, output, terminal: false }, offerDemo ? { offerDemo } : {});
  input.end(`${lines.join('\n')}\n`);
  await done;
  return { transcript, session };
}

describe('the console chat', () => {
  it('answers commands and questions typed at the prompt, then says goodbye', async () => {
    const { transcript, session } = await chat([
      '/account new Acme Corporation tier:A',
      '/account note acme Met the CFO #win',
      'how is acme doing?',
      'exit',
      '/account list',
    ]);
    expect(session.user).toMatchObject({ displayName: 'Dana Scully', role: 'admin' });
    expect(transcript).toContain('kam-bot · Local workspace · you are Dana Scully (admin)');
    expect(transcript).toContain('kam> ');
    expect(transcript).toContain('Created Acme Corporation (acme): tier A (strategic), owner Dana Scully.');
    expect(transcript).toContain('Saved a note to Acme Corporation (acme).');
    expect(transcript).toContain('Health: Acme Corporation (acme)');
    expect(transcript).toContain('Sentiment: 100 — one note in the last 90 days, positive');
    // Nothing after "exit" runs.
    expect(transcript).not.toContain('Portfolio');
    expect(transcript.trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('offers the demo on an empty workspace and loads it when accepted', async () => {
    let offered = 0;
    const { transcript } = await chat(['y', '/account list'], async () => {
      offered++;
      const session = await openConsoleSession(db.store, {
        engine: new CommandEngine(silentLogger),
        userName: 'Dana Scully',
        timeZone: 'Europe/Berlin',
      });
      await session.store.accounts.create({ key: 'demo', name: 'Demo Industries' }, SYSTEM_ACTOR);
      return 'Loaded the demo.';
    });
    expect(offered).toBe(1);
    expect(transcript).toContain('Load the demo portfolio? [Y/n]');
    expect(transcript).toContain('Loaded the demo.');
    expect(transcript).toContain('Demo Industries (demo)');
  });

  it('does not load the demo when declined, and does not offer it when accounts exist', async () => {
    let offered = 0;
    const offer = async () => {
      offered++;
      return 'loaded';
    };
    const declined = await chat(['nordwind', 'n', '/account list'], offer);
    expect(offered).toBe(0);
    // A word that is neither yes nor no asks again; declining says how to get the demo later.
    expect(declined.transcript).toContain('Please answer y or n: load the demo portfolio? [Y/n]');
    expect(declined.transcript).toContain('No demo loaded. kam demo loads it any time');
    expect(declined.transcript).toContain('No accounts yet.');
    await declined.session.store.accounts.create({ key: 'acme', name: 'Acme' }, SYSTEM_ACTOR);
    const again = await chat(['/account list'], offer);
    expect(again.transcript).not.toContain('Load the demo portfolio');
  });

  it('lets a number pick from the choices of the last reply', async () => {
    const { transcript } = await chat([
      '/account new Initech',
      '/account new Initrode',
      '/account show init',
      '5',
      '2',
    ]);
    expect(transcript).toContain('There is no choice 5; pick a number from 1 to 2.');
    expect(transcript).toContain('“init” could be 2 accounts. Which one do you mean?');
    expect(transcript).toContain('1. Initech (initech)');
    expect(transcript).toContain('→ /account show initrode');
    expect(transcript).toContain('Initrode (initrode)\n  Health:');
  });

  it('ends cleanly at the end of input, and knows the person again next time', async () => {
    const first = await chat([]);
    const second = await chat(['/account help']);
    expect(first.transcript.trimEnd().endsWith('Bye.')).toBe(true);
    expect(second.session.user.id).toBe(first.session.user.id);
    expect(second.transcript).toContain('/account note — Capture a note');
  });

  it('makes the second person a member, not an admin', async () => {
    await chat([]);
    const { session } = await chat([], undefined, 'Walter Skinner');
    expect(session.user.role).toBe('member');
  });
});

describe('the console chat on a terminal', () => {
  async function terminal(userName = 'Dana Scully') {
    const session = await openConsoleSession(db.store, {
      engine: new CommandEngine(silentLogger),
      userName,
      timeZone: 'Europe/Berlin',
    });
    await session.store.accounts.create({ key: 'acme', name: 'Acme Corporation' }, SYSTEM_ACTOR);
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = '';
    output.on('data', (chunk: Buffer) => {
      transcript += chunk.toString('utf8');
    });
    const done = runChat(session, { input, output, terminal: true });
    const waitFor = async (text: string) => {
      while (!transcript.includes(text)) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    return { session, input, done, waitFor, transcript: () => transcript };
  }

  it('keeps a pasted multi-line note one message', async () => {
    const t = await terminal();
    await t.waitFor('kam> ');
    t.input.write('/account note acme Call with the CFO:\r- budget approved\r- start in March\r');
    await t.waitFor('Saved a note to Acme Corporation (acme).');
    const notes = await t.session.store.notes.forAccount((await t.session.store.accounts.byKey('acme'))?.id ?? 0, 5);
    expect(notes.map((note) => note.body)).toEqual(['Call with the CFO:\n- budget approved\n- start in March']);
    t.input.end();
    await t.done;
  });

  it('clears a half-typed line on Ctrl-C instead of quitting, and says how to leave on an empty one', async () => {
    const t = await terminal();
    await t.waitFor('kam> ');
    t.input.write('/account show nordw');
    t.input.write('\u0003');
    t.input.write('\u0003');
    await t.waitFor('Ctrl-D or “exit” leaves kam-bot.');
    t.input.write('/account show acme\r');
    await t.waitFor('Acme Corporation (acme)\n');
    expect(t.transcript()).not.toContain('couldn');
    t.input.end();
    await t.done;
  });
});
