// The five health components. Each turns the facts into a 0–100 score (null when there is nothing to judge) and
// one line that says why, in words an account manager would use. The thresholds are DESIGN.md's ("Health").
import type { HealthFacts } from './health.ts';
import type { HealthSettings } from './health-settings.ts';
import {
  type BestContact,
  DONE_TASK_WINDOW_DAYS,
  FollowUpTally,
  RECENT_NEGATIVE_DAYS,
  RelationshipTally,
  SENTIMENT_WINDOW_DAYS,
  SentimentTally,
} from './health-tallies.ts';
import { calendarDaysBetween, counted, DAY_MS, isoDate, startOfUtcDay } from './health-time.ts';
import { type BuyingRole, OPEN_STAGES, type Sentiment } from './records.ts';

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
/** An open opportunity is in motion when its stage changed this recently… */
export const IN_MOTION_STAGE_DAYS = 30;
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
  return days <= 0 ? 'today' : `${counted(days, 'day')} ago`;
}

function names(items: string[]): string {
  const shown = items.slice(0, MAX_NAMED).join(', ');
  return items.length > MAX_NAMED ? `${shown} and ${items.length - MAX_NAMED} more` : shown;
}

export function engagementOf(facts: HealthFacts, now: Date, settings: HealthSettings): Scored {
  if (!facts.lastInteractionAt) return { score: null, reason: 'no interactions recorded yet' };
  const cadence = settings.cadenceDays[facts.tier];
  const days = Math.max(0, calendarDaysBetween(facts.lastInteractionAt, now));
  if (days <= cadence) {
    return {
      score: 100,
      reason: `last contact ${ago(days)}; tier ${facts.tier} expects every ${counted(cadence, 'day')}`,
    };
  }
  const zeroAt = cadence * ENGAGEMENT_ZERO_AT_CADENCES;
  return {
    score: clampScore((100 * (zeroAt - days)) / (zeroAt - cadence)),
    reason: `no contact for ${days} days; tier ${facts.tier} expects ${cadence}`,
  };
}

const ROLE_NAMES: Partial<Record<BuyingRole, string>> = {
  decision_maker: 'decision maker',
  economic_buyer: 'economic buyer',
  champion: 'champion',
};

function relationshipWord(relationship: number | null): string {
  if (relationship === null) return 'not rated';
  if (relationship > 0) return 'positive';
  if (relationship === 0) return 'neutral';
  return relationship <= -2 ? 'hostile' : 'negative';
}

/** The best-related contact in a role group, and how it reads. */
function bestIn(best: BestContact, absent: string): { points: boolean; text: string } {
  if (best.role === null) return { points: false, text: absent };
  return {
    points: (best.relationship ?? 0) > 0,
    text: `${ROLE_NAMES[best.role]} ${best.name} is ${relationshipWord(best.relationship)}`,
  };
}

export function relationshipsOf(facts: HealthFacts): Scored {
  const tally = facts.contacts instanceof RelationshipTally ? facts.contacts : RelationshipTally.of(facts.contacts);
  const count = tally.count;
  if (count === 0) return { score: null, reason: 'no contacts recorded yet' };
  if (!tally.anyPositive) {
    return {
      score: 0,
      reason:
        count === 1
          ? `no positive contact; single-threaded (only ${tally.firstName})`
          : `no positive contact among ${count}`,
    };
  }
  const executive = bestIn(tally.executive, 'no decision maker');
  const champion = bestIn(tally.champion, 'no champion');
  const breadth =
    count >= 3
      ? { points: BREADTH_POINTS.threeOrMore, text: `${count} contacts` }
      : count === 2
        ? { points: BREADTH_POINTS.two, text: 'only 2 contacts' }
        : { points: 0, text: 'single-threaded' };
  const score =
    (executive.points ? RELATIONSHIP_POINTS.executive : 0) +
    (champion.points ? RELATIONSHIP_POINTS.champion : 0) +
    breadth.points;
  return { score, reason: [executive.text, champion.text, breadth.text].join('; ') };
}

/** A tally must be for the moment the score is computed at: its ages and windows are relative to it. */
function sameMoment(tally: { nowMs: number }, now: Date): void {
  if (tally.nowMs !== now.getTime()) throw new Error('health facts were tallied for another moment');
}

export function sentimentOf(facts: HealthFacts, now: Date): Scored {
  const tally = facts.notes instanceof SentimentTally ? facts.notes : SentimentTally.of(facts.notes, now);
  sameMoment(tally, now);
  if (tally.count === 0) return { score: null, reason: `no notes in the last ${SENTIMENT_WINDOW_DAYS} days` };
  const score = clampScore(50 + 50 * (tally.weighted / tally.totalWeight));
  if (tally.recentNegative > 0 && score < NEGATIVE_REASON_BELOW) {
    return {
      score,
      reason: `${counted(tally.recentNegative, 'negative note')} in the last ${RECENT_NEGATIVE_DAYS} days`,
    };
  }
  return { score, reason: describeMix(tally) };
}

