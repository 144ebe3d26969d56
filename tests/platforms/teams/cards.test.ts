// Replies as Adaptive Cards: hand-built replies for each block type and edge, and real replies from the command
// engine over a real store, all checked with Microsoft's own card parser (tests/helpers/adaptive-card-check.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editAccountForm, newAccountForm, noteForm, taskForm } from '../../../src/commands/forms.ts';
import { loadDemo } from '../../../src/demo/load-demo.ts';
import type { Account } from '../../../src/domain/records.ts';
import {
  type AdaptiveCard,
  CARD_BUDGET_BYTES,
  cardBytes,
  MAX_CARD_BYTES,
  renderCard,
  renderFormCard,
} from '../../../src/platforms/teams/cards.ts';
import { reply } from '../../../src/replies/build.ts';
import type { Block, Choice, FormBlock, ListItem, Reply } from '../../../src/replies/reply.ts';
import { SYSTEM_ACTOR } from '../../../src/store/store.ts';
import { adaptiveCardProblems, markdownInjections, textRuns } from '../../helpers/adaptive-card-check.ts';
import { openTestStore, type TestDatabase } from '../../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../../helpers/workspace.ts';

/** User text that Teams would turn into a link, bold text, a mention or a channel ping if read as markdown. */
const HOSTILE = ['[click](https://evil.example)', '**bold**', '<at>Boss</at>', '<!channel>'];
const HOSTILE_NOTE = `Heads up ${HOSTILE.join(' and ')} _now_`;

function valid(card: AdaptiveCard): AdaptiveCard {
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  expect(card).toMatchObject({
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  });
  return card;
}

function render(value: Reply): AdaptiveCard {
  return valid(renderCard(value));
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Every object in the card with this `type`. */
function ofType(value: unknown, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === type) found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(value);
  return found;
}

/** The choices of the card's first Input.ChoiceSet. */
function choicesOf(card: unknown): { title: string; value: string }[] {
  const [menu] = ofType(card, 'Input.ChoiceSet');
  return (menu?.choices as { title: string; value: string }[] | undefined) ?? [];
}

function runsOf(element: unknown): string {
  return textRuns(element).join('');
}

const items = (count: number, make: (index: number) => Partial<ListItem> = () => ({})): ListItem[] =>
  Array.from({ length: count }, (_, index) => ({ title: `Item ${index}`, ...make(index) }));

const withBlocks = (blocks: Block[]) => reply({ title: 'T', summary: 's', blocks });

