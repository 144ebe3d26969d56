// The platform-neutral reply: plain data that the Block Kit, Adaptive Card and text renderers turn into each
// platform's form. Every string here is plain text as the person wrote it; renderers escape it for their platform,
// so no reply can carry markup, mentions or links that the bot did not put there on purpose.
import type { HealthBand } from '../domain/records.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.ts';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** The mark a chat surface puts before a reply's summary to show its tone at a glance. */
export const TONE_MARK: Record<Tone, string> = { info: '', success: '✅ ', warning: '⚠️ ', error: '❌ ' };

/** Who sees a reply: lookups answer privately (ephemeral in Slack) unless shared to the channel. */
export type Audience = 'private' | 'channel';

export interface Reply {
  tone: Tone;
  audience: Audience;
  /** One line for notifications and for platforms that show no blocks. */
  summary: string;
  title?: string;
  /** A health band shown beside the title. */
  band?: HealthBand;
  blocks: Block[];
  /** The reader's language, for the words renderers add ("…and 3 more"); the engine sets it on every reply. */
  locale?: Locale;
}

export function localeOf(reply: Reply): Locale {
  return reply.locale ?? DEFAULT_LOCALE;
}

export type Block = TextBlock | FieldsBlock | ListBlock | ContextBlock | ActionsBlock | ChoicesBlock | FormBlock;

export interface TextBlock {
  type: 'text';
  text: string;
  /** `heading` starts a section; `quote` is somebody's words (a note); `muted` is secondary. */
  style?: 'plain' | 'heading' | 'quote' | 'muted';
}

export interface Field {
  label: string;
  value: string;
}

export interface FieldsBlock {
  type: 'fields';
  fields: Field[];
}

export interface ListItem {
  title: string;
  text?: string;
  /** Secondary facts, shown small: "Tier A · Dana Scully · renewal 2027-01-31". */
  meta?: string;
  band?: HealthBand;
  /** A link to the original (a message permalink); only http(s) links are ever rendered. */
  url?: string;
  buttons?: Button[];
}

export interface ListBlock {
  type: 'list';
  heading?: string;
  items: ListItem[];
  /** How many items there are in all; renderers say "…and N more" for those not shown. */
  total: number;
  /** Shown when there are no items. */
  empty?: string;
}

export interface ContextBlock {
  type: 'context';
  text: string;
}

export interface Button {
  label: string;
  /** What the platforms send back when the button is pressed; the registry maps it to a handler. */
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
  /** The command that does the same, for the console where nothing can be clicked. */
  command?: string;
}

export interface ActionsBlock {
  type: 'actions';
  buttons: Button[];
}

export interface Choice {
  label: string;
  description?: string;
  value: string;
  /** The command that picks this choice, for the console. */
  command?: string;
}

/** A question with a few answers to pick from, such as the accounts an ambiguous name could mean. */
export interface ChoicesBlock {
  type: 'choices';
  prompt: string;
  actionId: string;
  choices: Choice[];
}

export type FormFieldKind = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'user' | 'account';

export interface FormField {
  name: string;
  label: string;
  kind: FormFieldKind;
  required?: boolean;
  value?: string;
  /** What to show for `value` where it is an id (the account picker shows the account's name). */
  valueLabel?: string;
  placeholder?: string;
  maxLength?: number;
  options?: { label: string; value: string }[];
}

/** A form (Slack modal, Adaptive Card inputs); the console shows the equivalent command instead. */
export interface FormBlock {
  type: 'form';
  formId: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** Opaque state the platform hands back on submit (e.g. the account id being edited). */
  state?: string;
  /** A line above the fields: what was wrong with the last submission. */
  problem?: string;
  command?: string;
}
