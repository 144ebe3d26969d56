// Reply → card: renderCard and the rendering of each reply block within the byte budget.
import type {
  Button,
  ChoicesBlock,
  Field,
  FieldsBlock,
  FormBlock,
  ListBlock,
  ListItem,
  Reply,
  Block as ReplyBlock,
  TextBlock,
  Tone,
} from '../../replies/reply.ts';
import { BAND_MARK } from '../../replies/text.ts';
import {
  ACTIONS_PER_SET,
  type AdaptiveCard,
  actionSets,
  addCut,
  buttonAction,
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
  moreLine,
  NOTICE_BYTES,
  openUrl,
  Room,
  rich,
  subtle,
  TITLE_MAX,
} from './card-text.ts';

export const FORM_OPEN_VERB = 'form_open';
/** The input id of a choices menu; its value is the picked Choice's value. */
export const CHOICE_INPUT_ID = 'choice';

/** Up to this many choices are buttons; more become a menu. */
const INLINE_CHOICES_MAX = 6;
/** Buttons a list item shows next to its "Original message" link. */
const ITEM_BUTTONS_MAX = 2;

const SUMMARY_MAX = 1_000;
const TEXT_MAX = 4_000;
const FIELD_LABEL_MAX = 60;
const FIELD_VALUE_MAX = 2_000;
const ITEM_TITLE_MAX = 300;
const ITEM_TEXT_MAX = 2_000;
const ITEM_META_MAX = 500;

/** A list keeps room for its own "…and N more" and a notice after it. */
const LIST_RESERVE_BYTES = 600;
/** A list item's share of the bytes left never falls below this (items past the budget are left out). */
const ITEM_BYTES_MIN = 900;
/** A button bigger than this (its value, really) that does not fit is listed as "too long" instead of ending the row. */
const BIG_ACTION_BYTES = 1_000;

const TONE_MARK: Record<Tone, string> = { info: '', success: '✅ ', warning: '⚠️ ', error: '❌ ' };

// ---- reply blocks ----

function addText(block: TextBlock, room: Room): boolean {
  switch (block.style) {
    case 'heading':
      return addCut(room, block.text, TEXT_MAX, (text) => rich(text, { weight: 'bolder' }, { spacing: 'medium' }));
    case 'quote':
      return addCut(room, block.text, TEXT_MAX, (text) => ({
        type: 'Container',
        style: 'emphasis',
        items: [rich(text)],
      }));
    case 'muted':
      return addCut(room, block.text, TEXT_MAX, (text) => rich(text, { isSubtle: true }));
    default:
      return addCut(room, block.text, TEXT_MAX, (text) => rich(text));
  }
}

/** A field as a row of two columns, label bold: the weights line rows up like a FactSet, whose values are markdown. */
function fieldRow(field: Field, valueBytes = Number.POSITIVE_INFINITY): Element {
  return {
    type: 'ColumnSet',
    spacing: 'small',
    columns: [
      { type: 'Column', width: 2, items: [rich(cut(field.label, FIELD_LABEL_MAX), { weight: 'bolder' })] },
      { type: 'Column', width: 3, items: [rich(cut(field.value || '—', FIELD_VALUE_MAX, valueBytes))] },
    ],
  };
}

function addFields(block: FieldsBlock, room: Room): boolean {
  for (const field of block.fields) {
    if (room.add([fieldRow(field)])) continue;
    const valueBytes = room.free() - bytes(fieldRow({ ...field, value: '' })) - 1;
    if (valueBytes < CUT_MIN_BYTES || !room.add([fieldRow(field, valueBytes)])) return false;
  }
  return true;
}

function itemElement(item: ListItem, textBytes = Number.POSITIVE_INFINITY): Element {
  const mark = item.band ? `${BAND_MARK[item.band]} ` : '';
  const items: Element[] = [rich(`${mark}${cut(item.title, ITEM_TITLE_MAX)}`, { weight: 'bolder' })];
  if (item.text) items.push(rich(cut(item.text, ITEM_TEXT_MAX, textBytes), {}, { spacing: 'small' }));
  if (item.meta)
    items.push(rich(cut(item.meta, ITEM_META_MAX), { isSubtle: true, size: 'small' }, { spacing: 'small' }));
  const actions = [...openUrl(item.url), ...(item.buttons ?? []).slice(0, ITEM_BUTTONS_MAX).map(buttonAction)];
  items.push(...actionSets(actions, { spacing: 'small' }));
  return { type: 'Container', separator: true, items };
}