describe('renderCard: each block type', () => {
  it('puts the title, bold and large, in a RichTextBlock with the band first', () => {
    const card = render(reply({ title: 'Acme **Corp**', band: 'amber', summary: 'Acme: amber' }));
    expect(card.body).toEqual([
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: '🟠 Acme **Corp**', weight: 'bolder', size: 'large' }],
      },
    ]);
    expect(ofType(card, 'TextBlock')).toEqual([]);
  });

  it('without a title, starts with the summary marked by its tone', () => {
    expect(runsOf(render(reply({ summary: 'Saved a note to Acme.', tone: 'success' })).body[0])).toBe(
      '✅ Saved a note to Acme.',
    );
    expect(runsOf(render(reply({ summary: 'No.', tone: 'error' })).body[0])).toBe('❌ No.');
    expect(runsOf(render(reply({ summary: 'Hmm.', tone: 'warning' })).body[0])).toBe('⚠️ Hmm.');
  });

  it('renders text styles: plain, heading, quote, muted, and context', () => {
    const card = render(
      withBlocks([
        { type: 'text', text: 'plain *text*' },
        { type: 'text', text: 'Strategy', style: 'heading' },
        { type: 'text', text: 'first line\n> not a quote\u0007', style: 'quote' },
        { type: 'text', text: 'small print', style: 'muted' },
        { type: 'context', text: 'a context' },
      ]),
    );
    expect(card.body.slice(1)).toEqual([
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'plain *text*' }] },
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: 'Strategy', weight: 'bolder' }],
        spacing: 'medium',
      },
      {
        type: 'Container',
        style: 'emphasis',
        items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'first line\n> not a quote' }] }],
      },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'small print', isSubtle: true }] },
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: 'a context', isSubtle: true, size: 'small' }],
      },
    ]);
  });

  it('puts each field in a two-column row of RichTextBlocks, never a FactSet', () => {
    const fields = [
      { label: 'Owner', value: '**Dana**' },
      { label: 'Empty', value: '' },
      { label: 'L'.repeat(100), value: 'v' },
    ];
    const card = render(withBlocks([{ type: 'fields', fields }]));
    expect(ofType(card, 'FactSet')).toEqual([]);
    const rows = ofType(card, 'ColumnSet');
    expect(rows.map((row) => textRuns(row))).toEqual([
      ['Owner', '**Dana**'],
      ['Empty', '—'],
      [`${'L'.repeat(59)}…`, 'v'],
    ]);
  });

  it('renders a list: heading, one container per item with band, text, meta, link and button', () => {
    const card = render(
      withBlocks([
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
              buttons: [{ label: 'Show', actionId: 'account_show', value: '7' }],
            },
            { title: 'Bad link', url: 'javascript:alert(1)' },
            { title: 'Not https', url: 'http://example.com/x' },
          ],
        },
      ]),
    );
    const [heading, first, second, third, more] = card.body.slice(1);
    expect(runsOf(heading)).toBe('Latest notes');
    expect(first).toEqual({
      type: 'Container',
      separator: true,
      items: [
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '🔴 Acme', weight: 'bolder' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Renewal at risk' }], spacing: 'small' },
        {
          type: 'RichTextBlock',
          inlines: [{ type: 'TextRun', text: 'Tier A · Dana', isSubtle: true, size: 'small' }],
          spacing: 'small',
        },
        {
          type: 'ActionSet',
          spacing: 'small',
          actions: [
            {
              type: 'Action.OpenUrl',
              title: 'Original message',
              url: 'https://acme.slack.com/archives/C1/p1?thread_ts=1.2&cid=C1',
            },
            { type: 'Action.Execute', title: 'Show', verb: 'account_show', data: { verb: 'account_show', value: '7' } },
          ],
        },
      ],
    });
    expect(ofType(second, 'Action.OpenUrl')).toEqual([]);
    expect(ofType(third, 'Action.OpenUrl')).toEqual([]);
    expect(runsOf(more)).toBe('…and 2 more');
  });

  it('says when a list is empty, or when every item was left out', () => {
    const empty = render(withBlocks([{ type: 'list', items: [], total: 0, empty: 'No notes yet.' }]));
    expect(runsOf(empty.body[1])).toBe('No notes yet.');
    const none = render(withBlocks([{ type: 'list', items: [], total: 3 }]));
    expect(runsOf(none.body[1])).toBe('…and 3 more');
  });

  it('renders actions as Action.Execute (verb = actionId, data { verb, value }) in sets of at most 5, no styles', () => {
    const buttons = Array.from({ length: 8 }, (_, index) => ({
      label: index === 0 ? `Add a note ${'x'.repeat(80)}` : `B${index}`,
      actionId: `act_${index}`,
      value: String(index),
      style: index === 0 ? ('primary' as const) : ('danger' as const),
    }));
    const card = render(withBlocks([{ type: 'actions', buttons }]));
    const sets = ofType(card, 'ActionSet');
    expect(sets.map((set) => (set.actions as unknown[]).length)).toEqual([5, 3]);
    const actions = ofType(card, 'Action.Execute');
    expect(actions[1]).toEqual({
      type: 'Action.Execute',
      title: 'B1',
      verb: 'act_1',
      data: { verb: 'act_1', value: '1' },
    });
    expect(String(actions[0]?.title).length).toBeLessThanOrEqual(60);
    expect(json(card)).not.toContain('"style":"positive"');
    expect(json(card)).not.toContain('"style":"destructive"');
  });

  it('renders up to 6 choices as buttons with the choice values, descriptions listed under the prompt', () => {
    const choices: Choice[] = [
      { label: 'Initech (initech)', description: 'Germany', value: '/account show initech' },
      { label: 'Initrode (initrode)', value: '/account show initrode' },
    ];
    const card = render(
      reply({
        summary: 'Which one?',
        blocks: [{ type: 'choices', prompt: 'Pick one:', actionId: 'account_choose', choices }],
      }),
    );
    expect(textRuns(card)).toEqual([
      'Which one?',
      'Pick one:',
      '• Initech (initech) — Germany',
      '• Initrode (initrode)',
    ]);
    expect(ofType(card, 'Action.Execute')).toEqual([
      {
        type: 'Action.Execute',
        title: 'Initech (initech)',
        verb: 'account_choose',
        data: { verb: 'account_choose', value: '/account show initech' },
      },
      {
        type: 'Action.Execute',
        title: 'Initrode (initrode)',
        verb: 'account_choose',
        data: { verb: 'account_choose', value: '/account show initrode' },
      },
    ]);
  });

  it('renders more than 6 choices as a compact menu "choice" with one Choose', () => {
    const choices: Choice[] = Array.from({ length: 9 }, (_, index) => ({
      label: `Account ${index}`,
      ...(index === 0 ? { description: 'France' } : {}),
      value: `/account show a${index}`,
    }));
    const card = render(
      withBlocks([{ type: 'choices', prompt: 'Close matches:', actionId: 'account_choose', choices }]),
    );
    const [menu] = ofType(card, 'Input.ChoiceSet');
    expect(menu).toMatchObject({ id: 'choice', style: 'compact', value: '/account show a0' });
    expect(choicesOf(card).map((choice) => choice.value)).toEqual(choices.map((c) => c.value));
    expect(choicesOf(card)[0]?.title).toBe('Account 0 — France');
    expect(ofType(card, 'Action.Execute')).toEqual([
      { type: 'Action.Execute', title: 'Choose', verb: 'account_choose', data: { verb: 'account_choose' } },
    ]);
  });

  it('keeps 500 choices within the budget: 200 in the menu, the rest counted', () => {
    const choices: Choice[] = Array.from({ length: 500 }, (_, index) => ({
      label: `Account number ${index} International Holdings`,
      value: `/account show acct-${index}`,
    }));
    const card = render(
      withBlocks([{ type: 'choices', prompt: 'Close matches:', actionId: 'account_choose', choices }]),
    );
    expect(choicesOf(card).length).toBe(200);
    expect(runsOf(card.body.at(-1))).toBe('…and 300 more');
  });

  it('never cuts a choice value: one too big to carry is named, with a hint to type the command', () => {
    const huge = 'x'.repeat(40_000);
    const choices: Choice[] = [
      { label: 'Small', value: '/account show small' },
      { label: 'Huge one', value: `/account note huge ${huge}` },
    ];
    const card = render(withBlocks([{ type: 'choices', prompt: 'Pick one:', actionId: 'account_choose', choices }]));
    expect(ofType(card, 'Action.Execute').map((action) => action.title)).toEqual(['Small']);
    expect(runsOf(card)).toContain('Too long to pick with a button: Huge one. Type the command again');
    expect(json(card)).not.toContain('xxxxxxxxxx');
  });

  it('renders a form as its title and an "Open form" button carrying the form id and state', () => {
    const form: FormBlock = {
      type: 'form',
      formId: 'note_new',
      title: 'Note on **Acme**',
      submitLabel: 'Save',
      fields: [],
      state: '7',
      command: '/account note acme <text>',
    };
    const card = render(reply({ summary: 'Note', blocks: [form] }));
    expect(runsOf(card.body[1])).toBe('Note on **Acme**');
    expect(ofType(card, 'Action.Execute')).toEqual([
      {
        type: 'Action.Execute',
        title: 'Open form',
        verb: 'form_open',
        data: { verb: 'form_open', value: JSON.stringify({ formId: 'note_new', state: '7' }) },
      },
    ]);
    const stateless = render(reply({ summary: 'New', blocks: [{ ...form, state: undefined }] }));
    expect(ofType(stateless, 'Action.Execute')[0]?.data).toEqual({ verb: 'form_open', value: '{"formId":"note_new"}' });
  });

  it('strips control characters and keeps every user string out of markdown', () => {
    const card = render(
      reply({
        title: `T ${HOSTILE_NOTE}\u001b[31m`,
        summary: 's',
        blocks: [
          { type: 'text', text: HOSTILE_NOTE },
          { type: 'fields', fields: [{ label: HOSTILE_NOTE, value: HOSTILE_NOTE }] },
          { type: 'list', items: [{ title: HOSTILE_NOTE, text: HOSTILE_NOTE, meta: HOSTILE_NOTE }], total: 1 },
          { type: 'context', text: `${HOSTILE_NOTE}\u0000` },
        ],
      }),
    );
    expect(json(card)).not.toMatch(/\\u00(00|1b)/);
    for (const needle of HOSTILE) {
      expect(markdownInjections(card, needle), needle).toBe(false);
      expect(
        textRuns(card).some((text) => text.includes(needle)),
        needle,
      ).toBe(true);
    }
  });

  it('makes empty texts valid', () => {
    const card = render(
      reply({
        title: ' ',
        summary: '',
        blocks: [
          { type: 'text', text: '' },
          { type: 'fields', fields: [{ label: '', value: '' }] },
          { type: 'list', items: [{ title: '', text: '', meta: '' }], total: 1 },
          { type: 'actions', buttons: [{ label: '', actionId: 'x', value: '' }] },
        ],
      }),
    );
    expect(textRuns(card).every((text) => text.trim().length > 0)).toBe(true);
    expect(ofType(card, 'Action.Execute')[0]?.title).toBe('…');
  });
});

