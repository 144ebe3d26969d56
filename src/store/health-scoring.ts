// The health facts of a whole portfolio, read for scoring at one moment (the digest, `list at-risk`, the weekly
// snapshot job). Same queries and row order as HealthFactsReader.read (health-facts.ts), but notes, contacts and
// follow-ups go straight into the domain's tallies (health-tallies.ts): at 10,000 accounts that is 270,000 records
// that never become objects or Dates, which was half of the read's time (most of it in GC) and most of its memory.
// They arrive as one row of JSON arrays per table, dates as epoch milliseconds computed by SQLite.
import type BetterSqlite3 from 'better-sqlite3';
import type { HealthFacts } from '../domain/health.ts';
import { FollowUpTally, RelationshipTally, SentimentTally } from '../domain/health-tallies.ts';
import { startOfUtcDay } from '../domain/health-time.ts';
import type { Account, BuyingRole, OpportunityStage, Sentiment } from '../domain/records.ts';
// A cycle with health-facts.ts, which hands out this reader: both only use each other's exports when called.
import { dateOf, EVERY_ACCOUNT, ONE_ACCOUNT, overrideOf } from './health-facts.ts';
import { prepared } from './prepared.ts';
import { toSqlDate } from './sql-dates.ts';

const DAY_MS = 86_400_000;
/** Notes and finished follow-ups older than this do not move the score (health-components.ts). */
const WINDOW_DAYS = 90;

/** One account's activity, tallied for the moment it was read for. */
export interface ScoringActivity {
  /** Newest note or contact touch, ms; NaN when there is none. */
  lastInteractionMs: number;
  notes: SentimentTally;
  contacts: RelationshipTally;
  tasks: FollowUpTally;
  opportunities: HealthFacts['opportunities'];
  /** Notes dated from `countNotesFrom` up to the moment (the digest's "notes this week"). */
  recentNotes: number;
}

const NOTE_COLUMNS = ['accountId', 'occurredAt', 'sentiment'];
const CONTACT_COLUMNS = ['accountId', 'name', 'buyingRole', 'relationship', 'influence', 'lastContactAt'];
const TASK_COLUMNS = ['accountId', 'dueAt', 'doneAt'];

export class HealthScoringReader {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  read(now: Date, options: { accountId?: number; countNotesFrom?: Date } = {}): Map<number, ScoringActivity> {
    const nowMs = now.getTime();
    const today = startOfUtcDay(now);
    const countFrom = options.countNotesFrom?.getTime() ?? Number.POSITIVE_INFINITY;
    const one = options.accountId !== undefined;
    const sql = one ? ONE_ACCOUNT : EVERY_ACCOUNT;
    const params = {
      workspaceId: this.workspaceId,
      since: toSqlDate(new Date(nowMs - WINDOW_DAYS * DAY_MS)),
      accountId: options.accountId ?? null,
    };
    // Lots of rows: one row of JSON arrays, one per column. Handing SQLite's rows to JavaScript one by one cost more
    // than reading them (0.45 µs a row: 130 vs 80 ms for the notes, 120 vs 70 for the contacts); and unlike .all()
    // no array of 130,000 row arrays lives long enough to grow the heap (RSS +100 MB at 10,000 accounts).
    const columns = <Columns extends unknown[][]>(text: string, names: readonly string[]): Columns => {
      const json = prepared(
        this.sqlite,
        `SELECT ${names.map((name) => `json_group_array(${name})`).join(', ')} FROM (${text})`,
        { raw: true },
      ).get(params) as string[];
      return json.map((text) => JSON.parse(text)) as Columns;
    };
    const rows = <Row>(text: string) =>
      prepared(this.sqlite, text, { raw: true }).iterate(params) as IterableIterator<Row>;

    const byAccount = new Map<number, ScoringActivity>();
    // Rows of one account mostly come together (contacts in insertion order), so the last one found is kept.
    let lastId = -1;
    let last: ScoringActivity | undefined;
    const of = (id: number): ScoringActivity => {
      if (id === lastId && last) return last;
      let activity = byAccount.get(id);
      if (!activity) {
        activity = emptyActivity(nowMs, today);
        byAccount.set(id, activity);
      }
      lastId = id;
      last = activity;
      return activity;
    };

    for (const [id, lastNote] of rows<[number, number | null]>(sql.lastNote)) {
      if (lastNote !== null) of(id).lastInteractionMs = lastNote;
    }
    // In the order the queries give them, as HealthFactsReader.read lists them: the sums add up the same way.
    const [noteIds, noteTimes, sentiments] = columns<[number[], number[], Sentiment[]]>(sql.notes, NOTE_COLUMNS);
    for (let i = 0; i < noteIds.length; i++) {
      const activity = of(noteIds[i] as number);
      const at = noteTimes[i] as number;
      activity.notes.add(at, sentiments[i] as Sentiment);
      if (at >= countFrom && at <= nowMs) activity.recentNotes++;
    }
    const [contactIds, names, roles, relationships, influences, touches] = columns<
      [number[], string[], (BuyingRole | null)[], (number | null)[], (number | null)[], (number | null)[]]
    >(sql.contacts, CONTACT_COLUMNS);
    for (let i = 0; i < contactIds.length; i++) {
      const activity = of(contactIds[i] as number);
      activity.contacts.add(names[i] as string, roles[i] ?? null, relationships[i] ?? null, influences[i] ?? null);
      const touched = touches[i] ?? null;
      // `!(a >= b)` so that NaN (nothing yet) loses to any date.
      if (touched !== null && !(activity.lastInteractionMs >= touched)) activity.lastInteractionMs = touched;
    }
    const [taskIds, dues, dones] = columns<[number[], number[], (number | null)[]]>(sql.scoredTasks, TASK_COLUMNS);
    for (let i = 0; i < taskIds.length; i++) of(taskIds[i] as number).tasks.add(dues[i] as number, dones[i] ?? null);
    for (const [id, title, stage, close, changed] of rows<[number, string, OpportunityStage, number | null, number]>(
      sql.opportunities,
    )) {
      of(id).opportunities.push({
        title,
        stage,
        expectedCloseAt: dateOf(close),
        stageChangedAt: dateOf(changed),
      });
    }
    return byAccount;
  }
}

function emptyActivity(nowMs: number, startOfTodayMs: number): ScoringActivity {
  return {
    lastInteractionMs: Number.NaN,
    notes: new SentimentTally(nowMs),
    contacts: new RelationshipTally(),
    tasks: new FollowUpTally(nowMs, startOfTodayMs),
    opportunities: [],
    recentNotes: 0,
  };
}

/** What the health score reads of one account, from activity tallied for `now`. */
export function scoringFactsOf(
  account: Pick<Account, 'tier' | 'renewalAt' | 'healthOverride'>,
  activity: ScoringActivity | undefined,
  now: Date,
  names: ReadonlyMap<number, string> = new Map(),
): HealthFacts {
  const seen = activity ?? emptyActivity(now.getTime(), startOfUtcDay(now));
  return {
    tier: account.tier,
    renewalAt: account.renewalAt,
    override: overrideOf(account, names),
    lastInteractionAt: Number.isNaN(seen.lastInteractionMs) ? null : new Date(seen.lastInteractionMs),
    contacts: seen.contacts,
    notes: seen.notes,
    tasks: seen.tasks,
    opportunities: seen.opportunities,
  };
}
