// Replies as Block Kit: hand-built replies for each block type and edge, and real replies from the command engine
// over a real store, all checked against Slack's limits with an independent checker.
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editAccountForm, newAccountForm, noteForm, taskForm } from '../../../src/commands/forms.ts';
import type { Account } from '../../../src/domain/records.ts';
import {
  renderMessage,
  renderViewBlocks,
  replyActionId,
  type SlackMessage,
} from '../../../src/platforms/slack/blocks.ts';
import { reply } from '../../../src/replies/build.ts';
import type { Block, Choice, ListItem, Reply } from '../../../src/replies/reply.ts';
import { SYSTEM_ACTOR } from '../../../src/store/store.ts';
import { slackLimitViolations, totalText, unescapedUserText } from '../../helpers/slack-limits.ts';
import { openTestStore, type TestDatabase } from '../../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../../helpers/workspace.ts';

/** Raw user text that must never reach Slack unescaped: it would ping everyone, or disguise a link. */
const HOSTILE = ['<!channel>', '<@U123>', '<https://evil|bank>', '&'];
const HOSTILE_NOTE = 'Heads up <!channel> and <@U123>: pay at <https://evil|bank> & quickly';

function valid(message: SlackMessage): SlackMessage {
  expect(slackLimitViolations(message, 'message')).toEqual([]);
  expect(message.text.length).toBeLessThanOrEqual(3_000);
  return message;
}

function render(value: Reply, options = {}): SlackMessage {
  return valid(renderMessage(value, options));
}

function textOf(blocks: unknown): string {
  return JSON.stringify(blocks);
}

function blocksOfType<T extends KnownBlock['type']>(blocks: KnownBlock[], type: T) {
  return blocks.filter((block): block is Extract<KnownBlock, { type: T }> => block.type === type);
}

function lastText(blocks: KnownBlock[]): string {
  const last = blocks.at(-1);
  return last?.type === 'context' && last.elements[0] && 'text' in last.elements[0] ? last.elements[0].text : '';
}

const items = (count: number, make: (index: number) => Partial<ListItem> = () => ({})): ListItem[] =>
  Array.from({ length: count }, (_, index) => ({ title: `Item ${index}`, ...make(index) }));

