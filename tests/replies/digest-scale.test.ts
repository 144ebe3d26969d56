// The digest of a 10,000-account portfolio where every section overflows, rendered for Slack and Teams: each message
// must be one the platform accepts, show every section, say how many items it left out, and carry no markup from
// account, people or task names.
//
// The 10,000 accounts are built as a DigestInput directly: the store has no bulk insert, and creating them one at a
// time through its API takes about 14 s for the accounts alone, before any task or opportunity. A smaller portfolio
// goes through the real store and DigestReader at the end, so the restricted-account rule is checked on the path the
// scheduler takes.
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/domain/digest.ts';
import type {
  Digest,
  DigestAccount,
  DigestInput,
  DigestOpportunity,
  DigestTask,
} from '../../src/domain/digest-types.ts';
import type { Health } from '../../src/domain/health.ts';
import { DEFAULT_HEALTH_SETTINGS, resolveHealthSettings } from '../../src/domain/health-settings.ts';
import type { Tier } from '../../src/domain/records.ts';
import { translated } from '../../src/i18n/translate.ts';
import { renderMessage, type SlackMessage } from '../../src/platforms/slack/blocks.ts';
import { type AdaptiveCard, renderCard } from '../../src/platforms/teams/cards.ts';
import { DIGEST_LIST_LIMIT, digestHeadings, digestReply } from '../../src/replies/digest-reply.ts';

const DIGEST_HEADINGS = digestHeadings('en');

import type { ListBlock, Reply } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/text.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { adaptiveCardProblems, markdownInjections, textRuns } from '../helpers/adaptive-card-check.ts';
import { scoredHealth } from '../helpers/health.ts';
import { slackLimitViolations, unescapedUserText } from '../helpers/slack-limits.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

const NOW = new Date('2026-11-30T08:00:00Z');
const DAY = 86_400_000;
const ACCOUNTS = 10_000;
const OWNERS = 300;
const TIERS: Tier[] = ['A', 'B', 'C'];
/** Markup a name may carry that Slack or Teams would act on if it went through raw. */
const MARKUP = ['<!channel>', '<!here>', '<@U0BOSS>', '<https://evil.example|your bank>'];
const HEADINGS = Object.values(DIGEST_HEADINGS);
const TITLE = 'Account health digest · 30 Nov 2026';

function health(score: number | null, topReason: string | null): Health {
  return scoredHealth(score, topReason, score === null ? ['reason.noContacts'] : []);
}

const ownerName = (n: number) => `Owner ${n} <!channel> *bold* _it_`;

/** Names with markup everywhere; every tenth one very long. */
function nameOf(i: number): string {
  const base = `<!channel> *Bold* Account ${String(i).padStart(5, '0')} & Sons <@U0BOSS> <https://evil.example|your bank>`;
  return i % 10 === 0 ? `${base} ${'Holdings <!here> '.repeat(20)}` : base;
}

