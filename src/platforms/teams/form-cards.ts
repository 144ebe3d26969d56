// A reply's form → a card of inputs: renderFormCard and one input builder per field kind.
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.ts';
import { type Translate, translator } from '../../i18n/translate.ts';
import type { FormBlock, FormField } from '../../replies/reply.ts';
import {
  type AdaptiveCard,
  bytes,
  CARD_BUDGET_BYTES,
  CHOICE_TITLE_MAX,
  CUT_MIN_BYTES,
  card,
  cardBytes,
  cut,
  type Element,
  execute,
  label,
  MENU_CHOICES_MAX,
  NOTICE_BYTES,
  rich,
  subtle,
  TITLE_MAX,
} from './card-text.ts';

export const FORM_SUBMIT_VERB = 'form_submit';

const INPUT_LABEL_MAX = 200;
const PLACEHOLDER_MAX = 100;
/** The first try at prefilled input values; halved until the form card fits. */
const INPUT_VALUE_BYTES = 16_000;

export interface FormCardOptions {
  /** The accounts an account field offers, in the order to show them; the renderer lists what fits. */
  accounts?: { id: number; label: string }[];
  submitVerb?: string;
  /** The reader's language, for the card's own words ("Choose…", "Fill this in."). */
  locale?: Locale;
}

/** Names the submit action's data uses; an input with one of them would overwrite it. */
const RESERVED_INPUT_IDS = new Set(['verb', 'formId', 'state']);

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function inputBase(field: FormField, tr: Translate): Element {
  return {
    id: field.name,
    label: cut(field.label, INPUT_LABEL_MAX).trim() || field.name,
    ...(field.required
      ? { isRequired: true, errorMessage: tr(field.kind === 'select' ? 'render.pickOne' : 'render.fillIn') }
      : {}),
  };
}

function placeholder(field: FormField, fallback?: string): Element {
  const text = field.placeholder ?? fallback;
  return text ? { placeholder: cut(text, PLACEHOLDER_MAX) } : {};
}

function textInput(field: FormField, valueBytes: number, tr: Translate, fallbackPlaceholder?: string): Element {
  const maxLength = field.maxLength;
  const value = field.value ? cut(field.value, maxLength ?? Number.POSITIVE_INFINITY, valueBytes) : '';
  return {
    type: 'Input.Text',
    ...inputBase(field, tr),
    ...(field.kind === 'textarea' ? { isMultiline: true } : {}),
    ...(maxLength ? { maxLength } : {}),
    ...(value ? { value } : {}),
    ...placeholder(field, fallbackPlaceholder),
  };
}

function choiceSet(
  field: FormField,
  choices: Element[],
  style: 'compact' | 'filtered',
  tr: Translate,
  value?: string,
): Element {
  return {
    type: 'Input.ChoiceSet',
    ...inputBase(field, tr),
    style,
    choices,
    ...(value !== undefined && choices.some((choice) => choice.value === value) ? { value } : {}),
    ...placeholder(field, tr('render.choosePlaceholder')),
  };
}

function selectInput(field: FormField, valueBytes: number, tr: Translate): Element {
  const seen = new Set<string>();
  const choices: Element[] = [];
  for (const option of field.options ?? []) {
    if (!option.value || seen.has(option.value) || choices.length === MENU_CHOICES_MAX) continue;
    seen.add(option.value);
    choices.push({ title: label(option.label, CHOICE_TITLE_MAX), value: option.value });
  }
  // Without options a menu could not be filled in; a text input still can.
  return choices.length > 0 ? choiceSet(field, choices, 'compact', tr, field.value) : textInput(field, valueBytes, tr);
}

interface AccountPicker {
  element: Element;
  /** How many accounts were offered and how many of them the list shows. */
  offered: number;
  shown: number;
}

