// Finds nesting that Lua 5.3 refuses to load, before the parser recurses into it.
//
// Lua's parser counts its own recursion and stops at 200 "C levels" (`too many C levels
// (limit is 200)`). Every nested bracket, table, block or function adds at least one such
// level, so text nested 200 deep in these constructs never loads on AO. luaparse recurses
// too, and overflows the JS stack somewhere in the thousands of levels: at a depth that
// depends on the stack left to it (the main thread, a worker thread and the language server
// differ). Stopping at Lua's limit first makes the verdict the same everywhere.
//
// A `..` chain nests too (it is right-associative: each `..` is one level deeper in Lua and in
// luaparse), so the `..` of one unbroken chain count as levels. So do prefix operators (`not`,
// `#`, unary `-`: each recurses into its operand) and `^` (right-associative): a run of them,
// up to the next other binary operator, adds one level each on top of the chain (`tight`).
//
// A small lexer (strings, long brackets, comments, names, numbers) keeps a stack of open
// brackets and blocks; it is a single pass over character codes.
// It may count fewer levels than Lua (then the parser's own limit still applies), never more.
//
// It runs on every file before the parse, so it is written for speed (1.8× faster than the plain
// version, test/lua/nesting-reference.ts, over the bench corpus): it reads a byte copy of
// the text (codesOf), one table read gives a byte's class, the stacks are typed arrays with a
// depth index, keywords are found by a table read and one comparison of two words
// (KEYWORD_SLOT), line comments and long brackets are skipped with indexOf. Its result must be
// exactly the reference's on every input (test/lua/nesting-reference.test.ts): change
// both together.

import { Buffer } from 'node:buffer';

/** Lua 5.3's LUAI_MAXCCALLS. */
export const MAX_NESTING = 200;

const enum Open {
  Bracket,
  Block,
  /** `while`/`for` before their `do`. */
  LoopHeader,
}

/** What a character starts (its START entry). */
const enum Start {
  /** Anything not listed: ends a `..` chain (`=` `,` `;` comparisons, bitwise operators, non-ASCII). */
  Other,
  /** Whitespace: nothing changes. */
  Skip,
  /** Binary operators that bind tighter than `..` (+ * / % :): keep the chain, end a run of prefix operators and `^`. */
  Loose,
  /** `^` and `#`: one level deeper each, while the run lasts. */
  Tight,
  Name,
  Digit,
  /** `(` `{` */
  Open,
  LeftBracket,
  Close,
  Dot,
  Minus,
  Quote,
}

/** What a keyword does; names that are no keyword do nothing. */
const enum Word {
  None,
  Function,
  /** `if`, `repeat`: a block, not a function. */
  Block,
  /** `while`, `for`: a loop header, until its `do`. */
  Loop,
  Do,
  Close,
  /** and, or, in, then, else, elseif, goto, local, break, return: end a `..` chain. */
  BreakChain,
  /** `not`: a prefix operator. */
  Not,
}

/** Keywords that open or close a construct, end a `..` chain, or are a prefix operator (all but the operands `nil`, `true`, `false`). */
const KEYWORDS: [string, Word][] = [
  ['function', Word.Function], ['if', Word.Block], ['repeat', Word.Block], ['while', Word.Loop], ['for', Word.Loop],
  ['do', Word.Do], ['end', Word.Close], ['until', Word.Close],
  ['and', Word.BreakChain], ['or', Word.BreakChain], ['in', Word.BreakChain], ['then', Word.BreakChain],
  ['else', Word.BreakChain], ['elseif', Word.BreakChain], ['goto', Word.BreakChain], ['local', Word.BreakChain],
  ['break', Word.BreakChain], ['return', Word.BreakChain], ['not', Word.Not],
];
const LONGEST_KEYWORD = 8;

