// Notes captured per second through the Slack events endpoint: a :memo: reaction on a message in a channel linked
// to an account saves the message as a note. Eight senders, each sending its next reaction once the previous note's
// confirmation reached the channel; one event in ten is redelivered at once (X-Slack-Retry-Num: 1), racing the
// first delivery, as Slack does when an ack is late. Afterwards the database is checked: one note per message, no
// duplicate, none lost; then the benchmark's notes are deleted again so every run starts from the same data.
import BetterSqlite3 from 'better-sqlite3';
import { Random } from '../../src/demo/random.ts';
import { Child, profileDirFor } from '../lib/child.ts';
import { type BenchContext, serveEnv } from '../lib/context.ts';
import { type Arrival, bodyOf } from '../lib/fake-platform.ts';
import { type Prepared, send, signedSlack } from '../lib/http-client.ts';

export const SENDERS = 8;
export const REDELIVERY_SHARE = 0.1;
const CONFIRMATION_TIMEOUT_MS = 30_000;

export interface CapturePhase {
  messages: number;
  events: number;
  redeliveries: number;
  elapsedMs: number;
  notesPerSecond: number;
  /** Time from sending a reaction to its confirmation in the thread. */
  confirmMs: number[];
  timeouts: number;
}

export interface CaptureRun {
  warmup: CapturePhase;
  measured: CapturePhase;
  /** From the database after the run. */
  notesCreated: number;
  duplicateNotes: number;
  missingNotes: number;
  /** Messages confirmed in their thread more than once. */
  duplicateConfirmations: number;
}

interface Message {
  channel: string;
  ts: string;
  key: string;
}

let bodies: string[] | null = null;

/** Message texts: real note bodies from the generated workspace. */
function messageTexts(ctx: BenchContext): string[] {
  if (!bodies) {
    const db = new BetterSqlite3(ctx.dbPath, { readonly: true });
    bodies = db.prepare('SELECT body FROM Note WHERE id % 997 = 0 LIMIT 2000').pluck().all() as string[];
    db.close();
  }
  return bodies;
}

