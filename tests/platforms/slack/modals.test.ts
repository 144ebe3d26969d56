// Forms as Slack modals, and submitted modals back as plain values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { editAccountForm, FORM_IDS, newAccountForm, noteForm, taskForm } from '../../../src/commands/forms.ts';
import type { Account } from '../../../src/domain/records.ts';
import { formModal, submittedFields } from '../../../src/platforms/slack/modals.ts';
import type { FormBlock, FormField, Reply } from '../../../src/replies/reply.ts';
import { slackLimitViolations, unescapedUserText } from '../../helpers/slack-limits.ts';

const HOSTILE = ['<!channel>', '<@U123>', '<https://evil|bank>', '&'];
const HOSTILE_TEXT = 'Heads up <!channel> and <@U123>: pay at <https://evil|bank> & quickly';

const account = (overrides: Partial<Account> = {}): Account =>
  ({
    id: 12,
    key: 'acme',
    name: 'Acme Corporation',
    tier: 'A',
    status: 'active',
    region: 'EMEA',
    country: 'Germany',
    sector: null,
    renewalAt: new Date('2027-01-31T00:00:00Z'),
    strategy: 'Grow',
    ...overrides,
  }) as Account;

function formOf(reply: Reply): FormBlock {
  const form = reply.blocks.find((block): block is FormBlock => block.type === 'form');
  if (!form) throw new Error('expected a form');
  return form;
}

function modal(reply: Reply | FormBlock, metadata = '{"channel":"C1"}') {
  const view = formModal('type' in reply && reply.type === 'form' ? reply : formOf(reply as Reply), metadata, 'en');
  expect(slackLimitViolations(view, 'modal')).toEqual([]);
  return view;
}

function inputs(view: { blocks: unknown[] }): InputBlock[] {
  return view.blocks as InputBlock[];
}

const form = (fields: FormField[], title = 'Form'): FormBlock => ({
  type: 'form',
  formId: 'f',
  title,
  submitLabel: 'Save',
  fields,
});