/** The account picker: a filtered menu of the accounts that fit in `budget` bytes, the preset one always among them. */
function accountInput(
  field: FormField,
  accounts: FormCardOptions['accounts'],
  budget: number,
  tr: Translate,
): AccountPicker {
  const all = accounts ?? [];
  const preset = field.value ? all.find((account) => String(account.id) === field.value) : undefined;
  const choices: Element[] = [];
  if (field.value && !preset) {
    // The preset account is not in the list (not given one): offer it by the name the form knows.
    choices.push({ title: label(field.valueLabel ?? field.value, CHOICE_TITLE_MAX), value: field.value });
  }
  const ordered = preset ? [preset, ...all.filter((account) => account !== preset)] : all;
  let left = budget;
  for (const account of ordered) {
    const choice = { title: label(account.label, CHOICE_TITLE_MAX), value: String(account.id) };
    const size = bytes(choice) + 1;
    if (choices.length === MENU_CHOICES_MAX || size > left) break;
    choices.push(choice);
    left -= size;
  }
  if (choices.length === 0) {
    // No list to pick from: the account is typed, and the handler resolves the key or name.
    return { element: textInput(field, 0, tr, tr('render.accountPlaceholder')), offered: 0, shown: 0 };
  }
  const shown = choices.length - (field.value && !preset ? 1 : 0);
  return { element: choiceSet(field, choices, 'filtered', tr, field.value), offered: all.length, shown };
}

function cutHint(form: FormBlock, picker: AccountPicker, tr: Translate): Element {
  const counts = { shown: picker.shown, offered: picker.offered };
  return subtle(
    form.command
      ? tr('render.pickerCutCommand', { ...counts, command: cut(form.command, 300) })
      : tr('render.pickerCutKey', counts),
  );
}

function formBody(form: FormBlock, options: FormCardOptions, valueBytes: number, accountBudget: number): Element[] {
  const tr = translator(options.locale ?? DEFAULT_LOCALE);
  const body: Element[] = [rich(cut(form.title, TITLE_MAX), { weight: 'bolder', size: 'large' })];
  if (form.problem) body.push(rich(cut(`⚠️ ${form.problem}`, TITLE_MAX * 4), { color: 'attention' }));
  const accountFields = form.fields.filter((field) => field.kind === 'account').length;
  for (const field of form.fields) {
    switch (field.kind) {
      case 'date':
        body.push({
          type: 'Input.Date',
          ...inputBase(field, tr),
          ...(field.value && isDay(field.value) ? { value: field.value } : {}),
          ...placeholder(field),
        });
        break;
      case 'select':
        body.push(selectInput(field, valueBytes, tr));
        break;
      case 'account': {
        const picker = accountInput(
          field,
          options.accounts,
          Math.floor(accountBudget / Math.max(1, accountFields)),
          tr,
        );
        body.push(picker.element);
        if (picker.shown < picker.offered) body.push(cutHint(form, picker, tr));
        break;
      }
      case 'user':
        body.push(textInput(field, valueBytes, tr, tr('render.userPlaceholder')));
        break;
      default:
        body.push(textInput(field, valueBytes, tr));
    }
  }
  return body;
}

/**
 * A form as a card of inputs (ids = field names) and one Action.Execute that sends them with `{ verb, formId, state }`.
 * Within CARD_BUDGET_BYTES: account lists are cut to what fits (with a hint), long prefilled values are cut with "…".
 */
export function renderFormCard(form: FormBlock, options: FormCardOptions = {}): AdaptiveCard {
  const names = new Set<string>();
  for (const field of form.fields) {
    if (!field.name || RESERVED_INPUT_IDS.has(field.name) || names.has(field.name)) {
      throw new RangeError(`form ${form.formId}: field name "${field.name}" is empty, reserved or used twice`);
    }
    names.add(field.name);
  }
  const verb = options.submitVerb ?? FORM_SUBMIT_VERB;
  const submit = {
    ...execute(form.submitLabel, verb, {
      formId: form.formId,
      ...(form.state === undefined ? {} : { state: form.state }),
    }),
    associatedInputs: 'auto',
  };
  const build = (valueBytes: number, accountBudget: number) =>
    card(formBody(form, options, valueBytes, accountBudget), { actions: [submit] });
  let valueBytes = INPUT_VALUE_BYTES;
  // Without account lists first: what is left of the budget is theirs (with room for the hint).
  let bare = build(valueBytes, 0);
  while (cardBytes(bare) > CARD_BUDGET_BYTES / 2 && valueBytes > CUT_MIN_BYTES) {
    valueBytes = Math.floor(valueBytes / 2);
    bare = build(valueBytes, 0);
  }
  const accountBudget = CARD_BUDGET_BYTES - cardBytes(bare) - 2 * NOTICE_BYTES;
  const full = build(valueBytes, accountBudget);
  // The picker's own wrapping and the hint were estimated; give back what they took beyond that.
  const over = cardBytes(full) - CARD_BUDGET_BYTES;
  return over > 0 ? build(valueBytes, accountBudget - over - NOTICE_BYTES) : full;
}
