// Renders the platform-neutral Reply as Block Kit. Every user string is escaped (escape.ts) before it goes into a text
// object, and everything is kept within Slack's limits (limits.ts): a reply of any size gives a message Slack accepts,
// with "…and N more" where list items had to be left out. This file renders whole replies and the Home tab; the parts
// are drawn in block-parts.ts and block-choices.ts, within the budget of block-budget.ts.
//
// How the listeners read back what was clicked:
// - Buttons keep the reply's actionId, except that the renderer appends `:<index>` where one block would otherwise
//   hold the same action_id twice (Slack wants them unique per block): every choice button is `<actionId>:<index>`
//   (`account_choose:0`), and so are repeated action ids in one actions block. `replyActionId` strips the suffix.
// - A button's `value` is the reply's value unchanged (Button.value, Choice.value).
// - More than 5 choices become a static_select whose action_id is the ChoicesBlock's actionId and whose option values
//   are the Choice values themselves: `selected_option.value` is the value, exactly as a button's `value` would be.
//   A menu is only used when every value fits an option (≤ 75 characters); otherwise the choices are buttons, whose
//   values may be up to 2000. A choice whose value is longer still cannot be carried by Slack at all: it is listed as
//   text, with a hint to type the command instead (nothing is ever cut from a value).
// - The form button (action_id `form_open`) has the value JSON `{"formId":…,"state":…}` (state only when set).

import type { HeaderBlock, KnownBlock, Button as SlackButton } from '@slack/types';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import { localeOf, type Reply, type Block as ReplyBlock, TONE_MARK } from '../../replies/reply.ts';
import { BAND_MARK } from '../../replies/text.ts';
import { fairCaps } from '../fair-caps.ts';
import { addCutToFit, CUT_TEXT_MIN, LIST_RESERVE, laterShares, type Need, NONE, Room } from './block-budget.ts';
import { addChoices, addForm } from './block-choices.ts';
import { bold, buttonElement, contextBlock, plain, section, textChars, userText } from './block-elements.ts';
import { addActions, addFields, addList, addText, ITEM_TEXT_MIN, itemSection } from './block-parts.ts';
import {
  ACTIONS_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  ELLIPSIS,
  FALLBACK_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  MESSAGE_TEXT_BUDGET,
  SECTION_TEXT_MAX,
  VIEW_BLOCKS_MAX,
} from './limits.ts';

export { FORM_OPEN_ACTION_ID } from './block-choices.ts';

export interface SlackMessage {
  /** The reply's summary: the notification text, and what clients without blocks show. */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Adds a "Share in channel" button (action_id `share`) carrying this value. */
  share?: { value: string };
}

export const SHARE_ACTION_ID = 'share';

/** The reply's actionId of a clicked button or menu: the action_id without the `:<index>` the renderer added. */
export function replyActionId(slackActionId: string): string {
  return slackActionId.replace(/:\d+$/, '');
}

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
      return addCutToFit(room, (max) => contextBlock(userText(block.text, max)), CONTEXT_TEXT_MAX);
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
  const alone = new Room(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, locale);
  addBlock(block, alone);
  const full = { blocks: alone.blocks.length, chars: textChars(alone.blocks) };
  const first = block.type === 'list' ? block.items[0] : undefined;
  if (block.type === 'list' && first) {
    const shown: KnownBlock[] = [itemSection(first, ITEM_TEXT_MIN)];
    if (block.heading) shown.push(section(bold(userText(block.heading, SECTION_TEXT_MAX - 2))));
    return { least: { blocks: shown.length + 1, chars: textChars(shown) + LIST_RESERVE.chars }, full };
  }
  const cuttable = block.type === 'text' || block.type === 'context';
  return { least: { blocks: full.blocks, chars: cuttable ? Math.min(full.chars, CUT_TEXT_MIN) : full.chars }, full };
}

// ---- whole replies ----

function headBlocks(reply: Reply): KnownBlock[] {
  if (reply.title) {
    const mark = reply.band ? `${BAND_MARK[reply.band]} ` : '';
    const header: HeaderBlock = {
      type: 'header',
      text: plain(`${mark}${userText(reply.title, HEADER_TEXT_MAX - mark.length)}`),
    };
    return [header];
  }
  const mark = TONE_MARK[reply.tone];
  return [section(`${mark}${userText(reply.summary, SECTION_TEXT_MAX - mark.length)}`)];
}

