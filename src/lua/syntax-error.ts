// Turns a luaparse syntax error into the message and offset patchlint reports.
//  - Errors raised by its lexer (bad strings, escapes, numbers) carry the lexer's position,
//    which is past the problem (on the next line for an unfinished string); the problem text
//    is quoted in the message (`near '"abc'`), so point at its start, as ESLint points at the
//    start of a bad token.
//  - A character that starts no Lua token (`@`, `$`, a NUL, a non-breaking space) is reported
//    by luaparse as "unexpected symbol 'X' near 'Y'", where Y is the token before it, or a
//    token left over from the previous file when X comes first. Say it as Lua does instead:
//    "unexpected symbol near 'X'", with X as a code point when it is not printable ASCII (a
//    non-breaking space pasted from a web page looks like a space).
const LEXER_ERROR = /^(?:unfinished string|invalid escape sequence|hexadecimal digit expected|decimal escape too large|UTF-8 value too large|missing '[{}]'|malformed number) near '([\s\S]*)'$/;
const STRAY_CHARACTER = /^unexpected symbol '([\s\S])' near '[\s\S]*'$/;
const STARTS_A_TOKEN = /[\w \t\n\r\v\f+\-*/%^#&~|<>=(){}[\];:,."']/;

export interface SyntaxErrorReport {
  message: string;
  offset: number;
}

export function locateSyntaxError(source: string, index: number, message: string): SyntaxErrorReport {
  const stray = STRAY_CHARACTER.exec(message)?.[1];
  if (stray !== undefined && !STARTS_A_TOKEN.test(stray) && source[index] === stray) {
    return { message: `unexpected symbol near '${visible(stray)}'`, offset: index };
  }
  const near = LEXER_ERROR.exec(message)?.[1];
  if (near === undefined) return { message, offset: index };
  // The quoted text ends at most a character past the lexer's position, at most two before it.
  const start = source.lastIndexOf(near, index);
  return { message, offset: start >= 0 && start + near.length >= index - 2 ? start : index };
}

function visible(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp > 0x20 && cp < 0x7f ? ch : `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}
