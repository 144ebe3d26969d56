// Reply → card: renderCard, which fits a whole reply within the byte budget. The parts are drawn in card-parts.ts and
// card-choices.ts; card-budget.ts shares the bytes between them.
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import { localeOf, type Reply, type Block as ReplyBlock, TONE_MARK } from '../../replies/reply.ts';
import { BAND_MARK } from '../../replies/text.ts';
import { laterShares, type Need } from './card-budget.ts';
import { addChoices, addForm } from './card-choices.ts';
import {
  addActions,
  addFields,
  addList,
  addText,
  ITEM_BYTES_MIN,
  itemElement,
  LIST_RESERVE_BYTES,
  listHeading,
  TEXT_MAX,
} from './card-parts.ts';
import {
  type AdaptiveCard,
  addCut,
  bytes,
  CARD_BUDGET_BYTES,
  CUT_MIN_BYTES,
  card,
  cardBytes,
  cut,
  type Element,
  Room,
  rich,
  subtle,
  TITLE_MAX,
} from './card-text.ts';

export { CHOICE_INPUT_ID, FORM_OPEN_VERB } from './card-choices.ts';

const SUMMARY_MAX = 1_000;

// ---- the parts ----

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

/** A list's least is its heading and first item (with the room it keeps for "…and N more"); a text's its first words. */
function needOf(block: ReplyBlock, locale: Locale): Need {
  const alone = new Room(Number.POSITIVE_INFINITY, locale);
  addBlock(block, alone);
  const full = alone.body.reduce((sum, element) => sum + bytes(element) + 1, 0);
  const first = block.type === 'list' ? block.items[0] : undefined;
  if (block.type === 'list' && first) {
    const heading = block.heading ? bytes(listHeading(block.heading)) + 1 : 0;
    const item = Math.min(
      bytes(itemElement(first, locale)),
      Math.max(ITEM_BYTES_MIN, bytes(itemElement(first, locale, CUT_MIN_BYTES))),
    );
    return { least: heading + item + 2 + LIST_RESERVE_BYTES, full };
  }
  const cuttable = block.type === 'text' || block.type === 'context';
  // addCut needs CUT_MIN_BYTES of text, and the element around it.
  return { least: cuttable ? Math.min(full, CUT_MIN_BYTES + 150) : full, full };
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
  const locale = localeOf(reply);
  let split = reply.blocks.length;
  while (split > 0 && ['context', 'actions'].includes(reply.blocks[split - 1]?.type ?? '')) split--;
  let middle = reply.blocks.slice(0, split);
  const tailRoom = new Room(CARD_BUDGET_BYTES / 4, locale);
  let tail = tailRoom.body;
  // A tail that would crowd out everything else (never from the commands) is rendered like the rest.
  if (!reply.blocks.slice(split).every((block) => addBlock(block, tailRoom))) {
    middle = reply.blocks;
    tail = [];
  }

  const room = new Room(CARD_BUDGET_BYTES - cardBytes(card([...head, ...tail])), locale);
  // Lists give up items before later parts are left out: each part leaves the parts after it their fair share.
  const needs = middle.map((block) => needOf(block, locale));
  for (const [index, block] of middle.entries()) {
    room.hold(laterShares(needs, index, room));
    if (!addBlock(block, room)) {
      room.hold(0);
      const left = middle.length - index;
      room.addNotice(subtle(t(locale, 'render.partsLeftOut', { count: left, platform: 'Teams' })));
      break;
    }
  }
  return card([...head, ...room.body, ...tail]);
}
