// What the health score needs to know about accounts, read with a handful of plain SQL queries for one account or
// for the whole portfolio at once (the digest and `list at-risk` score every account).
import type BetterSqlite3 from 'better-sqlite3';
import type { HealthFacts, HealthOverrideFacts } from '../domain/health.ts';
import type { HealthHistoryFacts } from '../domain/health-history.ts';
import type { Account, BuyingRole, OpportunityStage, Sentiment } from '../domain/records.ts';
import { fromSqlDate, toSqlDate } from './sql-dates.ts';

/** Activity of one account, everything dated; the caller picks the window it scores. */
export interface AccountActivity {
  lastNoteAt: Date | null;
  contacts: { name: string; buyingRole: BuyingRole | null; relationship: number | null; lastContactAt: Date | null }[];
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
    const scope = accountId === undefined ? '' : 'AND accountId = :accountId';
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
    const all = <T>(sql: string) => this.sqlite.prepare(sql).all(params) as T[];

    for (const row of all<{ accountId: number; last: string }>(
      `SELECT accountId, MAX(occurredAt) AS last FROM Note WHERE workspaceId = :workspaceId ${scope} GROUP BY accountId`,
    )) {
      of(row.accountId).lastNoteAt = fromSqlDate(row.last);
    }
    for (const row of all<{ accountId: number; occurredAt: string; sentiment: Sentiment }>(
      `SELECT accountId, occurredAt, sentiment FROM Note
       WHERE workspaceId = :workspaceId AND occurredAt >= :since ${scope}`,
    )) {
      of(row.accountId).notes.push({ occurredAt: fromSqlDate(row.occurredAt), sentiment: row.sentiment });
    }
    for (const row of all<{
      accountId: number;
      name: string;
      buyingRole: BuyingRole | null;
      relationship: number | null;
      lastContactAt: string | null;
    }>(
      `SELECT accountId, name, buyingRole, relationship, lastContactAt FROM Contact WHERE workspaceId = :workspaceId ${scope}`,
    )) {
      of(row.accountId).contacts.push({ ...row, lastContactAt: fromSqlDate(row.lastContactAt) });
    }
    for (const row of all<{
      accountId: number;
      title: string;
      dueAt: string;
      doneAt: string | null;
      createdAt: string;
    }>(
      `SELECT accountId, title, dueAt, doneAt, createdAt FROM Task
       WHERE workspaceId = :workspaceId AND dueAt IS NOT NULL AND (doneAt IS NULL OR doneAt >= :since) ${scope}`,
    )) {
      of(row.accountId).tasks.push({
        title: row.title,
        dueAt: fromSqlDate(row.dueAt),
        doneAt: fromSqlDate(row.doneAt),
        createdAt: fromSqlDate(row.createdAt),
      });
    }
    for (const row of all<{
      accountId: number;
      title: string;
      stage: OpportunityStage;
      expectedCloseAt: string | null;
      stageChangedAt: string;
    }>(
      `SELECT accountId, title, stage, expectedCloseAt, stageChangedAt FROM Opportunity
       WHERE workspaceId = :workspaceId AND stage IN ${OPEN_STAGES_SQL} ${scope}`,
    )) {
      of(row.accountId).opportunities.push({
        title: row.title,
        stage: row.stage,
        expectedCloseAt: fromSqlDate(row.expectedCloseAt),
        stageChangedAt: fromSqlDate(row.stageChangedAt),
      });
    }
    return byAccount;
  }
}

/** The newest of a set of dates, or null. */
function latest(dates: (Date | null)[]): Date | null {
  let best: Date | null = null;
  for (const date of dates) if (date && (!best || date > best)) best = date;
  return best;
}

function overrideOf(account: Account, names: ReadonlyMap<number, string>): HealthOverrideFacts | null {
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
): HealthFacts {
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
