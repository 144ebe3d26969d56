// A CSV file as CRMs and spreadsheets write it: UTF-8 with or without a byte-order mark, UTF-16 from Excel's
// "Unicode text", or Windows-1252 from older Excel; comma, semicolon or tab between cells; CRLF or LF; quoted cells
// spanning lines. Every row keeps the line it starts on, so a refused row can be found in an editor.
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { ValidationError } from '../errors.ts';

export interface CsvRow {
  /** The line the row starts on, counting the header as line 1. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** How the bytes were read, e.g. "UTF-8 with BOM", "Windows-1252". */
  encoding: string;
  separator: string;
}

export interface CsvReadOptions {
  /** Any encoding iconv-lite knows ("windows-1252", "latin1", "utf-16le"); detected when absent. */
  encoding?: string;
  /** `,`, `;`, `tab` or `|`; detected from the header line when absent. */
  separator?: string;
}

const SEPARATORS = [',', ';', '\t', '|'] as const;
const SEPARATOR_NAMES: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|' };

/** Bytes to text: a byte-order mark decides; otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252. */
export function decode(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding) {
    if (!iconv.encodingExists(encoding)) {
      throw new ValidationError(`kam-bot does not know the encoding “${encoding}”; try utf-8 or windows-1252.`);
    }
    return { text: iconv.decode(buffer, encoding, { stripBOM: true }), encoding };
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'UTF-8 with BOM' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'UTF-16' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: in practice an Excel export on Windows ("Müller" as a single byte ü).
    return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'Windows-1252' };
  }
}

function separatorOf(name: string): string {
  const separator = SEPARATOR_NAMES[name.toLowerCase()] ?? name;
  if (!(SEPARATORS as readonly string[]).includes(separator)) {
    throw new ValidationError(`--separator takes , ; tab or | (not “${name}”).`);
  }
  return separator;
}

/** The separator used most in the header line, outside quotes. */
function detectSeparator(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let most = 0;
  for (const separator of SEPARATORS) {
    const count = unquoted.split(separator).length - 1;
    if (count > most) {
      best = separator;
      most = count;
    }
  }
  return best;
}

function parseFailure(error: unknown): never {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const where = line ? `Around line ${line}` : 'The file';
    const why =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell is never closed (a " is missing)'
        : error.message.replace(/\.$/, '');
    throw new ValidationError(`${where}: ${why}; nothing was imported.`);
  }
  throw error;
}

export function readCsv(bytes: Uint8Array, options: CsvReadOptions = {}): CsvTable {
  const decoded = decode(bytes, options.encoding);
  let text = decoded.text;
  let skippedLines = 0;
  // Excel writes a "sep=;" line first when it was told the separator.
  const directive = /^sep=(.)\r?\n/.exec(text);
  if (directive) {
    text = text.slice(directive[0].length);
    skippedLines = 1;
  }
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const separator = options.separator
    ? separatorOf(options.separator)
    : directive
      ? separatorOf(directive[1] ?? ',')
      : detectSeparator(firstLine);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(text, {
      delimiter: separator,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    parseFailure(error);
  }
  const rows = withLines(text, records, skippedLines);
  const [header, ...data] = rows;
  if (!header) throw new ValidationError('The file is empty: it needs a header row and at least one row of data.');
  return {
    header: header.cells.map((cell) => cell.trim()),
    // Rows of nothing but empty cells are what spreadsheets leave below the data.
    rows: data.filter((row) => row.cells.some((cell) => cell.trim() !== '')),
    encoding: decoded.encoding,
    separator,
  };
}

/**
 * The line each record starts on. csv-parse reports where a record ends (in characters of the text); the next one
 * starts after it, past any empty lines.
 */
function withLines(text: string, records: { record: string[]; info: { bytes: number } }[], skipped: number): CsvRow[] {
  const rows: CsvRow[] = [];
  let position = 0;
  let line = 1 + skipped;
  for (const { record, info } of records) {
    while (position < text.length && (text[position] === '\n' || text[position] === '\r')) {
      if (text[position] === '\n') line++;
      position++;
    }
    rows.push({ line, cells: record });
    for (let at = position; at < info.bytes && at < text.length; at++) if (text[at] === '\n') line++;
    position = info.bytes;
  }
  return rows;
}
