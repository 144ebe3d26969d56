// A reply's form as a Slack modal, and the submitted modal's values back as plain strings.
// Each field is one input block: block_id = the field's name, action_id = the field's kind, so a submission says
// which field each value belongs to and what kind of value it is. Labels, titles and placeholders are text objects
// and get escaped; initial values are not parsed by Slack, so they are only cleaned of control characters.

import type {
  Datepicker,
  ExternalSelect,
  InputBlock,
  InputBlockElement,
  ModalView,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  StaticSelect,
  UsersSelect,
} from '@slack/types';
import { z } from 'zod';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { FormBlock, FormField, FormFieldKind } from '../../replies/reply.ts';
import { escapeSlack, stripControl } from './escape.ts';
import {
  BLOCK_ID_MAX,
  CALLBACK_ID_MAX,
  cut,
  cutValue,
  ELLIPSIS,
  INPUT_LABEL_MAX,
  MODAL_BUTTON_TEXT_MAX,
  MODAL_TITLE_MAX,
  OPTION_TEXT_MAX,
  OPTION_VALUE_MAX,
  PLACEHOLDER_MAX,
  PLAIN_TEXT_INPUT_MAX,
  PRIVATE_METADATA_MAX,
  STATIC_SELECT_OPTIONS_MAX,
  VIEW_BLOCKS_MAX,
} from './limits.ts';

const KINDS: readonly FormFieldKind[] = ['text', 'textarea', 'number', 'date', 'select', 'user', 'account'];

function plain(raw: string, max: number): PlainTextElement {
  const text = cut(escapeSlack(raw), max);
  return { type: 'plain_text', text: text.trim() ? text : ELLIPSIS, emoji: true };
}

function placeholderOf(field: FormField): { placeholder?: PlainTextElement } {
  return field.placeholder ? { placeholder: plain(field.placeholder, PLACEHOLDER_MAX) } : {};
}

