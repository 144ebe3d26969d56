// The facts of an account as they stood on an earlier day, rebuilt from today's records. Used to estimate the weeks
// before weekly snapshots existed (and by the demo), so the trend has a past from the first day.
//
// An estimate, not a record: notes and tasks carry their own dates and are replayed exactly, but a contact only
// keeps its latest touch, and contacts, opportunities, the renewal date and the override are taken as they are now.
import type { HealthContactFact, HealthFacts, ListedHealthFacts } from './health.ts';
import { DAY_MS } from './health-time.ts';
import type { Sentiment } from './records.ts';

export interface HealthHistoryFacts extends Omit<HealthFacts, 'lastInteractionAt' | 'contacts' | 'notes' | 'tasks'> {
  contacts: HealthContactFact[];
  /** all notes, any age */
  notes: { occurredAt: Date; sentiment: Sentiment }[];
  /** contacts' lastContactAt values */
  contactTouches: Date[];
  /** all tasks */
  tasks: { title: string; dueAt: Date | null; doneAt: Date | null; createdAt: Date }[];
}

/** How far back notes and finished tasks matter to the score (see health-components.ts). */
export const HISTORY_WINDOW_DAYS = 90;

/** the HealthFacts as they stood at `at` (notes up to `at`, tasks created by `at` and open at `at`, etc.) */
export function factsAsOf(facts: HealthHistoryFacts, at: Date): ListedHealthFacts {
  const atMs = at.getTime();
  const windowStart = atMs - HISTORY_WINDOW_DAYS * DAY_MS;
  const notesSoFar = facts.notes.filter((note) => note.occurredAt.getTime() <= atMs);

  // A touch after `at` hides any earlier one on the same contact, so it is simply unknown here.
  let lastInteraction: number | null = null;
  for (const time of [...notesSoFar.map((note) => note.occurredAt), ...facts.contactTouches].map((d) => d.getTime())) {
    if (time <= atMs && (lastInteraction === null || time > lastInteraction)) lastInteraction = time;
  }

  const tasks = facts.tasks.flatMap((task) => {
    if (task.dueAt === null || task.createdAt.getTime() > atMs) return [];
    // Done later than `at` means it was still open then.
    const doneAt = task.doneAt !== null && task.doneAt.getTime() <= atMs ? task.doneAt : null;
    if (doneAt !== null && doneAt.getTime() < windowStart) return [];
    return [{ title: task.title, dueAt: task.dueAt, doneAt }];
  });

  return {
    tier: facts.tier,
    renewalAt: facts.renewalAt,
    override: facts.override,
    lastInteractionAt: lastInteraction === null ? null : new Date(lastInteraction),
    contacts: facts.contacts.map((contact) => ({ ...contact })),
    notes: notesSoFar.filter((note) => note.occurredAt.getTime() >= windowStart),
    tasks,
    opportunities: facts.opportunities.map((opportunity) => ({ ...opportunity })),
  };
}
