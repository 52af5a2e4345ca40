/**
 * JSON.parse with errors a person can act on: Node's messages do not always give a position,
 * so on failure a small scanner finds where the text stops being JSON (line and column).
 */

export class JsonSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${message}`);
    this.line = line;
    this.column = column;
  }
}

/** Offset of the first syntax error in `text` and what was expected there. */
function firstError(text: string): { at: number; expected: string } {
  let i = 0;
  const fail = (expected: string): never => {
    throw { at: i, expected };
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20)
        fail('a closing quote (control characters must be escaped)');
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail('a quoted key');
        string();
        space();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!number) fail('a value');
    i += number![0].length;
  };
  try {
    value();
    space();
    if (i < text.length) fail('the end of the document');
  } catch (error) {
    if (error && typeof error === 'object' && 'at' in error)
      return error as { at: number; expected: string };
    throw error;
  }
  return { at: i, expected: 'valid JSON' };
}

/** Parses JSON (a leading BOM is ignored); throws JsonSyntaxError with line and column. */
export function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch {
    const { at, expected } = firstError(body);
    const before = body.slice(0, at).split('\n');
    const found = at < body.length ? JSON.stringify(body[at]) : 'the end of the file';
    throw new JsonSyntaxError(
      `expected ${expected}, found ${found}`,
      before.length,
      before[before.length - 1].length + 1
    );
  }
}

/**
 * The line on which each object of the records array starts: the top-level array, or the
 * array under a top-level key (`{ "records": [...] }`). Used to give JSON rows line numbers.
 */
export function recordLines(text: string): number[] {
  const body = text.replace(/^\uFEFF/, '');
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  const recordDepth = body.trimStart().startsWith('[') ? 1 : 2;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (c === '{' && depth === recordDepth) lines.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return lines;
}
