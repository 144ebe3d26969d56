// The plain parts of a reply (text, fields, lists, actions) as card elements, each added to the Room only as far as
// it fits. Choices and forms are in card-choices.ts; reply-cards.ts picks the renderer for each part.
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { Button, Field, FieldsBlock, ListBlock, ListItem, TextBlock } from '../../replies/reply.ts';
import { BAND_MARK } from '../../replies/text.ts';
import {
  actionSets,
  addCut,
  buttonAction,
  bytes,
  CUT_MIN_BYTES,
  cut,
  type Element,
  moreLine,
  NOTICE_BYTES,
  openUrl,
  type Room,
  rich,
  TITLE_MAX,
} from './card-text.ts';

/** Buttons a list item shows next to its "Original message" link. */
const ITEM_BUTTONS_MAX = 2;

export const TEXT_MAX = 4_000;
const FIELD_LABEL_MAX = 60;
const FIELD_VALUE_MAX = 2_000;
const ITEM_TITLE_MAX = 300;
const ITEM_TEXT_MAX = 2_000;
const ITEM_META_MAX = 500;

/** A list keeps room for its own "…and N more" and a notice after it. */
export const LIST_RESERVE_BYTES = 600;
/** A list item's share of the bytes left never falls below this (items past the budget are left out). */
export const ITEM_BYTES_MIN = 900;

export function addText(block: TextBlock, room: Room): boolean {
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

export function addFields(block: FieldsBlock, room: Room): boolean {
  for (const field of block.fields) {
    if (room.add([fieldRow(field)])) continue;
    const valueBytes = room.free() - bytes(fieldRow({ ...field, value: '' })) - 1;
    if (valueBytes < CUT_MIN_BYTES || !room.add([fieldRow(field, valueBytes)])) return false;
  }
  return true;
}

export function itemElement(item: ListItem, locale: Locale, textBytes = Number.POSITIVE_INFINITY): Element {
  const mark = item.band ? `${BAND_MARK[item.band]} ` : '';
  const items: Element[] = [rich(`${mark}${cut(item.title, ITEM_TITLE_MAX)}`, { weight: 'bolder' })];
  if (item.text) items.push(rich(cut(item.text, ITEM_TEXT_MAX, textBytes), {}, { spacing: 'small' }));
  if (item.meta)
    items.push(rich(cut(item.meta, ITEM_META_MAX), { isSubtle: true, size: 'small' }, { spacing: 'small' }));
  const actions = [...openUrl(item.url, locale), ...(item.buttons ?? []).slice(0, ITEM_BUTTONS_MAX).map(buttonAction)];
  items.push(...actionSets(actions, { spacing: 'small' }));
  return { type: 'Container', separator: true, items };
}

export function listHeading(heading: string): Element {
  return rich(cut(heading, TITLE_MAX), { weight: 'bolder' }, { spacing: 'medium' });
}

export function addList(block: ListBlock, room: Room): boolean {
  if (block.heading) {
    if (!room.add([listHeading(block.heading)], LIST_RESERVE_BYTES)) return false;
  }
  const total = Math.max(block.total, block.items.length);
  if (block.items.length === 0) {
    return room.add([
      total > 0
        ? moreLine(total, room.locale)
        : rich(cut(block.empty ?? t(room.locale, 'render.nothing'), TEXT_MAX), { isSubtle: true }),
    ]);
  }
  let shown = 0;
  for (const item of block.items) {
    const left = block.items.length - shown;
    // Share the bytes left fairly between the items still to come, so one long note does not crowd out the rest.
    const share = Math.max(ITEM_BYTES_MIN, Math.floor(room.free(LIST_RESERVE_BYTES) / left));
    let element = itemElement(item, room.locale);
    if (item.text && bytes(element) > share) {
      const textBytes = Math.max(CUT_MIN_BYTES, share - bytes(itemElement({ ...item, text: '' }, room.locale)));
      element = itemElement(item, room.locale, textBytes);
    }
    const last = left === 1 && total === block.items.length;
    if (!room.add([element], last ? NOTICE_BYTES : LIST_RESERVE_BYTES)) break;
    shown++;
  }
  // After an item the space for this line is always there; before the first one it may not be.
  return total === shown || room.add([moreLine(total - shown, room.locale)]) || shown > 0;
}

export function addActions(buttons: Button[], room: Room): boolean {
  const actions = buttons.map(buttonAction);
  return room.add(actionSets(actions));
}