function portfolio(): DigestInput {
  const accounts: DigestAccount[] = [];
  const opportunities: DigestOpportunity[] = [];
  const overdueTasks: DigestTask[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = i + 1;
    // 4 in 10 are amber or red and were green last week: they need attention.
    const falling = i % 10 < 4;
    accounts.push({
      id,
      key: `acct-${i}`,
      name: nameOf(i),
      tier: TIERS[i % 3] ?? 'B',
      ownerName: i % 50 === 0 ? null : ownerName(i % OWNERS),
      // 3 in 10 renew within the next 60 days.
      renewalAt: i % 10 < 3 ? new Date(NOW.getTime() + (i % 61) * DAY) : null,
      // 1 in 25 (green ones otherwise) is too little known to score.
      health: health(
        falling ? 20 + (i % 45) : i % 25 === 24 ? null : 75 + (i % 25),
        falling ? `no contact since the <!channel> incident, *really* ${i}` : null,
      ),
      previousWeeks: [80, 82, 79, 81, 80, 78, 77],
      lastWeekBand: 'green',
      // Half long quiet, one in seven of the rest never contacted: going quiet.
      lastInteractionAt: i % 2 === 0 ? new Date(NOW.getTime() - (100 + (i % 200)) * DAY) : i % 7 === 1 ? null : NOW,
      notesThisWeek: i % 100 === 0 ? 1 + (i % 9) : 0,
    });
    if (i % 5 === 0) {
      opportunities.push({
        accountId: id,
        title: `Renewal <!channel> ${i} *deal*`,
        stage: 'negotiate',
        value: 10_000 + i,
        currency: 'EUR',
        expectedCloseAt: new Date(NOW.getTime() + (i % 31) * DAY),
        closedAt: null,
        lossReason: null,
      });
    }
    if (i % 5 === 3) {
      opportunities.push({
        accountId: id,
        title: `Overdue <!here> ${i} *deal*`,
        stage: 'propose',
        value: 20_000 + i,
        currency: 'EUR',
        expectedCloseAt: new Date(Date.UTC(2026, 10, 29 - (i % 40))),
        closedAt: null,
        lossReason: null,
      });
    }
    if (i % 20 === 1 || i % 20 === 2) {
      opportunities.push({
        accountId: id,
        title: `Expansion <@U0BOSS> ${i}`,
        stage: i % 20 === 1 ? 'won' : 'lost',
        value: i % 3 === 0 ? null : 5_000 + i,
        currency: 'USD',
        expectedCloseAt: null,
        closedAt: new Date(NOW.getTime() - (i % 6) * DAY - 3_600_000),
        lossReason: i % 20 === 2 ? 'Budget <!here> frozen' : null,
      });
    }
    // Overdue follow-ups of every owner and unassigned ones: 6 in 10 accounts have one, 1 in 10 a second.
    if (i % 10 < 6) {
      overdueTasks.push({
        accountId: id,
        title: `Call back about the <!channel> escalation ${i}${' and more'.repeat(i % 4 === 0 ? 30 : 1)}`,
        dueAt: new Date(Date.UTC(2026, 10, 29 - (i % 90))),
        assigneeName: i % 13 === 0 ? null : ownerName(Math.floor(i / 10) % OWNERS),
      });
    }
    if (i % 10 === 9) {
      overdueTasks.push({
        accountId: id,
        title: `Send the *contract* ${i}`,
        dueAt: new Date(Date.UTC(2026, 9, 1 + (i % 28))),
        assigneeName: ownerName(i % OWNERS),
      });
    }
  }
  return { now: NOW, settings: DEFAULT_HEALTH_SETTINGS, accounts, opportunities, overdueTasks };
}

function listsOf(reply: Reply): Map<string, ListBlock> {
  return new Map(
    reply.blocks.flatMap((block) => (block.type === 'list' && block.heading ? [[block.heading, block] as const] : [])),
  );
}

function slackText(block: KnownBlock): string {
  if (block.type === 'section' || block.type === 'header') return block.text?.text ?? '';
  if (block.type === 'context')
    return block.elements.map((element) => ('text' in element ? element.text : '')).join('');
  return '';
}

/** Per section heading: the items Slack shows under it, and the N of its "…and N more" (0 without one). */
function slackSections(message: SlackMessage): Map<string, { shown: number; more: number }> {
  const sections = new Map<string, { shown: number; more: number }>();
  let current: { shown: number; more: number } | undefined;
  for (const block of message.blocks) {
    const text = slackText(block);
    const heading = HEADINGS.find((candidate) => text === `*${candidate}*`);
    const more = /^…and (\d+) more$/.exec(text);
    if (heading) {
      current = { shown: 0, more: 0 };
      sections.set(heading, current);
    } else if (current && more) {
      current.more = Number(more[1]);
      current = undefined;
    } else if (current && block.type === 'section' && block.accessory) {
      current.shown++;
    } else {
      current = undefined;
    }
  }
  return sections;
}

function cardText(element: unknown): string {
  return textRuns({ body: [element] }).join('\n');
}

/** Per section heading: the items the card shows under it, and the N of its "…and N more" (0 without one). */
function cardSections(card: AdaptiveCard): Map<string, { shown: number; more: number }> {
  const sections = new Map<string, { shown: number; more: number }>();
  let current: { shown: number; more: number } | undefined;
  for (const element of card.body) {
    const text = cardText(element);
    const heading = HEADINGS.find((candidate) => text === candidate);
    const more = /^…and (\d+) more$/.exec(text);
    const type = (element as { type?: string }).type;
    if (heading) {
      current = { shown: 0, more: 0 };
      sections.set(heading, current);
    } else if (current && more) {
      current.more = Number(more[1]);
      current = undefined;
    } else if (current && type === 'Container') {
      current.shown++;
    } else {
      current = undefined;
    }
  }
  return sections;
}

