// The plain parts of a reply (text, fields, lists, actions) as Block Kit, each added to the Room only as far as it
// fits. Choices and forms are in block-choices.ts; blocks.ts picks the renderer for each part.

import type { KnownBlock, MrkdwnElement, SectionBlock, Button as SlackButton } from '@slack/types';
import { t } from '../../i18n/translate.ts';
import type { Button, FieldsBlock, ListBlock, ListItem, TextBlock } from '../../replies/reply.ts';
import { BAND_MARK } from '../../replies/text.ts';
import { addCutToFit, LIST_RESERVE, NOTICE, type Room } from './block-budget.ts';
import {
  bold,
  buttonElement,
  contextBlock,
  indexedActionId,
  moreLine,
  mrkdwn,
  section,
  userText,
} from './block-elements.ts';
import { escapeSlack, slackLink } from './escape.ts';
import {
  ACTION_ID_MAX,
  ACTIONS_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  cut,
  FIELD_TEXT_MAX,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
} from './limits.ts';

const ITEM_TITLE_MAX = 300;
const ITEM_META_MAX = 500;
/** A list item's share of the characters left never falls below this (items past the budget are left out). */
export const ITEM_TEXT_MIN = 300;

export function addText(block: TextBlock, room: Room): boolean {
  switch (block.style) {
    case 'heading':
      return addCutToFit(room, (max) => section(bold(userText(block.text, max - 2))), SECTION_TEXT_MAX);
    case 'quote': {
      // Our `>` is markup; a `>` in the text itself was escaped to `&gt;`.
      const quoted = escapeSlack(block.text)
        .split('\n')
        .map((line) => `>${line}`)
        .join('\n');
      return addCutToFit(room, (max) => section(cut(quoted, max)), SECTION_TEXT_MAX);
    }
    case 'muted':
      return addCutToFit(room, (max) => contextBlock(userText(block.text, max)), CONTEXT_TEXT_MAX);
    default:
      return addCutToFit(room, (max) => section(userText(block.text, max)), SECTION_TEXT_MAX);
  }
}

function fieldText(label: string, value: string): MrkdwnElement {
  const head = bold(userText(label, ITEM_TITLE_MAX));
  return mrkdwn(`${head}\n${userText(value || '—', FIELD_TEXT_MAX - head.length - 1)}`);
}

export function addFields(block: FieldsBlock, room: Room): boolean {
  for (let start = 0; start < block.fields.length; start += SECTION_FIELDS_MAX) {
    const fields = block.fields.slice(start, start + SECTION_FIELDS_MAX);
    const sectionBlock: SectionBlock = {
      type: 'section',
      fields: fields.map((field) => fieldText(field.label, field.value)),
    };
    if (!room.add([sectionBlock])) return false;
  }
  return true;
}

export function itemSection(item: ListItem, max: number): SectionBlock {
  const mark = item.band ? `${BAND_MARK[item.band]} ` : '';
  const title = `${mark}${bold(userText(item.title, ITEM_TITLE_MAX))}`;
  const link = item.url ? slackLink(item.url, 'original message') : null;
  const under = [item.meta ? userText(item.meta, ITEM_META_MAX) : null, link].filter(Boolean).join(' · ');
  const separator = ' — ';
  const room = Math.min(max, SECTION_TEXT_MAX) - title.length - (under ? under.length + 1 : 0) - separator.length;
  const body = item.text && room > 0 ? `${separator}${userText(item.text, room)}` : '';
  const first = item.buttons?.[0];
  const accessory = first ? buttonElement(first, first.actionId.slice(0, ACTION_ID_MAX)) : null;
  return {
    type: 'section',
    text: mrkdwn(`${title}${body}${under ? `\n${under}` : ''}`),
    ...(accessory ? { accessory } : {}),
  };
}

export function addList(block: ListBlock, room: Room): boolean {
  if (block.heading && !room.add([section(bold(userText(block.heading, SECTION_TEXT_MAX - 2)))], LIST_RESERVE)) {
    return false;
  }
  const total = Math.max(block.total, block.items.length);
  if (block.items.length === 0) {
    const line =
      total > 0
        ? moreLine(total, room.locale)
        : contextBlock(userText(block.empty ?? t(room.locale, 'render.nothing'), CONTEXT_TEXT_MAX));
    return room.add([line]);
  }
  let shown = 0;
  for (const item of block.items) {
    const left = block.items.length - shown;
    // Share the characters left fairly between the items that can still get a block, so one long note does not
    // crowd out the rest.
    const slots = Math.max(1, Math.min(left, room.blocksFree(LIST_RESERVE)));
    const share = Math.max(ITEM_TEXT_MIN, Math.floor(room.charsFree(LIST_RESERVE) / slots));
    const last = left === 1 && total === block.items.length;
    if (!room.add([itemSection(item, share)], last ? NOTICE : LIST_RESERVE)) break;
    shown++;
  }
  // After an item the space for this line is always there; before the first one it may not be.
  return total === shown || room.add([moreLine(total - shown, room.locale)]) || shown > 0;
}

export function addActions(buttons: Button[], room: Room): boolean {
  const counts = new Map<string, number>();
  for (const button of buttons) counts.set(button.actionId, (counts.get(button.actionId) ?? 0) + 1);
  const elements: SlackButton[] = [];
  const typeInstead: string[] = [];
  buttons.forEach((button, index) => {
    const actionId =
      (counts.get(button.actionId) ?? 0) > 1
        ? indexedActionId(button.actionId, index)
        : button.actionId.slice(0, ACTION_ID_MAX);
    const element = buttonElement(button, actionId);
    if (element) elements.push(element);
    else if (button.command) typeInstead.push(`${button.label}: ${button.command}`);
  });
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < elements.length; start += ACTIONS_ELEMENTS_MAX) {
    blocks.push({ type: 'actions', elements: elements.slice(start, start + ACTIONS_ELEMENTS_MAX) });
  }
  if (typeInstead.length > 0) blocks.push(contextBlock(userText(typeInstead.join('\n'), CONTEXT_TEXT_MAX)));
  return room.add(blocks);
}