describe('renderMessage: each block type', () => {
  it('puts the title in a header with the band, and keeps the summary as the notification text', () => {
    const message = render(reply({ title: 'Acme <b>', band: 'amber', summary: 'Acme & co: amber' }));
    expect(message.text).toBe('Acme &amp; co: amber');
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '🟠 Acme &lt;b&gt;', emoji: true } },
    ]);
  });

  it('without a title, starts with the summary, marked by its tone', () => {
    const message = render(reply({ summary: 'Saved a note to Acme.', tone: 'success' }));
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '✅ Saved a note to Acme.', verbatim: true } },
    ]);
    expect(render(reply({ summary: 'No.', tone: 'error' })).blocks[0]).toMatchObject({ text: { text: '❌ No.' } });
  });

  it('renders text styles: plain, heading, quote, muted', () => {
    const { blocks } = render(
      reply({
        title: 'T',
        summary: 's',
        blocks: [
          { type: 'text', text: 'plain *text*' },
          { type: 'text', text: 'Strategy', style: 'heading' },
          { type: 'text', text: 'first line\n> not a quote\nthird', style: 'quote' },
          { type: 'text', text: 'small print', style: 'muted' },
          { type: 'context', text: 'a context' },
        ],
      }),
    );
    expect(blocks.slice(1)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'plain *text*', verbatim: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Strategy*', verbatim: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '>first line\n>&gt; not a quote\n>third', verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'small print', verbatim: true }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'a context', verbatim: true }] },
    ]);
  });

  it('puts fields in sections of at most 10, label in bold over the value', () => {
    const fields = Array.from({ length: 23 }, (_, index) => ({ label: `L${index}`, value: index ? `v${index}` : '' }));
    const { blocks } = render(reply({ title: 'T', summary: 's', blocks: [{ type: 'fields', fields }] }));
    const sections = blocksOfType(blocks, 'section');
    expect(sections.map((section) => section.fields?.length)).toEqual([10, 10, 3]);
    expect(sections[0]?.fields?.[0]).toEqual({ type: 'mrkdwn', text: '*L0*\n—', verbatim: true });
    expect(sections[0]?.fields?.[1]).toEqual({ type: 'mrkdwn', text: '*L1*\nv1', verbatim: true });
  });

  it('renders a list: heading, one section per item with band, meta, https link and the first button', () => {
    const { blocks } = render(
      reply({
        title: 'T',
        summary: 's',
        blocks: [
          {
            type: 'list',
            heading: 'Latest notes',
            total: 5,
            items: [
              {
                title: 'Acme',
                text: 'Renewal at risk',
                meta: 'Tier A · Dana',
                band: 'red',
                url: 'https://acme.slack.com/archives/C1/p1?thread_ts=1.2&cid=C1',
                buttons: [
                  { label: 'Show', actionId: 'account_show', value: '7' },
                  { label: 'Ignored', actionId: 'other', value: '7' },
                ],
              },
              { title: 'Plain http', url: 'http://example.com/x' },
              { title: 'Script', url: 'javascript:alert(1)' },
            ],
          },
        ],
      }),
    );
    expect(blocks.slice(1)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Latest notes*', verbatim: true } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '🔴 *Acme* — Renewal at risk\nTier A · Dana · <https://acme.slack.com/archives/C1/p1?thread_ts=1.2&amp;cid=C1|original message>',
          verbatim: true,
        },
        accessory: {
          type: 'button',
          action_id: 'account_show',
          text: { type: 'plain_text', text: 'Show', emoji: true },
          value: '7',
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: '*Plain http*', verbatim: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Script*', verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '…and 2 more', verbatim: true }] },
    ]);
  });

  it('says when a list is empty, or when every item was left out', () => {
    const empty = render(reply({ summary: 's', blocks: [{ type: 'list', items: [], total: 0, empty: 'No notes.' }] }));
    expect(lastText(empty.blocks)).toBe('No notes.');
    const none = render(reply({ summary: 's', blocks: [{ type: 'list', items: [], total: 12 }] }));
    expect(lastText(none.blocks)).toBe('…and 12 more');
  });

  it('renders actions as buttons, keeping styles, and makes repeated action ids unique within the block', () => {
    const { blocks } = render(
      reply({
        summary: 's',
        blocks: [
          {
            type: 'actions',
            buttons: [
              { label: 'Add note', actionId: 'note_open', value: '1', style: 'primary' },
              { label: 'Done #1', actionId: 'task_done', value: '1' },
              { label: 'Done #2', actionId: 'task_done', value: '2', style: 'danger' },
            ],
          },
        ],
      }),
    );
    const [actions] = blocksOfType(blocks, 'actions');
    expect(actions?.elements).toEqual([
      {
        type: 'button',
        action_id: 'note_open',
        text: { type: 'plain_text', text: 'Add note', emoji: true },
        value: '1',
        style: 'primary',
      },
      {
        type: 'button',
        action_id: 'task_done:1',
        text: { type: 'plain_text', text: 'Done #1', emoji: true },
        value: '1',
      },
      {
        type: 'button',
        action_id: 'task_done:2',
        text: { type: 'plain_text', text: 'Done #2', emoji: true },
        value: '2',
        style: 'danger',
      },
    ]);
    expect(replyActionId('task_done:2')).toBe('task_done');
    expect(replyActionId('note_open')).toBe('note_open');
  });

  it('spreads more than 25 buttons over several actions blocks', () => {
    const buttons = Array.from({ length: 30 }, (_, index) => ({
      label: `B${index}`,
      actionId: `b${index}`,
      value: '1',
    }));
    const { blocks } = render(reply({ summary: 's', blocks: [{ type: 'actions', buttons }] }));
    expect(blocksOfType(blocks, 'actions').map((block) => block.elements.length)).toEqual([25, 5]);
  });

  it('renders up to 5 choices as buttons `<actionId>:<index>` carrying the choice values', () => {
    const choices: Choice[] = [
      { label: 'Initech (initech)', description: 'Germany', value: '/account show initech' },
      { label: 'Initrode (initrode)', value: '/account show initrode' },
    ];
    const { blocks } = render(
      reply({
        summary: 'Which?',
        blocks: [{ type: 'choices', prompt: 'Pick one:', actionId: 'account_choose', choices }],
      }),
    );
    expect(blocks.slice(1)).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Pick one:\n• *Initech (initech)* — Germany\n• *Initrode (initrode)*',
          verbatim: true,
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'account_choose:0',
            text: { type: 'plain_text', text: 'Initech (initech)', emoji: true },
            value: '/account show initech',
          },
          {
            type: 'button',
            action_id: 'account_choose:1',
            text: { type: 'plain_text', text: 'Initrode (initrode)', emoji: true },
            value: '/account show initrode',
          },
        ],
      },
    ]);
  });

  it('renders more than 5 choices as a menu whose option values are the choice values', () => {
    const choices = Array.from({ length: 8 }, (_, index) => ({
      label: `Account ${index}`,
      description: index === 0 ? 'Germany' : undefined,
      value: `/account show a${index}`,
    })).map(({ description, ...choice }) => (description ? { ...choice, description } : choice));
    const { blocks } = render(
      reply({
        summary: 'Which?',
        blocks: [{ type: 'choices', prompt: 'Pick one:', actionId: 'account_choose', choices }],
      }),
    );
    const section = blocks[1];
    expect(section?.type === 'section' && section.accessory).toMatchObject({
      type: 'static_select',
      action_id: 'account_choose',
      placeholder: { type: 'plain_text', text: 'Choose…' },
    });
    const menu = section?.type === 'section' && section.accessory?.type === 'static_select' ? section.accessory : null;
    expect(menu?.options?.map((option) => option.value)).toEqual(choices.map((choice) => choice.value));
    expect(menu?.options?.[0]?.description).toEqual({ type: 'plain_text', text: 'Germany', emoji: true });
  });

  it('keeps 500 choices valid: 100 in the menu, the rest counted', () => {
    const choices = Array.from({ length: 500 }, (_, index) => ({ label: `Account ${index}`, value: `v${index}` }));
    const { blocks } = render(
      reply({ summary: 'Which?', blocks: [{ type: 'choices', prompt: 'Pick:', actionId: 'pick', choices }] }),
    );
    const section = blocks[1];
    const menu = section?.type === 'section' && section.accessory?.type === 'static_select' ? section.accessory : null;
    expect(menu?.options).toHaveLength(100);
    expect(lastText(blocks)).toBe('…and 400 more');
  });

  it('uses buttons when choice values are too long for a menu, and never cuts a value', () => {
    const long = (index: number) => `/account note acme-${index} ${'words '.repeat(30)}`;
    const choices = Array.from({ length: 500 }, (_, index) => ({ label: `Acme ${index}`, value: long(index) }));
    const { blocks } = render(
      reply({ summary: 'Which?', blocks: [{ type: 'choices', prompt: 'Pick:', actionId: 'pick', choices }] }),
    );
    const [actions] = blocksOfType(blocks, 'actions');
    expect(actions?.elements).toHaveLength(25);
    expect(actions?.elements.map((element) => (element.type === 'button' ? element.value : ''))).toEqual(
      choices.slice(0, 25).map((choice) => choice.value),
    );
    expect(lastText(blocks)).toBe('…and 475 more');
  });

  it('lists a choice whose value no button can carry, instead of cutting it', () => {
    const choices = [
      { label: 'Initech (initech)', value: `/account note initech ${'x'.repeat(3_000)}` },
      { label: 'Initrode (initrode)', value: '/account note initrode short' },
    ];
    const { blocks } = render(
      reply({ summary: 'Which?', blocks: [{ type: 'choices', prompt: 'Pick:', actionId: 'pick', choices }] }),
    );
    const [actions] = blocksOfType(blocks, 'actions');
    expect(actions?.elements.map((element) => element.action_id)).toEqual(['pick:1']);
    expect(lastText(blocks)).toContain('Too long to pick with a button: Initech (initech)');
  });

  it('renders a form as its title with an Open button carrying the form id and state', () => {
    const { blocks } = render(
      reply({
        summary: 'Edit',
        blocks: [
          { type: 'form', formId: 'account_edit', title: 'Edit Acme', submitLabel: 'Save', fields: [], state: '7' },
        ],
      }),
    );
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Edit Acme*', verbatim: true },
      accessory: {
        type: 'button',
        action_id: 'form_open',
        text: { type: 'plain_text', text: 'Open', emoji: true },
        value: '{"formId":"account_edit","state":"7"}',
        style: 'primary',
      },
    });
  });

  it('adds "Share in channel" to the closing actions, or in a block of its own', () => {
    const withActions = render(
      reply({ summary: 's', blocks: [{ type: 'actions', buttons: [{ label: 'A', actionId: 'a', value: '1' }] }] }),
      { share: { value: '/account show acme' } },
    );
    const [actions] = blocksOfType(withActions.blocks, 'actions');
    expect(actions?.elements.at(-1)).toEqual({
      type: 'button',
      action_id: 'share',
      text: { type: 'plain_text', text: 'Share in channel', emoji: true },
      value: '/account show acme',
    });
    const alone = render(reply({ summary: 's', blocks: [{ type: 'context', text: 'c' }] }), {
      share: { value: 'x' },
    });
    expect(alone.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action_id: 'share' }] });
    const tooLong = render(reply({ summary: 's' }), { share: { value: 'x'.repeat(2_001) } });
    expect(textOf(tooLong.blocks)).not.toContain('share');
  });

  it('makes empty texts valid', () => {
    render(
      reply({
        title: '  ',
        summary: '',
        blocks: [
          { type: 'text', text: '' },
          { type: 'fields', fields: [{ label: '', value: '' }] },
          { type: 'list', items: [{ title: '' }], total: 1 },
          { type: 'actions', buttons: [{ label: '', actionId: 'a', value: '' }] },
        ],
      }),
    );
  });
});