/** How many items each section has in the digest. */
function totals(digest: Digest): Record<string, number> {
  return {
    [DIGEST_HEADINGS.needsAttention]: digest.needsAttention.length,
    [DIGEST_HEADINGS.goingQuiet]: digest.goingQuiet.length,
    [DIGEST_HEADINGS.renewals]: digest.renewals.length,
    [DIGEST_HEADINGS.closing]: digest.closing.length,
    [DIGEST_HEADINGS.pastClose]: digest.pastClose.length,
    [DIGEST_HEADINGS.wins]: digest.wins.length,
    [DIGEST_HEADINGS.losses]: digest.losses.length,
    [DIGEST_HEADINGS.overdue]: digest.overdueByOwner.reduce((sum, group) => sum + group.tasks.length, 0),
    [DIGEST_HEADINGS.unscored]: digest.unscored.length,
    [DIGEST_HEADINGS.mostActive]: digest.mostActive.length,
  };
}

describe('a 10,000-account digest', () => {
  const digest: Digest = composeDigest(portfolio());
  const reply = digestReply(digest, { title: TITLE, timeZone: 'Europe/Berlin', locale: 'en' as const });

  it('has every section overflowing', () => {
    expect(digest.counts).toEqual({ green: 5_600, amber: 2_220, red: 1_780, unscored: 400 });
    expect(totals(digest)).toEqual({
      [DIGEST_HEADINGS.needsAttention]: 4_000,
      [DIGEST_HEADINGS.goingQuiet]: 5_715,
      [DIGEST_HEADINGS.renewals]: 3_000,
      [DIGEST_HEADINGS.closing]: 2_000,
      [DIGEST_HEADINGS.pastClose]: 2_000,
      [DIGEST_HEADINGS.wins]: 500,
      [DIGEST_HEADINGS.losses]: 500,
      [DIGEST_HEADINGS.overdue]: 7_000,
      [DIGEST_HEADINGS.unscored]: 400,
      [DIGEST_HEADINGS.mostActive]: 5,
    });
    // Every owner has overdue follow-ups, and some are nobody's.
    expect(digest.overdueByOwner).toHaveLength(OWNERS + 1);
  });

  it('keeps the reply itself short: ten items a section, the number left out, the ten busiest people', () => {
    const lists = listsOf(reply);
    expect([...lists.keys()]).toEqual(HEADINGS);
    for (const [heading, total] of Object.entries(totals(digest))) {
      expect(lists.get(heading)?.items).toHaveLength(Math.min(total, DIGEST_LIST_LIMIT));
      expect(lists.get(heading)?.total).toBe(total);
    }
    const text = renderText(reply);
    expect(text).toContain('  …and 3990 more');
    expect(text).toContain('  …and 6990 more');
    expect(text).toMatch(
      /By person: unassigned 462 · (Owner \d+ <!channel> \*bold\* _it_ \d+ · ){9}…and 291 more people/,
    );
  });

  it('renders for Slack within Block Kit limits, every section with its “…and N more”, no markup let through', () => {
    const message = renderMessage(reply);
    expect(slackLimitViolations(message, 'message')).toEqual([]);
    expect(message.text).toBe('4,000 need attention · 5,600 green · 2,220 amber · 1,780 red · 400 without enough data');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: TITLE } });

    const sections = slackSections(message);
    expect([...sections.keys()]).toEqual(HEADINGS);
    for (const [heading, total] of Object.entries(totals(digest))) {
      const section = sections.get(heading);
      expect(section?.shown, heading).toBeGreaterThan(0);
      expect((section?.shown ?? 0) + (section?.more ?? 0), heading).toBe(total);
    }
    // The sections share the message: the first ones do not take it all.
    expect(sections.get(DIGEST_HEADINGS.needsAttention)?.shown).toBeLessThan(DIGEST_LIST_LIMIT);
    expect(JSON.stringify(message)).not.toContain('left out');
    expect(JSON.stringify(message)).toContain('By person: unassigned 462');

    for (const needle of MARKUP) expect(unescapedUserText(message, needle), needle).toBe(false);
    expect(JSON.stringify(message)).toContain('&lt;!channel&gt; *Bold* Account 00001 &amp; Sons');
  });

  it('renders for Teams as a valid card within the size limit, every section with its “…and N more”', () => {
    const card = renderCard(reply);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const sections = cardSections(card);
    expect([...sections.keys()]).toEqual(HEADINGS);
    for (const [heading, total] of Object.entries(totals(digest))) {
      const section = sections.get(heading);
      expect(section?.shown, heading).toBeGreaterThan(0);
      expect((section?.shown ?? 0) + (section?.more ?? 0), heading).toBe(total);
    }
    expect(textRuns(card).join('\n')).not.toContain('left out');

    // Names are plain TextRuns: shown as typed, never read as markdown or mentions.
    for (const needle of MARKUP) expect(markdownInjections(card, needle), needle).toBe(false);
    expect(textRuns(card)).toContain(
      '<!channel> *Bold* Account 00001 & Sons <@U0BOSS> <https://evil.example|your bank> (acct-1)',
    );
  });
});