describe('formModal', () => {
  it('turns every form into a valid modal: one input per field, block_id = name, action_id = kind', () => {
    for (const reply of [
      newAccountForm('en'),
      editAccountForm(account(), 'en'),
      noteForm(account(), 'en'),
      noteForm(null, 'en'),
      taskForm(null, 'en'),
    ]) {
      const fields = formOf(reply).fields;
      const view = modal(reply);
      expect(view.callback_id).toBe(formOf(reply).formId);
      expect(view.close).toEqual({ type: 'plain_text', text: 'Cancel', emoji: true });
      expect(view.private_metadata).toBe('{"channel":"C1"}');
      expect(
        inputs(view).map((block) => [block.block_id, block.element.action_id, block.optional, block.label.text]),
      ).toEqual(fields.map((field) => [field.name, field.kind, !field.required, field.label]));
    }
  });

  it('renders the new account form with its menus and pickers', () => {
    const view = modal(newAccountForm('en'));
    expect(view.title).toEqual({ type: 'plain_text', text: 'New account', emoji: true });
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Create', emoji: true });
    const [name, tier, owner, parent] = inputs(view).map((block) => block.element);
    expect(name).toEqual({ type: 'plain_text_input', action_id: 'text', max_length: 120, focus_on_load: true });
    expect(tier).toMatchObject({
      type: 'static_select',
      action_id: 'select',
      initial_option: { text: { type: 'plain_text', text: 'B (key)', emoji: true }, value: 'B' },
    });
    expect(tier?.type === 'static_select' && tier.options?.map((option) => option.value)).toEqual(['A', 'B', 'C']);
    expect(owner).toEqual({ type: 'users_select', action_id: 'user' });
    expect(parent).toEqual({ type: 'external_select', action_id: 'account', min_query_length: 0 });
  });

  it('fills the edit form with the account: text, select, date and textarea', () => {
    const view = modal(editAccountForm(account({ strategy: 's'.repeat(4_000) }), 'en'));
    const byName = Object.fromEntries(inputs(view).map((block) => [block.block_id, block.element]));
    expect(byName.name).toMatchObject({ initial_value: 'Acme Corporation', max_length: 120 });
    expect(byName.tier).toMatchObject({ initial_option: { value: 'A' } });
    expect(byName.status).toMatchObject({ initial_option: { value: 'active' } });
    expect(byName.renewal).toEqual({ type: 'datepicker', action_id: 'date', initial_date: '2027-01-31' });
    expect(byName.strategy).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3_000 });
    const strategy = byName.strategy?.type === 'plain_text_input' ? (byName.strategy.initial_value ?? '') : '';
    expect(strategy.length).toBeLessThanOrEqual(3_000);
    expect(strategy.endsWith('…')).toBe(true);
  });

  it('caps the note textarea at 3,000 characters and cuts a longer preset note with …', () => {
    const long = `${'The quick brown fox jumps over the lazy dog. '.repeat(230)}`.slice(0, 10_000);
    const view = modal(noteForm(account(), 'en', long));
    const [picker, body] = inputs(view).map((block) => block.element);
    expect(picker).toEqual({
      type: 'external_select',
      action_id: 'account',
      min_query_length: 0,
      initial_option: { text: { type: 'plain_text', text: 'Acme Corporation (acme)', emoji: true }, value: '12' },
    });
    expect(body).toMatchObject({ type: 'plain_text_input', action_id: 'textarea', multiline: true, max_length: 3_000 });
    const initial = body?.type === 'plain_text_input' ? (body.initial_value ?? '') : '';
    expect(initial.length).toBeLessThanOrEqual(3_000);
    expect(long.startsWith(initial.replace(/…$/, ''))).toBe(true);
  });

  it('cuts a title longer than 24 characters with …', () => {
    const view = modal(noteForm(account({ name: 'Acme Corporation International Holdings' }), 'en'));
    expect(view.title.text).toBe('Note on Acme Corporatio…');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    const long = modal(form([{ name: 'a', label: 'A', kind: 'text' }], 'Supercalifragilisticexpialidocious'));
    expect(long.title.text).toBe(`${'Supercalifragilisticexp'}…`);
    expect(formModal({ ...form([]), submitLabel: 'Save all of these changes now' }, '', 'en').submit?.text).toBe(
      'Save all of these…',
    );
  });

  it('escapes titles, labels, placeholders and options, but not input values (which Slack does not parse)', () => {
    const evil = account({ name: 'Evil <!channel> & Co', strategy: HOSTILE_TEXT });
    const hostileForm = form(
      [
        { name: 'a', label: `Label ${HOSTILE_TEXT}`, kind: 'text', value: `${HOSTILE_TEXT}\u0007\u001b[2J` },
        { name: 'b', label: 'B', kind: 'select', options: [{ label: HOSTILE_TEXT, value: 'x' }] },
        { name: 'c', label: 'C', kind: 'account', value: '3', valueLabel: HOSTILE_TEXT },
        { name: 'd', label: 'D', kind: 'textarea', placeholder: HOSTILE_TEXT },
      ],
      '<!channel>',
    );
    for (const view of [
      modal(noteForm(evil, 'en', HOSTILE_TEXT)),
      modal(editAccountForm(evil, 'en')),
      modal(hostileForm),
    ]) {
      for (const needle of HOSTILE) expect(unescapedUserText(view, needle, ['initial_value'])).toBe(false);
    }
    const view = modal(hostileForm);
    expect(view.title.text).toBe('&lt;!channel&gt;');
    const [text] = inputs(view).map((block) => block.element);
    expect(text?.type === 'plain_text_input' && text.initial_value).toBe(`${HOSTILE_TEXT}[2J`);
    expect(inputs(view)[0]?.label.text).toContain('&lt;!channel&gt;');
  });

  it('handles each kind at its edges', () => {
    const view = modal(
      form([
        { name: 'n', label: 'N', kind: 'number', value: '42', placeholder: 'p'.repeat(200) },
        { name: 'd1', label: 'D', kind: 'date', value: 'friday' },
        { name: 'd2', label: 'D', kind: 'date', value: '2027-13-45' },
        { name: 'u1', label: 'U', kind: 'user', value: 'U07QX3Z9K2M' },
        { name: 'u2', label: 'U', kind: 'user', value: '17' },
        { name: 's1', label: 'S', kind: 'select', value: 'nope', options: [{ label: 'Yes', value: 'yes' }] },
        { name: 's2', label: 'S', kind: 'select', options: [{ label: 'Long', value: 'v'.repeat(76) }] },
        {
          name: 's3',
          label: 'S',
          kind: 'select',
          options: Array.from({ length: 150 }, (_, index) => ({ label: `O${index}`, value: `${index}` })),
        },
        { name: 'a', label: 'A', kind: 'account', value: '3' },
        { name: 't', label: 'L'.repeat(3_000), kind: 'text', maxLength: 10_000, value: 'x'.repeat(5_000) },
      ]),
    );
    const byName = Object.fromEntries(inputs(view).map((block) => [block.block_id, block]));
    expect(byName.n?.element).toMatchObject({ type: 'plain_text_input', action_id: 'number', initial_value: '42' });
    expect(byName.n?.element.type === 'plain_text_input' && byName.n.element.placeholder?.text.length).toBe(150);
    expect(byName.d1?.element).toEqual({ type: 'datepicker', action_id: 'date' });
    expect(byName.d2?.element).toEqual({ type: 'datepicker', action_id: 'date' });
    expect(byName.u1?.element).toEqual({ type: 'users_select', action_id: 'user', initial_user: 'U07QX3Z9K2M' });
    expect(byName.u2?.element).toEqual({ type: 'users_select', action_id: 'user' });
    expect(byName.s1?.element).not.toHaveProperty('initial_option');
    // A menu without options would be refused: the field becomes a text input, still reporting kind "select".
    expect(byName.s2?.element).toMatchObject({ type: 'plain_text_input', action_id: 'select' });
    expect(byName.s3?.element.type === 'static_select' && byName.s3.element.options?.length).toBe(100);
    expect(byName.a?.element).toEqual({ type: 'external_select', action_id: 'account', min_query_length: 0 });
    expect(byName.t?.label.text.length).toBeLessThanOrEqual(2_000);
    expect(byName.t?.element).toMatchObject({ max_length: 3_000 });
  });

  it('stays within 100 blocks and refuses private_metadata Slack would reject', () => {
    const many = form(Array.from({ length: 150 }, (_, index) => ({ name: `f${index}`, label: 'F', kind: 'text' })));
    expect(modal(many).blocks).toHaveLength(100);
    expect(() => formModal(form([]), 'm'.repeat(3_001), 'en')).toThrow(RangeError);
    expect(formModal(form([]), 'm'.repeat(3_000), 'en').private_metadata).toHaveLength(3_000);
  });
});