describe('renderCard: the byte budget', () => {
  const words = (count: number) => 'The quick brown fox jumps over the lazy dog. '.repeat(count);

  it('cuts a 10,000-character text at a word boundary with …', () => {
    const card = render(withBlocks([{ type: 'text', text: words(230).slice(0, 10_000), style: 'quote' }]));
    const [text] = textRuns(card.body[1]);
    expect(text?.length).toBeLessThanOrEqual(4_000);
    expect(text).toMatch(/[a-z.] ?…$/);
    expect(text?.endsWith(' …')).toBe(false);
    expect(words(230).startsWith(text?.slice(0, -1) ?? 'x')).toBe(true);
  });

  it('cuts by bytes as well: 10,000 emoji and CJK characters still fit', () => {
    const card = render(
      withBlocks([
        { type: 'text', text: '🦊'.repeat(10_000) },
        { type: 'text', text: '狐'.repeat(10_000) },
        { type: 'text', text: '"\\'.repeat(10_000) },
        { type: 'text', text: '狐'.repeat(10_000) },
        { type: 'text', text: '\uD800 lone'.repeat(2_000) },
      ]),
    );
    expect(json(card)).not.toMatch(/\\ud8/i);
    expect(runsOf(card)).toContain('🦊');
    expect(runsOf(card)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps a 500-item list within the budget, counting what was left out', () => {
    const list = items(500, (index) => ({
      title: `Account number ${index} International Holdings (acct-${index})`,
      band: 'amber',
      text: 'No touchpoint in 45 days',
      meta: 'health 55 · Tier A · Ada Admin · EMEA / Germany · renewal 31 Jan 2027',
      buttons: [{ label: 'Show', actionId: 'account_show', value: String(index) }],
    }));
    const card = render(withBlocks([{ type: 'list', heading: 'Accounts', items: list, total: 500 }]));
    const shown = card.body.filter((element) => runsOf(element).includes('Account number')).length;
    expect(shown).toBeGreaterThan(40);
    expect(runsOf(card.body.at(-1))).toBe(`…and ${500 - shown} more`);
  });

  it('shares the bytes between long list items instead of showing only the first', () => {
    const card = render(withBlocks([{ type: 'list', items: items(30, () => ({ text: words(230) })), total: 30 }]));
    const shown = card.body.filter((element) => runsOf(element).includes('Item ')).length;
    expect(shown).toBeGreaterThanOrEqual(20);
  });

  it('never drops the title or the closing context and actions, and says what it left out', () => {
    const blocks: Block[] = [
      // So many that even cut short, not all of them fit.
      ...Array.from({ length: 120 }, (): Block => ({ type: 'text', text: words(100) })),
      { type: 'context', text: 'Type /account notes acme for more' },
      { type: 'actions', buttons: [{ label: 'Add note', actionId: 'note_open', value: '7' }] },
    ];
    const card = render(withBlocks(blocks));
    expect(runsOf(card.body[0])).toBe('T');
    expect(card.body.at(-1)).toMatchObject({ type: 'ActionSet' });
    expect(runsOf(card.body.at(-2))).toBe('Type /account notes acme for more');
    expect(runsOf(card.body.at(-3))).toMatch(/^…\d+ more parts left out: too long for one Teams message\.$/);
  });

  it('stays within the budget for many fields, lists, buttons and choices at once', () => {
    const blocks: Block[] = [];
    for (let index = 0; index < 10; index++) {
      blocks.push(
        { type: 'fields', fields: Array.from({ length: 30 }, (_, f) => ({ label: `F${f}`, value: words(10) })) },
        { type: 'list', heading: `List ${index}`, items: items(100, () => ({ text: words(5) })), total: 100 },
        {
          type: 'actions',
          buttons: Array.from({ length: 20 }, (_, b) => ({
            label: `B${b}`,
            actionId: `a${b}`,
            value: 'v'.repeat(500),
          })),
        },
        {
          type: 'choices',
          prompt: 'Pick',
          actionId: 'c',
          choices: Array.from({ length: 50 }, (_, c) => ({ label: `C${c}`, value: `/v ${c} ${'w'.repeat(200)}` })),
        },
      );
    }
    render(withBlocks(blocks));
  });
});

describe('renderFormCard', () => {
  const accounts = Array.from({ length: 500 }, (_, index) => ({
    id: index + 1,
    label: `Account number ${index + 1} International Holdings (acct-${index + 1})`,
  }));

  it('renders every field kind with a label, required ones with isRequired and an error message', () => {
    const form: FormBlock = {
      type: 'form',
      formId: 'demo_form',
      title: 'All kinds',
      submitLabel: 'Send',
      state: '42',
      fields: [
        {
          name: 'name',
          label: 'Name',
          kind: 'text',
          required: true,
          maxLength: 120,
          value: 'Acme',
          placeholder: 'A name',
        },
        { name: 'body', label: 'Note', kind: 'textarea', maxLength: 40_000 },
        { name: 'size', label: 'Size', kind: 'number' },
        { name: 'due', label: 'Due', kind: 'date', value: '2027-01-31' },
        { name: 'bad_day', label: 'Bad day', kind: 'date', value: 'friday' },
        {
          name: 'tier',
          label: 'Tier',
          kind: 'select',
          value: 'B',
          options: [
            { label: 'A (strategic)', value: 'A' },
            { label: 'B (key)', value: 'B' },
          ],
        },
        { name: 'empty_select', label: 'Nothing to pick', kind: 'select' },
        { name: 'owner', label: 'Owner', kind: 'user' },
        { name: 'account', label: 'Account', kind: 'account', required: true, value: '2', valueLabel: 'Two' },
      ],
    };
    const card = valid(renderFormCard(form, { accounts: accounts.slice(0, 3) }));
    const inputs = card.body.filter((element) => String((element as { type: string }).type).startsWith('Input.'));
    expect(inputs).toEqual([
      {
        type: 'Input.Text',
        id: 'name',
        label: 'Name',
        isRequired: true,
        errorMessage: 'Fill this in.',
        maxLength: 120,
        value: 'Acme',
        placeholder: 'A name',
      },
      { type: 'Input.Text', id: 'body', label: 'Note', isMultiline: true, maxLength: 40_000 },
      { type: 'Input.Text', id: 'size', label: 'Size' },
      { type: 'Input.Date', id: 'due', label: 'Due', value: '2027-01-31' },
      { type: 'Input.Date', id: 'bad_day', label: 'Bad day' },
      {
        type: 'Input.ChoiceSet',
        id: 'tier',
        label: 'Tier',
        style: 'compact',
        choices: [
          { title: 'A (strategic)', value: 'A' },
          { title: 'B (key)', value: 'B' },
        ],
        value: 'B',
        placeholder: 'Choose…',
      },
      { type: 'Input.Text', id: 'empty_select', label: 'Nothing to pick' },
      { type: 'Input.Text', id: 'owner', label: 'Owner', placeholder: 'name or email' },
      {
        type: 'Input.ChoiceSet',
        id: 'account',
        label: 'Account',
        isRequired: true,
        errorMessage: 'Fill this in.',
        style: 'filtered',
        choices: [
          { title: 'Account number 2 International Holdings (acct-2)', value: '2' },
          { title: 'Account number 1 International Holdings (acct-1)', value: '1' },
          { title: 'Account number 3 International Holdings (acct-3)', value: '3' },
        ],
        value: '2',
        placeholder: 'Choose…',
      },
    ]);
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Send',
        verb: 'form_submit',
        data: { verb: 'form_submit', formId: 'demo_form', state: '42' },
        associatedInputs: 'auto',
      },
    ]);
    const custom = renderFormCard(form, { submitVerb: 'note_save' });
    expect(custom.actions).toMatchObject([{ verb: 'note_save', data: { verb: 'note_save', formId: 'demo_form' } }]);
  });

  it('lists at most 200 accounts and says how to reach the others', () => {
    const form = noteForm(null, 'en').blocks[0] as FormBlock;
    const card = valid(renderFormCard(form, { accounts }));
    expect(choicesOf(card).length).toBe(200);
    expect(runsOf(card)).toContain(
      'Only 200 of 500 accounts are listed here. For another one, type /account note <account> <text> instead.',
    );
    const few = valid(renderFormCard(form, { accounts: accounts.slice(0, 10) }));
    expect(runsOf(few)).not.toContain('accounts are listed here');
  });

  it('cuts the account list to the byte budget, and a 40,000-character prefilled note with it', () => {
    const long = accounts.map((account) => ({ ...account, label: `${account.label} ${'狐'.repeat(90)}` }));
    const form = noteForm(null, 'en', 'Word '.repeat(8_000)).blocks[0] as FormBlock;
    const card = valid(renderFormCard(form, { accounts: long }));
    const shown = choicesOf(card).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(200);
    expect(runsOf(card)).toContain(`Only ${shown} of 500 accounts are listed here.`);
    const [body] = ofType(card, 'Input.Text');
    expect(String(body?.value)).toMatch(/Word…$/);
  });

  it('lets the account be typed when there is no list to pick from', () => {
    const card = valid(renderFormCard(taskForm(null, 'en').blocks[0] as FormBlock));
    expect(ofType(card, 'Input.Text')[0]).toMatchObject({ id: 'account', placeholder: 'account key or name' });
  });

  it('refuses field names the submit data uses', () => {
    const form: FormBlock = {
      type: 'form',
      formId: 'f',
      title: 'F',
      submitLabel: 'Go',
      fields: [{ name: 'verb', label: 'Verb', kind: 'text' }],
    };
    expect(() => renderFormCard(form)).toThrow(RangeError);
  });

  it('keeps hostile labels, titles and values out of markdown', () => {
    const form: FormBlock = {
      type: 'form',
      formId: 'f',
      title: HOSTILE_NOTE,
      submitLabel: HOSTILE_NOTE,
      fields: [
        {
          name: 'a',
          label: HOSTILE_NOTE,
          kind: 'text',
          required: true,
          value: HOSTILE_NOTE,
          placeholder: HOSTILE_NOTE,
        },
        { name: 'b', label: 'B', kind: 'select', required: true, options: [{ label: HOSTILE_NOTE, value: 'x' }] },
      ],
    };
    const card = valid(renderFormCard(form));
    for (const needle of HOSTILE) expect(markdownInjections(card, needle), needle).toBe(false);
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
        strategy: `Grow **fast** & expand. ${'More strategy. '.repeat(200)}`,
      },
      SYSTEM_ACTOR,
    );
    await t.ws.accounts.create({ key: 'acme-fr', name: 'Acme France', parentId: acme.id, tier: 'B' }, SYSTEM_ACTOR);
    await t.ws.accounts.create({ key: 'initech', name: 'Initech', country: 'Germany' }, SYSTEM_ACTOR);
    await t.ws.accounts.create({ key: 'initrode', name: 'Initrode' }, SYSTEM_ACTOR);
    evil = await t.ws.accounts.create(
      { key: 'evil', name: 'Evil <at>Boss</at> **Co**', ownerId: t.admin.id },
      SYSTEM_ACTOR,
    );
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
      { accountId: acme.id, name: 'Jane [Roe](https://evil.example)', title: 'CFO', buyingRole: 'economic_buyer' },
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

  it('renders every command reply as a card with no problems', async () => {
    for (const command of COMMANDS) {
      const result = await t.run(command);
      const failing = ['/account show init', '/account show zzqqxx', '/account frobnicate'].includes(command);
      expect(result.status, command).toBe(failing ? 'user_error' : 'ok');
      const card = renderCard(result.reply);
      expect(adaptiveCardProblems(card), command).toEqual([]);
      expect(cardBytes(card), command).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(ofType(card, 'TextBlock'), command).toEqual([]);
      expect(ofType(card, 'FactSet'), command).toEqual([]);
    }
  });

  it('offers the accounts an ambiguous name could mean as choice buttons', async () => {
    const result = await t.run('/account show init');
    const card = render(result.reply);
    expect(ofType(card, 'Action.Execute').map((action) => action.data)).toEqual([
      { verb: 'account_choose', value: '/account show initech' },
      { verb: 'account_choose', value: '/account show initrode' },
    ]);
  });

  it('renders the account card with its band, links and buttons', async () => {
    const result = await t.run('/account show acme');
    const card = render(result.reply);
    expect(runsOf(card.body[0])).toMatch(/^(🟢|🟠|🔴) Acme Corporation/);
    expect(json(card)).toContain('"title":"Original message"');
    expect(card.body.at(-1)).toMatchObject({ type: 'ActionSet' });
    expect(ofType(card.body.at(-1), 'Action.Execute').map((action) => action.verb)).toEqual([
      'note_open',
      'account_edit_open',
      'task_open',
      'health_show',
      'notes_show',
    ]);
  });

  it('renders every form, as a reply with "Open form" and as a card of inputs', () => {
    const index = [acme, evil].map((account) => ({ id: account.id, label: account.name }));
    for (const form of [
      newAccountForm('en'),
      editAccountForm(acme, 'en'),
      noteForm(acme, 'en', long),
      noteForm(null, 'en'),
      taskForm(acme, 'en'),
    ]) {
      const card = render(form);
      expect(ofType(card, 'Action.Execute')[0]?.verb).toBe('form_open');
      const block = form.blocks[0] as FormBlock;
      const inputs = valid(renderFormCard(block, { accounts: index }));
      const ids = ofType(inputs, 'Input.Text')
        .concat(ofType(inputs, 'Input.Date'), ofType(inputs, 'Input.ChoiceSet'))
        .map((input) => input.id)
        .sort();
      expect(ids).toEqual(block.fields.map((field) => field.name).sort());
    }
    const edit = renderFormCard(editAccountForm(acme, 'en').blocks[0] as FormBlock);
    expect(edit.actions).toMatchObject([{ data: { formId: 'account_edit', state: String(acme.id) } }]);
    expect(ofType(edit, 'Input.Date')[0]).toMatchObject({ id: 'renewal', value: '2027-01-31' });
    const note = renderFormCard(noteForm(acme, 'en', long).blocks[0] as FormBlock, { accounts: index });
    expect(ofType(note, 'Input.ChoiceSet')[0]).toMatchObject({ id: 'account', value: String(acme.id) });
    expect(ofType(note, 'Input.Text')[0]).toMatchObject({ id: 'body', isMultiline: true, value: long });
  });

  it('keeps a 10,000-character note within the budget: the saved reply, the notes list and the timeline', async () => {
    const saved = await t.run(`/account note acme ${long}`);
    expect(saved.status).toBe('ok');
    render(saved.reply);
    const notes = render((await t.run('/account notes acme 50')).reply);
    expect(runsOf(notes)).toContain('Long note.');
    render((await t.run('/account timeline acme 100')).reply);
  });

  it('offers choices for a long note typed with an ambiguous account, within the budget', async () => {
    const result = await t.run(`/account note init ${long}`);
    const card = render(result.reply);
    const values = ofType(card, 'Action.Execute').map((action) => (action.data as { value: string }).value);
    expect(values).toEqual([`/account note initech ${long}`, `/account note initrode ${long}`]);
  });

  it('shows hostile text only in TextRuns, in every reply', async () => {
    const saved = await t.run(`/account note acme ${HOSTILE_NOTE}`);
    expect(saved.status).toBe('ok');
    await t.run(`/account note evil ${HOSTILE_NOTE}`);
    const replies = [saved.reply];
    for (const command of [
      '/account notes acme',
      '/account show acme',
      '/account timeline acme',
      '/account search heads up',
      '/account show evil',
      '/account list',
      '/account tasks',
      '/account contacts acme',
      '/account opps acme',
    ]) {
      replies.push((await t.run(command)).reply);
    }
    replies.push(noteForm(evil, 'en', HOSTILE_NOTE), editAccountForm(evil, 'en'));
    const cards = replies.map(render);
    cards.push(valid(renderFormCard(noteForm(evil, 'en', HOSTILE_NOTE).blocks[0] as FormBlock)));
    cards.push(valid(renderFormCard(editAccountForm(evil, 'en').blocks[0] as FormBlock)));
    for (const card of cards) {
      for (const needle of HOSTILE) expect(markdownInjections(card, needle), needle).toBe(false);
    }
    const notes = runsOf(cards[1]);
    for (const needle of HOSTILE) expect(notes, needle).toContain(needle);
    expect(runsOf(cards[5])).toContain('<at>Boss</at> **Co**');
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

  it('renders /account list within the budget, with "…and N more"', async () => {
    const result = await t.run('/account list');
    expect(result.reply.title).toBe('Portfolio (500 accounts)');
    const card = render(result.reply);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const shown = card.body.filter((element) => runsOf(element).includes('Account number')).length;
    expect(shown).toBeGreaterThan(40);
    expect(runsOf(card)).toContain(`…and ${500 - shown} more`);
  });
});

