// What the health score needs to know about accounts, read with a handful of plain SQL queries for one account or
// for the whole portfolio at once. `read` lists every record (show, the history backfill); `tallied` feeds the same
// rows into tallies for scoring at one moment (health-scoring.ts: the digest, `list at-risk`, the weekly job).
//
// The queries are written so that SQLite picks the right index even without statistics (the store collects them at
// open, database.ts, but a young database has none): without them the planner takes any index that starts with
// workspaceId, and at a million notes "the notes of one account" became a walk through every note of the workspace
// (0.15 s each). Note's (workspaceId, accountId, occurredAt) index matches both equalities, so the planner prefers
// it; a unary `+` keeps a term from choosing an index where a scan is better, and the newest note of each account
// is one seek into that index.
import type BetterSqlite3 from 'better-sqlite3';
import type { HealthOverrideFacts, ListedHealthFacts } from '../domain/health.ts';
import type { HealthHistoryFacts } from '../domain/health-history.ts';
import type { Account, BuyingRole, OpportunityStage, Sentiment } from '../domain/records.ts';
import { HealthScoringReader, type ScoringActivity } from './health-scoring.ts';
import { prepared } from './prepared.ts';
import { toSqlDate } from './sql-dates.ts';

/**
 * A date column as milliseconds since the epoch, converted by SQLite: for a whole portfolio (10,000 accounts, a
 * hundred thousand dated rows) handing JavaScript a number and making the Date from it costs half of parsing ISO
 * text in JavaScript. unixepoch() reads Prisma's "…+00:00" text and SQLite's own "YYYY-MM-DD HH:MM:SS" alike.
 */
export function epochMs(column: string): string {
  return `ROUND(unixepoch(${column}, 'subsec') * 1000)`;
}

export function dateOf(ms: number): Date;
export function dateOf(ms: number | null): Date | null;
export function dateOf(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** Activity of one account, everything dated; the caller picks the window it scores. */
export interface AccountActivity {
  lastNoteAt: Date | null;
  contacts: {
    name: string;
    buyingRole: BuyingRole | null;
    relationship: number | null;
    influence: number | null;
    lastContactAt: Date | null;
  }[];
  notes: { occurredAt: Date; sentiment: Sentiment }[];
  tasks: { title: string; dueAt: Date | null; doneAt: Date | null; createdAt: Date }[];
  opportunities: { title: string; stage: OpportunityStage; expectedCloseAt: Date | null; stageChangedAt: Date }[];
}

const OPEN_STAGES_SQL = "('lead', 'qualify', 'propose', 'negotiate')";

function empty(): AccountActivity {
  return { lastNoteAt: null, contacts: [], notes: [], tasks: [], opportunities: [] };
}

export class HealthFactsReader {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly workspaceId: number,
  ) {}

  /**
   * Activity per account: notes since `notesSince`, tasks with a due date that are open or were done since
   * `notesSince`, open opportunities, all contacts. `accountId` limits it to one account.
   */
  read(notesSince: Date, accountId?: number): Map<number, AccountActivity> {
    const one = accountId !== undefined;
    const params = { workspaceId: this.workspaceId, since: toSqlDate(notesSince), accountId: accountId ?? null };
    const byAccount = new Map<number, AccountActivity>();
    const of = (id: number) => {
      let activity = byAccount.get(id);
      if (!activity) {
        activity = empty();
        byAccount.set(id, activity);
      }
      return activity;
    };
    const all = <T>(sql: string) => prepared(this.sqlite, sql).all(params) as T[];
    const sql = one ? ONE_ACCOUNT : EVERY_ACCOUNT;

    for (const row of all<{ accountId: number; last: number | null }>(sql.lastNote)) {
      if (row.last !== null) of(row.accountId).lastNoteAt = dateOf(row.last);
    }
    for (const row of all<{ accountId: number; occurredAt: number; sentiment: Sentiment }>(sql.notes)) {
      of(row.accountId).notes.push({ occurredAt: dateOf(row.occurredAt), sentiment: row.sentiment });
    }
    for (const row of all<{
      accountId: number;
      name: string;
      buyingRole: BuyingRole | null;
      relationship: number | null;
      influence: number | null;
      lastContactAt: number | null;
    }>(sql.contacts)) {
      of(row.accountId).contacts.push({ ...row, lastContactAt: dateOf(row.lastContactAt) });
    }
    for (const row of all<{
      accountId: number;
      title: string;
      dueAt: number;
      doneAt: number | null;
      createdAt: number;
    }>(sql.tasks)) {
      of(row.accountId).tasks.push({
        title: row.title,
        dueAt: dateOf(row.dueAt),
        doneAt: dateOf(row.doneAt),
        createdAt: dateOf(row.createdAt),
      });
    }
    for (const row of all<{
      accountId: number;
      title: string;
      stage: OpportunityStage;
      expectedCloseAt: number | null;
      stageChangedAt: number;
    }>(sql.opportunities)) {
      of(row.accountId).opportunities.push({
        title: row.title,
        stage: row.stage,
        expectedCloseAt: dateOf(row.expectedCloseAt),
        stageChangedAt: dateOf(row.stageChangedAt),
      });
    }
    return byAccount;
  }

  /**
   * The same activity tallied for scoring at `now` (notes of the 90 days before it): no object per note, contact or
   * follow-up. `countNotesFrom` also counts the notes from then up to `now`.
   */
  tallied(now: Date, options: { accountId?: number; countNotesFrom?: Date } = {}): Map<number, ScoringActivity> {
    return new HealthScoringReader(this.sqlite, this.workspaceId).read(now, options);
  }
}