// The tables, over byte values (see codesOf); built on the first call, not at import.
/** Start per byte. */
let START = new Uint8Array(0);
/** 1 for the bytes that continue a name: letters, digits, `_`. */
let NAME_CHAR = new Uint8Array(0);
/** 1 for the bytes that continue a number: name characters and `.` (exponent signs are read as operators, harmlessly). */
let NUMBER_CHAR = new Uint8Array(0);
/** 1 for the bytes that stop the loop over a short string's body: quotes, `\`, line breaks, NUL (the sentinel). */
let STRING_STOP = new Uint8Array(0);
/**
 * A name's slot (keywordSlot: its length and the low 5 bits of its first and last bytes) → the
 * index + 1 in KEYWORDS of the one keyword with that slot, or 0. The name is that keyword when
 * its first 8 bytes, read as two little-endian 32-bit words masked to its length (LOW_MASK,
 * HIGH_MASK), equal the keyword's (KEYWORD_LOW, KEYWORD_HIGH). Index 0 of these holds 0, which
 * no name's low word equals (its first byte is not 0); tooDeepAt stops at slot 0 before reading
 * the words anyway, which saves time on the many names that are no keyword.
 */
let KEYWORD_SLOT = new Uint8Array(0);
let KEYWORD_LOW = new Int32Array(0);
let KEYWORD_HIGH = new Int32Array(0);
let KEYWORD_WORD = new Uint8Array(0);
/** Per name length (up to LONGEST_KEYWORD): the bits of the low and high words that belong to the name. */
let LOW_MASK = new Int32Array(0);
let HIGH_MASK = new Int32Array(0);
/** The open constructs: a stack of Open with `depth` entries. */
let KINDS = new Uint8Array(0);
/** `..` in the current chain, per open construct (index 0: outside any; index d: inside the d-th). */
let CHAINS = new Int32Array(0);
/** Prefix operators and `^` in the current run, per open construct (as CHAINS). */
let TIGHT = new Int32Array(0);

