// Running tallies of what three health components read: notes (sentiment), contacts (relationships) and follow-ups
// (follow-through). A component fed a list of records builds its tally from the list; a store scoring a whole
// portfolio (10,000 accounts, 130,000 notes, 100,000 contacts) feeds the tallies row by row instead, so it never
// makes an object per record. Both go through the same `add`, in the same order, so the arithmetic is identical.
import type { BuyingRole, Sentiment } from './records.ts';

const DAY_MS = 86_400_000;

export const SENTIMENT_WINDOW_DAYS = 90;
/** A note's weight is exp(-age / this): a month-old note counts about a third of today's. */
export const SENTIMENT_DECAY_DAYS = 30;
export const SENTIMENT_VALUES: Record<Sentiment, number> = { positive: 1, neutral: 0.4, negative: -1 };
/** Negative notes this recent are named in the reason… */
export const RECENT_NEGATIVE_DAYS = 30;

/** The notes of one account as the sentiment component weighs them, relative to one moment. */
export class SentimentTally {
  weighted = 0;
  totalWeight = 0;
  count = 0;
  readonly counts: Record<Sentiment, number> = { positive: 0, neutral: 0, negative: 0 };
  recentNegative = 0;
  first: Sentiment | null = null;

  constructor(readonly nowMs: number) {}

  static of(notes: readonly { occurredAt: Date; sentiment: Sentiment }[], now: Date): SentimentTally {
    const tally = new SentimentTally(now.getTime());
    for (const note of notes) tally.add(note.occurredAt.getTime(), note.sentiment);
    return tally;
  }

  add(occurredAtMs: number, sentiment: Sentiment): void {
    // A note dated slightly ahead of our clock (another server's timestamp) counts as today's.
    const ageDays = Math.max(0, this.nowMs - occurredAtMs) / DAY_MS;
    if (ageDays > SENTIMENT_WINDOW_DAYS) return;
    const weight = Math.exp(-ageDays / SENTIMENT_DECAY_DAYS);
    this.weighted += weight * SENTIMENT_VALUES[sentiment];
    this.totalWeight += weight;
    this.count++;
    this.counts[sentiment]++;
    if (sentiment === 'negative' && ageDays <= RECENT_NEGATIVE_DAYS) this.recentNegative++;
    this.first ??= sentiment;
  }
}

/** Who the account team knows at one account: enough to judge the breadth and the best executive and champion. */
export class RelationshipTally {
  count = 0;
  firstName: string | null = null;
  anyPositive = false;
  /** The best-related contact per role group; the first of equals wins, as a stable sort would pick it. */
  readonly executive = new BestContact();
  readonly champion = new BestContact();

  /** The worst-related stakeholder who can decide the account: a friendly economic buyer does not cancel a hostile one. */
  readonly blocker = new Blocker();

  static of(
    contacts: readonly {
      name: string;
      buyingRole: BuyingRole | null;
      relationship: number | null;
      influence?: number | null;
    }[],
  ): RelationshipTally {
    const tally = new RelationshipTally();
    for (const contact of contacts)
      tally.add(contact.name, contact.buyingRole, contact.relationship, contact.influence ?? null);
    return tally;
  }

  add(name: string, buyingRole: BuyingRole | null, relationship: number | null, influence: number | null): void {
    this.count++;
    this.blocker.offer(name, buyingRole, relationship, influence);
    this.firstName ??= name;
    if ((relationship ?? 0) > 0) this.anyPositive = true;
    if (buyingRole === 'decision_maker' || buyingRole === 'economic_buyer') {
      this.executive.offer(name, buyingRole, relationship);
    } else if (buyingRole === 'champion') {
      this.champion.offer(name, buyingRole, relationship);
    }
  }
}

export class BestContact {
  name: string | null = null;
  role: BuyingRole | null = null;
  relationship: number | null = null;

  offer(name: string, role: BuyingRole, relationship: number | null): void {
    // Unrated ranks below any rating, as -Infinity did in the sort this replaces.
    if (this.role !== null && (relationship ?? -Infinity) <= (this.relationship ?? -Infinity)) return;
    this.name = name;
    this.role = role;
    this.relationship = relationship;
  }
}

/** Influence (1–5) from which a stakeholder's stance can decide the account on its own. */
export const HIGH_INFLUENCE = 4;

export class Blocker {
  name: string | null = null;
  role: BuyingRole | null = null;
  relationship = 0;
  influence: number | null = null;

  offer(name: string, role: BuyingRole | null, relationship: number | null, influence: number | null): void {
    if (relationship === null || relationship >= 0) return;
    // Unrated influence: an economic buyer or decision maker decides by their role.
    const decisive =
      influence === null ? role === 'economic_buyer' || role === 'decision_maker' : influence >= HIGH_INFLUENCE;
    if (!decisive) return;
    const worse =
      this.name === null ||
      relationship < this.relationship ||
      (relationship === this.relationship && (influence ?? 0) > (this.influence ?? 0));
    if (!worse) return;
    this.name = name;
    this.role = role;
    this.relationship = relationship;
    this.influence = influence;
  }
}

export const DONE_TASK_WINDOW_DAYS = 90;

/** Follow-ups of one account as the follow-through component counts them, relative to one moment. */
export class FollowUpTally {
  considered = 0;
  overdue = 0;
  /** Due date of the oldest overdue follow-up, ms; NaN when none is overdue. */
  oldestOverdueMs = Number.NaN;
  private readonly doneSinceMs: number;

  constructor(
    readonly nowMs: number,
    /** Start of today (UTC): due today is not overdue yet. */
    private readonly startOfTodayMs: number,
  ) {
    this.doneSinceMs = nowMs - DONE_TASK_WINDOW_DAYS * DAY_MS;
  }

  static of(tasks: readonly { dueAt: Date; doneAt: Date | null }[], now: Date, startOfTodayMs: number): FollowUpTally {
    const tally = new FollowUpTally(now.getTime(), startOfTodayMs);
    for (const task of tasks) tally.add(task.dueAt.getTime(), task.doneAt === null ? null : task.doneAt.getTime());
    return tally;
  }

  add(dueMs: number, doneMs: number | null): void {
    if (doneMs === null ? dueMs > this.nowMs : doneMs < this.doneSinceMs) return;
    this.considered++;
    if (doneMs !== null || dueMs >= this.startOfTodayMs) return;
    this.overdue++;
    if (!(dueMs >= this.oldestOverdueMs)) this.oldestOverdueMs = dueMs;
  }
}
