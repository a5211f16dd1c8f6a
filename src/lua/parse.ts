// The only module that calls luaparse. Fixed options, BOM and `#` first line handling, and
// errors turned into positions we compute ourselves (luaparse's own columns are inconsistent).
import luaparse from 'luaparse';
import type { Chunk } from './ast.js';
import { invalidLongBracket, watchLeniencies } from './leniency.js';
import { locateSyntaxError } from './syntax-error.js';
import { MAX_NESTING, tooDeepAt } from './nesting.js';

export interface ParseSuccess { ok: true; ast: Chunk }
export interface ParseFailure { ok: false; message: string; offset: number; tooDeep: boolean }
export type ParseOutcome = ParseSuccess | ParseFailure;

const OPTIONS = {
  luaVersion: '5.3',
  comments: true,
  ranges: true,
  locations: false,
  scope: false,
  wait: false,
  encodingMode: 'none',
} as const;

const RESET_OPTIONS = { ...OPTIONS, comments: false } as const;

/**
 * Makes the text parseable without moving any offset: a BOM becomes a space and a first line
 * starting with `#` (a shebang, which Lua skips) is blanked.
 */
export function prepareSource(text: string): string {
  let source = text;
  if (source.charCodeAt(0) === 0xfeff) source = ` ${source.slice(1)}`;
  const hash = source.charCodeAt(0) === 35 ? 0 : source.charCodeAt(0) === 32 && text.charCodeAt(0) === 0xfeff && source.charCodeAt(1) === 35 ? 1 : -1;
  if (hash >= 0) {
    // Lua (luaL_loadfile) skips to the first \n, not \r: a lone \r does not end this line.
    let end = source.indexOf('\n', hash);
    if (end < 0) end = source.length;
    source = source.slice(0, hash) + ' '.repeat(end - hash) + source.slice(end);
  }
  return source;
}

export function parseLua(text: string): ParseOutcome {
  const source = prepareSource(text);
  // Text luaparse accepts but Lua rejects (`f(,1)`, `1and x`): reported as Lua would.
  const lenient = watchLeniencies(source);
  // Nesting Lua refuses (and that could overflow the parser's recursion): the same verdict in
  // every thread, at the construct that goes one level too deep.
  const deep = tooDeepAt(source);
  if (deep >= 0) {
    const message = `too deeply nested: ${MAX_NESTING} nested brackets, blocks, functions or operators (Lua 5.3 refuses to load this: too many C levels)`;
    return { ok: false, message, offset: deep, tooDeep: false };
  }
  try {
    // luaparse keeps its lexer's last tokens in module state, and its error messages read them
    // ("near …"): a first-token error would name the previous file's token, or fail on a token
    // that does not exist. Parsing an empty text first resets them (about a microsecond).
    luaparse.parse('', RESET_OPTIONS);
    const ast = luaparse.parse(source, { ...OPTIONS, onCreateNode: lenient.onCreateNode }) as Chunk;
    const problem = lenient.firstProblem();
    if (problem) return { ok: false, message: problem.message, offset: problem.offset, tooDeep: false };
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { ok: false, message: 'too deeply nested to analyse (the parser ran out of stack)', offset: 0, tooDeep: true };
    }
    const e = error as { message?: string; index?: number };
    if (typeof e.index !== 'number') {
      // Not a syntax error: a parser failure on this file must not stop the run.
      return { ok: false, message: `the parser failed on this file: ${String(e.message ?? error)}`, offset: 0, tooDeep: false };
    }
    const message = String(e.message ?? 'syntax error').replace(/^\[\d+:\d+\]\s*/, '');
    // luaparse's lexer says "'[' expected" at the token before a `[=` that opens no long string.
    const bracket = message.startsWith("'[' expected near") ? invalidLongBracket(source) : null;
    const problem = lenient.problemBefore(bracket?.offset ?? e.index) ?? bracket;
    if (problem) return { ok: false, message: problem.message, offset: problem.offset, tooDeep: false };
    const located = locateSyntaxError(source, e.index, message);
    return { ok: false, message: located.message, offset: Math.min(Math.max(located.offset, 0), text.length), tooDeep: false };
  }
}
