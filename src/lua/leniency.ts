// luaparse 0.3.1 accepts some text that Lua 5.3 rejects (found by differential fuzzing against
// `luac5.3 -p`, see test/fuzz/luac-differential.test.ts). This module watches the nodes luaparse creates and
// finds those places, so that patchlint reports them as Lua would instead of linting a file
// that cannot load:
//  - a call argument list or a return list that starts with a comma: `f(,1)`, `return ,1`
//    (luaparse's parseCallExpression and parseReturnStatement treat the first expression as
//    optional even when a `,` follows);
//  - a number glued to the next characters: `1and x`, `for i=1,2do`, `1..x`. Lua's lexer reads
//    a numeral greedily (digits, hex digits, `.`, exponent signs) and rejects the whole run;
//    luaparse stops at the longest valid number.
// The checks run only on call and number nodes and look at a few characters each: cheap next
// to the parse itself.

export interface Leniency {
  message: string;
  offset: number;
}

interface NodeLike {
  type: string;
  range: [number, number];
  base?: NodeLike;
  arguments?: NodeLike[];
  raw?: string;
}

export interface LeniencyWatcher {
  /** Pass as luaparse's `onCreateNode`. */
  onCreateNode(node: NodeLike): void;
  /** The first place Lua would reject, or null. */
  firstProblem(): Leniency | null;
  /**
   * After luaparse failed at `errorIndex`: the first `(,` or `return ,` before it (an
   * unfinished call's node was never created, so the node check could not see it).
   */
  problemBefore(errorIndex: number): Leniency | null;
}

export function watchLeniencies(source: string): LeniencyWatcher {
  const comments: [number, number][] = [];
  const commaCandidates: [number, number][] = []; // [from, to) before a first argument
  let first: Leniency | null = null;
  const found = (problem: Leniency) => {
    if (!first || problem.offset < first.offset) first = problem;
  };

  return {
    onCreateNode(node) {
      switch (node.type) {
        case 'Comment':
          comments.push(node.range);
          break;
        case 'CallExpression':
        case 'ReturnStatement': {
          const args = node.arguments!;
          if (args.length === 0) break;
          const from = node.type === 'CallExpression' ? node.base!.range[1] : node.range[0] + 'return'.length;
          const to = args[0]!.range[0];
          for (let i = from; i < to; i++) {
            if (source.charCodeAt(i) === 44 /* , */) {
              commaCandidates.push([from, to]);
              break;
            }
          }
          break;
        }
        case 'NumericLiteral': {
          const end = node.range[1];
          if (extendsNumeral(source.charCodeAt(end), node.raw!)) {
            const problem = malformedNumeral(source, node.range[0]);
            if (problem) found(problem);
          }
          break;
        }
        default:
          break;
      }
    },
    firstProblem,
    problemBefore(errorIndex) {
      const problem = firstProblem();
      if (problem && problem.offset < errorIndex) return problem;
      // Only after a syntax error: one pass over the code before it (strings, comments and long
      // brackets skipped by a small lexer, as the error may come before luaparse created their
      // nodes). `(` or `return` then `,` (whitespace between) is never valid Lua.
      let found: Leniency | null = null;
      scanCode(source, errorIndex, (i, c) => {
        if (c !== 44) return false;
        let j = i - 1;
        while (j >= 0 && isSpace(source.charCodeAt(j))) j--;
        if (source.charCodeAt(j) === 40 || (j >= 5 && source.startsWith('return', j - 5) && !isNameChar(source.charCodeAt(j - 6)))) {
          found = { message: "unexpected symbol near ','", offset: i };
          return true;
        }
        return false;
      });
      return found;
    },
  };

  function firstProblem(): Leniency | null {
    for (const [from, to] of commaCandidates) {
      for (let i = from; i < to; i++) {
        if (source.charCodeAt(i) !== 44 || comments.some(([s, e]) => i >= s && i < e)) continue;
        found({ message: "unexpected symbol near ','", offset: i });
        break;
      }
    }
    commaCandidates.length = 0;
    return first;
  }
}

const isHexDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Would Lua's lexer keep reading after this literal? (fast path: almost never) */
function extendsNumeral(next: number, raw: string): boolean {
  if (isHexDigit(next) || next === 46 /* . */) return true;
  const hex = raw.length > 1 && (raw.charCodeAt(1) | 32) === 120; /* x */
  return hex && (next | 32) === 112; /* p */
}

const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEXADECIMAL = /^0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?$/;

/** Reads a numeral the way Lua 5.3's read_numeral does and checks it as luaO_str2num would. */
function malformedNumeral(source: string, start: number): Leniency | null {
  let i = start;
  let exponent = 'Ee';
  if (source[i] === '0' && (source[i + 1] === 'x' || source[i + 1] === 'X')) {
    i += 2;
    exponent = 'Pp';
  }
  for (;;) {
    const ch = source[i];
    if (ch === undefined) break;
    if (exponent.includes(ch)) {
      i++;
      if (source[i] === '+' || source[i] === '-') i++;
    } else if (isHexDigit(source.charCodeAt(i)) || ch === '.') i++;
    else break;
  }
  const numeral = source.slice(start, i);
  if (DECIMAL.test(numeral) || HEXADECIMAL.test(numeral)) return null;
  return { message: `malformed number near '${numeral}'`, offset: start };
}

/**
 * `[` then `=`s without a second `[` is a lexical error in Lua (`invalid long string delimiter
 * near '[='`), which luaparse reports at the token before it as "'[' expected": the first one in
 * the code, or null.
 */
export function invalidLongBracket(source: string): Leniency | null {
  let found: Leniency | null = null;
  scanCode(source, source.length, (i, c) => {
    if (c !== 91 || source.charCodeAt(i + 1) !== 61) return false;
    let j = i + 1;
    while (source.charCodeAt(j) === 61) j++;
    if (source.charCodeAt(j) === 91) return false;
    found = { message: `invalid long string delimiter near '${source.slice(i, j)}'`, offset: i };
    return true;
  });
  return found;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Calls `visit` for every character of code before `limit`, skipping short strings, long
 * strings and comments, until it returns true. Linear: each character is read once.
 */
function scanCode(source: string, limit: number, visit: (offset: number, code: number) => boolean): void {
  let i = 0;
  const end = Math.min(limit, source.length);
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === 34 || c === 39) { // a short string: to its quote or the line's end
      i++;
      while (i < source.length) {
        const d = source.charCodeAt(i);
        if (d === c || d === 10 || d === 13) break;
        i += d === 92 ? 2 : 1;
      }
      i++;
    } else if (c === 45 && source.charCodeAt(i + 1) === 45) { // a comment
      const long = source.charCodeAt(i + 2) === 91 ? longBracketClose(source, i + 2) : -1;
      if (long >= 0) i = long;
      else {
        i += 2;
        while (i < source.length && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
      }
    } else if (c === 91 && longBracketClose(source, i) >= 0) i = longBracketClose(source, i);
    else {
      if (visit(i, c)) return;
      i++;
    }
  }
}

/** `[==[ … ]==]` at `at`: the offset past its end (or the text's end); -1 if `at` opens none. */
function longBracketClose(source: string, at: number): number {
  let level = 0;
  let i = at + 1;
  while (source.charCodeAt(i) === 61) {
    level++;
    i++;
  }
  if (source.charCodeAt(i) !== 91) return -1;
  const close = `]${'='.repeat(level)}]`;
  const found = source.indexOf(close, i + 1);
  return found < 0 ? source.length : found + close.length;
}
