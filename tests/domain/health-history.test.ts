import { describe, expect, it } from 'vitest';
import { computeHealth } from '../../src/domain/health.ts';
import { factsAsOf, type HealthHistoryFacts } from '../../src/domain/health-history.ts';
import { DEFAULT_HEALTH_SETTINGS } from '../../src/domain/health-settings.ts';
import { translated } from '../../src/i18n/translate.ts';

const NOW = new Date('2026-11-27T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

function history(overrides: Partial<HealthHistoryFacts> = {}): HealthHistoryFacts {
  return {
    tier: 'B',
    renewalAt: null,
    override: null,
    contacts: [{ name: 'Ute Hoffmann', buyingRole: 'decision_maker', relationship: 1 }],
    opportunities: [{ title: 'Line 4', stage: 'propose', expectedCloseAt: null, stageChangedAt: daysAgo(3) }],
    notes: [],
    contactTouches: [],
    tasks: [],
    ...overrides,
  };
}

describe('facts as of an earlier day', () => {
  const at = daysAgo(28);

  it('replays notes up to that day, within 90 days of it', () => {
    const facts = history({
      notes: [
        { occurredAt: daysAgo(130), sentiment: 'negative' },
        { occurredAt: daysAgo(40), sentiment: 'positive' },
        { occurredAt: daysAgo(28), sentiment: 'neutral' },
        { occurredAt: daysAgo(10), sentiment: 'negative' },
      ],
    });
    const then = factsAsOf(facts, at);
    expect(then.notes.map((note) => note.sentiment)).toEqual(['positive', 'neutral']);
    expect(then.lastInteractionAt).toEqual(daysAgo(28));
  });

  it('takes the latest interaction from notes and contact touches before that day', () => {
    const facts = history({
      notes: [{ occurredAt: daysAgo(50), sentiment: 'neutral' }],
      contactTouches: [daysAgo(35), daysAgo(5)],
    });
    expect(factsAsOf(facts, at).lastInteractionAt).toEqual(daysAgo(35));
    expect(factsAsOf(facts, daysAgo(60)).lastInteractionAt).toBeNull();
  });

  it('replays tasks: created by then, done only if done by then', () => {
    const facts = history({
      tasks: [
        { title: 'created later', dueAt: daysAgo(20), doneAt: null, createdAt: daysAgo(25) },
        { title: 'done later', dueAt: daysAgo(35), doneAt: daysAgo(10), createdAt: daysAgo(60) },
        { title: 'done before', dueAt: daysAgo(40), doneAt: daysAgo(30), createdAt: daysAgo(60) },
        { title: 'done long before', dueAt: daysAgo(200), doneAt: daysAgo(150), createdAt: daysAgo(210) },
        { title: 'no due date', dueAt: null, doneAt: null, createdAt: daysAgo(60) },
        { title: 'still open', dueAt: daysAgo(29), doneAt: null, createdAt: daysAgo(60) },
      ],
    });
    expect(factsAsOf(facts, at).tasks).toEqual([
      { title: 'done later', dueAt: daysAgo(35), doneAt: null },
      { title: 'done before', dueAt: daysAgo(40), doneAt: daysAgo(30) },
      { title: 'still open', dueAt: daysAgo(29), doneAt: null },
    ]);
  });

  it('keeps contacts, opportunities, tier and renewal as they are now', () => {
    const facts = history({ renewalAt: daysAgo(-200) });
    const then = factsAsOf(facts, at);
    expect(then).toMatchObject({ tier: 'B', renewalAt: daysAgo(-200), override: null });
    expect(then.contacts).toEqual(facts.contacts);
    expect(then.opportunities).toEqual(facts.opportunities);
  });

  it('gives the score that account had then', () => {
    const facts = history({
      notes: [{ occurredAt: daysAgo(42), sentiment: 'positive' }],
      contactTouches: [daysAgo(2)],
      tasks: [{ title: 'Send quote', dueAt: daysAgo(40), doneAt: daysAgo(1), createdAt: daysAgo(50) }],
    });
    const then = computeHealth(factsAsOf(facts, at), at, DEFAULT_HEALTH_SETTINGS);
    const today = computeHealth(factsAsOf(facts, NOW), NOW, DEFAULT_HEALTH_SETTINGS);
    expect(translated('en', then.components.find((entry) => entry.key === 'engagement')?.reason ?? '')).toBe(
      'last contact 14 days ago; tier B expects every 30 days',
    );
    expect(translated('en', then.components.find((entry) => entry.key === 'followThrough')?.reason ?? '')).toBe(
      '1 of 1 follow-up overdue, by 12 days',
    );
    expect(translated('en', today.components.find((entry) => entry.key === 'followThrough')?.reason ?? '')).toBe(
      '1 follow-up, not overdue',
    );
    expect(then.score).toBeLessThan(today.score ?? 0);
  });
});
