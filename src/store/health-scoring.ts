// The health facts of a whole portfolio, read for scoring at one moment (the digest, `list at-risk`, the weekly
// snapshot job). Same queries and row order as HealthFactsReader.read (health-facts.ts), but notes, contacts and
// follow-ups go straight into the domain's tallies (health-tallies.ts) as the rows arrive: at 10,000 accounts that
// is 270,000 rows that never become objects or Dates, which was half of the read's time (most of it in GC) and
// most of its memory. Rows are read as arrays (`raw`), dates as epoch milliseconds computed by SQLite.
import type BetterSqlite3 from 'better-sqlite3';
import type { HealthFacts } from '../domain/health.ts';
import { FollowUpTally, RelationshipTally, SentimentTally } from '../domain/health-tallies.ts';
import { startOfUtcDay } from '../domain/health-time.ts';
import type { Account, BuyingRole, OpportunityStage, Sentiment } from '../domain/records.ts';
// A cycle with health-facts.ts, which hands out this reader: both only use each other's exports when called.
import { dateOf, EVERY_ACCOUNT, ONE_ACCOUNT, overrideOf } from './health-facts.ts';
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
    // Row by row, not .all(): an array of 130,000 rows outlives the young generation and made the read's peak
    // memory (RSS +100 MB at 10,000 accounts); rows handed over one at a time die young.
    const rows = <Row>(text: string) => this.statement(text).iterate(params) as IterableIterator<Row>;

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
    for (const [id, at, sentiment] of rows<[number, number, Sentiment]>(sql.notes)) {
      const activity = of(id);
      activity.notes.add(at, sentiment);
      if (at >= countFrom && at <= nowMs) activity.recentNotes++;
    }
    for (const [id, name, role, relationship, touched] of rows<
      [number, string, BuyingRole | null, number | null, number | null]
    >(sql.contacts)) {
      const activity = of(id);
      activity.contacts.add(name, role, relationship);
      // `!(a >= b)` so that NaN (nothing yet) loses to any date.
      if (touched !== null && !(activity.lastInteractionMs >= touched)) activity.lastInteractionMs = touched;
    }
    for (const [id, due, done] of rows<[number, number, number | null]>(sql.scoredTasks)) {
      of(id).tasks.add(due, done);
    }
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

  /** Kept per connection like health-facts.ts's, but apart: these return rows as arrays. */
  private statement(sql: string): BetterSqlite3.Statement {
    let cache = RAW_STATEMENTS.get(this.sqlite);
    if (!cache) {
      cache = new Map();
      RAW_STATEMENTS.set(this.sqlite, cache);
    }
    let statement = cache.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql).raw(true);
      cache.set(sql, statement);
    }
    return statement;
  }
}

const RAW_STATEMENTS = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

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
