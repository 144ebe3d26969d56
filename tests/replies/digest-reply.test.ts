import { describe, expect, it } from 'vitest';
import type { Digest, DigestLine } from '../../src/domain/digest-types.ts';
import { trendOf } from '../../src/domain/health-trend.ts';
import type { Tier } from '../../src/domain/records.ts';
import { keyed, t } from '../../src/i18n/translate.ts';
import { DIGEST_LIST_LIMIT, digestHeadings, digestReply } from '../../src/replies/digest-reply.ts';

const DIGEST_HEADINGS = digestHeadings('en');
const NOTHING_THIS_WEEK = t('en', 'digest.nothing');

import type { Block, ListBlock } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/text.ts';

const NOW = new Date('2026-11-30T08:00:00Z');
const TITLE = 'Weekly account health — 30 Nov 2026';
const options = { title: TITLE, timeZone: 'Europe/Berlin', locale: 'en' as const };

let nextId = 0;
function line(name: string, key = name.toLowerCase(), ownerName: string | null = 'Dana', tier: Tier = 'A'): DigestLine {
  nextId++;
  return { account: { id: nextId, key, name, tier, ownerName } };
}

function emptyDigest(overrides: Partial<Digest> = {}): Digest {
  return {
    now: NOW,
    counts: { green: 0, amber: 0, red: 0, unscored: 0 },
    lastWeekCounts: null,
    needsAttention: [],
    goingQuiet: [],
    renewals: [],
    closing: [],
    pastClose: [],
    unscored: [],
    wins: [],
    losses: [],
    overdueByOwner: [],
    mostActive: [],
    ...overrides,
  };
}

const harbourline = line('Harbourline Logistics', 'harbourline');

function fullDigest(): Digest {
  return emptyDigest({
    counts: { green: 18, amber: 11, red: 6, unscored: 0 },
    lastWeekCounts: { green: 16, amber: 12, red: 6 },
    needsAttention: [
      {
        ...harbourline,
        band: 'amber',
        previousBand: 'green',
        score: 52,
        reason: 'no contact for 41 days; tier A expects 14',
        trend: trendOf([60, 70, 72, 60, 48, 36, 30, 22]),
      },
      {
        ...line('Corvane Mobility', 'corvane', null),
        band: 'red',
        previousBand: null,
        score: 30,
        reason: null,
        trend: trendOf([30]),
      },
      {
        ...line('Istrana Coatings', 'istrana'),
        band: 'red',
        previousBand: 'amber',
        score: 35,
        reason: '2 of 3 follow-ups overdue',
        trend: trendOf([35, 35]),
      },
    ],
    goingQuiet: [
      { ...line('Lumara Logistics', 'lumara', 'Dana', 'C'), days: 253, cadenceDays: 60 },
      { ...line('Brasca Telecom', 'brasca', 'Dana', 'C'), days: null, cadenceDays: 60 },
    ],
    renewals: [
      { ...line('Nordwind Polska', 'nordwind-pl'), renewalAt: new Date('2026-11-30T00:00:00Z'), days: 0 },
      { ...line('Rosvik Retail', 'rosvik'), renewalAt: new Date('2027-01-04T00:00:00Z'), days: 35 },
    ],
    closing: [
      {
        ...line('Kestrel Pharmaceuticals', 'kestrel'),
        title: 'Framework agreement 2027',
        value: 390_000,
        currency: 'USD',
        expectedCloseAt: new Date('2026-12-01T00:00:00Z'),
        days: 1,
      },
    ],
    pastClose: [
      {
        ...line('Corvane Mobility', 'corvane'),
        title: 'Fleet telematics pilot',
        value: 120_000,
        currency: 'EUR',
        expectedCloseAt: new Date('2026-11-16T00:00:00Z'),
        days: 14,
      },
    ],
    unscored: [
      {
        ...line('Quellbach Energie', 'quellbach'),
        missing: [keyed('reason.noInteractions'), keyed('reason.noContacts')],
      },
    ],
    wins: [
      {
        ...line('Nordwind Americas', 'nordwind-us'),
        title: 'Framework agreement 2027',
        value: 565_000,
        currency: 'USD',
        // Late Sunday evening in UTC is already Monday in Berlin.
        closedAt: new Date('2026-11-29T23:30:00Z'),
      },
    ],
    losses: [
      {
        ...line('Nordwind France', 'nordwind-fr'),
        title: 'Energy analytics upgrade Toulouse',
        value: null,
        currency: 'EUR',
        reason: 'Budget frozen',
        closedAt: new Date('2026-11-26T10:00:00Z'),
      },
    ],
    overdueByOwner: [
      {
        owner: 'Dana Scully',
        tasks: [
          {
            ...line('Lumara Logistics', 'lumara'),
            title: 'Prepare the renewal proposal',
            dueAt: new Date('2026-09-03'),
            days: 88,
          },
          { ...line('Tasman Reach', 'tasman'), title: 'Call Arjun', dueAt: new Date('2026-11-29'), days: 1 },
        ],
      },
      {
        owner: 'unassigned',
        tasks: [{ ...harbourline, title: 'Answer the RFI', dueAt: new Date('2026-11-18'), days: 12 }],
      },
    ],
    mostActive: [{ ...line('Istrana Coatings', 'istrana'), notes: 6 }],
  });
}

