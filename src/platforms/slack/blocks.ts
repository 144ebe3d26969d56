// Renders the platform-neutral Reply as Block Kit. Every user string is escaped (escape.ts) before it goes into a text
// object, and everything is kept within Slack's limits (limits.ts): a reply of any size gives a message Slack accepts,
// with "…and N more" where list items had to be left out.
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
import type {
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  Button as SlackButton,
} from '@slack/types';
import type {
  Button,
  ChoicesBlock,
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
import { escapeSlack, slackLink } from './escape.ts';
import {
  ACTION_ID_MAX,
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_TEXT_MAX,
  cut,
  ELLIPSIS,
  FALLBACK_TEXT_MAX,
  FIELD_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  MESSAGE_TEXT_BUDGET,
  OPTION_DESCRIPTION_MAX,
  OPTION_TEXT_MAX,
  OPTION_VALUE_MAX,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
  STATIC_SELECT_OPTIONS_MAX,
  VIEW_BLOCKS_MAX,
} from './limits.ts';

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
export const FORM_OPEN_ACTION_ID = 'form_open';

/** The reply's actionId of a clicked button or menu: the action_id without the `:<index>` the renderer added. */
export function replyActionId(slackActionId: string): string {
  return slackActionId.replace(/:\d+$/, '');
}

/** Up to this many choices are buttons; more become a menu. */
const INLINE_CHOICES_MAX = 5;
const ITEM_TITLE_MAX = 300;
const ITEM_META_MAX = 500;
/** A list item's share of the characters left never falls below this (items past the budget are left out). */
const ITEM_TEXT_MIN = 300;
/** Text is cut to fit the characters left only when at least this much fits; otherwise rendering stops there. */
const CUT_TEXT_MIN = 200;

const TONE_MARK: Record<Tone, string> = { info: '', success: '✅ ', warning: '⚠️ ', error: '❌ ' };

// ---- text objects ----

function mrkdwn(text: string): MrkdwnElement {
  // verbatim: Slack must not turn channel names or bare URLs in user text into links or mentions.
  return { type: 'mrkdwn', text: text.trim() ? text : ELLIPSIS, verbatim: true };
}

function plain(text: string): PlainTextElement {
  return { type: 'plain_text', text: text.trim() ? text : ELLIPSIS, emoji: true };
}

/** User text for a text object: escaped first, then cut, so the escaped form fits. */
function userText(raw: string, max: number): string {
  return cut(escapeSlack(raw), max);
}

/** `*text*`: Slack bolds only when no space touches the asterisks, and shows `**` for nothing. */
function bold(escaped: string): string {
  return `*${escaped.trim() || ELLIPSIS}*`;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function contextBlock(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

function moreLine(count: number): ContextBlock {
  return contextBlock(`…and ${count} more`);
}

/** Characters of text in blocks: every plain_text and mrkdwn object, wherever it is. */
function textChars(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textChars(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const record = value as Record<string, unknown>;
  if ((record.type === 'plain_text' || record.type === 'mrkdwn') && typeof record.text === 'string') {
    return record.text.length;
  }
  return Object.values(record).reduce((sum: number, item) => sum + textChars(item), 0);
}

// ---- the budget ----

interface Reserve {
  blocks: number;
  chars: number;
}

const NONE: Reserve = { blocks: 0, chars: 0 };
/** Room for one closing notice ("…and N more", "left out"). */
const NOTICE: Reserve = { blocks: 1, chars: 120 };
/** A list keeps room for its own "…and N more" and for a notice after it. */
const LIST_RESERVE: Reserve = { blocks: 2, chars: 240 };

/** The blocks rendered so far and what is left of the block and character budget. */
class Room {
  readonly blocks: KnownBlock[] = [];
  /** Kept back for the parts after the one being added, so each of them can still show something. */
  private held: Reserve = NONE;
  constructor(
    private blocksLeft: number,
    private charsLeft: number,
  ) {}

  hold(reserve: Reserve): void {
    this.held = reserve;
  }

  blocksFree(reserve: Reserve = NOTICE): number {
    return this.blocksLeft - reserve.blocks - this.held.blocks;
  }

  charsFree(reserve: Reserve = NOTICE): number {
    return this.charsLeft - reserve.chars - this.held.chars;
  }

  /** Adds the blocks if they fit and still leave `reserve` free. */
  add(candidate: KnownBlock[], reserve: Reserve = NOTICE): boolean {
    if (candidate.length > this.blocksFree(reserve) || textChars(candidate) > this.charsFree(reserve)) return false;
    this.blocks.push(...candidate);
    this.blocksLeft -= candidate.length;
    this.charsLeft -= textChars(candidate);
    return true;
  }

  /** Adds a notice into the space kept for it (nothing if even that is gone, in a tiny budget). */
  addNotice(block: KnownBlock): void {
    this.add([block], NONE);
  }
}

// ---- reply blocks ----

/** A text section, cut to the characters left when the whole text does not fit. */
function addCutToFit(room: Room, build: (max: number) => KnownBlock, limit: number, reserve = NOTICE): boolean {
  if (room.add([build(limit)], reserve)) return true;
  const max = Math.min(limit, room.charsFree(reserve));
  return max >= CUT_TEXT_MIN && room.add([build(max)], reserve);
}

function addText(block: TextBlock, room: Room): boolean {
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

function addFields(block: FieldsBlock, room: Room): boolean {
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

/** A button, or null when its value is too long for Slack to carry (cutting it would make it do something else). */
function buttonElement(button: Button, actionId: string): SlackButton | null {
  if (button.value.length > BUTTON_VALUE_MAX) return null;
  return {
    type: 'button',
    action_id: actionId,
    text: plain(userText(button.label, BUTTON_TEXT_MAX)),
    ...(button.value ? { value: button.value } : {}),
    ...(button.style ? { style: button.style } : {}),
  };
}

/** `id:<index>`, with `id` shortened so the whole stays within the action_id limit. */
function indexedActionId(actionId: string, index: number): string {
  const suffix = `:${index}`;
  return `${actionId.slice(0, ACTION_ID_MAX - suffix.length)}${suffix}`;
}

function itemSection(item: ListItem, max: number): SectionBlock {
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

function addList(block: ListBlock, room: Room): boolean {
  if (block.heading && !room.add([section(bold(userText(block.heading, SECTION_TEXT_MAX - 2)))], LIST_RESERVE)) {
    return false;
  }
  const total = Math.max(block.total, block.items.length);
  if (block.items.length === 0) {
    const line = total > 0 ? moreLine(total) : contextBlock(userText(block.empty ?? 'Nothing here.', CONTEXT_TEXT_MAX));
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
  return total === shown || room.add([moreLine(total - shown)]) || shown > 0;
}

function addActions(buttons: Button[], room: Room): boolean {
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

/** Room kept for the notices under choice buttons: the too-long hint and "…and N more". */
const CHOICE_NOTICES_CHARS = 1_200;

function addChoices(block: ChoicesBlock, room: Room): boolean {
  const { choices } = block;
  const menu =
    choices.length > INLINE_CHOICES_MAX &&
    new Set(choices.map((choice) => choice.value)).size === choices.length &&
    choices.every((choice) => choice.value.length > 0 && choice.value.length <= OPTION_VALUE_MAX);
  return room.add(menu ? choiceMenu(block, room.charsFree()) : choiceButtons(block, room.charsFree()));
}

/** A prompt, a row of buttons (`<actionId>:<index>`), and notices for choices that could not be buttons. */
function choiceButtons(block: ChoicesBlock, chars: number): KnownBlock[] {
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
    blocks.push(contextBlock(`Too long to pick with a button: ${names}. Type the command again naming one of them.`));
  }
  if (choices.length > considered) blocks.push(moreLine(choices.length - considered));
  return blocks;
}

/** A prompt with a menu whose option values are the choice values (all ≤ 75 characters). */
function choiceMenu(block: ChoicesBlock, chars: number): KnownBlock[] {
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
        placeholder: plain('Choose…'),
        options,
      },
    },
  ];
  if (block.choices.length > options.length) blocks.push(moreLine(block.choices.length - options.length));
  return blocks;
}

function formValue(block: FormBlock): string {
  return JSON.stringify({ formId: block.formId, ...(block.state === undefined ? {} : { state: block.state }) });
}

function addForm(block: FormBlock, room: Room): boolean {
  const value = formValue(block);
  const open = buttonElement(
    { label: 'Open', actionId: FORM_OPEN_ACTION_ID, value, style: 'primary' },
    FORM_OPEN_ACTION_ID,
  );
  const sectionBlock: SectionBlock = {
    type: 'section',
    text: mrkdwn(bold(userText(block.title, SECTION_TEXT_MAX - 2))),
    ...(open ? { accessory: open } : {}),
  };
  const blocks: KnownBlock[] = [sectionBlock];
  if (!open && block.command) blocks.push(contextBlock(userText(`Type ${block.command}`, CONTEXT_TEXT_MAX)));
  return room.add(blocks);
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
      return addCutToFit(room, (max) => contextBlock(userText(block.text, max)), CONTEXT_TEXT_MAX);
    case 'actions':
      return addActions(block.buttons, room);
    case 'choices':
      return addChoices(block, room);
    case 'form':
      return addForm(block, room);
  }
}

// ---- sharing the message between parts ----

/** What a part needs: the least that shows anything of it, and all of it. */
interface Need {
  least: Reserve;
  full: Reserve;
}

function plus(a: Reserve, b: Reserve): Reserve {
  return { blocks: a.blocks + b.blocks, chars: a.chars + b.chars };
}

/** A list's least is its heading and first item (with the room it keeps for "…and N more"); a text's its first words. */
function needOf(block: ReplyBlock): Need {
  const alone = new Room(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
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

/**
 * What to keep back for the parts after `index`: each its fair share of the room left (fairCaps: small parts all
 * they need, big ones an equal split, never less than their least), for as many as fit beside the least of part
 * `index` itself.
 */
function laterShares(needs: readonly Need[], index: number, room: Room): Reserve {
  room.hold(NONE);
  const free: Reserve = { blocks: room.blocksFree(), chars: room.charsFree() };
  const rest = needs.slice(index);
  const blockCaps = fairCaps(
    rest.map((need) => need.full.blocks),
    free.blocks,
  );
  const charCaps = fairCaps(
    rest.map((need) => need.full.chars),
    free.chars,
  );
  const fits = (held: Reserve) => {
    const total = plus(rest[0]?.least ?? NONE, held);
    return total.blocks <= free.blocks && total.chars <= free.chars;
  };
  let held = NONE;
  for (const [offset, need] of rest.entries()) {
    if (offset === 0) continue;
    const share = {
      blocks: Math.max(need.least.blocks, blockCaps[offset] ?? 0),
      chars: Math.max(need.least.chars, charCaps[offset] ?? 0),
    };
    if (fits(plus(held, share))) held = plus(held, share);
    else if (fits(plus(held, need.least))) held = plus(held, need.least);
    else break;
  }
  return held;
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

function shareButton(value: string): SlackButton | null {
  return buttonElement({ label: 'Share in channel', actionId: SHARE_ACTION_ID, value }, SHARE_ACTION_ID);
}

/** The share button joins the last actions block when there is room in it, or gets one of its own. */
function withShare(tail: KnownBlock[], value: string): KnownBlock[] {
  const button = shareButton(value);
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
  let split = reply.blocks.length;
  while (split > 0 && ['context', 'actions'].includes(reply.blocks[split - 1]?.type ?? '')) split--;
  let middle = reply.blocks.slice(0, split);
  const tailRoom = new Room(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  for (const block of reply.blocks.slice(split)) addBlock(block, tailRoom);
  let tail = tailRoom.blocks;
  // A tail that would crowd out everything else (never from the commands) gets no special treatment.
  if (tail.length > maxBlocks / 2 || textChars(tail) > maxChars / 2) {
    middle = reply.blocks;
    tail = [];
  }
  if (share !== undefined) tail = withShare(tail, share);

  const room = new Room(maxBlocks - head.length - tail.length, maxChars - textChars(head) - textChars(tail));
  // Lists give up items before later parts are left out: each part leaves the parts after it their fair share.
  const needs = middle.map(needOf);
  for (const [index, block] of middle.entries()) {
    room.hold(laterShares(needs, index, room));
    if (!addBlock(block, room)) {
      room.hold(NONE);
      const left = middle.length - index;
      room.addNotice(
        contextBlock(`…${left} more ${left === 1 ? 'part' : 'parts'} left out: too long for one Slack message.`),
      );
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

/** Caps that share `available` blocks: small replies get all they need, the big ones split what is left evenly. */
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
    blocks.push(contextBlock(`…and ${replies.length - shown} more not shown here.`));
  }
  return blocks;
}