describe('renderMessage: budgets', () => {
  it('cuts a 10,000-character text to the section limit with …', () => {
    const long = `${'word '.repeat(2_000)}`.trim();
    const { blocks } = render(
      reply({ title: 'T', summary: 's', blocks: [{ type: 'text', text: long, style: 'quote' }] }),
    );
    const section = blocks[1];
    const text = section?.type === 'section' ? (section.text?.text ?? '') : '';
    expect(text.length).toBeLessThanOrEqual(3_000);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keeps a 500-item list within 50 blocks and 11,000 characters, counting what was left out', () => {
    const list: Block = {
      type: 'list',
      heading: 'Accounts',
      total: 500,
      items: items(500, (index) => ({
        band: 'green',
        text: `Reason number ${index} why this account matters`,
        meta: `health 80 · Tier A · Owner ${index} · EMEA / Germany · renewal 2027-01-31`,
        buttons: [{ label: 'Show', actionId: 'account_show', value: String(index) }],
      })),
    };
    const message = render(
      reply({
        title: 'Portfolio (500 accounts)',
        summary: 'Portfolio: 500 accounts',
        blocks: [{ type: 'context', text: '300 green · 150 amber · 50 red' }, list, { type: 'context', text: 'Tip' }],
      }),
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(totalText(message.blocks) + message.text.length).toBeLessThanOrEqual(11_000);
    const shown = message.blocks.filter((block) => textOf(block).includes('Reason number')).length;
    expect(shown).toBeGreaterThan(20);
    expect(textOf(message.blocks)).toContain(`…and ${500 - shown} more`);
    expect(lastText(message.blocks)).toBe('Tip');
  });

  it('shares the characters between long list items instead of showing only the first', () => {
    const list: Block = { type: 'list', total: 10, items: items(10, () => ({ text: 'x '.repeat(5_000) })) };
    const { blocks } = render(reply({ title: 'Notes', summary: 's', blocks: [list] }));
    expect(blocks.filter((block) => textOf(block).includes('Item ')).length).toBe(10);
  });

  it('never drops the header or the closing context and actions, and says what it left out', () => {
    // More parts than a message has blocks: even cut short, not all of them fit.
    const huge = Array.from({ length: 60 }, (): Block => ({ type: 'text', text: 'y '.repeat(2_000) }));
    const message = render(
      reply({
        title: 'Big',
        summary: 's',
        blocks: [
          ...huge,
          { type: 'context', text: 'closing words' },
          { type: 'actions', buttons: [{ label: 'Next', actionId: 'next', value: '1' }] },
        ],
      }),
      { share: { value: 'cmd' } },
    );
    expect(message.blocks[0]?.type).toBe('header');
    expect(message.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: 'next' }, { action_id: 'share' }],
    });
    expect(message.blocks.at(-2)).toMatchObject({ type: 'context', elements: [{ text: 'closing words' }] });
    expect(textOf(message.blocks)).toMatch(/…\d+ more parts left out: too long for one Slack message/);
  });

  it('stays valid for many fields, many lists and many buttons at once', () => {
    const value: Reply = reply({
      title: 'x'.repeat(400),
      summary: 'y'.repeat(5_000),
      band: 'red',
      blocks: [
        {
          type: 'fields',
          fields: Array.from({ length: 300 }, () => ({ label: 'L'.repeat(500), value: 'v'.repeat(3_000) })),
        },
        ...Array.from({ length: 20 }, (): Block => ({ type: 'list', heading: 'H', items: items(100), total: 1_000 })),
        {
          type: 'actions',
          buttons: Array.from({ length: 80 }, (_, index) => ({
            label: 'b'.repeat(100),
            actionId: `a${index}`,
            value: '1',
          })),
        },
      ],
    });
    const message = render(value, { share: { value: 'z' } });
    expect(message.text.length).toBeLessThanOrEqual(3_000);
  });

  it('stays valid for random replies', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const pieces = ['<!channel>', '&', 'word', ' ', '\n', '🟢', '*', '>', 'x'.repeat(500), '\u0007', '&amp;'];
    const words = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => pick(pieces)).join('');
    const block = (): Block => {
      switch (pick(['text', 'fields', 'list', 'context', 'actions', 'choices', 'form'] as const)) {
        case 'text':
          return { type: 'text', text: words(40), style: pick(['plain', 'heading', 'quote', 'muted'] as const) };
        case 'fields':
          return {
            type: 'fields',
            fields: Array.from({ length: Math.floor(random() * 25) }, () => ({ label: words(5), value: words(20) })),
          };
        case 'list': {
          const listItems = items(Math.floor(random() * 80), () => ({
            title: words(5),
            text: words(20),
            meta: words(5),
            url: pick(['https://a.b/c', 'http://x', words(3)]),
          }));
          return { type: 'list', items: listItems, total: listItems.length + Math.floor(random() * 10) };
        }
        case 'context':
          return { type: 'context', text: words(20) };
        case 'actions':
          return {
            type: 'actions',
            buttons: Array.from({ length: Math.floor(random() * 30) }, () => ({
              label: words(5),
              actionId: pick(['a', 'b', 'c']),
              value: words(3),
            })),
          };
        case 'choices':
          return {
            type: 'choices',
            prompt: words(5),
            actionId: 'pick',
            choices: Array.from({ length: Math.floor(random() * 150) }, (_, index) => ({
              label: words(4),
              value: `${index}${words(pick([1, 30]))}`,
            })),
          };
        case 'form':
          return { type: 'form', formId: 'f', title: words(5), submitLabel: words(2), fields: [], state: words(2) };
      }
    };
    for (let round = 0; round < 150; round++) {
      const value = reply({
        summary: words(10),
        ...(random() < 0.5 ? { title: words(10) } : {}),
        blocks: Array.from({ length: Math.floor(random() * 12) }, block),
      });
      const message = renderMessage(value, random() < 0.5 ? { share: { value: words(3) } } : {});
      expect(slackLimitViolations(message, 'message'), JSON.stringify(value).slice(0, 300)).toEqual([]);
      for (const needle of ['<!channel>', '\u0007']) {
        expect(unescapedUserText(message, needle, ['value'])).toBe(false);
      }
      expect(slackLimitViolations({ blocks: renderViewBlocks([value, value, value]) }, 'home')).toEqual([]);
    }
  });
});

