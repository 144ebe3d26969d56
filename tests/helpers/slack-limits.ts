// An independent check of Block Kit payloads against Slack's limits, written from the table in the shared Slack
// notes (platform/slack/README.md, "Block Kit and message limits"), not from the renderer's constants: a renderer
// bug in a constant must not hide in the check as well.

export type SlackSurface = 'message' | 'modal' | 'home';

const BLOCKS_MAX: Record<SlackSurface, number> = { message: 50, modal: 100, home: 100 };
const MESSAGE_TEXT_TOTAL_MAX = 11_000;
const MESSAGE_FALLBACK_TEXT_MAX = 40_000;
const ID_MAX = 255;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly violations: string[] = [];
  private readonly blockIds = new Set<string>();

  fail(where: string, message: string): void {
    this.violations.push(`${where}: ${message}`);
  }

  /** A text object: plain_text or mrkdwn, non-empty, within `max`. */
  text(value: unknown, where: string, options: { max?: number; plainOnly?: boolean } = {}): void {
    if (!isObject(value)) {
      this.fail(where, 'is not a text object');
      return;
    }
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
      this.fail(where, `text object type is ${String(value.type)}, not plain_text or mrkdwn`);
      return;
    }
    if (options.plainOnly && value.type !== 'plain_text') this.fail(where, 'must be plain_text');
    if (value.type === 'mrkdwn' && 'emoji' in value) this.fail(where, 'mrkdwn text cannot have `emoji`');
    if (value.type === 'plain_text' && 'verbatim' in value) this.fail(where, 'plain_text cannot have `verbatim`');
    if (typeof value.text !== 'string' || value.text.trim().length === 0) {
      this.fail(where, 'text is empty');
      return;
    }
    if (options.max !== undefined && value.text.length > options.max) {
      this.fail(where, `text is ${value.text.length} characters, more than ${options.max}`);
    }
  }

  optionalText(value: unknown, where: string, options: { max?: number; plainOnly?: boolean } = {}): void {
    if (value !== undefined) this.text(value, where, options);
  }

  id(value: unknown, where: string, name: string): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || value.length === 0) {
      this.fail(where, `${name} is not a non-empty string`);
      return;
    }
    if (value.length > ID_MAX) this.fail(where, `${name} is ${value.length} characters, more than ${ID_MAX}`);
  }

  blockId(value: unknown, where: string): void {
    this.id(value, where, 'block_id');
    if (typeof value !== 'string') return;
    if (this.blockIds.has(value)) this.fail(where, `block_id "${value}" is used twice`);
    this.blockIds.add(value);
  }

  option(value: unknown, where: string): string | undefined {
    if (!isObject(value)) {
      this.fail(where, 'is not an option object');
      return undefined;
    }
    this.text(value.text, `${where}.text`, { max: 75, plainOnly: true });
    this.optionalText(value.description, `${where}.description`, { max: 75, plainOnly: true });
    if (typeof value.value !== 'string' || value.value.length === 0) this.fail(where, 'option value is empty');
    else if (value.value.length > 75)
      this.fail(where, `option value is ${value.value.length} characters, more than 75`);
    return typeof value.value === 'string' ? value.value : undefined;
  }

  options(value: unknown, where: string, min: number, max: number): string[] {
    if (!Array.isArray(value)) {
      this.fail(where, 'options is not an array');
      return [];
    }
    if (value.length < min || value.length > max) {
      this.fail(where, `${value.length} options; Slack takes ${min} to ${max}`);
    }
    const values = value.map((option, index) => this.option(option, `${where}[${index}]`));
    if (new Set(values).size !== values.length) this.fail(where, 'option values repeat');
    return values.filter((item): item is string => item !== undefined);
  }

  element(element: unknown, where: string): string | undefined {
    if (!isObject(element)) {
      this.fail(where, 'is not an element');
      return undefined;
    }
    this.id(element.action_id, where, 'action_id');
    this.optionalText(element.placeholder, `${where}.placeholder`, { max: 150, plainOnly: true });
    switch (element.type) {
      case 'button':
        this.text(element.text, `${where}.text`, { max: 75, plainOnly: true });
        if (element.value !== undefined) {
          if (typeof element.value !== 'string') this.fail(where, 'button value is not a string');
          else if (element.value.length > 2_000) {
            this.fail(where, `button value is ${element.value.length} characters, more than 2000`);
          }
        }
        if (typeof element.url === 'string' && element.url.length > 3_000) this.fail(where, 'button url over 3000');
        if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
          this.fail(where, `button style ${String(element.style)}`);
        }
        break;
      case 'static_select': {
        const values = this.options(element.options, `${where}.options`, 1, 100);
        if (element.initial_option !== undefined) {
          const initial = this.option(element.initial_option, `${where}.initial_option`);
          if (initial !== undefined && !values.includes(initial)) {
            this.fail(where, 'initial_option is not one of the options');
          }
        }
        break;
      }
      case 'external_select':
        if (element.initial_option !== undefined) this.option(element.initial_option, `${where}.initial_option`);
        if (element.min_query_length !== undefined) {
          const min = element.min_query_length;
          if (typeof min !== 'number' || !Number.isInteger(min) || min < 0) this.fail(where, 'bad min_query_length');
        }
        break;
      case 'users_select':
        if (element.initial_user !== undefined && !/^[UW][A-Z0-9]+$/.test(String(element.initial_user))) {
          this.fail(where, `initial_user ${String(element.initial_user)} is not a Slack user id`);
        }
        break;
      case 'datepicker':
        if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))) {
          this.fail(where, `initial_date ${String(element.initial_date)} is not YYYY-MM-DD`);
        }
        break;
      case 'plain_text_input': {
        const { max_length: maxLength, min_length: minLength, initial_value: initial } = element;
        if (maxLength !== undefined && (typeof maxLength !== 'number' || maxLength < 1 || maxLength > 3_000)) {
          this.fail(where, `max_length ${String(maxLength)} is not 1 to 3000`);
        }
        if (minLength !== undefined && (typeof minLength !== 'number' || minLength < 0 || minLength > 3_000)) {
          this.fail(where, `min_length ${String(minLength)} is not 0 to 3000`);
        }
        if (initial !== undefined) {
          if (typeof initial !== 'string') this.fail(where, 'initial_value is not a string');
          else if (typeof maxLength === 'number' && initial.length > maxLength) {
            this.fail(where, `initial_value is ${initial.length} characters, longer than max_length ${maxLength}`);
          }
        }
        break;
      }
      case 'overflow':
        this.options(element.options, `${where}.options`, 2, 5);
        break;
      case 'checkboxes':
      case 'radio_buttons':
        if (!Array.isArray(element.options) || element.options.length < 1 || element.options.length > 10) {
          this.fail(where, 'needs 1 to 10 options');
        }
        break;
      case 'image':
        break;
      default:
        this.fail(where, `unknown element type ${String(element.type)}`);
    }
    return typeof element.action_id === 'string' ? element.action_id : undefined;
  }

  block(block: unknown, where: string, surface: SlackSurface): void {
    if (!isObject(block)) {
      this.fail(where, 'is not a block');
      return;
    }
    this.blockId(block.block_id, where);
    switch (block.type) {
      case 'header':
        this.text(block.text, `${where}.text`, { max: 150, plainOnly: true });
        break;
      case 'section':
        if (block.text === undefined && block.fields === undefined)
          this.fail(where, 'section has neither text nor fields');
        this.optionalText(block.text, `${where}.text`, { max: 3_000 });
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length === 0 || block.fields.length > 10) {
            this.fail(where, 'fields must be 1 to 10 text objects');
          }
          if (Array.isArray(block.fields)) {
            for (const [index, field] of block.fields.entries()) {
              this.text(field, `${where}.fields[${index}]`, { max: 2_000 });
            }
          }
        }
        if (block.accessory !== undefined) this.element(block.accessory, `${where}.accessory`);
        break;
      case 'context':
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) {
          this.fail(where, 'context needs 1 to 10 elements');
        }
        if (Array.isArray(block.elements)) {
          block.elements.forEach((element, index) => {
            if (isObject(element) && element.type === 'image') return;
            this.text(element, `${where}.elements[${index}]`);
          });
        }
        break;
      case 'actions': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) {
          this.fail(where, 'actions needs 1 to 25 elements');
        }
        const ids = (Array.isArray(block.elements) ? block.elements : []).map((element, index) =>
          this.element(element, `${where}.elements[${index}]`),
        );
        const named = ids.filter((id): id is string => id !== undefined);
        if (new Set(named).size !== named.length) this.fail(where, 'action_ids repeat within the block');
        break;
      }
      case 'input':
        if (surface === 'message') this.fail(where, 'input blocks belong in modals');
        this.text(block.label, `${where}.label`, { max: 2_000, plainOnly: true });
        this.optionalText(block.hint, `${where}.hint`, { max: 2_000, plainOnly: true });
        this.element(block.element, `${where}.element`);
        break;
      case 'divider':
        break;
      default:
        this.fail(where, `unknown block type ${String(block.type)}`);
    }
  }
}

