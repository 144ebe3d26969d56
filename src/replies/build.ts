// Small helpers that keep handlers short and replies consistent.
import type { HealthBand } from '../domain/records.ts';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';
import type { Block, ListItem, Reply, Tone } from './reply.ts';

export function reply(options: {
  summary: string;
  title?: string;
  band?: HealthBand;
  tone?: Tone;
  audience?: Reply['audience'];
  blocks?: Block[];
}): Reply {
  return {
    tone: options.tone ?? 'info',
    audience: options.audience ?? 'private',
    summary: options.summary,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.band === undefined ? {} : { band: options.band }),
    blocks: options.blocks ?? [],
  };
}

export function text(value: string, style?: 'plain' | 'heading' | 'quote' | 'muted'): Block {
  return style ? { type: 'text', text: value, style } : { type: 'text', text: value };
}

export function heading(value: string): Block {
  return { type: 'text', text: value, style: 'heading' };
}

export function context(value: string): Block {
  return { type: 'context', text: value };
}

/** A list of at most `limit` items, with the total kept so renderers can say how many were left out. */
export function list(
  items: ListItem[],
  options: { heading?: string; empty?: string; limit?: number; total?: number } = {},
): Block {
  const shown = options.limit === undefined ? items : items.slice(0, options.limit);
  return {
    type: 'list',
    items: shown,
    total: options.total ?? items.length,
    ...(options.heading === undefined ? {} : { heading: options.heading }),
    ...(options.empty === undefined ? {} : { empty: options.empty }),
  };
}

export function success(summary: string, blocks: Block[] = []): Reply {
  return reply({ summary, tone: 'success', blocks });
}

/** Placeholders in usage lines, in the reader's language: `<account>` reads `<Konto>` in German. */
const USAGE_WORDS = /<(account|text|title|name|id|what|role|key|date|command|subcommand|task number|account name)>/g;

export function localizedUsage(usage: string, locale: Locale): string {
  if (locale === 'en') return usage;
  return usage.replace(
    USAGE_WORDS,
    (_, word: string) => `<${t(locale, 'usage.word', { word: word.replace(' ', '_') })}>`,
  );
}

export function userError(message: string, locale: Locale, usage?: string): Reply {
  const blocks = usage ? [context(t(locale, 'render.usage', { usage: localizedUsage(usage, locale) }))] : [];
  return { ...reply({ summary: message, tone: 'error', blocks }), locale };
}

/** Cuts text to `max` characters at a word boundary where possible, with an ellipsis. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * The one button of a question asked before a change (reopen a won deal, merge two accounts): it runs `command`,
 * the same command again with its confirmation, as typed text.
 */
export function confirmButton(label: string, command: string): Block {
  return {
    type: 'actions',
    buttons: [{ label, actionId: 'account_choose', value: command, command: `/account ${command}`, style: 'danger' }],
  };
}
