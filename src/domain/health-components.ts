// The five health components. Each turns the facts into a 0–100 score (null when there is nothing to judge) and
// one line that says why, in words an account manager would use. The thresholds are DESIGN.md's ("Health").
// Reasons are `keyed` messages, so each reader gets them in their language.
import { keyed, listed, phrases } from '../i18n/translate.ts';
import type { HealthFacts } from './health.ts';
import type { HealthSettings } from './health-settings.ts';
import {
  type BestContact,
  type Blocker,
  DONE_TASK_WINDOW_DAYS,
  FollowUpTally,
  RECENT_NEGATIVE_DAYS,
  RelationshipTally,
  SENTIMENT_WINDOW_DAYS,
  SentimentTally,
} from './health-tallies.ts';
import { calendarDaysBetween, DAY_MS, isoDate, startOfUtcDay } from './health-time.ts';
import { OPEN_STAGES, type Sentiment } from './records.ts';

export {
  DONE_TASK_WINDOW_DAYS,
  RECENT_NEGATIVE_DAYS,
  SENTIMENT_DECAY_DAYS,
  SENTIMENT_VALUES,
  SENTIMENT_WINDOW_DAYS,
} from './health-tallies.ts';

export interface Scored {
  score: number | null;
  reason: string;
}

/** Engagement reaches 0 after this many cadences without contact. */
export const ENGAGEMENT_ZERO_AT_CADENCES = 3;

export const RELATIONSHIP_POINTS = { executive: 35, champion: 35 } as const;
/** Points for the breadth of the relationship: one contact is single-threaded and earns nothing. */
export const BREADTH_POINTS = { two: 15, threeOrMore: 30 } as const;

/** Negative notes of the last RECENT_NEGATIVE_DAYS are named in the reason when they pull the sentiment below this. */
export const NEGATIVE_REASON_BELOW = 70;
/** Follow-through reaches 0 when this share of the follow-ups is overdue. */
export const OVERDUE_SHARE_AT_ZERO = 0.5;

export const RENEWAL_WINDOW_DAYS = 90;
/** An open opportunity is in motion when its stage changed this recently (the pipeline's idle limit)… */
export const IN_MOTION_STAGE_DAYS = 90;
/** …or it is expected to close within this many days. */
export const IN_MOTION_CLOSE_DAYS = 90;
export const STALE_CLOSE_PENALTY = 40;
/** When no open opportunity changed stage for this long, pipeline is capped. */
export const IDLE_PIPELINE_DAYS = 90;
export const IDLE_PIPELINE_CAP = 50;
/** Reasons name at most this many records, then "and N more". */
const MAX_NAMED = 3;

function clampScore(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)));
}

function ago(days: number): string {
  return keyed('reason.ago', { days: Math.max(0, days) });
}

function names(items: string[]): string {
  return keyed('reason.names', {
    names: listed(items.slice(0, MAX_NAMED)),
    more: Math.max(0, items.length - MAX_NAMED),
  });
}

export function engagementOf(facts: HealthFacts, now: Date, settings: HealthSettings): Scored {
  if (!facts.lastInteractionAt) return { score: null, reason: keyed('reason.noInteractions') };
  const cadence = settings.cadenceDays[facts.tier];
  const days = Math.max(0, calendarDaysBetween(facts.lastInteractionAt, now));
  if (days <= cadence) {
    return {
      score: 100,
      reason: keyed('reason.lastContact', { ago: ago(days), tier: facts.tier, cadence }),
    };
  }
  const zeroAt = cadence * ENGAGEMENT_ZERO_AT_CADENCES;
  return {
    score: clampScore((100 * (zeroAt - days)) / (zeroAt - cadence)),
    reason: keyed('reason.noContactFor', { days, tier: facts.tier, cadence }),
  };
}

function relationshipWord(relationship: number | null): string {
  if (relationship === null) return 'none';
  if (relationship > 0) return 'positive';
  if (relationship === 0) return 'neutral';
  return relationship <= -2 ? 'hostile' : 'negative';
}

/** The best-related contact in a role group, and how it reads. */
function bestIn(best: BestContact, absent: string): { points: boolean; text: string } {
  if (best.role === null) return { points: false, text: absent };
  return {
    points: (best.relationship ?? 0) > 0,
    text: keyed('reason.roleIs', {
      role: best.role,
      name: best.name ?? '',
      relationship: relationshipWord(best.relationship),
    }),
  };
}