function describeMix(tally: SentimentTally): string {
  const total = tally.count;
  const count = (sentiment: Sentiment) => tally.counts[sentiment];
  if (total === 1) return `one note in the last ${SENTIMENT_WINDOW_DAYS} days, ${tally.first}`;
  for (const sentiment of ['positive', 'neutral', 'negative'] as const) {
    const n = count(sentiment);
    if (n === total) return `all ${total} recent notes ${sentiment}`;
    if (n * 2 > total) return `recent notes mostly ${sentiment} (${n} of ${total})`;
  }
  return `recent notes mixed: ${count('positive')} positive, ${count('neutral')} neutral, ${count('negative')} negative`;
}

export function followThroughOf(facts: HealthFacts, now: Date): Scored {
  const tally =
    facts.tasks instanceof FollowUpTally ? facts.tasks : FollowUpTally.of(facts.tasks, now, startOfUtcDay(now));
  sameMoment(tally, now);
  if (tally.considered === 0) {
    return { score: null, reason: `no follow-ups due or done in the last ${DONE_TASK_WINDOW_DAYS} days` };
  }
  const total = counted(tally.considered, 'follow-up');
  if (tally.overdue === 0) {
    return { score: 100, reason: tally.considered === 1 ? '1 follow-up, not overdue' : `none of ${total} overdue` };
  }
  const share = tally.overdue / tally.considered;
  const late = counted(calendarDaysBetween(new Date(tally.oldestOverdueMs), now), 'day');
  return {
    score: clampScore(100 * (1 - share / OVERDUE_SHARE_AT_ZERO)),
    reason: `${tally.overdue} of ${total} overdue, ${tally.overdue === 1 ? 'by' : 'oldest'} ${late}`,
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
    return { score: 0, reason: `${renewalPhrase(renewalAt, now)} with nothing in motion` };
  }

  // The cap comes first so that a stale close date on an idle pipeline still costs its 40 points.
  let score = 100;
  const problems: string[] = [];
  const latest = newestStageChange(open);
  if (latest && daysSince(latest.stageChangedAt) > IDLE_PIPELINE_DAYS) {
    score = IDLE_PIPELINE_CAP;
    const idle = counted(calendarDaysBetween(latest.stageChangedAt, now), 'day');
    problems.push(
      open.length === 1
        ? `${latest.title} has not moved in ${idle}`
        : `none of ${open.length} open opportunities has moved in ${idle}`,
    );
  }
  const stale = open.flatMap((opportunity) =>
    opportunity.expectedCloseAt !== null && opportunity.expectedCloseAt.getTime() < startOfToday
      ? [`${opportunity.title} (${isoDate(opportunity.expectedCloseAt)})`]
      : [],
  );
  if (stale.length > 0) {
    score -= STALE_CLOSE_PENALTY * stale.length;
    problems.push(`stale close date${stale.length === 1 ? '' : 's'}: ${names(stale)}`);
  }
  if (problems.length > 0) return { score: clampScore(score), reason: problems.join('; ') };

  const covering = newestStageChange(inMotion);
  if (renewalAt && renewalDue && covering) {
    return { score: 100, reason: `${renewalPhrase(renewalAt, now)}, covered by ${covering.title}` };
  }
  if (latest) {
    const moved = ago(calendarDaysBetween(latest.stageChangedAt, now));
    return {
      score: 100,
      reason: `${counted(open.length, 'open opportunity', 'open opportunities')}, last moved ${moved}`,
    };
  }
  if (renewalAt) {
    return { score: 100, reason: `renewal ${isoDate(renewalAt)} is more than ${RENEWAL_WINDOW_DAYS} days away` };
  }
  // Every branch above needs an open opportunity or a renewal date: without either there is nothing to judge.
  return { score: null, reason: 'no open opportunities and no renewal date' };
}

function newestStageChange(opportunities: Opportunity[]): Opportunity | undefined {
  return [...opportunities].sort((a, b) => b.stageChangedAt.getTime() - a.stageChangedAt.getTime())[0];
}

function renewalPhrase(renewalAt: Date, now: Date): string {
  const days = calendarDaysBetween(now, renewalAt);
  if (days < 0) return `renewal date ${isoDate(renewalAt)} passed`;
  if (days === 0) return 'renewal today';
  return `renewal in ${counted(days, 'day')}`;
}
