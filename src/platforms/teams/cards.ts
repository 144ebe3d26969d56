// Renders the platform-neutral Reply as an Adaptive Card 1.5 for Teams, and a reply's form as a card of inputs.
// The public names live here; the code is in card-text.ts (text, actions, budget), reply-cards.ts and form-cards.ts.
//
// User text never goes where Teams reads markdown or mentions: every string from the Reply model is a TextRun in a
// RichTextBlock (plain text since AC 1.2), never a TextBlock's `text` or a FactSet value. So a note holding
// `[click](https://evil.example)`, `**bold**` or `<at>Boss</at>` shows exactly those characters. Action titles, input
// labels, placeholders and choice titles are plain text in the schema. Control characters are stripped everywhere.
//
// Size: Teams refuses a bot message over its size limit (40 KB was the documented figure until 2025, now 100 KB
// counted as UTF-16; platform/teams/README.md). Every card is kept within CARD_BUDGET_BYTES of UTF-8 JSON, cutting
// long texts at a word boundary with "…" and leaving out trailing list items with "…and N more".
//
// What comes back on Action.Execute (teams-ai routes on the verb; `data` also carries it for handlers):
// - a reply's button: verb = Button.actionId, data `{ verb, value }`;
// - up to 6 choices: one button each, verb = ChoicesBlock.actionId, data `{ verb, value }` with the Choice value;
//   more: an Input.ChoiceSet with id `choice` (values = Choice values) and one "Choose" with data `{ verb }`;
// - a form in a reply: "Open form", verb `form_open`, value JSON `{"formId":…,"state":…}` (state only when set);
// - a form card: verb `form_submit` (or the caller's), data `{ verb, formId, state }` merged with the inputs, whose
//   ids are the field names. An account picked from the list is the account id; typed in a text input (no list
//   given) it is whatever was typed. A user field is always typed text ("name or email").
export {
  type AdaptiveCard,
  CARD_BUDGET_BYTES,
  CARD_SCHEMA,
  CARD_VERSION,
  cardBytes,
  MAX_CARD_BYTES,
} from './card-text.ts';
export { FORM_SUBMIT_VERB, type FormCardOptions, renderFormCard } from './form-cards.ts';
export { CHOICE_INPUT_ID, FORM_OPEN_VERB, renderCard } from './reply-cards.ts';