/** A hostile (−2) or cool (−1) stakeholder who can decide the account caps relationships at this, whoever else is friendly. */
export const BLOCKER_CAP = { hostile: 10, negative: 35 } as const;

function blockerText(blocker: Blocker): string {
  return keyed('reason.blocker', {
    role: blocker.role ?? 'none',
    name: blocker.name ?? '',
    influence: blocker.influence ?? 'none',
    relationship: relationshipWord(blocker.relationship),
  });
}

export function relationshipsOf(facts: HealthFacts): Scored {
  const tally = facts.contacts instanceof RelationshipTally ? facts.contacts : RelationshipTally.of(facts.contacts);
  const count = tally.count;
  if (count === 0) return { score: null, reason: keyed('reason.noContacts') };
  const blocker = tally.blocker.name === null ? null : tally.blocker;
  if (!tally.anyPositive) {
    const reason =
      count === 1
        ? keyed('reason.singleThreadedOnly', { name: tally.firstName ?? '' })
        : keyed('reason.noPositiveAmong', { count });
    return { score: 0, reason: blocker ? phrases([blockerText(blocker), reason]) : reason };
  }
  const executive = bestIn(tally.executive, keyed('reason.noDecisionMaker'));
  const champion = bestIn(tally.champion, keyed('reason.noChampion'));
  const breadth =
    count >= 3
      ? { points: BREADTH_POINTS.threeOrMore, text: keyed('reason.contacts', { count }) }
      : count === 2
        ? { points: BREADTH_POINTS.two, text: keyed('reason.onlyTwo') }
        : { points: 0, text: keyed('reason.singleThreaded') };
  const score =
    (executive.points ? RELATIONSHIP_POINTS.executive : 0) +
    (champion.points ? RELATIONSHIP_POINTS.champion : 0) +
    breadth.points;
  if (blocker) {
    const cap = blocker.relationship <= -2 ? BLOCKER_CAP.hostile : BLOCKER_CAP.negative;
    // The blocker first; the best executive too when that is someone else (the friendly buyer beside the hostile one).
    const best = tally.executive.name === blocker.name ? [] : [executive.text];
    return {
      score: Math.min(score, cap),
      reason: phrases([blockerText(blocker), ...best, champion.text, breadth.text]),
    };
  }
  return { score, reason: phrases([executive.text, champion.text, breadth.text]) };
}

/** A tally must be for the moment the score is computed at: its ages and windows are relative to it. */
function sameMoment(tally: { nowMs: number }, now: Date): void {
  if (tally.nowMs !== now.getTime()) throw new Error('health facts were tallied for another moment');
}

export function sentimentOf(facts: HealthFacts, now: Date): Scored {
  const tally = facts.notes instanceof SentimentTally ? facts.notes : SentimentTally.of(facts.notes, now);
  sameMoment(tally, now);
  if (tally.count === 0) return { score: null, reason: keyed('reason.noNotes', { days: SENTIMENT_WINDOW_DAYS }) };
  const score = clampScore(50 + 50 * (tally.weighted / tally.totalWeight));
  if (tally.recentNegative > 0 && score < NEGATIVE_REASON_BELOW) {
    return {
      score,
      reason: keyed('reason.negativeNotes', { count: tally.recentNegative, days: RECENT_NEGATIVE_DAYS }),
    };
  }
  return { score, reason: describeMix(tally) };
}

function describeMix(tally: SentimentTally): string {
  const total = tally.count;
  const count = (sentiment: Sentiment) => tally.counts[sentiment];
  if (total === 1) return keyed('reason.oneNote', { days: SENTIMENT_WINDOW_DAYS, sentiment: String(tally.first) });
  for (const sentiment of ['positive', 'neutral', 'negative'] as const) {
    const n = count(sentiment);
    if (n === total) return keyed('reason.allNotes', { total, sentiment });
    if (n * 2 > total) return keyed('reason.mostlyNotes', { sentiment, count: n, total });
  }
  return keyed('reason.mixedNotes', {
    positive: count('positive'),
    neutral: count('neutral'),
    negative: count('negative'),
  });
}