function textInput(field: FormField, focus: boolean): PlainTextInput {
  // The note form allows 40,000 characters, a modal input 3,000: longer notes are typed as a command.
  const maxLength = Math.min(field.maxLength ?? PLAIN_TEXT_INPUT_MAX, PLAIN_TEXT_INPUT_MAX);
  const initial = field.value ? cutValue(stripControl(field.value), maxLength) : '';
  return {
    type: 'plain_text_input',
    action_id: field.kind,
    ...(field.kind === 'textarea' ? { multiline: true } : {}),
    max_length: maxLength,
    ...(initial ? { initial_value: initial } : {}),
    ...placeholderOf(field),
    ...(focus ? { focus_on_load: true } : {}),
  };
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function datepicker(field: FormField): Datepicker {
  return {
    type: 'datepicker',
    action_id: field.kind,
    ...(field.value && isDay(field.value) ? { initial_date: field.value } : {}),
    ...placeholderOf(field),
  };
}

/** A menu of the field's options; options whose value Slack cannot carry are left out rather than cut. */
function staticSelect(field: FormField): StaticSelect | null {
  const options: PlainTextOption[] = (field.options ?? [])
    .filter((option) => option.value.length > 0 && option.value.length <= OPTION_VALUE_MAX)
    .slice(0, STATIC_SELECT_OPTIONS_MAX)
    .map((option) => ({ text: plain(option.label, OPTION_TEXT_MAX), value: option.value }));
  if (options.length === 0) return null;
  const initial = options.find((option) => option.value === field.value);
  return {
    type: 'static_select',
    action_id: field.kind,
    options,
    ...(initial ? { initial_option: initial } : {}),
    ...placeholderOf(field),
  };
}

function usersSelect(field: FormField): UsersSelect {
  return {
    type: 'users_select',
    action_id: field.kind,
    // Only a Slack user id can be preselected; the caller puts one in `value` when it has one.
    ...(field.value && /^[UW][A-Z0-9]+$/.test(field.value) ? { initial_user: field.value } : {}),
    ...placeholderOf(field),
  };
}

function accountSelect(field: FormField): ExternalSelect {
  const initial =
    field.value && field.valueLabel && field.value.length <= OPTION_VALUE_MAX
      ? { initial_option: { text: plain(field.valueLabel, OPTION_TEXT_MAX), value: field.value } }
      : {};
  return {
    type: 'external_select',
    action_id: field.kind,
    // 0: the menu lists accounts as soon as it opens, before anything is typed.
    min_query_length: 0,
    ...initial,
    ...placeholderOf(field),
  };
}

function elementOf(field: FormField, focus: boolean): InputBlockElement {
  switch (field.kind) {
    case 'date':
      return datepicker(field);
    case 'select':
      // Without options Slack would refuse the menu; a text input still lets the form be filled.
      return staticSelect(field) ?? textInput(field, focus);
    case 'user':
      return usersSelect(field);
    case 'account':
      return accountSelect(field);
    default:
      return textInput(field, focus);
  }
}

/**
 * The form as a modal. `privateMetadata` comes back with the submission (channel, state); it must fit Slack's 3,000
 * characters, because a cut one would be unreadable.
 */
export function formModal(form: FormBlock, privateMetadata: string, locale: Locale): ModalView {
  if (privateMetadata.length > PRIVATE_METADATA_MAX) {
    throw new RangeError(
      `private_metadata is ${privateMetadata.length} characters; Slack allows ${PRIVATE_METADATA_MAX}`,
    );
  }
  const fields = form.fields.slice(0, VIEW_BLOCKS_MAX);
  const focused = fields.find((field) => ['text', 'textarea', 'number'].includes(field.kind) && !field.value);
  const blocks: InputBlock[] = fields.map((field) => ({
    type: 'input',
    block_id: field.name.slice(0, BLOCK_ID_MAX),
    label: plain(field.label, INPUT_LABEL_MAX),
    optional: !field.required,
    element: elementOf(field, field === focused),
  }));
  return {
    type: 'modal',
    callback_id: form.formId.slice(0, CALLBACK_ID_MAX),
    title: plain(form.title, MODAL_TITLE_MAX),
    submit: plain(form.submitLabel, MODAL_BUTTON_TEXT_MAX),
    close: plain(t(locale, 'render.cancel'), MODAL_BUTTON_TEXT_MAX),
    private_metadata: privateMetadata,
    blocks,
  };
}

export interface SubmittedField {
  /** The input's block_id: the form field's name. */
  name: string;
  kind: FormFieldKind;
  /** '' when the field was left empty. */
  value: string;
}

/** One input's state in `view.state.values`: its element type and that element's value. */
export const StateValueSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_user: z.string().nullish(),
});

type StateValue = z.infer<typeof StateValueSchema>;

/** The kind an element type stands for, for inputs whose action_id is not a kind (modals built elsewhere). */
const KIND_OF_TYPE: Record<string, FormFieldKind> = {
  plain_text_input: 'text',
  number_input: 'number',
  datepicker: 'date',
  static_select: 'select',
  users_select: 'user',
  external_select: 'account',
};

function stateValue(state: StateValue): string {
  switch (state.type) {
    case 'datepicker':
      return state.selected_date ?? '';
    case 'static_select':
    case 'external_select':
      return state.selected_option?.value ?? '';
    case 'users_select':
      return state.selected_user ?? '';
    default:
      return state.value ?? '';
  }
}

/** The submitted values from `view.state.values`, in block order: one per input block. */
export function submittedFields(values: Record<string, Record<string, unknown>>): SubmittedField[] {
  const fields: SubmittedField[] = [];
  for (const [name, actions] of Object.entries(values)) {
    for (const [actionId, raw] of Object.entries(actions)) {
      const parsed = StateValueSchema.safeParse(raw);
      const kind = KINDS.find((candidate) => candidate === actionId) ?? KIND_OF_TYPE[parsed.data?.type ?? ''] ?? 'text';
      fields.push({ name, kind, value: parsed.success ? stateValue(parsed.data) : '' });
    }
  }
  return fields;
}
