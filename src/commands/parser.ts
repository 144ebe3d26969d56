// Splits what people type into tokens: words, "quoted phrases" (straight or curly quotes, « »), and
// key:value options whose value may be quoted (owner:"Dana Scully"). Offsets are kept so a command can take the
// rest of the line exactly as typed (a note's text, line breaks and all).

export interface Token {
  text: string;
  /** Offset of the token's first character in the input. */
  start: number;
  /** Offset just past the token. */
  end: number;
  quoted: boolean;
  /** Set when the token is name:value. */
  option?: { name: string; value: string };
}

const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»', '„': '“', '‚': '‘' };
const OPTION = /^([a-z][a-z_-]{0,23}):(.*)$/is;

function readQuoted(input: string, at: number): { text: string; end: number } {
  const open = input[at] ?? '';
  const close = CLOSING_QUOTE[open] ?? open;
  let end = input.indexOf(close, at + 1);
  // Curly quotes typed on some keyboards close with a straight one.
  if (end < 0 && open !== '"') end = input.indexOf('"', at + 1);
  // An unclosed quote takes the rest of the line: `show "Acme Corp` still finds Acme Corp.
  if (end < 0) return { text: input.slice(at + 1), end: input.length };
  return { text: input.slice(at + 1, end), end: end + 1 };
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < input.length) {
    while (isSpace(input[at])) at++;
    if (at >= input.length) break;
    const start = at;
    if ((input[at] ?? '') in CLOSING_QUOTE) {
      const quoted = readQuoted(input, at);
      tokens.push({ text: quoted.text, start, end: quoted.end, quoted: true });
      at = quoted.end;
      continue;
    }
    // @"Dana Scully": a person named with spaces.
    if (input[at] === '@' && (input[at + 1] ?? '') in CLOSING_QUOTE) {
      const quoted = readQuoted(input, at + 1);
      tokens.push({ text: `@${quoted.text}`, start, end: quoted.end, quoted: false });
      at = quoted.end;
      continue;
    }
    while (at < input.length && !isSpace(input[at])) at++;
    let word = input.slice(start, at);
    const option = OPTION.exec(word);
    if (option && !(option[2] ?? '').startsWith('//')) {
      const name = (option[1] ?? '').toLowerCase();
      let value = option[2] ?? '';
      const valueStart = start + name.length + 1;
      if ((input[valueStart] ?? '') in CLOSING_QUOTE) {
        const quoted = readQuoted(input, valueStart);
        value = quoted.text;
        at = quoted.end;
        word = input.slice(start, at);
      } else if (input[valueStart] === '@' && (input[valueStart + 1] ?? '') in CLOSING_QUOTE) {
        // owner:@"Katrin Vogel": a person named with spaces, as everywhere else a person is taken.
        const quoted = readQuoted(input, valueStart + 1);
        value = `@${quoted.text}`;
        at = quoted.end;
        word = input.slice(start, at);
      }
      tokens.push({ text: word, start, end: at, quoted: false, option: { name, value } });
      continue;
    }
    tokens.push({ text: word, start, end: at, quoted: false });
  }
  return tokens;
}

export interface CommandLine {
  /** The subcommand as typed, lower case ("" when the line is empty). */
  name: string;
  /** Tokens after the subcommand. */
  tokens: Token[];
  /** Everything after the subcommand, exactly as typed (trimmed). */
  rest: string;
  /** The whole line without the `/account` prefix. */
  text: string;
}

const PREFIX = /^\s*\/?account\b/i;

/** True when the text starts with `/account` or `account`: a command, not a question. */
export function hasCommandPrefix(text: string): boolean {
  return PREFIX.test(text);
}

/** Reads `[/account] <subcommand> <arguments…>`. */
export function parseCommandLine(input: string): CommandLine {
  const text = input.replace(PREFIX, '').trim();
  const tokens = tokenize(text);
  const first = tokens[0];
  if (!first) return { name: '', tokens: [], rest: '', text };
  return { name: first.text.toLowerCase(), tokens: tokens.slice(1), rest: text.slice(first.end).trim(), text };
}