function shareButton(value: string, locale: Locale): SlackButton | null {
  return buttonElement({ label: t(locale, 'render.share'), actionId: SHARE_ACTION_ID, value }, SHARE_ACTION_ID);
}

/** The share button joins the last actions block when there is room in it, or gets one of its own. */
function withShare(tail: KnownBlock[], value: string, locale: Locale): KnownBlock[] {
  const button = shareButton(value, locale);
  if (!button) return tail;
  const last = tail.at(-1);
  if (last?.type === 'actions' && last.elements.length < ACTIONS_ELEMENTS_MAX) {
    return [...tail.slice(0, -1), { ...last, elements: [...last.elements, button] }];
  }
  return [...tail, { type: 'actions', elements: [button] }];
}

/**
 * One reply within `maxBlocks` blocks and `maxChars` characters of text. The header and the closing context and
 * actions (what to do next) are always kept; what lies between fills the rest, lists giving up items first (a
 * digest with eight long lists shows a few items of each, not ten of the first four).
 */
function renderReply(reply: Reply, maxBlocks: number, maxChars: number, share?: string): KnownBlock[] {
  const head = headBlocks(reply);
  const locale = localeOf(reply);
  let split = reply.blocks.length;
  while (split > 0 && ['context', 'actions'].includes(reply.blocks[split - 1]?.type ?? '')) split--;
  let middle = reply.blocks.slice(0, split);
  const tailRoom = new Room(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, locale);
  for (const block of reply.blocks.slice(split)) addBlock(block, tailRoom);
  let tail = tailRoom.blocks;
  // A tail that would crowd out everything else (never from the commands) gets no special treatment.
  if (tail.length > maxBlocks / 2 || textChars(tail) > maxChars / 2) {
    middle = reply.blocks;
    tail = [];
  }
  if (share !== undefined) tail = withShare(tail, share, locale);

  const room = new Room(maxBlocks - head.length - tail.length, maxChars - textChars(head) - textChars(tail), locale);
  // Lists give up items before later parts are left out: each part leaves the parts after it their fair share.
  const needs = middle.map((block) => needOf(block, locale));
  for (const [index, block] of middle.entries()) {
    room.hold(laterShares(needs, index, room));
    if (!addBlock(block, room)) {
      room.hold(NONE);
      const left = middle.length - index;
      room.addNotice(contextBlock(t(locale, 'render.partsLeftOut', { count: left, platform: 'Slack' })));
      break;
    }
  }
  return [...head, ...room.blocks, ...tail];
}

/** A reply as a message: at most 50 blocks and 11,000 characters of text, however long the reply. */
export function renderMessage(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const text = userText(reply.summary, FALLBACK_TEXT_MAX).trim() || ELLIPSIS;
  // The fallback text counts against the budget too: Slack's aggregate limit is not documented precisely.
  const blocks = renderReply(reply, MESSAGE_BLOCKS_MAX, MESSAGE_TEXT_BUDGET - text.length, options.share?.value);
  return { text, blocks };
}

/** Each reply needs at least its header and a notice. */
const REPLY_BLOCKS_MIN = 2;

/** Several replies one after another, with dividers, for the Home tab: at most `maxBlocks` (≤ 100) blocks. */
export function renderViewBlocks(replies: Reply[], maxBlocks: number = VIEW_BLOCKS_MAX): KnownBlock[] {
  const max = Math.min(maxBlocks, VIEW_BLOCKS_MAX);
  let shown = replies.length;
  const needed = (count: number) => count * REPLY_BLOCKS_MIN + (count - 1) + (count < replies.length ? 2 : 0);
  while (shown > 0 && needed(shown) > max) shown--;
  const rendered = replies.slice(0, shown).map((reply) => renderReply(reply, max, MESSAGE_TEXT_BUDGET));
  const caps = fairCaps(
    rendered.map((blocks) => blocks.length),
    max - (shown - 1) - (shown < replies.length ? 2 : 0),
  );
  const blocks: KnownBlock[] = [];
  rendered.forEach((full, index) => {
    const cap = caps[index] ?? REPLY_BLOCKS_MIN;
    const reply = replies[index];
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...(full.length <= cap || !reply ? full : renderReply(reply, cap, MESSAGE_TEXT_BUDGET)));
  });
  if (shown < replies.length) {
    if (shown > 0) blocks.push({ type: 'divider' });
    const locale = replies[0] ? localeOf(replies[0]) : DEFAULT_LOCALE;
    blocks.push(contextBlock(t(locale, 'render.repliesLeftOut', { count: replies.length - shown })));
  }
  return blocks;
}
