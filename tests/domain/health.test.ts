import { describe, expect, it } from 'vitest';
import { computeHealth, type Health, type HealthFacts } from '../../src/domain/health.ts';
import { BLOCKER_CAP } from '../../src/domain/health-components.ts';
import {
  bandOf,
  DEFAULT_HEALTH_SETTINGS,
  type HealthComponentKey,
  resolveHealthSettings,
} from '../../src/domain/health-settings.ts';
import type { OpportunityStage, Sentiment } from '../../src/domain/records.ts';
import { translated } from '../../src/i18n/translate.ts';

// A Friday, mid-morning UTC.
const NOW = new Date('2026-11-27T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const daysAhead = (days: number) => new Date(NOW.getTime() + days * DAY);
const settings = DEFAULT_HEALTH_SETTINGS;

function facts(overrides: Partial<HealthFacts> = {}): HealthFacts {
  return {
    tier: 'A',
    renewalAt: null,
    override: null,
    lastInteractionAt: null,
    contacts: [],
    notes: [],
    tasks: [],
    opportunities: [],
    ...overrides,
  };
}

const note = (ageDays: number, sentiment: Sentiment) => ({ occurredAt: daysAgo(ageDays), sentiment });
const openTask = (title: string, dueAt: Date) => ({ title, dueAt, doneAt: null });
const doneTask = (title: string, doneDaysAgo: number) => ({
  title,
  dueAt: daysAgo(doneDaysAgo + 1),
  doneAt: daysAgo(doneDaysAgo),
});
const opportunity = (
  title: string,
  movedDaysAgo: number,
  expectedCloseAt: Date | null = null,
  stage: OpportunityStage = 'propose',
) => ({ title, stage, expectedCloseAt, stageChangedAt: daysAgo(movedDaysAgo) });

function component(health: Health, key: HealthComponentKey) {
  const found = health.components.find((entry) => entry.key === key);
  if (!found) throw new Error(`no component ${key}`);
  return { score: found.score, reason: translated('en', found.reason) };
}

const scoreOf = (key: HealthComponentKey, input: Partial<HealthFacts>) =>
  component(computeHealth(facts(input), NOW, settings), key);

describe('engagement', () => {
  it('is 100 within the tier cadence', () => {
    expect(scoreOf('engagement', { lastInteractionAt: daysAgo(5) })).toEqual({
      score: 100,
      reason: 'last contact 5 days ago; tier A expects every 14 days',
    });
    expect(scoreOf('engagement', { lastInteractionAt: daysAgo(14) }).score).toBe(100);
    expect(scoreOf('engagement', { lastInteractionAt: daysAgo(0) }).reason).toBe(
      'last contact today; tier A expects every 14 days',
    );
  });

  it('falls linearly to 0 at three cadences', () => {
    expect(scoreOf('engagement', { lastInteractionAt: daysAgo(21) })).toEqual({
      score: 75,
      reason: 'no contact for 21 days; tier A expects 14',
    });
    expect(scoreOf('engagement', { lastInteractionAt: daysAgo(41) })).toEqual({
      score: 4,
      reason: 'no contact for 41 days; tier A expects 14',
    });
    expect(scoreOf('engagement', { lastInteractionAt: daysAgo(42) }).score).toBe(0);
    expect(scoreOf('engagement', { lastInteractionAt: daysAgo(300) })).toEqual({
      score: 0,
      reason: 'no contact for 300 days; tier A expects 14',
    });
  });

  it("follows the tier's cadence and the workspace's settings", () => {
    expect(scoreOf('engagement', { tier: 'C', lastInteractionAt: daysAgo(41) })).toEqual({
      score: 100,
      reason: 'last contact 41 days ago; tier C expects every 60 days',
    });
    const custom = resolveHealthSettings({ cadenceDays: { B: 10 } });
    expect(
      component(computeHealth(facts({ tier: 'B', lastInteractionAt: daysAgo(20) }), NOW, custom), 'engagement'),
    ).toEqual({ score: 50, reason: 'no contact for 20 days; tier B expects 10' });
  });

  it('counts calendar days, not hours', () => {
    const lateYesterday = new Date('2026-11-26T23:30:00Z');
    expect(scoreOf('engagement', { lastInteractionAt: lateYesterday }).reason).toBe(
      'last contact 1 day ago; tier A expects every 14 days',
    );
  });

  it('has no data without any interaction', () => {
    expect(scoreOf('engagement', {})).toEqual({ score: null, reason: 'no interactions recorded yet' });
  });
});

describe('relationships', () => {
  const ute = { name: 'Ute Hoffmann', buyingRole: 'decision_maker' as const, relationship: 2 };
  const jan = { name: 'Jan Berg', buyingRole: 'champion' as const, relationship: 1 };
  const max = { name: 'Max Ortiz', buyingRole: 'user' as const, relationship: 0 };

  it('is 100 with a positive decision maker and champion and three contacts', () => {
    expect(scoreOf('relationships', { contacts: [ute, jan, max] })).toEqual({
      score: 100,
      reason: 'decision maker Ute Hoffmann is positive; champion Jan Berg is positive; 3 contacts',
    });
  });

  it('is 0 without any positive contact', () => {
    const cold = [
      { ...ute, relationship: 0 },
      { ...jan, relationship: -1 },
      { ...max, relationship: null },
    ];
    expect(scoreOf('relationships', { contacts: cold })).toEqual({
      score: 0,
      reason: 'no positive contact among 3',
    });
    expect(scoreOf('relationships', { contacts: [max] })).toEqual({
      score: 0,
      reason: 'no positive contact; single-threaded (only Max Ortiz)',
    });
  });

  it('shows a single thread as poor even when it is the decision maker', () => {
    expect(scoreOf('relationships', { contacts: [ute] })).toEqual({
      score: 35,
      reason: 'decision maker Ute Hoffmann is positive; no champion; single-threaded',
    });
  });

  it('adds up executive, champion and breadth, naming who is not won over', () => {
    const buyer = { name: 'Lena Kraus', buyingRole: 'economic_buyer' as const, relationship: 1 };
    expect(scoreOf('relationships', { contacts: [buyer, { ...jan, relationship: 0 }] })).toEqual({
      score: 50,
      reason: 'economic buyer Lena Kraus is positive; champion Jan Berg is neutral; only 2 contacts',
    });
    expect(
      scoreOf('relationships', { contacts: [{ ...ute, relationship: 1 }, { ...jan, relationship: 0 }, max] }),
    ).toEqual({
      score: 65,
      reason: 'decision maker Ute Hoffmann is positive; champion Jan Berg is neutral; 3 contacts',
    });
  });

  it('caps relationships at a hostile decision maker, whoever else is friendly', () => {
    expect(scoreOf('relationships', { contacts: [{ ...ute, relationship: -2 }, jan, max] })).toEqual({
      score: BLOCKER_CAP.hostile,
      reason: 'decision maker Ute Hoffmann is hostile; champion Jan Berg is positive; 3 contacts',
    });
  });

  it('weighs the worst high-influence stakeholder, not only the best economic buyer', () => {
    const friendly = { name: 'Lena Kraus', buyingRole: 'economic_buyer' as const, relationship: 2, influence: 4 };
    const hostile = { name: 'Olaf Brandt', buyingRole: 'economic_buyer' as const, relationship: -2, influence: 5 };
    expect(scoreOf('relationships', { contacts: [friendly, hostile, jan, max] })).toEqual({
      score: BLOCKER_CAP.hostile,
      reason:
        'economic buyer Olaf Brandt (influence 5/5) is hostile; economic buyer Lena Kraus is positive; champion Jan Berg is positive; 4 contacts',
    });
    const cool = { name: 'Ines Roth', buyingRole: 'influencer' as const, relationship: -1, influence: 4 };
    expect(scoreOf('relationships', { contacts: [friendly, cool, jan, max] })).toEqual({
      score: BLOCKER_CAP.negative,
      reason:
        'influencer Ines Roth (influence 4/5) is negative; economic buyer Lena Kraus is positive; champion Jan Berg is positive; 4 contacts',
    });
  });

  it('lets a hostile stakeholder of little influence count as any other contact', () => {
    const grumpy = { name: 'Tom Vogt', buyingRole: 'user' as const, relationship: -2, influence: 2 };
    expect(scoreOf('relationships', { contacts: [ute, jan, grumpy] })).toEqual({
      score: 100,
      reason: 'decision maker Ute Hoffmann is positive; champion Jan Berg is positive; 3 contacts',
    });
  });

  it('names the worst and the best-related of several decision makers', () => {
    const cold = { name: 'Karl Weber', buyingRole: 'decision_maker' as const, relationship: -1 };
    expect(scoreOf('relationships', { contacts: [cold, ute] })).toEqual({
      score: BLOCKER_CAP.negative,
      reason:
        'decision maker Karl Weber is negative; decision maker Ute Hoffmann is positive; no champion; only 2 contacts',
    });
  });

  it('has no data without contacts', () => {
    expect(scoreOf('relationships', {})).toEqual({ score: null, reason: 'no contacts recorded yet' });
  });
});

describe('sentiment', () => {
  it('is 100 when recent notes are positive', () => {
    expect(scoreOf('sentiment', { notes: [note(1, 'positive'), note(20, 'positive'), note(80, 'positive')] })).toEqual({
      score: 100,
      reason: 'all 3 recent notes positive',
    });
  });

  it('is 0 when recent notes are negative, and says how many', () => {
    expect(scoreOf('sentiment', { notes: [note(2, 'negative'), note(12, 'negative')] })).toEqual({
      score: 0,
      reason: '2 negative notes in the last 30 days',
    });
  });

  it('weights recent notes more than old ones', () => {
    // weights 1 and e^-2: (1 - 0.135) / 1.135 = 0.76 → 50 + 38
    expect(scoreOf('sentiment', { notes: [note(0, 'positive'), note(60, 'negative')] })).toEqual({
      score: 88,
      reason: 'recent notes mixed: 1 positive, 0 neutral, 1 negative',
    });
    expect(scoreOf('sentiment', { notes: [note(0, 'negative'), note(60, 'positive')] })).toEqual({
      score: 12,
      reason: '1 negative note in the last 30 days',
    });
  });

  it('reads neutral notes as mildly positive', () => {
    const notes = [...[0, 0, 0, 0].map(() => note(0, 'positive')), note(0, 'neutral'), note(0, 'neutral')];
    // (4 + 2 × 0.4) / 6 = 0.8 → 90
    expect(scoreOf('sentiment', { notes })).toEqual({ score: 90, reason: 'recent notes mostly positive (4 of 6)' });
    expect(scoreOf('sentiment', { notes: [note(3, 'neutral')] })).toEqual({
      score: 70,
      reason: 'one note in the last 90 days, neutral',
    });
  });

  it('has no data without notes in the last 90 days', () => {
    expect(scoreOf('sentiment', { notes: [note(91, 'negative')] })).toEqual({
      score: null,
      reason: 'no notes in the last 90 days',
    });
  });
});

describe('follow-through', () => {
  it('is 100 when nothing is overdue; due today is not overdue yet', () => {
    const tasks = [openTask('Send agenda', new Date('2026-11-27T00:00:00Z')), doneTask('Call Bob', 5)];
    expect(scoreOf('followThrough', { tasks })).toEqual({ score: 100, reason: 'none of 2 follow-ups overdue' });
  });

  it('is 0 when half or more are overdue', () => {
    const tasks = [openTask('Send quote', daysAgo(3)), doneTask('Call Bob', 5)];
    expect(scoreOf('followThrough', { tasks })).toEqual({
      score: 0,
      reason: '1 of 2 follow-ups overdue, by 3 days',
    });
  });

  it('falls with the share overdue and names the oldest', () => {
    const tasks = [
      openTask('Send revised quote', daysAgo(12)),
      openTask('Book workshop', daysAgo(3)),
      openTask('Send agenda', new Date('2026-11-27T09:00:00Z')),
      doneTask('Call Bob', 5),
      doneTask('Share case study', 40),
    ];
    // 2 of 5 overdue: 100 × (1 − 0.4 / 0.5)
    expect(scoreOf('followThrough', { tasks })).toEqual({
      score: 20,
      reason: '2 of 5 follow-ups overdue, oldest 12 days',
    });
  });

  it('counts overdue by calendar day', () => {
    const tasks = [openTask('Call back', new Date('2026-11-26T23:00:00Z')), ...[1, 2, 3].map((d) => doneTask('x', d))];
    expect(scoreOf('followThrough', { tasks })).toEqual({ score: 50, reason: '1 of 4 follow-ups overdue, by 1 day' });
  });

  it('has no data without follow-ups due by now or done in the last 90 days', () => {
    const tasks = [openTask('Plan QBR', daysAhead(10)), doneTask('Old one', 120)];
    expect(scoreOf('followThrough', { tasks })).toEqual({
      score: null,
      reason: 'no follow-ups due or done in the last 90 days',
    });
  });
});

describe('pipeline & renewal', () => {
  it('is 100 with open opportunities moving', () => {
    expect(scoreOf('pipeline', { opportunities: [opportunity('Line 4 retrofit', 10)] })).toEqual({
      score: 100,
      reason: '1 open opportunity, last moved 10 days ago',
    });
  });

  it('is 100 with a renewal far away and nothing else', () => {
    expect(scoreOf('pipeline', { renewalAt: new Date('2027-06-11T00:00:00Z') })).toEqual({
      score: 100,
      reason: 'renewal 2027-06-11 is more than 90 days away',
    });
  });

  it('is 100 when a close renewal is covered by something in motion', () => {
    const renewal = opportunity('Contract renewal 2027', 60, daysAhead(30), 'negotiate');
    expect(scoreOf('pipeline', { renewalAt: daysAhead(41), opportunities: [renewal] })).toEqual({
      score: 100,
      reason: 'renewal in 41 days, covered by Contract renewal 2027',
    });
  });

  it('counts an open opportunity that moved in the last 90 days as motion for the renewal', () => {
    const rollout = opportunity('Rollout phase 2', 45);
    const extension = opportunity('Service extension', 60, null, 'negotiate');
    expect(scoreOf('pipeline', { renewalAt: daysAhead(41), opportunities: [rollout, extension] })).toEqual({
      score: 100,
      reason: 'renewal in 41 days, covered by Rollout phase 2',
    });
  });

  it('is 0 with a renewal within 90 days and nothing in motion', () => {
    const sleeping = opportunity('Cloud migration', 95);
    const won = opportunity('Pilot', 5, null, 'won');
    expect(scoreOf('pipeline', { renewalAt: daysAhead(41), opportunities: [sleeping, won] })).toEqual({
      score: 0,
      reason: 'renewal in 41 days with nothing in motion',
    });
    expect(scoreOf('pipeline', { renewalAt: new Date('2026-11-01T00:00:00Z') })).toEqual({
      score: 0,
      reason: 'renewal date 2026-11-01 passed with nothing in motion',
    });
  });

  it('takes 40 off per stale close date and names them', () => {
    const stale = opportunity('Line 4 retrofit', 20, new Date('2026-10-31T00:00:00Z'));
    expect(scoreOf('pipeline', { opportunities: [stale, opportunity('Spare parts', 5)] })).toEqual({
      score: 60,
      reason: 'stale close date: Line 4 retrofit (2026-10-31)',
    });
    const many = ['A', 'B', 'C', 'D'].map((title) => opportunity(title, 20, daysAgo(3)));
    expect(scoreOf('pipeline', { opportunities: many })).toEqual({
      score: 0,
      reason: 'stale close dates: A (2026-11-24), B (2026-11-24), C (2026-11-24) and 1 more',
    });
  });

  it('caps at 50 when no open opportunity moved in 90 days, before stale dates count', () => {
    expect(
      scoreOf('pipeline', { opportunities: [opportunity('Cloud migration', 120), opportunity('Service', 100)] }),
    ).toEqual({ score: 50, reason: 'none of 2 open opportunities has moved in 100 days' });
    expect(scoreOf('pipeline', { opportunities: [opportunity('Cloud migration', 120, daysAgo(10))] })).toEqual({
      score: 10,
      reason: 'Cloud migration has not moved in 120 days; stale close date: Cloud migration (2026-11-17)',
    });
  });

  it('has no data without open opportunities or a renewal date', () => {
    expect(scoreOf('pipeline', { opportunities: [opportunity('Pilot', 5, null, 'won')] })).toEqual({
      score: null,
      reason: 'no open opportunities and no renewal date',
    });
  });
});

describe('the score', () => {
  const healthy: Partial<HealthFacts> = {
    lastInteractionAt: daysAgo(2),
    contacts: [
      { name: 'Ute Hoffmann', buyingRole: 'decision_maker', relationship: 2 },
      { name: 'Jan Berg', buyingRole: 'champion', relationship: 1 },
    ],
    notes: [note(2, 'positive'), note(40, 'neutral')],
    tasks: [openTask('Send quote', daysAgo(4)), doneTask('Call', 2), doneTask('Mail', 9)],
    opportunities: [opportunity('Line 4 retrofit', 10)],
  };

  it('weighs all five components by the defaults', () => {
    const health = computeHealth(facts(healthy), NOW, settings);
    expect(health.components.map((entry) => [entry.key, entry.weight, entry.score])).toEqual([
      ['engagement', 30, 100],
      ['relationships', 20, 85],
      ['sentiment', 20, 93],
      ['followThrough', 15, 33],
      ['pipeline', 15, 100],
    ]);
    // (30·100 + 20·85 + 20·93 + 15·33 + 15·100) / 100 = 85.55
    expect(health).toMatchObject({ score: 86, band: 'green', computedScore: 86, override: null });
    expect(translated('en', health.topReason ?? '')).toBe('1 of 3 follow-ups overdue, by 4 days');
  });

  it('renormalises the weights over the components with data', () => {
    const health = computeHealth(
      facts({
        lastInteractionAt: daysAgo(21),
        contacts: [{ name: 'Ute Hoffmann', buyingRole: 'decision_maker', relationship: 2 }],
        notes: [note(0, 'positive'), note(0, 'negative')],
      }),
      NOW,
      settings,
    );
    expect(health.components.map((entry) => [entry.key, entry.weight, entry.score])).toEqual([
      ['engagement', 42.9, 75],
      ['relationships', 28.6, 35],
      ['sentiment', 28.6, 50],
      ['followThrough', 0, null],
      ['pipeline', 0, null],
    ]);
    // (30·75 + 20·35 + 20·50) / 70
    expect(health).toMatchObject({ score: 56, band: 'amber', missing: [] });
    expect(translated('en', health.topReason ?? '')).toBe(
      'decision maker Ute Hoffmann is positive; no champion; single-threaded',
    );
  });

  it('keeps the components in a fixed order with labels', () => {
    const health = computeHealth(facts(), NOW, settings);
    expect(health.components.map((entry) => translated('en', entry.label))).toEqual([
      'Engagement',
      'Relationships',
      'Sentiment',
      'Follow-through',
      'Pipeline & renewal',
    ]);
  });

  it('has no score without data', () => {
    const health = computeHealth(facts(), NOW, settings);
    expect(health).toMatchObject({ score: null, band: null, computedScore: null, computedBand: null, topReason: null });
    expect(health.missing.map((reason) => translated('en', reason))).toEqual([
      'no interactions recorded yet',
      'no contacts recorded yet',
    ]);
  });

  it('gives no score on a renewal date alone, and says what is missing', () => {
    const health = computeHealth(facts({ renewalAt: daysAhead(200) }), NOW, settings);
    expect(health).toMatchObject({ score: null, band: null, computedScore: null });
    expect(component(health, 'pipeline').score).toBe(100);
    expect(health.missing.map((reason) => translated('en', reason))).toEqual([
      'no interactions recorded yet',
      'no contacts recorded yet',
    ]);
  });

  it('gives no score to a new account with one neutral note and nobody known there', () => {
    const health = computeHealth(facts({ lastInteractionAt: daysAgo(1), notes: [note(1, 'neutral')] }), NOW, settings);
    expect(health).toMatchObject({ score: null, band: null });
    expect(health.missing.map((reason) => translated('en', reason))).toEqual(['no contacts recorded yet']);
  });

  it('gives no score when contacts are known but nobody was ever in touch', () => {
    const health = computeHealth(facts({ contacts: healthy.contacts ?? [] }), NOW, settings);
    expect(health.score).toBeNull();
    expect(health.missing.map((reason) => translated('en', reason))).toEqual(['no interactions recorded yet']);
  });

  it('leaves out a component the workspace weighs 0', () => {
    const noEngagement = resolveHealthSettings({ weights: { engagement: 0 } });
    const health = computeHealth(
      facts({
        lastInteractionAt: daysAgo(60),
        contacts: [{ name: 'Max Ortiz', buyingRole: 'user', relationship: 0 }],
        notes: [note(1, 'positive')],
      }),
      NOW,
      noEngagement,
    );
    // (20·0 + 20·100) / 40: engagement's 0 does not count
    expect(health.score).toBe(50);
    expect(translated('en', health.topReason ?? '')).toBe('no positive contact; single-threaded (only Max Ortiz)');
    expect(health.components[0]).toMatchObject({ key: 'engagement', weight: 0, score: 0 });
  });

  it('rounds the shown weights to one decimal', () => {
    const health = computeHealth(facts({ ...healthy, tasks: [] }), NOW, settings);
    expect(health.components.map((entry) => entry.weight)).toEqual([35.3, 23.5, 23.5, 0, 17.6]);
  });

  it('picks the weakest component for the top reason, the heavier one on a tie', () => {
    const health = computeHealth(
      facts({ lastInteractionAt: daysAgo(50), notes: [note(1, 'negative')], contacts: healthy.contacts ?? [] }),
      NOW,
      settings,
    );
    expect(translated('en', health.topReason ?? '')).toBe('no contact for 50 days; tier A expects 14');
    const weakest = computeHealth(facts({ ...healthy, renewalAt: daysAhead(20), opportunities: [] }), NOW, settings);
    expect(translated('en', weakest.topReason ?? '')).toBe('renewal in 20 days with nothing in motion');
  });
});

describe('bands', () => {
  it('splits at 70 and 40 by default', () => {
    expect([100, 70, 69, 40, 39, 0].map((score) => bandOf(score, settings))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
    ]);
  });

  it("follows the workspace's thresholds", () => {
    const strict = resolveHealthSettings({ bands: { green: 80, amber: 50 } });
    expect([80, 79, 50, 49].map((score) => bandOf(score, strict))).toEqual(['green', 'amber', 'amber', 'red']);
    const known = [
      { name: 'Ute Hoffmann', buyingRole: 'decision_maker' as const, relationship: 2 },
      { name: 'Jan Berg', buyingRole: 'champion' as const, relationship: 1 },
    ];
    // (30·75 + 20·85) / 50
    const health = computeHealth(facts({ lastInteractionAt: daysAgo(21), contacts: known }), NOW, strict);
    expect(health).toMatchObject({ score: 79, band: 'amber' });
    expect(computeHealth(facts({ lastInteractionAt: daysAgo(21), contacts: known }), NOW, settings).band).toBe('green');
  });
});

