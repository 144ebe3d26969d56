// Renders a reply as plain text: the console chat, `kam exec`, and logs. The terminal is a platform too, so user
// text is cleaned of control characters (an escape sequence in a note must not drive the terminal) and of bidi
// controls (display-text.ts).
import { displayable } from '../domain/display-text.ts';
import type { HealthBand } from '../domain/records.ts';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';
import {
  type Block,
  type ChoicesBlock,
  type FieldsBlock,
  type FormBlock,
  type ListBlock,
  localeOf,
  type Reply,
} from './reply.ts';

export const BAND_MARK: Record<HealthBand, string> = { green: '🟢', amber: '🟠', red: '🔴' };

const clean = displayable;

function indent(value: string, prefix: string): string {
  return value
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function renderFields(block: FieldsBlock): string {
  const width = Math.max(...block.fields.map((field) => field.label.length));
  return block.fields
    .map(
      (field) =>
        `  ${`${clean(field.label)}:`.padEnd(width + 2)}${indent(clean(field.value), ' '.repeat(width + 4)).trimStart()}`,
    )
    .join('\n');
}

function renderList(block: ListBlock, locale: Locale): string {
  const lines: string[] = [];
  if (block.heading) lines.push(`\n${clean(block.heading)}`);
  if (block.items.length === 0) lines.push(`  ${clean(block.empty ?? t(locale, 'render.nothing'))}`);
  for (const item of block.items) {
    const mark = item.band ? `${BAND_MARK[item.band]} ` : '';
    lines.push(
      `  • ${mark}${clean(item.title)}${item.text ? ` — ${indent(clean(item.text), '    ').trimStart()}` : ''}`,
    );
    if (item.meta) lines.push(`    ${clean(item.meta)}`);
    if (item.url) lines.push(`    ${clean(item.url)}`);
  }
  const more = block.total - block.items.length;
  if (more > 0) lines.push(`  ${t(locale, 'render.more', { count: more })}`);
  return lines.join('\n');
}

function renderChoices(block: ChoicesBlock): string {
  const lines = [clean(block.prompt)];
  block.choices.forEach((choice, index) => {
    const description = choice.description ? ` — ${clean(choice.description)}` : '';
    const command = choice.command ? `   (${clean(choice.command)})` : '';
    lines.push(`  ${index + 1}. ${clean(choice.label)}${description}${command}`);
  });
  return lines.join('\n');
}

function renderForm(block: FormBlock, locale: Locale): string {
  return block.command
    ? t(locale, 'render.formInConsole', { title: clean(block.title), command: clean(block.command) })
    : t(locale, 'render.formElsewhere', { title: clean(block.title) });
}

function renderBlock(block: Block, locale: Locale): string {
  switch (block.type) {
    case 'text':
      if (block.style === 'heading') return `\n${clean(block.text)}`;
      if (block.style === 'quote') return indent(clean(block.text), '  │ ');
      if (block.style === 'muted') return indent(clean(block.text), '  ');
      return clean(block.text);
    case 'fields':
      return renderFields(block);
    case 'list':
      return renderList(block, locale);
    case 'context':
      return indent(clean(block.text), '  ');
    case 'actions':
      return block.buttons
        .filter((button) => button.command)
        .map((button) => `  → ${clean(button.label)}: ${clean(button.command ?? '')}`)
        .join('\n');
    case 'choices':
      return renderChoices(block);
    case 'form':
      return renderForm(block, locale);
  }
}

export function renderText(reply: Reply): string {
  const locale = localeOf(reply);
  const mark = reply.band ? `  ${BAND_MARK[reply.band]} ${t(locale, `band.${reply.band}`)}` : '';
  const head = reply.title ? `${clean(reply.title)}${mark}` : clean(reply.summary);
  const body = reply.blocks.map((block) => renderBlock(block, locale)).filter((part) => part.length > 0);
  return [head, ...body].join('\n').replace(/\n{3,}/g, '\n\n');
}