/** Characters in every plain_text and mrkdwn object anywhere in `value`. */
export function totalText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + totalText(item), 0);
  if (!isObject(value)) return 0;
  if ((value.type === 'plain_text' || value.type === 'mrkdwn') && typeof value.text === 'string') {
    return value.text.length;
  }
  return Object.values(value).reduce((sum: number, item) => sum + totalText(item), 0);
}

/** Everything in the payload that Slack would refuse, in words; [] when it is valid. */
export function slackLimitViolations(payload: { text?: string; blocks: unknown[] }, kind: SlackSurface): string[] {
  const check = new Checker();
  const view = payload as unknown as Json;
  if (!Array.isArray(payload.blocks)) return ['blocks is not an array'];
  if (payload.blocks.length > BLOCKS_MAX[kind]) {
    check.fail(kind, `${payload.blocks.length} blocks, more than ${BLOCKS_MAX[kind]}`);
  }
  for (const [index, block] of payload.blocks.entries()) check.block(block, `blocks[${index}]`, kind);

  if (kind === 'message') {
    if (payload.text !== undefined && payload.text.length > MESSAGE_FALLBACK_TEXT_MAX) {
      check.fail('text', `${payload.text.length} characters, more than ${MESSAGE_FALLBACK_TEXT_MAX}`);
    }
    const total = totalText(payload.blocks) + (payload.text?.length ?? 0);
    if (total > MESSAGE_TEXT_TOTAL_MAX) {
      check.fail('message', `${total} characters of text in all, more than ${MESSAGE_TEXT_TOTAL_MAX}`);
    }
  }
  if (kind === 'modal') {
    check.text(view.title, 'title', { max: 24, plainOnly: true });
    check.optionalText(view.submit, 'submit', { max: 24, plainOnly: true });
    check.optionalText(view.close, 'close', { max: 24, plainOnly: true });
    const hasInput = payload.blocks.some((block) => isObject(block) && block.type === 'input');
    if (hasInput && view.submit === undefined) check.fail('submit', 'a modal with inputs needs a submit button');
  }
  if (kind === 'home' && (view.submit !== undefined || view.close !== undefined)) {
    check.fail('home', 'a Home view cannot have submit or close');
  }
  if (kind !== 'message') {
    check.id(view.callback_id, 'view', 'callback_id');
    const metadata = view.private_metadata;
    if (typeof metadata === 'string' && metadata.length > 3_000) {
      check.fail('private_metadata', `${metadata.length} characters, more than 3000`);
    }
  }
  return check.violations;
}

const ENTITY = /&(?:amp|lt|gt);/g;

/**
 * Whether `needle` (raw user text such as `<!channel>` or `&`) appears unescaped in any string of the payload. The
 * three entities Slack knows are taken out first, so an escaped `&amp;` does not count as a raw `&`. Keys in
 * `exempt` (values Slack never parses, e.g. `initial_value`) are skipped.
 */
export function unescapedUserText(payload: unknown, needle: string, exempt: readonly string[] = []): boolean {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) if (!exempt.includes(key)) collect(item);
    }
  };
  collect(payload);
  return strings.some((value) => value.replace(ENTITY, '\u0000').includes(needle));
}