function listHeading(heading: string): Element {
  return rich(cut(heading, TITLE_MAX), { weight: 'bolder' }, { spacing: 'medium' });
}

function addList(block: ListBlock, room: Room): boolean {
  if (block.heading) {
    if (!room.add([listHeading(block.heading)], LIST_RESERVE_BYTES)) return false;
  }
  const total = Math.max(block.total, block.items.length);
  if (block.items.length === 0) {
    return room.add([
      total > 0 ? moreLine(total) : rich(cut(block.empty ?? 'Nothing here.', TEXT_MAX), { isSubtle: true }),
    ]);
  }
  let shown = 0;
  for (const item of block.items) {
    const left = block.items.length - shown;
    // Share the bytes left fairly between the items still to come, so one long note does not crowd out the rest.
    const share = Math.max(ITEM_BYTES_MIN, Math.floor(room.free(LIST_RESERVE_BYTES) / left));
    let element = itemElement(item);
    if (item.text && bytes(element) > share) {
      const textBytes = Math.max(CUT_MIN_BYTES, share - bytes(itemElement({ ...item, text: '' })));
      element = itemElement(item, textBytes);
    }
    const last = left === 1 && total === block.items.length;
    if (!room.add([element], last ? NOTICE_BYTES : LIST_RESERVE_BYTES)) break;
    shown++;
  }
  // After an item the space for this line is always there; before the first one it may not be.
  return total === shown || room.add([moreLine(total - shown)]) || shown > 0;
}

function addActions(buttons: Button[], room: Room): boolean {
  const actions = buttons.map(buttonAction);
  return room.add(actionSets(actions));
}

function addChoices(block: ChoicesBlock, room: Room): boolean {
  const values = block.choices.map((choice) => choice.value);
  const menu =
    block.choices.length > INLINE_CHOICES_MAX &&
    new Set(values).size === values.length &&
    values.every((value) => value.length > 0);
  return room.add(menu ? choiceMenu(block, room.free()) : choiceButtons(block, room.free()));
}

/** The prompt, the choices described under it (a button has room for a label only), and a button per choice. */
function choiceButtons(block: ChoicesBlock, budget: number): Element[] {
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
    elements.push(subtle(`Too long to pick with a button: ${names}. Type the command again naming one of them.`));
  }
  if (choices.length > considered) elements.push(moreLine(choices.length - considered));
  return elements;
}

/** The prompt and a menu whose values are the choice values (all distinct and non-empty), with one "Choose". */
function choiceMenu(block: ChoicesBlock, budget: number): Element[] {
  const prompt = rich(cut(block.prompt, TEXT_MAX));
  const choose = { type: 'ActionSet', actions: [execute('Choose', block.actionId, {})] };
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
  if (options.length === 0) return choiceButtons(block, budget);
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
  if (block.choices.length > options.length) elements.push(moreLine(block.choices.length - options.length));
  return elements;
}

function addForm(block: FormBlock, room: Room): boolean {
  const value = JSON.stringify({ formId: block.formId, ...(block.state === undefined ? {} : { state: block.state }) });
  const title = rich(cut(block.title, TITLE_MAX), { weight: 'bolder' });
  const open = { type: 'ActionSet', actions: [execute('Open form', FORM_OPEN_VERB, { value })] };
  if (room.add([title, open])) return true;
  return block.command !== undefined && room.add([title, subtle(cut(`Type ${block.command}`, TEXT_MAX))]);
}

function addBlock(block: ReplyBlock, room: Room): boolean {
  switch (block.type) {
    case 'text':
      return addText(block, room);
    case 'fields':
      return addFields(block, room);
    case 'list':
      return addList(block, room);
    case 'context':
      return addCut(room, block.text, TEXT_MAX, (text) => subtle(text));
    case 'actions':
      return addActions(block.buttons, room);
    case 'choices':
      return addChoices(block, room);
    case 'form':
      return addForm(block, room);
  }
}

// ---- sharing the card between parts ----

