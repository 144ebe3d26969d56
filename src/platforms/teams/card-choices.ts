// The parts of a reply that ask for an answer: choices (buttons, or a menu when there are many) and the button that
// opens a form.
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { ChoicesBlock, FormBlock } from '../../replies/reply.ts';
import { TEXT_MAX } from './card-parts.ts';
import {
  ACTIONS_PER_SET,
  actionSets,
  bytes,
  CHOICE_TITLE_MAX,
  cut,
  type Element,
  execute,
  label,
  MENU_CHOICES_MAX,
  moreLine,
  NOTICE_BYTES,
  type Room,
  rich,
  subtle,
  TITLE_MAX,
} from './card-text.ts';

export const FORM_OPEN_VERB = 'form_open';
/** The input id of a choices menu; its value is the picked Choice's value. */
export const CHOICE_INPUT_ID = 'choice';

/** Up to this many choices are buttons; more become a menu. */
const INLINE_CHOICES_MAX = 6;
/** A button bigger than this (its value, really) that does not fit is listed as "too long" instead of ending the row. */
const BIG_ACTION_BYTES = 1_000;

export function addChoices(block: ChoicesBlock, room: Room): boolean {
  const values = block.choices.map((choice) => choice.value);
  const menu =
    block.choices.length > INLINE_CHOICES_MAX &&
    new Set(values).size === values.length &&
    values.every((value) => value.length > 0);
  return room.add(menu ? choiceMenu(block, room.free(), room.locale) : choiceButtons(block, room.free(), room.locale));
}

/** The prompt, the choices described under it (a button has room for a label only), and a button per choice. */
function choiceButtons(block: ChoicesBlock, budget: number, locale: Locale): Element[] {
  const { choices } = block;
  const described = choices.length <= INLINE_CHOICES_MAX && choices.some((choice) => choice.description);
  const head: Element[] = [rich(cut(block.prompt, TEXT_MAX))];
  if (described) {
    for (const choice of choices) {
      const description = choice.description ? ` — ${cut(choice.description, CHOICE_TITLE_MAX)}` : '';
      head.push(rich(`• ${cut(choice.label, CHOICE_TITLE_MAX)}${description}`, {}, { spacing: 'none' }));
    }
  }
  let left = budget - head.reduce((sum, element) => sum + bytes(element) + 1, 0) - 2 * NOTICE_BYTES;
  const actions: Element[] = [];
  const tooLong: string[] = [];
  let considered = 0;
  for (const choice of choices) {
    const action = execute(choice.label, block.actionId, { value: choice.value });
    // An action's share of its ActionSet's bytes, the set's own wrapping included.
    const size = bytes(action) + (actions.length % ACTIONS_PER_SET === 0 ? 60 : 1);
    if (size > left && size <= BIG_ACTION_BYTES) break;
    considered++;
    if (size > left) {
      // The value (the whole command, a long note in it) cannot be carried here, and a cut one would do something else.
      tooLong.push(choice.label);
      continue;
    }
    actions.push(action);
    left -= size;
  }
  const elements = [...head, ...actionSets(actions)];
  if (tooLong.length > 0) {
    const names = cut(tooLong.join(', '), 150);
    elements.push(subtle(t(locale, 'render.tooLongToPick', { names })));
  }
  if (choices.length > considered) elements.push(moreLine(choices.length - considered, locale));
  return elements;
}

/** The prompt and a menu whose values are the choice values (all distinct and non-empty), with one "Choose". */
function choiceMenu(block: ChoicesBlock, budget: number, locale: Locale): Element[] {
  const prompt = rich(cut(block.prompt, TEXT_MAX));
  const choose = { type: 'ActionSet', actions: [execute(t(locale, 'render.choose'), block.actionId, {})] };
  let left = budget - bytes(prompt) - bytes(choose) - 200 - NOTICE_BYTES;
  const options: Element[] = [];
  for (const choice of block.choices.slice(0, MENU_CHOICES_MAX)) {
    const description = choice.description ? ` — ${choice.description}` : '';
    const option = { title: label(`${choice.label}${description}`, CHOICE_TITLE_MAX), value: choice.value };
    const size = bytes(option) + 1;
    if (size > left) break;
    options.push(option);
    left -= size;
  }
  if (options.length === 0) return choiceButtons(block, budget, locale);
  const elements: Element[] = [
    prompt,
    {
      type: 'Input.ChoiceSet',
      id: CHOICE_INPUT_ID,
      style: 'compact',
      // Preselected, so "Choose" always sends a choice the user could see.
      value: options[0]?.value,
      choices: options,
    },
    choose,
  ];
  if (block.choices.length > options.length) elements.push(moreLine(block.choices.length - options.length, locale));
  return elements;
}

export function addForm(block: FormBlock, room: Room): boolean {
  const value = JSON.stringify({ formId: block.formId, ...(block.state === undefined ? {} : { state: block.state }) });
  const title = rich(cut(block.title, TITLE_MAX), { weight: 'bolder' });
  const open = { type: 'ActionSet', actions: [execute(t(room.locale, 'render.openForm'), FORM_OPEN_VERB, { value })] };
  if (room.add([title, open])) return true;
  return (
    block.command !== undefined &&
    room.add([title, subtle(cut(t(room.locale, 'render.type', { command: block.command }), TEXT_MAX))])
  );
}