describe('manual override', () => {
  const quiet: Partial<HealthFacts> = {
    lastInteractionAt: daysAgo(21),
    contacts: [
      { name: 'Ute Hoffmann', buyingRole: 'decision_maker', relationship: 2 },
      { name: 'Jan Berg', buyingRole: 'champion', relationship: 1 },
    ],
  };

  it('replaces the score while active and keeps the computed one', () => {
    const override = { score: 30, reason: 'CFO is leaving', until: daysAhead(14), byName: 'Anna Schmidt' };
    expect(computeHealth(facts({ ...quiet, override }), NOW, settings)).toMatchObject({
      score: 30,
      band: 'red',
      computedScore: 79,
      computedBand: 'green',
      override,
    });
    const forever = { ...override, until: null };
    expect(computeHealth(facts({ ...quiet, override: forever }), NOW, settings)).toMatchObject({
      score: 30,
      override: forever,
    });
  });

  it('is ignored once expired', () => {
    const override = { score: 30, reason: 'CFO is leaving', until: NOW, byName: null };
    expect(computeHealth(facts({ ...quiet, override }), NOW, settings)).toMatchObject({
      score: 79,
      band: 'green',
      computedScore: 79,
      override: null,
    });
  });

  it('gives a score even when nothing else does', () => {
    const override = { score: 55, reason: 'new account, looks fine', until: null, byName: null };
    expect(computeHealth(facts({ override }), NOW, settings)).toMatchObject({
      score: 55,
      band: 'amber',
      computedScore: null,
      computedBand: null,
    });
  });
});