/** What a part needs, in bytes: the least that shows anything of it, and all of it. */
interface Need {
  least: number;
  full: number;
}

/** A list's least is its heading and first item (with the room it keeps for "…and N more"); a text's its first words. */
function needOf(block: ReplyBlock): Need {
  const alone = new Room(Number.POSITIVE_INFINITY);
  addBlock(block, alone);
  const full = alone.body.reduce((sum, element) => sum + bytes(element) + 1, 0);
  const first = block.type === 'list' ? block.items[0] : undefined;
  if (block.type === 'list' && first) {
    const heading = block.heading ? bytes(listHeading(block.heading)) + 1 : 0;
    const item = Math.min(
      bytes(itemElement(first)),
      Math.max(ITEM_BYTES_MIN, bytes(itemElement(first, CUT_MIN_BYTES))),
    );
    return { least: heading + item + 2 + LIST_RESERVE_BYTES, full };
  }
  const cuttable = block.type === 'text' || block.type === 'context';
  // addCut needs CUT_MIN_BYTES of text, and the element around it.
  return { least: cuttable ? Math.min(full, CUT_MIN_BYTES + 150) : full, full };
}

/** Caps that share `available`: small needs get all they need, the big ones split what is left evenly. */
function fairCaps(needs: number[], available: number): number[] {
  let remaining = available;
  let count = needs.length;
  let cap = 0;
  for (const need of [...needs].sort((a, b) => a - b)) {
    if (need * count > remaining) {
      cap = Math.floor(remaining / count);
      break;
    }
    remaining -= need;
    count--;
    cap = need;
  }
  return needs.map((need) => Math.min(need, cap));
}

/**
 * The bytes to keep back for the parts after `index`: each its fair share of the room left (never less than its
 * least), for as many as fit beside the least of part `index` itself.
 */
function laterShares(needs: readonly Need[], index: number, room: Room): number {
  room.hold(0);
  const free = room.free();
  const rest = needs.slice(index);
  const caps = fairCaps(
    rest.map((need) => need.full),
    free,
  );
  const own = rest[0]?.least ?? 0;
  let held = 0;
  for (const [offset, need] of rest.entries()) {
    if (offset === 0) continue;
    const share = Math.max(need.least, caps[offset] ?? 0);
    if (own + held + share <= free) held += share;
    else if (own + held + need.least <= free) held += need.least;
    else break;
  }
  return held;
}

// ---- whole cards ----

function headElement(reply: Reply): Element {
  if (reply.title) {
    const mark = reply.band ? `${BAND_MARK[reply.band]} ` : '';
    return rich(`${mark}${cut(reply.title, TITLE_MAX)}`, { weight: 'bolder', size: 'large' });
  }
  return rich(`${TONE_MARK[reply.tone]}${cut(reply.summary, SUMMARY_MAX)}`);
}

/**
 * A reply as one card within CARD_BUDGET_BYTES. The title and the closing context and actions (what to do next) are
 * always kept; what lies between fills the rest, lists giving up items first.
 */
export function renderCard(reply: Reply): AdaptiveCard {
  const head = [headElement(reply)];
  let split = reply.blocks.length;
  while (split > 0 && ['context', 'actions'].includes(reply.blocks[split - 1]?.type ?? '')) split--;
  let middle = reply.blocks.slice(0, split);
  const tailRoom = new Room(CARD_BUDGET_BYTES / 4);
  let tail = tailRoom.body;
  // A tail that would crowd out everything else (never from the commands) is rendered like the rest.
  if (!reply.blocks.slice(split).every((block) => addBlock(block, tailRoom))) {
    middle = reply.blocks;
    tail = [];
  }

  const room = new Room(CARD_BUDGET_BYTES - cardBytes(card([...head, ...tail])));
  // Lists give up items before later parts are left out: each part leaves the parts after it their fair share.
  const needs = middle.map(needOf);
  for (const [index, block] of middle.entries()) {
    room.hold(laterShares(needs, index, room));
    if (!addBlock(block, room)) {
      room.hold(0);
      const left = middle.length - index;
      room.addNotice(
        subtle(`…${left} more ${left === 1 ? 'part' : 'parts'} left out: too long for one Teams message.`),
      );
      break;
    }
  }
  return card([...head, ...room.body, ...tail]);
}
