// The small Block Kit pieces every part of a reply is built from: escaped text objects, sections, context lines,
// buttons, and textChars, the measure of the character budget.

import type { ContextBlock, MrkdwnElement, PlainTextElement, SectionBlock, Button as SlackButton } from '@slack/types';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { Button } from '../../replies/reply.ts';
import { escapeSlack } from './escape.ts';
import { ACTION_ID_MAX, BUTTON_TEXT_MAX, BUTTON_VALUE_MAX, cut, ELLIPSIS } from './limits.ts';

export function mrkdwn(text: string): MrkdwnElement {
  // verbatim: Slack must not turn channel names or bare URLs in user text into links or mentions.
  return { type: 'mrkdwn', text: text.trim() ? text : ELLIPSIS, verbatim: true };
}

export function plain(text: string): PlainTextElement {
  return { type: 'plain_text', text: text.trim() ? text : ELLIPSIS, emoji: true };
}

/** User text for a text object: escaped first, then cut, so the escaped form fits. */
export function userText(raw: string, max: number): string {
  return cut(escapeSlack(raw), max);
}

/** `*text*`: Slack bolds only when no space touches the asterisks, and shows `**` for nothing. */
export function bold(escaped: string): string {
  return `*${escaped.trim() || ELLIPSIS}*`;
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function contextBlock(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

export function moreLine(count: number, locale: Locale): ContextBlock {
  return contextBlock(t(locale, 'render.more', { count }));
}

/** Characters of text in blocks: every plain_text and mrkdwn object, wherever it is. */
export function textChars(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textChars(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const record = value as Record<string, unknown>;
  if ((record.type === 'plain_text' || record.type === 'mrkdwn') && typeof record.text === 'string') {
    return record.text.length;
  }
  return Object.values(record).reduce((sum: number, item) => sum + textChars(item), 0);
}

/** A button, or null when its value is too long for Slack to carry (cutting it would make it do something else). */
export function buttonElement(button: Button, actionId: string): SlackButton | null {
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
export function indexedActionId(actionId: string, index: number): string {
  const suffix = `:${index}`;
  return `${actionId.slice(0, ACTION_ID_MAX - suffix.length)}${suffix}`;
}