/** Offset of the token that opens the MAX_NESTING-th nested construct, or -1. */
export function tooDeepAt(source: string): number {
  if (START.length === 0) tables();
  const { bytes: codes, view } = codesOf(source);
  const start = START;
  const nameChar = NAME_CHAR;
  const numberChar = NUMBER_CHAR;
  const stringStop = STRING_STOP;
  const slots = KEYWORD_SLOT;
  const keywordLow = KEYWORD_LOW;
  const keywordHigh = KEYWORD_HIGH;
  const lowMask = LOW_MASK;
  const highMask = HIGH_MASK;
  const kinds = KINDS;
  const chains = CHAINS;
  const tight = TIGHT;
  const n = source.length;
  let depth = 0;
  chains[0] = 0;
  tight[0] = 0;
  /** The last token ended an operand (a `-` after it is binary, else unary). */
  let afterOperand = false;
  let i = 0;
  /** After `function`: its parameter list, which adds no level in Lua (and nests nothing). */
  let parametersNext = false;
  /** The first `\r` at or after the last line comment (n when there is none): line comments end at `\n` or `\r`. */
  let nextCR = -1;
  while (i < n) {
    let c = codes[i]!;
    // Runs of spaces (indentation) before the switch: the most common byte.
    if (c === 32) {
      do c = codes[++i]!;
      while (c === 32);
      if (i >= n) break;
    }
    switch (start[c]) {
      case Start.Skip:
        i++;
        break;
      case Start.Name: {
        const first = i;
        do i++;
        while (nameChar[codes[i]!] === 1); // the sentinel stops it
        const length = i - first;
        afterOperand = true;
        if (length > LONGEST_KEYWORD) break;
        // The name's bytes, read as two little-endian words masked to its length, against the keyword of its slot.
        const k = slots[keywordSlot(length, c, codes[i - 1]!)]!;
        if (k === 0) break;
        if ((view.getInt32(first, true) & lowMask[length]!) !== keywordLow[k] || (view.getInt32(first + 4, true) & highMask[length]!) !== keywordHigh[k]) break;
        const word = KEYWORD_WORD[k]!;
        afterOperand = word === Word.Close && length === 3; // `end` (of a function expression); `until` starts an expression
        if (word === Word.Not) {
          if (depth + chains[depth]! + ++tight[depth]! >= MAX_NESTING) return first;
        } else if (word === Word.BreakChain) chains[depth] = tight[depth] = 0;
        else if (word === Word.Close) {
          if (depth > 0) depth--;
        } else if (word === Word.Do && depth > 0 && kinds[depth - 1] === Open.LoopHeader) kinds[depth - 1] = Open.Block;
        else {
          kinds[depth++] = word === Word.Loop ? Open.LoopHeader : Open.Block;
          chains[depth] = tight[depth] = 0;
          if (depth >= MAX_NESTING) return first;
          if (word !== Word.Do && word !== Word.Loop) parametersNext = word === Word.Function;
        }
        break;
      }
      case Start.Digit:
        do i++;
        while (numberChar[codes[i]!] === 1);
        afterOperand = true;
        break;
      case Start.Loose:
        tight[depth] = 0;
        afterOperand = false;
        i++;
        break;
      case Start.Tight:
        if (depth + chains[depth]! + ++tight[depth]! >= MAX_NESTING) return i;
        afterOperand = false;
        i++;
        break;
      case Start.Open: // ( {
        if (c === 40 && parametersNext) {
          parametersNext = false;
          const close = source.indexOf(')', i);
          i = close < 0 ? n : close + 1;
          break;
        }
        kinds[depth++] = Open.Bracket;
        chains[depth] = tight[depth] = 0;
        afterOperand = false;
        if (depth >= MAX_NESTING) return i;
        i++;
        break;
      case Start.LeftBracket: { // a long string, or an index bracket
        const end = longBracketEnd(source, i);
        if (end >= 0) {
          i = end;
          afterOperand = true;
          break;
        }
        kinds[depth++] = Open.Bracket;
        chains[depth] = tight[depth] = 0;
        afterOperand = false;
        if (depth >= MAX_NESTING) return i;
        i++;
        break;
      }
      case Start.Close:
        if (depth > 0) depth--;
        afterOperand = true;
        i++;
        break;
      case Start.Dot: // `..` continues a chain, `...` and `.` are operands
        if (codes[i + 1] === 46 && codes[i + 2] !== 46) {
          tight[depth] = 0;
          afterOperand = false;
          if (depth + ++chains[depth]! >= MAX_NESTING) return i;
          i += 2;
        } else {
          afterOperand = codes[i + 1] === 46;
          i += afterOperand ? 3 : 1;
        }
        break;
      case Start.Minus: // a comment? (else minus, which binds tighter than `..`: binary after an operand, else prefix)
        if (codes[i + 1] !== 45) {
          if (afterOperand) tight[depth] = 0;
          else if (depth + chains[depth]! + ++tight[depth]! >= MAX_NESTING) return i;
          afterOperand = false;
          i++;
          break;
        }
        if (codes[i + 2] === 91) {
          const end = longBracketEnd(source, i + 2);
          if (end >= 0) {
            i = end;
            break;
          }
        }
        {
          // A line comment: to the first line break, found by indexOf (a native scan).
          let end = source.indexOf('\n', i + 2);
          if (end < 0) end = n;
          if (nextCR < i) {
            nextCR = source.indexOf('\r', i + 2);
            if (nextCR < 0) nextCR = n;
          }
          i = end < nextCR ? end : nextCR;
        }
        break;
      case Start.Quote:
        i++;
        while (i < n) {
          while (stringStop[codes[i]!] === 0) i++; // the sentinel stops it
          const d = codes[i]!;
          if (d === c || d === 10 || d === 13) break;
          i += d === 92 ? 2 : 1; // a backslash escapes the next character (a quote, a line break)
        }
        i++;
        afterOperand = true;
        break;
      default: // Start.Other
        chains[depth] = tight[depth] = 0;
        afterOperand = false;
        i++;
    }
  }
  return -1;
}

/** A name's slot in KEYWORD_SLOT: any byte values give an index inside the table. */
function keywordSlot(length: number, first: number, last: number): number {
  return (length << 10) | ((first & 31) << 5) | (last & 31);
}

/** A text's bytes (codesOf) and a DataView on them, to read words. */
interface Codes {
  bytes: Buffer;
  view: DataView;
}

/** Bytes after the text: the sentinel, and room to read a name's 8 bytes as two words. */
const SLACK = 9;
/** A reused buffer, so that a file is copied without an allocation (one at most this big is kept). */
const KEEP_SCRATCH = 1 << 20;
let SCRATCH: Codes | null = null;

/**
 * The text's code units as bytes, followed by a NUL (a sentinel that ends names, numbers and
 * the loop over a short string's body, so these loops need no bounds check; NUL is not a
 * Start.Skip byte, so it also ends a run of spaces). Reading a byte array is faster than
 * charCodeAt. Code units above 0xff (rare) become 0xff: like every non-ASCII unit, no token
 * character. The bytes after the sentinel are left over from earlier texts (masked when read).
 */
