// The only module that knows luaparse. Fixed options, BOM and `#` first line handling, and
// errors turned into positions we compute ourselves (luaparse's own columns are inconsistent).
import luaparse from 'luaparse';
import type { Chunk } from './lua-ast.js';

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

/**
 * Makes the text parseable without moving any offset: a BOM becomes a space and a first line
 * starting with `#` (a shebang, which Lua skips) is blanked.
 */
export function prepareSource(text: string): string {
  let source = text;
  if (source.charCodeAt(0) === 0xfeff) source = ` ${source.slice(1)}`;
  const hash = source.charCodeAt(0) === 35 ? 0 : source.charCodeAt(0) === 32 && text.charCodeAt(0) === 0xfeff && source.charCodeAt(1) === 35 ? 1 : -1;
  if (hash >= 0) {
    let end = source.indexOf('\n', hash);
    const cr = source.indexOf('\r', hash);
    if (end < 0 || (cr >= 0 && cr < end)) end = cr;
    if (end < 0) end = source.length;
    source = source.slice(0, hash) + ' '.repeat(end - hash) + source.slice(end);
  }
  return source;
}

export function parseLua(text: string): ParseOutcome {
  const source = prepareSource(text);
  try {
    const ast = luaparse.parse(source, OPTIONS) as Chunk;
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof RangeError) {
      return { ok: false, message: 'too deeply nested to analyse (the parser ran out of stack)', offset: 0, tooDeep: true };
    }
    const e = error as { message?: string; index?: number };
    if (typeof e.index !== 'number') throw error;
    const message = String(e.message ?? 'syntax error').replace(/^\[\d+:\d+\]\s*/, '');
    return { ok: false, message, offset: Math.min(Math.max(e.index, 0), text.length), tooDeep: false };
  }
}
