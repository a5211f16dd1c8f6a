// A strict JSON parser that says where it failed (line and column) and rejects duplicate
// keys, which JSON.parse silently lets the last one win. Config files are small: clarity over speed.

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

export interface ParseJsonOptions {
  /** Duplicate keys are errors only inside this top-level key's value (package.json: "patchlint"). */
  strictBelow?: string;
}

export function parseJson(text: string, options: ParseJsonOptions = {}): unknown {
  const everywhere = options.strictBelow === undefined;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string, at = i, showFound = true): never => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    const found = at >= text.length ? 'end of file' : JSON.stringify(text[at]);
    throw new JsonSyntaxError(showFound ? `${what}, found ${found}` : what, line, at - lineStart + 1);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string, value: unknown) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail('expected a JSON value');
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail('unescaped control character in a string');
      if (text[i] === '\\') {
        const n = text[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape', i + 1);
          i += 6;
          continue;
        }
        if (n === undefined || !'"\\/bfnrt'.includes(n)) fail('invalid escape in a string', i + 1);
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string', start);
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const number = (): number => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail('expected a JSON value');
    i += match[0].length;
    return Number(match[0]);
  };
  const value = (depth: number, strict = everywhere): unknown => {
    if (depth > 200) fail('nested too deeply');
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[i] === '}') {
        i++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail('expected a double-quoted property name');
        const keyAt = i;
        const key = string();
        const ours = strict || (depth === 0 && key === options.strictBelow);
        if (ours && Object.prototype.hasOwnProperty.call(object, key)) fail(`duplicate property ${JSON.stringify(key)}`, keyAt, false);
        skipSpace();
        if (text[i] !== ':') fail("expected ':' after a property name");
        i++;
        Object.defineProperty(object, key, { value: value(depth + 1, ours), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return object;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const array: unknown[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return array;
      }
      for (;;) {
        array.push(value(depth + 1, strict));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return array;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    return number();
  };

  const result = value(0);
  skipSpace();
  if (i < text.length) fail('unexpected text after the JSON value');
  return result;
}