describe('submittedFields', () => {
  it('reads the real view_submission fixture', () => {
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'view_submission.json'), 'utf8'));
    expect(submittedFields(fixture.view.state.values)).toEqual([
      { name: 'note_title', kind: 'text', value: 'Release notes' },
      { name: 'note_body', kind: 'text', value: 'Ship the release notes by Friday' },
    ]);
  });

  it('reads each kind, and empty inputs as empty strings', () => {
    const values = {
      name: { text: { type: 'plain_text_input', value: 'Acme' } },
      body: { textarea: { type: 'plain_text_input', value: 'Line 1\nLine 2' } },
      amount: { number: { type: 'plain_text_input', value: '42' } },
      due: { date: { type: 'datepicker', selected_date: '2027-01-15' } },
      tier: {
        select: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'A' }, value: 'A' } },
      },
      owner: { user: { type: 'users_select', selected_user: 'U07QX3Z9K2M' } },
      account: {
        account: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: 'x' }, value: '12' } },
      },
      empty_text: { text: { type: 'plain_text_input', value: null } },
      empty_date: { date: { type: 'datepicker', selected_date: null } },
      empty_select: { select: { type: 'static_select', selected_option: null } },
      empty_user: { user: { type: 'users_select', selected_user: null } },
      empty_account: { account: { type: 'external_select' } },
      number_input: { amount_input: { type: 'number_input', value: '7' } },
      broken: { text: 'not an object' },
    };
    expect(submittedFields(values)).toEqual([
      { name: 'name', kind: 'text', value: 'Acme' },
      { name: 'body', kind: 'textarea', value: 'Line 1\nLine 2' },
      { name: 'amount', kind: 'number', value: '42' },
      { name: 'due', kind: 'date', value: '2027-01-15' },
      { name: 'tier', kind: 'select', value: 'A' },
      { name: 'owner', kind: 'user', value: 'U07QX3Z9K2M' },
      { name: 'account', kind: 'account', value: '12' },
      { name: 'empty_text', kind: 'text', value: '' },
      { name: 'empty_date', kind: 'date', value: '' },
      { name: 'empty_select', kind: 'select', value: '' },
      { name: 'empty_user', kind: 'user', value: '' },
      { name: 'empty_account', kind: 'account', value: '' },
      { name: 'number_input', kind: 'number', value: '7' },
      { name: 'broken', kind: 'text', value: '' },
    ]);
  });

  it('reads back what a modal built from a form would submit, field by field', () => {
    const reply = taskForm(null, 'en');
    const view = formModal(formOf(reply), '', 'en');
    const answers: Record<string, Record<string, unknown>> = {};
    const typed: Record<string, Record<string, unknown>> = {
      plain_text_input: { value: 'Send the offer' },
      datepicker: { selected_date: '2027-01-15' },
      users_select: { selected_user: 'U1' },
      external_select: { selected_option: { value: '12' } },
    };
    for (const block of inputs(view)) {
      answers[block.block_id ?? ''] = {
        [block.element.action_id ?? '']: { type: block.element.type, ...typed[block.element.type] },
      };
    }
    expect(submittedFields(answers)).toEqual([
      { name: 'account', kind: 'account', value: '12' },
      { name: 'title', kind: 'text', value: 'Send the offer' },
      { name: 'due', kind: 'date', value: '2027-01-15' },
      { name: 'assignee', kind: 'user', value: 'U1' },
    ]);
    expect(Object.values(FORM_IDS)).toContain(view.callback_id);
  });
});
