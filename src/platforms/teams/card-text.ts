// The pieces every card shares: cleaned and cut user text, TextRuns, actions, the byte budget, the card shell.

import { Buffer } from 'node:buffer';
import { displayable } from '../../domain/display-text.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { Button } from '../../replies/reply.ts';

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Per message, measured as the UTF-8 JSON of the attachment content. */
export const MAX_CARD_BYTES = 40_000;
/** What the renderer stays within: a margin under MAX_CARD_BYTES for the activity around the card. */
export const CARD_BUDGET_BYTES = 38_000;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  $schema?: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

export type Element = Record<string, unknown>;

/**
 * Teams' host config shows 6 actions in a set, the Adaptive Cards default is 5 (more are dropped or put in an
 * overflow menu); 5 is safe in both, more go into sets of their own.
 */
export const ACTIONS_PER_SET = 5;
/** The most choices a menu lists (the account picker included). */
export const MENU_CHOICES_MAX = 200;

export const TITLE_MAX = 200;
export const CHOICE_TITLE_MAX = 100;
const ACTION_TITLE_MAX = 60;
const URL_MAX = 2_000;

/** Room for one closing notice ("…and N more", "left out"). */
export const NOTICE_BYTES = 300;
/** Text is cut to the bytes left only when at least this much fits; otherwise rendering stops there. */
export const CUT_MIN_BYTES = 300;

const ELLIPSIS = '…';

// ---- text ----

// UTF-16 halves without their partner: JSON would write them as \uXXXX.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string): string {
  // Control and bidi characters go (display-text.ts): a card reads as the text was written.
  return displayable(text).replace(LONE_SURROGATE, '\uFFFD');
}

/** UTF-8 bytes of a value's JSON. */
export function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** UTF-8 bytes a UTF-16 unit (or a surrogate pair, `width` 2) takes inside a JSON string. */
function jsonCost(code: number, width: number): number {
  if (width === 2) return 4;
  if (code === 0x22 || code === 0x5c || code === 0x0a || code === 0x09) return 2;
  if (code < 0x20) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3;
}

/**
 * Cleaned user text within `maxChars` characters and `maxBytes` bytes of JSON, ending in `…` at a word boundary when
 * it had to be cut. Never splits a surrogate pair.
 */
export function cut(raw: string, maxChars: number, maxBytes = Number.POSITIVE_INFINITY): string {
  const text = clean(raw);
  if (text.length <= maxChars && bytes(text) - 2 <= maxBytes) return text;
  const charBudget = maxChars - ELLIPSIS.length;
  const byteBudget = maxBytes - 3;
  let end = 0;
  let used = 0;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    const width = code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
    const cost = jsonCost(code, width);
    if (end + width > charBudget || used + cost > byteBudget) break;
    used += cost;
    end += width;
  }
  let head = text.slice(0, end);
  const space = head.search(/\s\S*$/);
  if (space > end * 0.6) head = head.slice(0, space);
  return `${head.trimEnd()}${ELLIPSIS}`;
}

interface RunStyle {
  weight?: 'bolder';
  size?: 'small' | 'medium' | 'large';
  isSubtle?: boolean;
  color?: 'attention' | 'good' | 'warning';
}

/** A plain TextRun: Teams shows its text as is, no markdown, no mentions. */
function run(text: string, style: RunStyle = {}): Element {
  return { type: 'TextRun', text: text.trim() ? text : ELLIPSIS, ...style };
}

export function rich(text: string, style: RunStyle = {}, extra: Element = {}): Element {
  return { type: 'RichTextBlock', inlines: [run(text, style)], ...extra };
}

export function subtle(text: string): Element {
  return rich(text, { isSubtle: true, size: 'small' });
}

export function moreLine(count: number, locale: Locale): Element {
  return subtle(t(locale, 'render.more', { count }));
}

// ---- actions ----

/** Short user text where something must show: a button title, a choice, a label. */
export function label(raw: string, max: number): string {
  return cut(raw, max).trim() || ELLIPSIS;
}

export function execute(title: string, verb: string, data: Record<string, unknown>): Element {
  return { type: 'Action.Execute', title: label(title, ACTION_TITLE_MAX), verb, data: { verb, ...data } };
}

export function buttonAction(button: Button): Element {
  return execute(button.label, button.actionId, { value: button.value });
}

export function actionSets(actions: Element[], extra: Element = {}): Element[] {
  const sets: Element[] = [];
  for (let start = 0; start < actions.length; start += ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', actions: actions.slice(start, start + ACTIONS_PER_SET), ...extra });
  }
  return sets;
}

// A strict https URL: a host, an optional port, then only URL characters (no spaces, quotes, `<`, `>`).
const HTTPS_URL =
  /^https:\/\/[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?(?:[/?#][\w\-.~%!$&'()*+,;=:@/?#]*)?$/i;

export function openUrl(url: string | undefined, locale: Locale): Element[] {
  if (!url || url.length > URL_MAX || !HTTPS_URL.test(url)) return [];
  return [{ type: 'Action.OpenUrl', title: t(locale, 'render.original'), url }];
}

// ---- the budget ----

/** The body rendered so far and the bytes left for it. */
export class Room {
  readonly body: Element[] = [];
  /** Kept back for the parts after the one being added, so each of them can still show something. */
  private held = 0;
  constructor(
    private left: number,
    /** The reader's language, for the notices the renderer adds. */
    readonly locale: Locale,
  ) {}

  hold(bytes: number): void {
    this.held = bytes;
  }

  free(reserve = NOTICE_BYTES): number {
    return this.left - reserve - this.held;
  }

  /** Adds the elements if they fit and still leave `reserve` free; each costs its JSON and a comma. */
  add(elements: Element[], reserve = NOTICE_BYTES): boolean {
    const size = elements.reduce((sum, element) => sum + bytes(element) + 1, 0);
    if (size > this.free(reserve)) return false;
    this.body.push(...elements);
    this.left -= size;
    return true;
  }

  /** Adds a notice into the space kept for it. */
  addNotice(element: Element): void {
    this.add([element], 0);
  }
}

/** An element around user text, cut to the bytes left when the whole text does not fit. */
export function addCut(room: Room, raw: string, maxChars: number, build: (text: string) => Element): boolean {
  if (room.add([build(cut(raw, maxChars))])) return true;
  const maxBytes = room.free() - bytes(build('')) - 1;
  return maxBytes >= CUT_MIN_BYTES && room.add([build(cut(raw, maxChars, maxBytes))]);
}

// ---- whole cards ----

export function card(body: Element[], extra: Partial<AdaptiveCard> = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    // Teams-only: lists and forms read better across the whole chat width.
    msteams: { width: 'Full' },
    body,
    ...extra,
  };
}

/** The UTF-8 bytes of the card's JSON: what counts against Teams' message size. */
export function cardBytes(value: AdaptiveCard): number {
  return bytes(value);
}
