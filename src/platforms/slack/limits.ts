// Slack's Block Kit limits, from /work/shared/platform/slack/README.md ("Block Kit and message limits"). Slack
// rejects a whole message or view when one of them is broken, so the renderer keeps to all of them.

export const MESSAGE_BLOCKS_MAX = 50;
/** Modals and the Home tab. */
export const VIEW_BLOCKS_MAX = 100;

export const SECTION_TEXT_MAX = 3_000;
export const SECTION_FIELDS_MAX = 10;
export const FIELD_TEXT_MAX = 2_000;
export const HEADER_TEXT_MAX = 150;
/** No documented limit for a context element's text; the section's is the safe guess. */
export const CONTEXT_TEXT_MAX = 3_000;
export const CONTEXT_ELEMENTS_MAX = 10;
export const ACTIONS_ELEMENTS_MAX = 25;

export const BUTTON_TEXT_MAX = 75;
export const BUTTON_VALUE_MAX = 2_000;
export const ACTION_ID_MAX = 255;
export const BLOCK_ID_MAX = 255;

export const OPTION_TEXT_MAX = 75;
export const OPTION_DESCRIPTION_MAX = 75;
/** The sources disagree (75 or 150); 75 satisfies both. */
export const OPTION_VALUE_MAX = 75;
export const STATIC_SELECT_OPTIONS_MAX = 100;
export const PLACEHOLDER_MAX = 150;

export const MODAL_TITLE_MAX = 24;
/** The modal's submit and close buttons. */
export const MODAL_BUTTON_TEXT_MAX = 24;
export const CALLBACK_ID_MAX = 255;
export const PRIVATE_METADATA_MAX = 3_000;
export const INPUT_LABEL_MAX = 2_000;
export const INPUT_HINT_MAX = 2_000;
/** plain_text_input `max_length`: no documented ceiling, 3000 like `min_length`. */
export const PLAIN_TEXT_INPUT_MAX = 3_000;

/** The message's top-level `text` (the notification fallback). */
export const FALLBACK_TEXT_MAX = 3_000;
/**
 * All text in one message's blocks. Slack documents no aggregate cap but answers `msg_blocks_too_long` from about
 * 12-13k characters (bolt-js issue #2509); 11,000 leaves a margin.
 */
export const MESSAGE_TEXT_BUDGET = 11_000;

export const ELLIPSIS = '…';

function shorten(text: string, max: number, entities: boolean): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let head = text.slice(0, max - 1);
  const amp = entities ? head.lastIndexOf('&') : -1;
  if (amp >= 0 && !head.includes(';', amp)) head = head.slice(0, amp);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const space = head.search(/\s\S*$/);
  if (space > max * 0.6) head = head.slice(0, space);
  return `${head.trimEnd()}${ELLIPSIS}`;
}

/**
 * Cuts already escaped text to at most `max` characters, ending in `…`, at a word boundary when one is near.
 * It never ends inside an `&amp;`/`&lt;`/`&gt;` entity or between the halves of a surrogate pair, so what it returns
 * is still valid escaped text.
 */
export function cut(text: string, max: number): string {
  return shorten(text, max, true);
}

/** Cuts raw text that Slack does not parse (an input's initial value) the same way; a `&` there is just a `&`. */
export function cutValue(text: string, max: number): string {
  return shorten(text, max, false);
}
