// An independent check of Adaptive Cards for Teams: Microsoft's own parser (the `adaptivecards` package) reports
// unknown elements, bad property values and properties newer than 1.5, and its validation reports missing ids,
// empty choice sets and more than 5 actions in a set (its default host config; Teams' allows 6). On top come the
// Teams rules from platform/teams/README.md: version ≤ 1.5, a size limit, no positive/destructive styles, and a verb
// on every Action.Execute.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';

/** The bytes Teams accepted for a message until 2025 (platform/teams/README.md): the limit kept here. */
const MAX_CARD_BYTES = 40_000;
const MAX_VERSION = { major: 1, minor: 5 };

// The part of the package's API used here. Its `lib/` ESM build does not load in Node; the UMD bundle does.
interface ParseEvent {
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(source: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ParseEvent[] };
  };
  SerializationContext: new (targetVersion?: unknown) => { eventCount: number; getEventAt(index: number): ParseEvent };
  Versions: { v1_5: unknown };
}

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a JSON value, with its path. */
function* objects(value: unknown, path = '$'): Generator<[Json, string]> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* objects(item, `${path}[${index}]`);
  } else if (isObject(value)) {
    yield [value, path];
    for (const [key, item] of Object.entries(value)) yield* objects(item, `${path}.${key}`);
  }
}

function versionProblem(version: unknown): string | null {
  if (typeof version !== 'string') return 'card has no version';
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (!match) return `card version "${version}" is not major.minor`;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const newer = major > MAX_VERSION.major || (major === MAX_VERSION.major && minor > MAX_VERSION.minor);
  return newer ? `card version ${version} is newer than Teams supports (1.5)` : null;
}

/**
 * The properties the Adaptive Cards 1.5 schema allows on each action. Microsoft's parser keeps unknown ones
 * silently, but Teams' schema check does not: a `verb` on Action.Submit is invalid.
 */
const COMMON_ACTION_PROPERTIES = [
  'type',
  'id',
  'title',
  'iconUrl',
  'style',
  'fallback',
  'tooltip',
  'isEnabled',
  'mode',
  'requires',
];
const ACTION_PROPERTIES: Record<string, readonly string[]> = {
  'Action.Submit': [...COMMON_ACTION_PROPERTIES, 'data', 'associatedInputs'],
  'Action.Execute': [...COMMON_ACTION_PROPERTIES, 'data', 'associatedInputs', 'verb'],
  'Action.OpenUrl': [...COMMON_ACTION_PROPERTIES, 'url'],
  'Action.ShowCard': [...COMMON_ACTION_PROPERTIES, 'card'],
  'Action.ToggleVisibility': [...COMMON_ACTION_PROPERTIES, 'targetElements'],
};

function teamsRuleProblems(card: Json): string[] {
  const problems: string[] = [];
  for (const [object, path] of objects(card)) {
    const allowed = typeof object.type === 'string' ? ACTION_PROPERTIES[object.type] : undefined;
    for (const property of allowed ? Object.keys(object) : []) {
      if (!allowed?.includes(property)) {
        problems.push(`${path}: ${String(object.type)} has no property "${property}" in Adaptive Cards 1.5`);
      }
    }
    if (typeof object.type === 'string' && object.type.startsWith('Action.')) {
      if (object.style === 'positive' || object.style === 'destructive') {
        problems.push(`${path}: action style "${object.style}" (Teams does not support it)`);
      }
      if (object.type === 'Action.Execute' && (typeof object.verb !== 'string' || object.verb === '')) {
        problems.push(`${path}: Action.Execute without a verb (teams-ai cannot route it)`);
      }
    }
  }
  return problems;
}

/** What is wrong with a card for Teams; [] when nothing is. */
export function adaptiveCardProblems(card: unknown): string[] {
  if (!isObject(card)) return ['card is not an object'];
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push(`card type is ${String(card.type)}, not AdaptiveCard`);
  const version = versionProblem(card.version);
  if (version) problems.push(version);

  const parsed = new AC.AdaptiveCard();
  // Targeting 1.5 makes the parser also report properties and elements introduced after it.
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`parse: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validation: ${event.message}`);

  problems.push(...teamsRuleProblems(card));
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (size > MAX_CARD_BYTES) problems.push(`card is ${size} bytes, more than ${MAX_CARD_BYTES}`);
  return problems;
}

/** A text property Teams reads as markdown (or as a mention), by the object holding it. */
function markdownTexts(object: Json): unknown[] {
  switch (object.type) {
    case 'TextBlock':
      return [object.text];
    case 'FactSet':
      return Array.isArray(object.facts)
        ? object.facts.flatMap((fact) => (isObject(fact) ? [fact.title, fact.value] : []))
        : [];
    case 'Input.Toggle':
      // Radio buttons and checkboxes render their titles with markdown.
      return [object.title, object.errorMessage];
    case 'Input.ChoiceSet':
      return [
        object.errorMessage,
        ...(object.style === 'expanded' && Array.isArray(object.choices)
          ? object.choices.map((choice) => (isObject(choice) ? choice.title : undefined))
          : []),
      ];
    default:
      // An input's error message is shown in a TextBlock.
      return typeof object.type === 'string' && object.type.startsWith('Input.') ? [object.errorMessage] : [];
  }
}

/**
 * True when `needle` is inside text that Teams renders as markdown: a TextBlock's `text`, a FactSet title or value,
 * and the like. User text belongs in TextRuns, so a needle from user text found here was not kept plain.
 */
export function markdownInjections(card: unknown, needle: string): boolean {
  for (const [object] of objects(card)) {
    if (markdownTexts(object).some((text) => typeof text === 'string' && text.includes(needle))) return true;
  }
  return false;
}

/** Every TextRun text in the card, in order. */
export function textRuns(card: unknown): string[] {
  const runs: string[] = [];
  for (const [object] of objects(card)) {
    if (object.type === 'TextRun' && typeof object.text === 'string') runs.push(object.text);
  }
  return runs;
}
