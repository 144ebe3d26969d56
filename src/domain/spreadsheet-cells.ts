// Spreadsheets run a cell that begins with =, +, -, @, tab or carriage return as a formula, so a note reading
// "=HYPERLINK(…)" exported as it is would run on the reader's machine (CSV injection). An export writes such a
// text cell with one apostrophe in front, as OWASP advises and as spreadsheets write literal text themselves, and
// an import takes exactly one away again. Text that already begins with apostrophes before such a character gets
// one more, so every text survives the round trip as written.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const TRIGGER = /^[=+\-@\t\r]/;

/** The text as a CSV cell that no spreadsheet runs. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** What `guardFormula` was given: one apostrophe less where it added one. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * A cell without the spaces around it, except where trimming would make it a formula: "\t=1+1" keeps its tab
 * (the tab is what keeps it text), trailing space goes either way.
 */
export function trimCell(cell: string): string {
  const trimmed = cell.trim();
  const lead = cell.slice(0, cell.length - cell.trimStart().length);
  return /[\t\r]/.test(lead) && TRIGGER.test(trimmed) ? cell.trimEnd() : trimmed;
}