function reactionEvent(ctx: BenchContext, message: Message, reactor: string, eventId: string): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    token: 'bench-verification-token',
    team_id: ctx.meta.slackTeamId,
    context_team_id: ctx.meta.slackTeamId,
    api_app_id: 'A0BENCHAPP',
    event: {
      type: 'reaction_added',
      user: reactor,
      reaction: 'memo',
      item_user: reactor,
      item: { type: 'message', channel: message.channel, ts: message.ts, channel_type: 'channel' },
      event_ts: `${now}.000200`,
    },
    type: 'event_callback',
    event_id: eventId,
    event_time: now,
    authorizations: [
      {
        enterprise_id: null,
        team_id: ctx.meta.slackTeamId,
        user_id: 'U0BOT',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
}

/** Requests kam-bot recorded and has not finished yet. */
function unfinishedRequests(dbPath: string): number {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM InboundRequest WHERE status = 'pending'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let tsSequence = 0;

async function phase(
  ctx: BenchContext,
  baseUrl: string,
  count: number,
  capMs: number,
  rng: Random,
  waiters: Map<string, () => void>,
  pending: Promise<unknown>[],
): Promise<CapturePhase> {
  const texts = messageTexts(ctx);
  const slackUsers = ctx.meta.slackUsers;
  const messages: { message: Message; original: Prepared; redelivery: Prepared | null }[] = [];
  for (let i = 0; i < count; i++) {
    const link = rng.pick(ctx.meta.linkedChannels);
    const ts = `${1_950_000_000 + ++tsSequence}.000100`;
    const message = { channel: link.channel, ts, key: `${link.channel}/${ts}` };
    ctx.fake.messages.set(message.key, { ts, text: rng.pick(texts), user: rng.pick(slackUsers) });
    const body = reactionEvent(ctx, message, rng.pick(slackUsers), `EvBENCH${tsSequence}`);
    messages.push({
      message,
      original: signedSlack(body, 'application/json'),
      redelivery: rng.chance(REDELIVERY_SHARE)
        ? signedSlack(body, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })
        : null,
    });
  }
  const result: CapturePhase = {
    messages: count,
    events: 0,
    redeliveries: 0,
    elapsedMs: 0,
    notesPerSecond: 0,
    confirmMs: [],
    timeouts: 0,
  };
  let next = 0;
  const started = performance.now();
  let lastConfirmation = started;
  const sender = async () => {
    while (next < messages.length && performance.now() - started < capMs) {
      const item = messages[next++];
      if (!item) break;
      const confirmed = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(item.message.key);
          resolve(false);
        }, CONFIRMATION_TIMEOUT_MS);
        waiters.set(item.message.key, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      const sent = performance.now();
      const response = await send(baseUrl, item.original);
      if (response.status !== 200) throw new Error(`HTTP ${response.status} for a reaction event: ${response.body}`);
      result.events++;
      if (item.redelivery) {
        result.events++;
        result.redeliveries++;
        pending.push(send(baseUrl, item.redelivery));
      }
      if (await confirmed) {
        const at = performance.now();
        result.confirmMs.push(at - sent);
        lastConfirmation = Math.max(lastConfirmation, at);
      } else {
        result.timeouts++;
      }
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  result.elapsedMs = lastConfirmation - started;
  // Messages left unsent when the time ran out were never asked for: they are not missing notes.
  result.messages = Math.min(count, next);
  result.notesPerSecond = (result.confirmMs.length / result.elapsedMs) * 1000;
  return result;
}

export async function captureRun(ctx: BenchContext, run: number): Promise<CaptureRun> {
  const before = new BetterSqlite3(ctx.dbPath, { readonly: true });
  const maxId = (table: string) =>
    (before.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM "${table}"`).get() as { id: number }).id;
  const marks = {
    Note: maxId('Note'),
    AuditEvent: maxId('AuditEvent'),
    Task: maxId('Task'),
    InboundRequest: maxId('InboundRequest'),
  };
  before.close();

  const dir = ctx.profileDir ? profileDirFor(ctx, `capture-run${run}`) : null;
  const { child, ready } = await Child.start('bench/servers/kam.ts', {
    env: serveEnv(ctx),
    ...(dir ? { cpuProfileDir: dir } : {}),
  });
  const confirmations = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  ctx.fake.onArrival = (arrival: Arrival) => {
    if (arrival.path !== '/api/chat.postMessage') return;
    const body = bodyOf(arrival);
    const key = `${body.channel}/${body.thread_ts}`;
    confirmations.set(key, (confirmations.get(key) ?? 0) + 1);
    const waiter = waiters.get(key);
    if (waiter) {
      waiters.delete(key);
      waiter();
    }
  };
  const pending: Promise<unknown>[] = [];
  const rng = new Random(1_000 + run);
  let warmup: CapturePhase;
  let measured: CapturePhase;
  try {
    const baseUrl = String(ready.url);
    const plan = ctx.plan;
    warmup = await phase(
      ctx,
      baseUrl,
      Math.ceil(plan.captureNotes / 4),
      plan.captureWarmupCapMs,
      rng,
      waiters,
      pending,
    );
    measured = await phase(ctx, baseUrl, plan.captureNotes, plan.captureCapMs, rng, waiters, pending);
    // Redelivered events are acked at once (recorded, or recognised as handled): wait until every recorded
    // request is finished, so the database is checked once nothing is left to save.
    await Promise.all(pending);
    const deadline = Date.now() + 30_000;
    while (unfinishedRequests(ctx.dbPath) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await child.stop();
    ctx.fake.onArrival = () => {};
  }

  const db = new BetterSqlite3(ctx.dbPath);
  // The children go first, by hand: with foreign keys on, each deleted note would scan Task for its noteId.
  db.pragma('foreign_keys = OFF');
  const created = db
    .prepare(
      `SELECT COUNT(*) AS notes, COUNT(DISTINCT sourceChannel || '/' || sourceMessageId) AS messages
       FROM Note WHERE id > ? AND source = 'slack'`,
    )
    .get(marks.Note) as { notes: number; messages: number };
  // Put the working copy back as it was: the notes, their tags and follow-ups, and the audit trail they left.
  db.transaction(() => {
    db.prepare('DELETE FROM NoteTag WHERE noteId > ?').run(marks.Note);
    db.prepare('DELETE FROM Task WHERE id > ?').run(marks.Task);
    db.prepare('DELETE FROM Note WHERE id > ?').run(marks.Note);
    db.prepare('DELETE FROM AuditEvent WHERE id > ?').run(marks.AuditEvent);
    db.prepare('DELETE FROM InboundRequest WHERE id > ?').run(marks.InboundRequest);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  ctx.fake.messages.clear();

  const sent = warmup.messages + measured.messages;
  return {
    warmup,
    measured,
    notesCreated: created.notes,
    duplicateNotes: created.notes - created.messages,
    missingNotes: sent - created.messages,
    duplicateConfirmations: [...confirmations.values()].filter((count) => count > 1).length,
  };
}
