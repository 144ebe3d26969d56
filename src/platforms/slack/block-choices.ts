// The parts of a reply that ask for an answer: choices (buttons, or a menu when there are many) and the button that
// opens a form. How listeners read the clicks back is described at the top of blocks.ts.

import type { KnownBlock, PlainTextOption, SectionBlock, Button as SlackButton } from '@slack/types';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { ChoicesBlock, FormBlock } from '../../replies/reply.ts';
import { NOTICE, type Room } from './block-budget.ts';
import {
  bold,
  buttonElement,
  contextBlock,
  indexedActionId,
  moreLine,
  mrkdwn,
  plain,
  section,
  textChars,
  userText,
} from './block-elements.ts';
import {
  ACTION_ID_MAX,
  ACTIONS_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  cut,
  OPTION_DESCRIPTION_MAX,
  OPTION_TEXT_MAX,
  OPTION_VALUE_MAX,
  SECTION_TEXT_MAX,
  STATIC_SELECT_OPTIONS_MAX,
} from './limits.ts';

export const FORM_OPEN_ACTION_ID = 'form_open';

/** Up to this many choices are buttons; more become a menu. */
const INLINE_CHOICES_MAX = 5;
/** Room kept for the notices under choice buttons: the too-long hint and "…and N more". */
const CHOICE_NOTICES_CHARS = 1_200;

export function addChoices(block: ChoicesBlock, room: Room): boolean {
  const { choices } = block;
  const menu =
    choices.length > INLINE_CHOICES_MAX &&
    new Set(choices.map((choice) => choice.value)).size === choices.length &&
    choices.every((choice) => choice.value.length > 0 && choice.value.length <= OPTION_VALUE_MAX);
  return room.add(
    menu ? choiceMenu(block, room.charsFree(), room.locale) : choiceButtons(block, room.charsFree(), room.locale),
  );
}

/** A prompt, a row of buttons (`<actionId>:<index>`), and notices for choices that could not be buttons. */
function choiceButtons(block: ChoicesBlock, chars: number, locale: Locale): KnownBlock[] {
  const { choices } = block;
  // With a few choices, their descriptions are listed under the prompt (a button has room for a label only).
  const described = choices.length <= INLINE_CHOICES_MAX && choices.some((choice) => choice.description);
  const lines = described
    ? choices.map(
        (choice) =>
          `• ${bold(userText(choice.label, OPTION_TEXT_MAX))}${choice.description ? ` — ${userText(choice.description, OPTION_DESCRIPTION_MAX)}` : ''}`,
      )
    : [];
  const prompt = section(cut([userText(block.prompt, SECTION_TEXT_MAX), ...lines].join('\n'), SECTION_TEXT_MAX));
  const budget = chars - textChars(prompt) - CHOICE_NOTICES_CHARS;
  const elements: SlackButton[] = [];
  const tooLong: string[] = [];
  let considered = 0;
  for (const [index, choice] of choices.entries()) {
    if (elements.length === ACTIONS_ELEMENTS_MAX) break;
    const button = { label: choice.label, actionId: block.actionId, value: choice.value };
    const element = buttonElement(button, indexedActionId(block.actionId, index));
    if (element && textChars([...elements, element]) > budget) break;
    considered++;
    if (element) elements.push(element);
    else tooLong.push(choice.label);
  }
  const blocks: KnownBlock[] = [prompt];
  if (elements.length > 0) blocks.push({ type: 'actions', elements });
  if (tooLong.length > 0) {
    // Slack cannot carry a value over 2000 characters, and a cut one would run something else.
    const names = userText(tooLong.join(', '), 1_000);
    blocks.push(contextBlock(t(locale, 'render.tooLongToPick', { names })));
  }
  if (choices.length > considered) blocks.push(moreLine(choices.length - considered, locale));
  return blocks;
}

/** A prompt with a menu whose option values are the choice values (all ≤ 75 characters). */
function choiceMenu(block: ChoicesBlock, chars: number, locale: Locale): KnownBlock[] {
  const prompt = userText(block.prompt, SECTION_TEXT_MAX);
  const budget = chars - prompt.length - NOTICE.chars;
  const options: PlainTextOption[] = [];
  let used = 0;
  for (const choice of block.choices.slice(0, STATIC_SELECT_OPTIONS_MAX)) {
    const option: PlainTextOption = {
      text: plain(userText(choice.label, OPTION_TEXT_MAX)),
      value: choice.value,
      ...(choice.description ? { description: plain(userText(choice.description, OPTION_DESCRIPTION_MAX)) } : {}),
    };
    used += textChars(option);
    if (used > budget) break;
    options.push(option);
  }
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(prompt),
      accessory: {
        type: 'static_select',
        action_id: block.actionId.slice(0, ACTION_ID_MAX),
        placeholder: plain(t(locale, 'render.choosePlaceholder')),
        options,
      },
    },
  ];
  if (block.choices.length > options.length) blocks.push(moreLine(block.choices.length - options.length, locale));
  return blocks;
}

function formValue(block: FormBlock): string {
  return JSON.stringify({ formId: block.formId, ...(block.state === undefined ? {} : { state: block.state }) });
}

export function addForm(block: FormBlock, room: Room): boolean {
  const value = formValue(block);
  const open = buttonElement(
    { label: t(room.locale, 'render.open'), actionId: FORM_OPEN_ACTION_ID, value, style: 'primary' },
    FORM_OPEN_ACTION_ID,
  );
  const sectionBlock: SectionBlock = {
    type: 'section',
    text: mrkdwn(bold(userText(block.title, SECTION_TEXT_MAX - 2))),
    ...(open ? { accessory: open } : {}),
  };
  const blocks: KnownBlock[] = [sectionBlock];
  if (!open && block.command)
    blocks.push(contextBlock(userText(t(room.locale, 'render.type', { command: block.command }), CONTEXT_TEXT_MAX)));
  return room.add(blocks);
}
