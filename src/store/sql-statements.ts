// A migration script as the statements SQLite runs one by one: split at the semicolons that end a statement, not at
// those inside quotes, comments or a trigger's BEGIN … END body. Comments are dropped; each statement is trimmed.

export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let depth = 0;
  let i = 0;
  const flush = () => {
    const statement = current.trim();
    if (statement) statements.push(statement);
    current = '';
    depth = 0;
  };
  while (i < script.length) {
    const char = script[i] ?? '';
    const next = script[i + 1] ?? '';
    if (char === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end + 1;
      current += ' ';
      continue;
    }
    if (char === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? script.length : end + 2;
      current += ' ';
      continue;
    }
    if (char === "'" || char === '"' || char === '`' || char === '[') {
      const close = char === '[' ? ']' : char;
      let end = i + 1;
      while (end < script.length) {
        if (script[end] === close) {
          // A doubled quote is an escaped quote.
          if (close !== ']' && script[end + 1] === close) end += 2;
          else break;
        } else end++;
      }
      current += script.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(char) && !/[A-Za-z0-9_$]/.test(script[i - 1] ?? ' ')) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(script.slice(i))?.[0] ?? char;
      const upper = word.toUpperCase();
      // Only a trigger has a body of statements; BEGIN elsewhere (BEGIN TRANSACTION) ends with its semicolon.
      if (upper === 'BEGIN' && /^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i.test(current)) depth++;
      else if (upper === 'CASE' && depth > 0) depth++;
      else if (upper === 'END' && depth > 0) depth--;
      current += word;
      i += word.length;
      continue;
    }
    if (char === ';' && depth === 0) {
      flush();
      i++;
      continue;
    }
    current += char;
    i++;
  }
  flush();
  return statements;
}