describe('the demo portfolio', () => {
  let db: TestDatabase;
  let t: TestWorkspace;

  beforeAll(async () => {
    db = await openTestStore();
    t = await createTestWorkspace(db.store, 'Demo');
    await loadDemo(t.ws, { now: NOW });
  }, 60_000);
  afterAll(() => db.close());

  it('renders the reads of every kind for a few demo accounts', async () => {
    const accounts = (await t.ws.accounts.list({})).slice(0, 4);
    expect(accounts.length).toBe(4);
    const commands = ['/account list', '/account list at-risk', '/account tasks', '/account search renewal'];
    for (const account of accounts) {
      for (const read of ['show', 'health', 'notes', 'timeline', 'contacts', 'opps']) {
        commands.push(`/account ${read} ${account.key}`);
      }
    }
    for (const command of commands) {
      const result = await t.run(command);
      expect(result.status, command).toBe('ok');
      const card = renderCard(result.reply);
      expect(adaptiveCardProblems(card), command).toEqual([]);
      expect(cardBytes(card), command).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    }
  });
});

describe('the card checker', () => {
  const good = () => renderCard(reply({ title: 'T', summary: 's', blocks: [{ type: 'text', text: 'x' }] }));

  it('passes a good card', () => {
    expect(adaptiveCardProblems(good())).toEqual([]);
  });

  it('catches an unknown element, a version newer than 1.5, and a card over 40 KB', () => {
    expect(adaptiveCardProblems({ ...good(), body: [{ type: 'Carousel', pages: [] }] })).toEqual([
      'parse: Unknown element type "Carousel". Fallback will be used if present.',
    ]);
    expect(adaptiveCardProblems({ ...good(), version: '1.6' })).toEqual([
      'card version 1.6 is newer than Teams supports (1.5)',
    ]);
    const big = {
      ...good(),
      body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x'.repeat(41_000) }] }],
    };
    expect(adaptiveCardProblems(big)).toEqual([expect.stringMatching(/^card is 41\d{3} bytes, more than 40000$/)]);
  });

  it('catches properties newer than 1.5, bad values, missing ids, styles Teams ignores and verbless actions', () => {
    const problems = adaptiveCardProblems({
      ...good(),
      body: [
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x', size: 'huge' }] },
        { type: 'Input.Text', label: 'No id' },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Go', style: 'positive' }] },
      ],
      actions: [{ type: 'Data.Query' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'parse: Invalid value "huge" for property "size".',
        'parse: Unknown action type "Data.Query". Fallback will be used if present.',
        'validation: All inputs must have a unique Id.',
        '$.body[2].actions[0]: action style "positive" (Teams does not support it)',
        '$.body[2].actions[0]: Action.Execute without a verb (teams-ai cannot route it)',
      ]),
    );
  });

  it('finds user text in markdown places and not in TextRuns', () => {
    const card = {
      ...good(),
      body: [
        { type: 'TextBlock', text: 'hi **bold**' },
        { type: 'FactSet', facts: [{ title: 'Owner', value: '<at>Boss</at>' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '<!channel>' }] },
      ],
    };
    expect(markdownInjections(card, '**bold**')).toBe(true);
    expect(markdownInjections(card, '<at>Boss</at>')).toBe(true);
    expect(markdownInjections(card, '<!channel>')).toBe(false);
  });
});