describe('renderViewBlocks', () => {
  it('puts replies one after another with dividers', () => {
    const blocks = renderViewBlocks([reply({ title: 'One', summary: 'a' }), reply({ title: 'Two', summary: 'b' })]);
    expect(blocks.map((block) => block.type)).toEqual(['header', 'divider', 'header']);
  });

  it('shares 100 blocks between big replies, each keeping its header', () => {
    const big = (title: string) =>
      reply({
        title,
        summary: 's',
        blocks: [
          { type: 'list', items: items(200), total: 200 },
          { type: 'context', text: 'end' },
        ],
      });
    const blocks = renderViewBlocks([big('One'), reply({ title: 'Small', summary: 's' }), big('Two')]);
    expect(slackLimitViolations({ blocks }, 'home')).toEqual([]);
    expect(blocks.filter((block) => block.type === 'header').length).toBe(3);
    expect(blocks.length).toBeGreaterThan(90);
    expect(blocksOfType(blocks, 'context').filter((block) => textOf(block).includes('"end"')).length).toBe(2);
  });

  it('leaves out whole replies when there are too many to show, and says so', () => {
    const replies = Array.from({ length: 60 }, (_, index) => reply({ title: `R${index}`, summary: 's' }));
    const blocks = renderViewBlocks(replies);
    expect(slackLimitViolations({ blocks }, 'home')).toEqual([]);
    expect(lastText(blocks)).toMatch(/^…and \d+ more not shown here\.$/);
    expect(renderViewBlocks([], 100)).toEqual([]);
  });
});