function codesOf(source: string): Codes {
  const n = source.length;
  let codes = SCRATCH;
  if (codes === null || codes.bytes.length < n + SLACK) {
    const bytes = Buffer.allocUnsafe(Math.max(n + SLACK, 2 * (codes?.bytes.length ?? 0)));
    codes = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.length) };
    if (bytes.length <= KEEP_SCRATCH) SCRATCH = codes;
  }
  const bytes = codes.bytes;
  // Only ASCII (UTF-8 length = length): a native copy. Else a unit above 0xff would be truncated.
  if (Buffer.byteLength(source, 'utf8') === n) bytes.write(source, 0, 'latin1');
  else for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    bytes[i] = c < 0xff ? c : 0xff;
  }
  bytes[n] = 0;
  return codes;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function tables(): void {
  const start = new Uint8Array(256);
  const nameChar = new Uint8Array(256);
  const numberChar = new Uint8Array(256);
  const stringStop = new Uint8Array(256);
  for (let c = 0; c < 128; c++) {
    if (!isNameChar(c)) continue;
    nameChar[c] = numberChar[c] = 1;
    start[c] = c >= 48 && c <= 57 ? Start.Digit : Start.Name;
  }
  numberChar[46] = 1;
  for (const s of ' \t\n\r\v\f') start[s.charCodeAt(0)] = Start.Skip;
  for (const s of '+*/%:') start[s.charCodeAt(0)] = Start.Loose;
  for (const s of '^#') start[s.charCodeAt(0)] = Start.Tight;
  const starts: [string, Start][] = [
    ['(', Start.Open], ['{', Start.Open], ['[', Start.LeftBracket], [')', Start.Close], ['}', Start.Close], [']', Start.Close],
    ['.', Start.Dot], ['-', Start.Minus], ['"', Start.Quote], ["'", Start.Quote],
  ];
  for (const [s, value] of starts) start[s.charCodeAt(0)] = value;
  // NUL (the sentinel) stops it too; inside a string, the loop goes on after a NUL of the text.
  for (const s of '\n\r\\"\'\0') stringStop[s.charCodeAt(0)] = 1;
  const slots = new Uint8Array(keywordSlot(LONGEST_KEYWORD, 255, 255) + 1);
  const low = new Int32Array(KEYWORDS.length + 1);
  const high = new Int32Array(KEYWORDS.length + 1);
  const words = new Uint8Array(KEYWORDS.length + 1);
  KEYWORDS.forEach(([k, word], index) => {
    const slot = keywordSlot(k.length, k.charCodeAt(0), k.charCodeAt(k.length - 1));
    // Each slot can name one keyword only.
    if (slots[slot] !== 0) throw new Error(`nesting: keywords ${KEYWORDS[slots[slot]! - 1]![0]} and ${k} share a slot`);
    slots[slot] = index + 1;
    for (let j = 0; j < k.length; j++) {
      if (j < 4) low[index + 1] |= k.charCodeAt(j) << (8 * j);
      else high[index + 1] |= k.charCodeAt(j) << (8 * (j - 4));
    }
    words[index + 1] = word;
  });
  const lowMask = new Int32Array(LONGEST_KEYWORD + 1);
  const highMask = new Int32Array(LONGEST_KEYWORD + 1);
  for (let length = 1; length <= LONGEST_KEYWORD; length++) {
    lowMask[length] = length >= 4 ? -1 : (1 << (8 * length)) - 1;
    highMask[length] = length <= 4 ? 0 : length === 8 ? -1 : (1 << (8 * (length - 4))) - 1;
  }
  KINDS = new Uint8Array(MAX_NESTING);
  CHAINS = new Int32Array(MAX_NESTING + 1);
  TIGHT = new Int32Array(MAX_NESTING + 1);
  KEYWORD_SLOT = slots;
  KEYWORD_LOW = low;
  KEYWORD_HIGH = high;
  KEYWORD_WORD = words;
  LOW_MASK = lowMask;
  HIGH_MASK = highMask;
  NAME_CHAR = nameChar;
  NUMBER_CHAR = numberChar;
  STRING_STOP = stringStop;
  START = start;
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
  const close = level === 0 ? ']]' : `]${'='.repeat(level)}]`;
  const end = source.indexOf(close, i + 1);
  return end < 0 ? source.length : end + close.length;
}