/**
 * The queries, for one account (named parameter :accountId) and for every account of the workspace. An account's
 * rows all belong to its workspace (composite foreign keys), so an account's id alone finds them.
 */
function queries(one: boolean) {
  const account = one ? 'AND accountId = :accountId' : '';
  return {
    // The newest note of each account: one seek into the (workspaceId, accountId, occurredAt) index per account.
    lastNote: `SELECT a.id AS accountId,
         ${epochMs('(SELECT MAX(n.occurredAt) FROM Note n WHERE n.workspaceId = a.workspaceId AND n.accountId = a.id)')} AS last
       FROM Account a WHERE a.workspaceId = :workspaceId ${one ? 'AND a.id = :accountId' : ''}`,
    notes: `SELECT accountId, ${epochMs('occurredAt')} AS occurredAt, sentiment FROM Note
       WHERE workspaceId = :workspaceId AND occurredAt >= :since ${account}`,
    // Every contact of the workspace: one pass over the table reads them several times faster than the
    // (workspaceId, accountId) index, which visits the rows in random order (0.1 s at 100,000 contacts).
    // People who left the customer count for nothing: neither coverage nor the last touch.
    contacts: `SELECT accountId, name, buyingRole, relationship, influence, ${epochMs('lastContactAt')} AS lastContactAt
       FROM Contact WHERE ${one ? 'workspaceId = :workspaceId' : '+workspaceId = :workspaceId'} AND leftAt IS NULL ${account}`,
    // "+dueAt": a due-date range would otherwise win over (workspaceId, accountId, doneAt) for one account.
    tasks: `SELECT accountId, title, ${epochMs('dueAt')} AS dueAt, ${epochMs('doneAt')} AS doneAt,
         ${epochMs('createdAt')} AS createdAt
       FROM Task WHERE workspaceId = :workspaceId AND +dueAt IS NOT NULL AND (doneAt IS NULL OR doneAt >= :since) ${account}`,
    // For scoring only (health-scoring.ts): the follow-ups without their titles, which the score never reads.
    scoredTasks: `SELECT accountId, ${epochMs('dueAt')} AS dueAt, ${epochMs('doneAt')} AS doneAt
       FROM Task WHERE workspaceId = :workspaceId AND +dueAt IS NOT NULL AND (doneAt IS NULL OR doneAt >= :since) ${account}`,
    opportunities: `SELECT accountId, title, stage, ${epochMs('expectedCloseAt')} AS expectedCloseAt,
         ${epochMs('stageChangedAt')} AS stageChangedAt
       FROM Opportunity WHERE workspaceId = :workspaceId AND stage IN ${OPEN_STAGES_SQL} ${account}`,
  };
}

export const ONE_ACCOUNT = queries(true);
export const EVERY_ACCOUNT = queries(false);

/** The newest of a set of dates, or null. */
function latest(dates: (Date | null)[]): Date | null {
  let best: Date | null = null;
  for (const date of dates) if (date && (!best || date > best)) best = date;
  return best;
}

export function overrideOf(
  account: Pick<Account, 'healthOverride'>,
  names: ReadonlyMap<number, string>,
): HealthOverrideFacts | null {
  const override = account.healthOverride;
  if (!override) return null;
  return {
    score: override.score,
    reason: override.reason,
    until: override.until,
    byName: override.byId === null ? null : (names.get(override.byId) ?? null),
  };
}

/** What the health score reads of one account: its own facts and its activity. */
export function healthFactsOf(
  account: Account,
  activity: AccountActivity | undefined,
  names: ReadonlyMap<number, string> = new Map(),
): ListedHealthFacts {
  const seen = activity ?? empty();
  return {
    tier: account.tier,
    renewalAt: account.renewalAt,
    override: overrideOf(account, names),
    lastInteractionAt: latest([seen.lastNoteAt, ...seen.contacts.map((contact) => contact.lastContactAt)]),
    contacts: seen.contacts,
    notes: seen.notes,
    tasks: seen.tasks.flatMap((task) =>
      task.dueAt ? [{ title: task.title, dueAt: task.dueAt, doneAt: task.doneAt }] : [],
    ),
    opportunities: seen.opportunities,
  };
}

/** The same with every dated record kept, to rebuild earlier weeks (activity read with a far-past `notesSince`). */
export function historyFactsOf(account: Account, activity: AccountActivity | undefined): HealthHistoryFacts {
  const seen = activity ?? empty();
  const { lastInteractionAt: _latest, notes: _notes, tasks: _tasks, ...now } = healthFactsOf(account, seen);
  return {
    ...now,
    notes: seen.notes,
    contactTouches: seen.contacts.flatMap((contact) => (contact.lastContactAt ? [contact.lastContactAt] : [])),
    tasks: seen.tasks,
  };
}