describe('real replies from the command engine', () => {
  let db: TestDatabase;
  let t: TestWorkspace;
  let acme: Account;
  let evil: Account;
  const long = `Long note. ${'The quick brown fox jumps over the lazy dog. '.repeat(230)}`.slice(0, 10_000);

  beforeAll(async () => {
    db = await openTestStore();
    t = await createTestWorkspace(db.store);
    acme = await t.ws.accounts.create(
      {
        key: 'acme',
        name: 'Acme Corporation',
        tier: 'A',
        region: 'EMEA',
        country: 'Germany',
        ownerId: t.admin.id,
        annualRevenue: 1_200_000,
        currency: 'EUR',
        renewalAt: new Date('2027-01-31T00:00:00Z'),
        strategy: `Grow <!here> & expand. ${'More strategy. '.repeat(200)}`,
      },
      SYSTEM_ACTOR,
    );
    await t.ws.accounts.create({ key: 'acme-fr', name: 'Acme France', parentId: acme.id, tier: 'B' }, SYSTEM_ACTOR);
    await t.ws.accounts.create({ key: 'initech', name: 'Initech', country: 'Germany' }, SYSTEM_ACTOR);
    await t.ws.accounts.create({ key: 'initrode', name: 'Initrode' }, SYSTEM_ACTOR);
    evil = await t.ws.accounts.create({ key: 'evil', name: 'Evil <!channel> & Co', ownerId: t.admin.id }, SYSTEM_ACTOR);
    for (let day = 1; day <= 12; day++) {
      await t.ws.notes.add(
        {
          accountId: acme.id,
          body: `Weekly sync number ${day} #risk`,
          tags: ['risk'],
          authorId: t.admin.id,
          occurredAt: new Date(NOW.getTime() - day * 86_400_000),
          sourceRef: { source: 'slack', permalink: `https://acme.slack.com/archives/C1/p${day}?thread_ts=1.2&cid=C1` },
        },
        SYSTEM_ACTOR,
      );
    }
    await t.ws.tasks.add(
      { accountId: acme.id, title: 'Send the <!channel> renewal offer', dueAt: new Date('2026-11-20T00:00:00Z') },
      SYSTEM_ACTOR,
    );
    await t.ws.opportunities.add(
      {
        accountId: acme.id,
        title: 'Warehouse & automation',
        stage: 'propose',
        value: 450_000,
        competitors: ['Initech'],
      },
      SYSTEM_ACTOR,
    );
    await t.ws.contacts.add(
      { accountId: acme.id, name: 'Jane <@U123> Roe', title: 'CFO', buyingRole: 'economic_buyer' },
      SYSTEM_ACTOR,
    );
  });
  afterAll(() => db.close());

  const COMMANDS = [
    '/account help',
    '/account help note',
    '/account list',
    '/account list at-risk',
    '/account show acme',
    '/account health acme',
    '/account notes acme',
    '/account timeline acme',
    '/account contacts acme',
    '/account opps acme',
    '/account tasks',
    '/account search acme',
    '/account show init',
    '/account show zzqqxx',
    '/account frobnicate',
    'how is acme doing?',
  ];

  it('renders every command reply as a valid message, with and without a share button', async () => {
    for (const command of COMMANDS) {
      const result = await t.run(command);
      const failing = ['/account show init', '/account show zzqqxx', '/account frobnicate'].includes(command);
      expect(result.status, command).toBe(failing ? 'user_error' : 'ok');
      const message = renderMessage(result.reply);
      expect(slackLimitViolations(message, 'message'), command).toEqual([]);
      expect(slackLimitViolations(renderMessage(result.reply, { share: { value: command } }), 'message')).toEqual([]);
    }
    const views = await Promise.all(['/account show acme', '/account tasks', '/account list'].map((c) => t.run(c)));
    const blocks = renderViewBlocks(views.map((view) => view.reply));
    expect(slackLimitViolations({ blocks }, 'home')).toEqual([]);
  });

  it('offers the accounts an ambiguous name could mean as choice buttons', async () => {
    const result = await t.run('/account show init');
    const { blocks } = render(result.reply);
    const [actions] = blocksOfType(blocks, 'actions');
    expect(actions?.elements.map((element) => [element.action_id, element.type === 'button' && element.value])).toEqual(
      [
        ['account_choose:0', '/account show initech'],
        ['account_choose:1', '/account show initrode'],
      ],
    );
  });

  it('renders the account card with its links, buttons and health', async () => {
    const { blocks } = render((await t.run('/account show acme')).reply);
    expect(blocks[0]?.type).toBe('header');
    expect(textOf(blocks)).toContain('|original message>');
    const last = blocks.at(-1);
    expect(last?.type === 'actions' && last.elements.map((element) => element.action_id)).toEqual([
      'note_open',
      'account_edit_open',
      'task_open',
      'health_show',
      'notes_show',
    ]);
  });

  it('renders the forms as messages with an Open button', () => {
    for (const form of [
      newAccountForm('en'),
      editAccountForm(acme, 'en'),
      noteForm(acme, 'en', long),
      taskForm(null, 'en'),
    ]) {
      const { blocks } = render(form);
      expect(textOf(blocks)).toContain('"action_id":"form_open"');
    }
  });

  it('keeps a 10,000-character note within limits: the saved reply and the notes list', async () => {
    const saved = await t.run(`/account note acme ${long}`);
    expect(saved.status).toBe('ok');
    render(saved.reply);
    const notes = render((await t.run('/account notes acme 50')).reply);
    expect(textOf(notes.blocks)).toContain('Long note.');
    render((await t.run('/account timeline acme 100')).reply);
  });

  it('offers choices for a long note typed with an ambiguous account, within limits', async () => {
    const result = await t.run(`/account note init ${long}`);
    const message = render(result.reply);
    expect(textOf(message.blocks)).toContain('Too long to pick with a button');
  });

  it('shows hostile text only escaped, in every message and view', async () => {
    const saved = await t.run(`/account note acme ${HOSTILE_NOTE}`);
    expect(saved.status).toBe('ok');
    await t.run(`/account note evil ${HOSTILE_NOTE}`);
    const replies = [saved.reply];
    for (const command of [
      '/account notes acme',
      '/account show acme',
      '/account timeline acme',
      '/account search pay quickly',
      '/account show evil',
      '/account list',
      '/account tasks',
      '/account contacts acme',
      '/account opps acme',
    ]) {
      replies.push((await t.run(command)).reply);
    }
    replies.push(noteForm(evil, 'en', HOSTILE_NOTE), editAccountForm(evil, 'en'));
    expect(textOf(replies)).toContain('<!channel>');
    for (const value of replies) {
      const message = render(value, { share: { value: '/account show acme' } });
      for (const needle of HOSTILE)
        expect(unescapedUserText(message, needle), `${needle} in ${value.summary}`).toBe(false);
      expect(textOf(message)).toMatch(/&lt;(!channel|@U123|https:\/\/evil\|bank)&gt;|&amp;/);
    }
    const view = renderViewBlocks(replies);
    for (const needle of HOSTILE) expect(unescapedUserText(view, needle)).toBe(false);
    const ambiguous = render((await t.run(`/account note init ${HOSTILE_NOTE}`)).reply);
    // The choice value is the command to run, not shown, and must stay exactly what was typed.
    for (const needle of HOSTILE) expect(unescapedUserText(ambiguous, needle, ['value'])).toBe(false);
    expect(textOf(ambiguous)).toContain(JSON.stringify(`/account note initech ${HOSTILE_NOTE}`).slice(1, -1));
  });
});

