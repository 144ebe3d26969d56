// `/account digest now` typed at the console chat, on the demo portfolio loaded on a Monday morning.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandEngine } from '../../src/commands/engine.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { silentLogger } from '../../src/logger.ts';
import { runChat } from '../../src/platforms/console/chat.ts';
import { type ConsoleSession, openConsoleSession } from '../../src/platforms/console/session.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';

const NOW = new Date('2026-11-30T08:00:00Z');

let db: TestDatabase;
let session: ConsoleSession;

beforeAll(async () => {
  db = await openTestStore();
  session = await openConsoleSession(db.store, {
    engine: new CommandEngine(silentLogger),
    userName: 'Dana Scully',
    timeZone: 'Europe/Berlin',
    now: () => NOW,
  });
  await loadDemo(session.store, { now: NOW, you: session.user.id });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk: Buffer) => {
    transcript += chunk.toString('utf8');
  });
  const done = runChat(session, { input, output, terminal: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return transcript;
}

/** The account lines of a section, from its heading to the blank line after it. */
function section(transcript: string, heading: string): string[] {
  const start = transcript.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const rest = transcript.slice(start + heading.length + 2);
  return rest.slice(0, rest.indexOf('\n\n')).split('\n');
}

describe('/account digest now in the console', () => {
  it('shows the whole digest, restricted accounts left out', async () => {
    const transcript = await chat(['/account digest now']);
    expect(transcript).toContain(
      'Account health digest · 2026-11-30\n  Green: 16 (-2)\n  Amber: 11 (+1)\n  Red:   6 (+1)',
    );
    const attention = section(transcript, 'Needs attention');
    expect(attention.filter((line) => line.startsWith('  • '))).toEqual([
      expect.stringMatching(
        /^ {2}• 🔴 Corvane Mobility \(corvane\) — red ↓ .* · economic buyer Giulia Bianchi \(influence 5\/5\) is negative; no positive contact among 5 · owner /,
      ),
      expect.stringMatching(
        /^ {2}• 🟠 Falkvik Pharma \(falkvik\) — amber ↓ -18 since last week .* · owner Sofia Marchetti$/,
      ),
      expect.stringMatching(/^ {2}• 🟠 Brasca Telecom \(brasca\) — amber ↓ .*1 of 2 follow-ups overdue, by 7 days/),
    ]);
    expect(section(transcript, 'Losses this week').join('\n')).toContain('Nordwind France (nordwind-fr)');
    expect(transcript).not.toMatch(/Oakhaven|Westerholm/);
  });

  it('narrows to the filters typed after it', async () => {
    const transcript = await chat(['/account digest now tier:A']);
    const attention = section(transcript, 'Needs attention').filter((line) => line.startsWith('  • '));
    expect(attention).toHaveLength(1);
    expect(attention[0]).toContain('Falkvik Pharma (falkvik)');
  });

  it('answers "linked" outside a channel with one clear sentence instead of a digest', async () => {
    const transcript = await chat(['/account digest now linked']);
    expect(transcript).toContain('“linked” means the account linked to this channel; use it in a channel.');
    expect(transcript).not.toContain('Needs attention');
  });
});