describe('a digest read from the store', () => {
  const OPEN = 120;
  let db: TestDatabase;
  let t: TestWorkspace;
  let digest: Digest;
  let reply: Reply;

  beforeAll(async () => {
    db = await openTestStore();
    t = await createTestWorkspace(db.store);
    await t.ws.transaction(async (tx) => {
      for (let i = 0; i < OPEN + 20; i++) {
        const restricted = i >= OPEN;
        const account = await tx.accounts.create(
          {
            key: `${restricted ? 'secret' : 'open'}-${i}`,
            name: restricted ? `Secret Project ${i}` : `<!channel> Open *Account* ${i} & Co`,
            tier: TIERS[i % 3] ?? 'B',
            ownerId: i % 2 === 0 ? t.admin.id : t.member.id,
            visibility: restricted ? 'restricted' : 'open',
            renewalAt: new Date(NOW.getTime() + (i % 50) * DAY),
          },
          SYSTEM_ACTOR,
        );
        await tx.accounts.update(
          account.id,
          { healthOverride: { score: 25, reason: `Budget <!here> cut ${i}`, until: null, byId: t.admin.id } },
          SYSTEM_ACTOR,
        );
        await tx.tasks.add(
          {
            accountId: account.id,
            title: restricted ? `Secret task ${i}` : `Chase the <@U0BOSS> invoice ${i}`,
            dueAt: new Date(NOW.getTime() - (1 + (i % 20)) * DAY),
            assigneeId: i % 3 === 0 ? null : t.member.id,
          },
          SYSTEM_ACTOR,
        );
      }
    });
    const input = await t.ws.digestData.read({}, NOW, resolveHealthSettings(t.workspace.healthSettings));
    digest = composeDigest(input);
    reply = digestReply(digest, { title: TITLE, timeZone: 'Europe/Berlin', locale: 'en' as const });
  });
  afterAll(() => db.close());

  it('reads only the open accounts, every one of them needing attention, renewing and overdue', () => {
    expect(digest.counts).toEqual({ green: 0, amber: 0, red: OPEN, unscored: 0 });
    expect(digest.needsAttention).toHaveLength(OPEN);
    expect(translated('en', digest.needsAttention[0]?.reason ?? '')).toMatch(/^gut feel: Budget <!here> cut \d+$/);
    expect(digest.renewals).toHaveLength(OPEN);
    expect(totals(digest)[DIGEST_HEADINGS.overdue]).toBe(OPEN);
    expect(renderText(reply)).toContain(`  …and ${OPEN - DIGEST_LIST_LIMIT} more`);
  });

  it('never shows a restricted account, on either platform, and keeps to both limits', () => {
    const message = renderMessage(reply);
    const card = renderCard(reply);
    expect(slackLimitViolations(message, 'message')).toEqual([]);
    expect(adaptiveCardProblems(card)).toEqual([]);
    for (const rendered of [renderText(reply), JSON.stringify(message), JSON.stringify(card)]) {
      expect(rendered).not.toMatch(/secret/i);
    }
    for (const needle of MARKUP) expect(unescapedUserText(message, needle), needle).toBe(false);
    for (const needle of MARKUP) expect(markdownInjections(card, needle), needle).toBe(false);
    for (const [heading, section] of slackSections(message)) {
      expect(section.shown + section.more, heading).toBe(totals(digest)[heading]);
    }
  });
});
