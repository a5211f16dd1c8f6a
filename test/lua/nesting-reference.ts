// The plain version of src/lua/nesting.ts's tooDeepAt (a charCodeAt loop, JS array stacks,
// closures), kept as the reference the fast byte lexer must agree with on every input
// (test/lua/nesting-reference.test.ts). Change both together, or neither.
import { MAX_NESTING } from '../../src/lua/nesting.js';

const enum Open {
  Bracket,
  Block,
  /** `while`/`for` before their `do`. */
  LoopHeader,
}

/** Offset of the token that opens the MAX_NESTING-th nested construct, or -1. */
export function referenceTooDeepAt(source: string): number {
  if (NAME_CHAR.length === 0) NAME_CHAR = nameCharTable();
  const stack: Open[] = [];
  /** `..` in the current chain, per open construct (index 0: outside any). */
  const chains: number[] = [0];
  /** Prefix operators (`not`, `#`, unary `-`) and `^` in the current run, per open construct. */
  const tight: number[] = [0];
  /** The last token ended an operand: a `-` after it is binary, else a prefix operator. */
  let afterOperand = false;
  const n = source.length;
  let i = 0;
  /** After `function`: its parameter list, which adds no level in Lua (and nests nothing). */
  let parametersNext = false;
  const push = (kind: Open, at: number) => {
    stack.push(kind);
    chains.push(0);
    tight.push(0);
    afterOperand = false;
    return stack.length >= MAX_NESTING ? at : -1;
  };
  const pop = () => {
    if (stack.length === 0) return;
    stack.pop();
    chains.pop();
    tight.pop();
  };
  /** A token that ends a `..` chain in the current construct (when unsure: end it, count less). */
  const breakChain = () => {
    chains[chains.length - 1] = 0;
    tight[tight.length - 1] = 0;
  };
  /** A prefix operator or `^`: the offset if it goes one level too deep, else -1. */
  const tighter = (at: number) => {
    const top = stack.length;
    return top + chains[top]! + ++tight[top]! >= MAX_NESTING ? at : -1;
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    // Spaces and tabs first: the most common characters by far.
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    // Names and keywords.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      const start = i;
      i++;
      while (i < n && NAME_CHAR[source.charCodeAt(i)] === 1) i++;
      const word = keywordAt(source, start, i - start);
      afterOperand = word === null || word === 'end';
      if (word === null) continue;
      let found = -1;
      if (word === 'not') found = tighter(start);
      else if (word === 'function' || word === 'if' || word === 'repeat') {
        found = push(Open.Block, start);
        parametersNext = word === 'function';
      } else if (word === 'while' || word === 'for') found = push(Open.LoopHeader, start);
      else if (word === 'do') {
        if (stack[stack.length - 1] === Open.LoopHeader) stack[stack.length - 1] = Open.Block;
        else found = push(Open.Block, start);
      } else if (word === 'end' || word === 'until') pop();
      else breakChain(); // and, or, local, return, …
      if (found >= 0) return found;
      continue;
    }
    // Numbers: digits, letters, `.` (exponent signs are read as operators, harmlessly).
    if (c >= 48 && c <= 57) {
      i++;
      while (i < n && (isNameChar(source.charCodeAt(i)) || source.charCodeAt(i) === 46)) i++;
      afterOperand = true;
      continue;
    }
    if (c === 40 && parametersNext) {
      parametersNext = false;
      while (i < n && source.charCodeAt(i) !== 41) i++;
      i++;
      continue;
    }
    switch (c) {
      case 40: // (
      case 123: { // {
        const found = push(Open.Bracket, i);
        if (found >= 0) return found;
        i++;
        break;
      }
      case 91: { // [ : a long string, or an index bracket
        const end = longBracketEnd(source, i);
        if (end >= 0) {
          i = end;
          afterOperand = true;
          break;
        }
        const found = push(Open.Bracket, i);
        if (found >= 0) return found;
        i++;
        break;
      }
      case 41: // )
      case 125: // }
      case 93: // ]
        pop();
        afterOperand = true;
        i++;
        break;
      case 46: // . : `..` continues a chain, `...` and `.` are operands
        if (source.charCodeAt(i + 1) === 46 && source.charCodeAt(i + 2) !== 46) {
          tight[tight.length - 1] = 0;
          afterOperand = false;
          const count = ++chains[chains.length - 1]!;
          if (stack.length + count >= MAX_NESTING) return i;
          i += 2;
        } else {
          afterOperand = source.charCodeAt(i + 1) === 46;
          i += afterOperand ? 3 : 1;
        }
        break;
      // Whitespace changes nothing.
      case 32: case 9: case 10: case 13: case 11: case 12:
        i++;
        break;
      // Binary operators that bind tighter than `..` keep the chain going but end a run of prefix
      // operators and `^`: + * / % :. Everything else (= , ; comparisons, bitwise operators) ends both.
      case 43: case 42: case 47: case 37: case 58:
        tight[tight.length - 1] = 0;
        afterOperand = false;
        i++;
        break;
      case 94: // ^
      case 35: { // #
        const found = tighter(i);
        if (found >= 0) return found;
        afterOperand = false;
        i++;
        break;
      }
      case 45: // - : a comment?
        if (source.charCodeAt(i + 1) === 45) {
          const end = source.charCodeAt(i + 2) === 91 ? longBracketEnd(source, i + 2) : -1;
          if (end >= 0) i = end;
          else {
            i += 2;
            while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
          }
        } else { // minus binds tighter than `..`: binary after an operand, else a prefix operator
          if (afterOperand) tight[tight.length - 1] = 0;
          else if (tighter(i) >= 0) return i;
          afterOperand = false;
          i++;
        }
        break;
      case 34: // "
      case 39: { // '
        i++;
        while (i < n) {
          const d = source.charCodeAt(i);
          if (d === c || d === 10 || d === 13) break;
          i += d === 92 ? 2 : 1; // a backslash escapes the next character (a quote, a line break)
        }
        i++;
        afterOperand = true;
        break;
      }
      default:
        breakChain();
        afterOperand = false;
        i++;
    }
  }
  return -1;
}