describe('a 500-account portfolio', () => {
  let db: TestDatabase;
  let t: TestWorkspace;

  beforeAll(async () => {
    db = await openTestStore();
    t = await createTestWorkspace(db.store, 'Big portfolio');
    await t.ws.transaction(async (tx) => {
      for (let index = 0; index < 500; index++) {
        await tx.accounts.create(
          {
            key: `acct-${index}`,
            name: `Account number ${index} International Holdings`,
            tier: index % 3 === 0 ? 'A' : 'B',
            region: 'EMEA',
            country: 'Germany',
            ownerId: t.admin.id,
            renewalAt: new Date('2027-01-31T00:00:00Z'),
          },
          SYSTEM_ACTOR,
        );
      }
    });
  }, 60_000);
  afterAll(() => db.close());

  it('renders /account list within 50 blocks and 11,000 characters, with "…and N more"', async () => {
    const result = await t.run('/account list');
    expect(result.reply.title).toBe('Portfolio (500 accounts)');
    const message = render(result.reply);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(totalText(message.blocks) + message.text.length).toBeLessThanOrEqual(11_000);
    const shown = message.blocks.filter((block) => textOf(block).includes('Account number')).length;
    expect(shown).toBeGreaterThan(20);
    expect(textOf(message.blocks)).toContain(`…and ${500 - shown} more`);
    const home = renderViewBlocks([result.reply, result.reply]);
    expect(slackLimitViolations({ blocks: home }, 'home')).toEqual([]);
  });
});
