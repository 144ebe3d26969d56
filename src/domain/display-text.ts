// Characters in user text that no renderer shows as written. C0 and C1 controls (except tab and newline) garble
// a line or drive a terminal. Bidi embedding, override and isolate controls (U+202A–202E, U+2066–2069) reorder
// what follows them, unseen: "invoice \u202Egnp.exe" reads "invoice exe.png". Every renderer (Slack blocks and
// modals, Teams cards, the console, CSV exports) passes user text through these, so what a person reads is what
// was written. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) stay: they reorder no text, and people who
// write right to left use them.

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text without the bidi controls that would make it read differently from how it was written. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Text as a renderer shows it: without control characters (newlines and tabs stay) or bidi controls. */
export function displayable(text: string): string {
  return withoutBidiControls(text.replace(CONTROLS, ''));
}