function lists(blocks: Block[]): ListBlock[] {
  return blocks.filter((block): block is ListBlock => block.type === 'list');
}

function section(blocks: Block[], heading: string): ListBlock {
  const found = lists(blocks).find((block) => block.heading === heading);
  if (!found) throw new Error(`no list "${heading}"`);
  return found;
}

describe('the digest reply', () => {
  it('has the title, a summary with the counts, and the band counts with their change since last week', () => {
    const reply = digestReply(fullDigest(), options);
    expect(reply).toMatchObject({ title: TITLE, tone: 'warning', audience: 'channel' });
    expect(reply.summary).toBe('3 need attention · 18 green · 11 amber · 6 red');
    expect(reply.blocks[0]).toEqual({
      type: 'fields',
      fields: [
        { label: 'Green', value: '18 (+2)' },
        { label: 'Amber', value: '11 (-1)' },
        { label: 'Red', value: '6 (±0)' },
      ],
    });
  });

  it('shows counts without a change when there was no snapshot last week, and the unscored accounts', () => {
    const reply = digestReply(
      emptyDigest({
        counts: { green: 2, amber: 0, red: 1, unscored: 4 },
        needsAttention: fullDigest().needsAttention.slice(0, 1),
      }),
      options,
    );
    expect(reply.summary).toBe('1 needs attention · 2 green · 0 amber · 1 red · 4 without enough data');
    expect(reply.blocks[0]).toEqual({
      type: 'fields',
      fields: [
        { label: 'Green', value: '2' },
        { label: 'Amber', value: '0' },
        { label: 'Red', value: '1' },
        { label: 'Not enough data', value: '4' },
      ],
    });
  });

  it('has one list per section, in order, each item with the account, its facts and a Show button', () => {
    const reply = digestReply(fullDigest(), options);
    expect(lists(reply.blocks).map((block) => block.heading)).toEqual(Object.values(DIGEST_HEADINGS));

    const attention = section(reply.blocks, DIGEST_HEADINGS.needsAttention);
    expect(attention.items[0]).toEqual({
      title: 'Harbourline Logistics (harbourline)',
      band: 'amber',
      text: 'amber ↓ -8 since last week ▅▆▆▅▄▃▃▂ · no contact for 41 days; tier A expects 14 · owner Dana',
      meta: 'Tier A · score 52 · green last week',
      buttons: [
        {
          label: 'Show',
          actionId: 'account_show',
          value: String(harbourline.account.id),
          command: '/account show harbourline',
        },
      ],
    });
    expect(attention.items.slice(1).map((item) => [item.band, item.text, item.meta])).toEqual([
      ['red', 'red · no owner', 'Tier A · score 30 · not scored last week'],
      ['red', 'red → steady ▃▃ · 2 of 3 follow-ups overdue · owner Dana', 'Tier A · score 35 · amber last week'],
    ]);

    const text = (heading: string) => section(reply.blocks, heading).items.map((item) => [item.title, item.text]);
    expect(text(DIGEST_HEADINGS.goingQuiet)).toEqual([
      ['Lumara Logistics (lumara)', 'no contact for 253 days; tier C expects contact every 60 days · owner Dana'],
      ['Brasca Telecom (brasca)', 'no interaction recorded; tier C expects contact every 60 days · owner Dana'],
    ]);
    expect(text(DIGEST_HEADINGS.renewals)).toEqual([
      ['Nordwind Polska (nordwind-pl)', 'renewal 2026-11-30, today · owner Dana'],
      ['Rosvik Retail (rosvik)', 'renewal 2027-01-04, in 35 days · owner Dana'],
    ]);
    expect(text(DIGEST_HEADINGS.closing)).toEqual([
      [
        'Kestrel Pharmaceuticals (kestrel)',
        'Framework agreement 2027 · 390K USD · expected to close 2026-12-01, tomorrow · owner Dana',
      ],
    ]);
    expect(text(DIGEST_HEADINGS.wins)).toEqual([
      ['Nordwind Americas (nordwind-us)', 'Framework agreement 2027 · 565K USD · won 2026-11-30 · owner Dana'],
    ]);
    expect(text(DIGEST_HEADINGS.losses)).toEqual([
      [
        'Nordwind France (nordwind-fr)',
        'Energy analytics upgrade Toulouse · lost 2026-11-26 · reason: Budget frozen · owner Dana',
      ],
    ]);
    expect(text(DIGEST_HEADINGS.overdue)).toEqual([
      ['Lumara Logistics (lumara)', 'Dana Scully: Prepare the renewal proposal · due 2026-09-03, 88 days overdue'],
      ['Tasman Reach (tasman)', 'Dana Scully: Call Arjun · due 2026-11-29, 1 day overdue'],
      ['Harbourline Logistics (harbourline)', 'unassigned: Answer the RFI · due 2026-11-18, 12 days overdue'],
    ]);
    expect(reply.blocks).toContainEqual({
      type: 'text',
      text: 'By person: Dana Scully 2 · unassigned 1',
      style: 'muted',
    });
    expect(text(DIGEST_HEADINGS.mostActive)).toEqual([
      ['Istrana Coatings (istrana)', '6 notes this week · owner Dana'],
    ]);
    expect(text(DIGEST_HEADINGS.pastClose)).toEqual([
      [
        'Corvane Mobility (corvane)',
        'Fleet telematics pilot · 120K EUR · expected to close 2026-11-16, 14 days ago · owner Dana',
      ],
    ]);
    expect(text(DIGEST_HEADINGS.unscored)).toEqual([
      ['Quellbach Energie (quellbach)', 'no interactions recorded yet; no contacts recorded yet · owner Dana'],
    ]);

    for (const item of lists(reply.blocks).flatMap((block) => block.items)) {
      expect(item.buttons).toEqual([expect.objectContaining({ label: 'Show', actionId: 'account_show' })]);
    }
  });

  it('dates moments in the reader’s time zone and calendar days as they are', () => {
    const reply = digestReply(fullDigest(), { title: TITLE, timeZone: 'UTC', locale: 'en' as const });
    expect(section(reply.blocks, DIGEST_HEADINGS.wins).items[0]?.text).toContain('won 2026-11-29');
    expect(section(reply.blocks, DIGEST_HEADINGS.renewals).items[0]?.text).toContain('renewal 2026-11-30');
  });

  it('leaves out empty sections', () => {
    const reply = digestReply(emptyDigest({ renewals: fullDigest().renewals }), options);
    expect(lists(reply.blocks).map((block) => block.heading)).toEqual([DIGEST_HEADINGS.renewals]);
    expect(reply.tone).toBe('info');
    expect(reply.blocks).not.toContainEqual(expect.objectContaining({ text: NOTHING_THIS_WEEK }));
  });

  it('caps each list and keeps the total', () => {
    const goingQuiet = Array.from({ length: 13 }, (_, index) => ({
      ...line(`Quiet ${index}`, `quiet-${index}`),
      days: 100 - index,
      cadenceDays: 30,
    }));
    const digest = emptyDigest({ goingQuiet });
    const capped = section(digestReply(digest, options).blocks, DIGEST_HEADINGS.goingQuiet);
    expect([capped.items.length, capped.total]).toEqual([DIGEST_LIST_LIMIT, 13]);
    expect(capped.items[0]?.title).toBe('Quiet 0 (quiet-0)');

    const three = section(digestReply(digest, { ...options, limit: 3 }).blocks, DIGEST_HEADINGS.goingQuiet);
    expect([three.items.length, three.total]).toEqual([3, 13]);
    expect(renderText(digestReply(digest, { ...options, limit: 3 }))).toContain('…and 10 more');
  });

  it('counts every overdue follow-up against the cap, not the people', () => {
    const tasks = Array.from({ length: 12 }, (_, index) => ({
      ...line(`Account ${index}`, `account-${index}`),
      title: `Task ${index}`,
      dueAt: new Date('2026-11-20'),
      days: 10,
    }));
    const reply = digestReply(emptyDigest({ overdueByOwner: [{ owner: 'Dana Scully', tasks }] }), options);
    const overdue = section(reply.blocks, DIGEST_HEADINGS.overdue);
    expect([overdue.items.length, overdue.total]).toEqual([DIGEST_LIST_LIMIT, 12]);
    // One person: the list says it all, no line per person.
    expect(reply.blocks.filter((block) => block.type === 'text')).toEqual([]);
  });

  it('says the portfolio needs nothing when every section is empty', () => {
    const reply = digestReply(emptyDigest({ counts: { green: 5, amber: 0, red: 0, unscored: 0 } }), options);
    expect(reply.summary).toBe('nothing new needs attention · 5 green · 0 amber · 0 red');
    expect(reply.blocks).toEqual([
      {
        type: 'fields',
        fields: [
          { label: 'Green', value: '5' },
          { label: 'Amber', value: '0' },
          { label: 'Red', value: '0' },
        ],
      },
      { type: 'text', text: NOTHING_THIS_WEEK },
    ]);
  });

  it('keeps what people typed as plain text', () => {
    const tricky = line('*Bold* <@U123> & Co', 'bold');
    const reply = digestReply(
      emptyDigest({ mostActive: [{ ...tricky, account: { ...tricky.account, ownerName: '_Dana_' }, notes: 2 }] }),
      options,
    );
    expect(section(reply.blocks, DIGEST_HEADINGS.mostActive).items[0]).toMatchObject({
      title: '*Bold* <@U123> & Co (bold)',
      text: '2 notes this week · owner _Dana_',
    });
  });

  it('renders as text for the console', () => {
    const rendered = renderText(digestReply(fullDigest(), options));
    expect(rendered.split('\n').slice(0, 4)).toEqual([
      TITLE,
      '  Green: 18 (+2)',
      '  Amber: 11 (-1)',
      '  Red:   6 (±0)',
    ]);
    for (const heading of Object.values(DIGEST_HEADINGS)) expect(rendered).toContain(`\n${heading}\n`);
    expect(rendered).toContain(
      '  • 🟠 Harbourline Logistics (harbourline) — amber ↓ -8 since last week ▅▆▆▅▄▃▃▂ · no contact for 41 days; tier A expects 14 · owner Dana',
    );
    expect(rendered).toContain('  By person: Dana Scully 2 · unassigned 1');
    expect(renderText(digestReply(emptyDigest(), options))).toBe(
      [TITLE, '  Green: 0', '  Amber: 0', '  Red:   0', NOTHING_THIS_WEEK].join('\n'),
    );
  });
});