/** Keywords that open or close a construct, end a `..` chain, or are a prefix operator (all but the operands `nil`, `true`, `false`). */
const KEYWORDS_BY_LENGTH: Record<number, string[]> = {
  2: ['if', 'do', 'or', 'in'], 3: ['for', 'end', 'and', 'not'], 4: ['then', 'else', 'goto'], 5: ['while', 'until', 'local', 'break'],
  6: ['repeat', 'return', 'elseif'], 8: ['function'],
};

/** The keyword spelled by the name at `start`, or null (no string is built for other names). */
function keywordAt(source: string, start: number, length: number): string | null {
  const candidates = KEYWORDS_BY_LENGTH[length];
  if (!candidates) return null;
  const first = source.charCodeAt(start);
  // The first letter rules out most names before any string comparison.
  for (const k of candidates) if (k.charCodeAt(0) === first && source.startsWith(k, start)) return k;
  return null;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** isNameChar as a table over every UTF-16 code unit (64 KB, built on the first call, not at import). */
let NAME_CHAR: Uint8Array = new Uint8Array(0);
function nameCharTable(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 128; c++) if (isNameChar(c)) table[c] = 1;
  return table;
}

/** `[==[ … ]==]` starting at `at`: the offset just past its end (or the text's end); -1 if `at` opens no long bracket. */
function longBracketEnd(source: string, at: number): number {
  let level = 0;
  let i = at + 1;
  while (source.charCodeAt(i) === 61) {
    level++;
    i++;
  }
  if (source.charCodeAt(i) !== 91) return -1;
  const close = `]${'='.repeat(level)}]`;
  const end = source.indexOf(close, i + 1);
  return end < 0 ? source.length : end + close.length;
}