export function followThroughOf(facts: HealthFacts, now: Date): Scored {
  const tally =
    facts.tasks instanceof FollowUpTally ? facts.tasks : FollowUpTally.of(facts.tasks, now, startOfUtcDay(now));
  sameMoment(tally, now);
  if (tally.considered === 0) {
    return { score: null, reason: keyed('reason.noFollowUps', { days: DONE_TASK_WINDOW_DAYS }) };
  }
  const total = tally.considered;
  if (tally.overdue === 0) {
    return { score: 100, reason: total === 1 ? keyed('reason.oneNotOverdue') : keyed('reason.noneOverdue', { total }) };
  }
  const share = tally.overdue / tally.considered;
  const late = calendarDaysBetween(new Date(tally.oldestOverdueMs), now);
  return {
    score: clampScore(100 * (1 - share / OVERDUE_SHARE_AT_ZERO)),
    reason: keyed('reason.overdue', { overdue: tally.overdue, total, late }),
  };
}

type Opportunity = HealthFacts['opportunities'][number];

export function pipelineOf(facts: HealthFacts, now: Date): Scored {
  const open = facts.opportunities.filter((opportunity) => OPEN_STAGES.includes(opportunity.stage));
  const renewalAt = facts.renewalAt;
  const startOfToday = startOfUtcDay(now);
  const daysSince = (date: Date) => (now.getTime() - date.getTime()) / DAY_MS;
  const inMotion = open.filter((opportunity) => {
    if (daysSince(opportunity.stageChangedAt) <= IN_MOTION_STAGE_DAYS) return true;
    const close = opportunity.expectedCloseAt?.getTime();
    return close !== undefined && close >= startOfToday && close - now.getTime() <= IN_MOTION_CLOSE_DAYS * DAY_MS;
  });

  // A renewal date already passed counts as due: either it was renewed and the date is stale, or it was not.
  const renewalDays = renewalAt === null ? null : calendarDaysBetween(now, renewalAt);
  const renewalDue = renewalDays !== null && renewalDays <= RENEWAL_WINDOW_DAYS;
  if (renewalAt && renewalDue && inMotion.length === 0) {
    return { score: 0, reason: keyed('reason.nothingInMotion', { renewal: renewalPhrase(renewalAt, now) }) };
  }

  // The cap comes first so that a stale close date on an idle pipeline still costs its 40 points.
  let score = 100;
  const problems: string[] = [];
  const latest = newestStageChange(open);
  if (latest && daysSince(latest.stageChangedAt) > IDLE_PIPELINE_DAYS) {
    score = IDLE_PIPELINE_CAP;
    const days = calendarDaysBetween(latest.stageChangedAt, now);
    problems.push(
      open.length === 1
        ? keyed('reason.notMoved', { title: latest.title, days })
        : keyed('reason.noneMoved', { count: open.length, days }),
    );
  }
  const stale = open.flatMap((opportunity) =>
    opportunity.expectedCloseAt !== null && opportunity.expectedCloseAt.getTime() < startOfToday
      ? [keyed('reason.dated', { title: opportunity.title, day: isoDate(opportunity.expectedCloseAt) })]
      : [],
  );
  if (stale.length > 0) {
    score -= STALE_CLOSE_PENALTY * stale.length;
    problems.push(keyed('reason.staleClose', { count: stale.length, names: names(stale) }));
  }
  if (problems.length > 0) return { score: clampScore(score), reason: phrases(problems) };

  const covering = newestStageChange(inMotion);
  if (renewalAt && renewalDue && covering) {
    return {
      score: 100,
      reason: keyed('reason.covered', { renewal: renewalPhrase(renewalAt, now), title: covering.title }),
    };
  }
  if (latest) {
    const moved = ago(calendarDaysBetween(latest.stageChangedAt, now));
    return {
      score: 100,
      reason: keyed('reason.openMoved', { count: open.length, ago: moved }),
    };
  }
  if (renewalAt) {
    return { score: 100, reason: keyed('reason.renewalFar', { day: isoDate(renewalAt), days: RENEWAL_WINDOW_DAYS }) };
  }
  // Every branch above needs an open opportunity or a renewal date: without either there is nothing to judge.
  return { score: null, reason: keyed('reason.nothingToJudge') };
}

function newestStageChange(opportunities: Opportunity[]): Opportunity | undefined {
  return [...opportunities].sort((a, b) => b.stageChangedAt.getTime() - a.stageChangedAt.getTime())[0];
}

function renewalPhrase(renewalAt: Date, now: Date): string {
  const days = calendarDaysBetween(now, renewalAt);
  if (days < 0) return keyed('reason.renewalPassed', { day: isoDate(renewalAt) });
  if (days === 0) return keyed('reason.renewalToday');
  return keyed('reason.renewalIn', { days });
}
