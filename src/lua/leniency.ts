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
  const strings: [number, number][] = []; // only read after a syntax error
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
        case 'StringLiteral':
          strings.push(node.range);
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
      // Only after a syntax error, so a plain scan is cheap enough; `(` or `return` then `,`
      // (whitespace between) is never valid Lua outside strings and comments.
      const inside = (i: number, ranges: [number, number][]) => ranges.some(([s, e]) => i >= s && i < e);
      const pattern = /(?:\(|\breturn)\s*,/g;
      for (let m = pattern.exec(source); m && m.index < errorIndex; m = pattern.exec(source)) {
        const comma = m.index + m[0].length - 1;
        if (comma >= errorIndex || inside(m.index, strings) || inside(m.index, comments)) continue;
        return { message: "unexpected symbol near ','", offset: comma };
      }
      return null;
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
