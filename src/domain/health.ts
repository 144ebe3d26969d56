// The account health score: five components, each a 0–100 score with the one-line reason behind it, combined by
// weight over the components that have data. An active manual override replaces the score but never hides the
// computed one, so "gut feel 30, computed 72" stays visible.
import { keyed } from '../i18n/translate.ts';
import {
  engagementOf,
  followThroughOf,
  pipelineOf,
  relationshipsOf,
  type Scored,
  sentimentOf,
} from './health-components.ts';
import { bandOf, HEALTH_COMPONENT_KEYS, type HealthComponentKey, type HealthSettings } from './health-settings.ts';
import type { FollowUpTally, RelationshipTally, SentimentTally } from './health-tallies.ts';
import type { BuyingRole, HealthBand, OpportunityStage, Sentiment, Tier } from './records.ts';

export interface HealthOverrideFacts {
  score: number;
  reason: string;
  until: Date | null;
  byName: string | null;
}

export interface HealthContactFact {
  name: string;
  buyingRole: BuyingRole | null;
  relationship: number | null;
  /** 1 (little) to 5 (decisive); null or absent when nobody rated it */
  influence?: number | null;
}
export interface HealthNoteFact {
  occurredAt: Date;
  sentiment: Sentiment;
}
export interface HealthTaskFact {
  title: string;
  dueAt: Date;
  doneAt: Date | null;
}

/** The facts with every record listed, as one account's history is replayed (health-history.ts). */
export type ListedHealthFacts = HealthFacts & {
  contacts: HealthContactFact[];
  notes: HealthNoteFact[];
  tasks: HealthTaskFact[];
};

export interface HealthFacts {
  tier: Tier;
  renewalAt: Date | null;
  override: HealthOverrideFacts | null;
  /** latest interaction: newest note occurredAt or contact lastContactAt, whichever is later; null if none */
  lastInteractionAt: Date | null;
  /** the contacts, or their tally (in the same order) when a store scores many accounts at once */
  contacts: HealthContactFact[] | RelationshipTally;
  /** notes of the last 90 days (caller may pass more; older ones are left out here), or their tally for `now` */
  notes: HealthNoteFact[] | SentimentTally;
  /** tasks that have a due date: open ones and ones done in the last 90 days, or their tally for `now` */
  tasks: HealthTaskFact[] | FollowUpTally;
  opportunities: { title: string; stage: OpportunityStage; expectedCloseAt: Date | null; stageChangedAt: Date }[];
}

export interface HealthComponent {
  key: HealthComponentKey;
  label: string;
  /** Share of the score in percent, renormalised over the components with data (one decimal); 0 without data. */
  weight: number;
  /** null = no data, left out of the score */
  score: number | null;
  reason: string;
}

export interface Health {
  /** null without enough evidence (and no override active) */
  score: number | null;
  band: HealthBand | null;
  /** the score before the override */
  computedScore: number | null;
  computedBand: HealthBand | null;
  /** always all five, in HEALTH_COMPONENT_KEYS order */
  components: HealthComponent[];
  /** only when active: no expiry, or expiring after `now` */
  override: HealthOverrideFacts | null;
  /** the reason of the weakest weighted component with data, e.g. for digests */
  topReason: string | null;
  /** What a score still needs (the reasons of the evidence components without data); empty once it is scored. */
  missing: string[];
}

/**
 * A score needs to know that someone is in touch and who the team knows there. Renormalising over whatever exists
 * made an account with only a renewal date score 100, and a new one with one neutral note 88.
 */
export const EVIDENCE_COMPONENTS: readonly HealthComponentKey[] = ['engagement', 'relationships'];

const SCORERS: Record<HealthComponentKey, (facts: HealthFacts, now: Date, settings: HealthSettings) => Scored> = {
  engagement: engagementOf,
  relationships: relationshipsOf,
  sentiment: sentimentOf,
  followThrough: followThroughOf,
  pipeline: pipelineOf,
};

export function computeHealth(facts: HealthFacts, now: Date, settings: HealthSettings): Health {
  const scored = HEALTH_COMPONENT_KEYS.map((key) => ({
    key,
    rawWeight: settings.weights[key],
    ...SCORERS[key](facts, now, settings),
  }));
  // A component with data but weight 0 (switched off by the workspace) counts as much as one without data.
  const missing = scored.filter((entry) => EVIDENCE_COMPONENTS.includes(entry.key) && entry.score === null);
  const counted = missing.length > 0 ? [] : scored.filter((entry) => entry.score !== null && entry.rawWeight > 0);
  const totalWeight = counted.reduce((sum, entry) => sum + entry.rawWeight, 0);
  // Integer weights times integer scores: the sum is exact, so the only rounding is the last one.
  const computedScore =
    totalWeight > 0
      ? Math.round(counted.reduce((sum, entry) => sum + entry.rawWeight * (entry.score ?? 0), 0) / totalWeight)
      : null;

  const components: HealthComponent[] = scored.map((entry) => ({
    key: entry.key,
    label: keyed(`component.${entry.key}`),
    weight: counted.includes(entry) ? Math.round((1000 * entry.rawWeight) / totalWeight) / 10 : 0,
    score: entry.score,
    reason: entry.reason,
  }));

  // The weakest part explains the score best; among equals, the one that weighs most.
  const weakest = [...counted].sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || b.rawWeight - a.rawWeight)[0];

  const override = activeOverride(facts.override, now);
  const computedBand = computedScore === null ? null : bandOf(computedScore, settings);
  const score = override ? override.score : computedScore;
  return {
    score,
    band: score === null ? null : bandOf(score, settings),
    computedScore,
    computedBand,
    components,
    override,
    topReason: weakest?.reason ?? null,
    missing: missing.map((entry) => entry.reason),
  };
}

function activeOverride(override: HealthOverrideFacts | null, now: Date): HealthOverrideFacts | null {
  if (!override) return null;
  if (override.until !== null && override.until.getTime() <= now.getTime()) return null;
  // The score is typed in by a person; keep it on the same 0–100 integer scale as the computed one.
  return { ...override, score: Math.round(Math.min(100, Math.max(0, override.score))) };
}
