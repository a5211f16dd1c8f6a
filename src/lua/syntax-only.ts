// A syntax check that builds no tree, for the files that get no patch model (most files of a
// real repository: src/model/prefilter.ts). Such a file still needs its syntax errors reported,
// but luaparse builds a token object for every token and a node for every construct: this
// check, on character codes, is about 4.5 times faster (docs/performance.md).
//
// `parsesCleanly` answers true only when `parseLua` (luaparse with our options, the leniency
// checks and the nesting limit) accepts the text. Where it cannot be sure it answers false and
// the caller runs the full parse, which then reports the error with its message and position:
// this check never produces an error message of its own. So it follows luaparse's grammar (Lua
// 5.3) and its flow checks (`break` in a loop, `...` in a vararg function, `goto` and labels as
// its FullFlowContext), and gives up on everything rare or that luaparse treats in a way of its
// own: `\u{...}` escapes, non-ASCII outside strings and comments, numerals glued to the next
// character (`1and`, `1..x`: leniency.ts), hex fractions and exponents, `1.`, and any error. A
// comment that is a `patchlint-` directive makes it unsure too: the directives are read from the
// full parse's comment nodes. test/lua/syntax-only.test.ts holds it to that, on the fixtures,
// generated corpora and token mutations: it must never accept a text parseLua rejects.
import { DIRECTIVE_PREFIX } from '../shared/directive-prefix.js';
import { tooDeepAt } from './nesting.js';
import { prepareSource } from './parse.js';

/** Thrown when the check cannot be sure; caught in parsesCleanly, never escapes. */
const UNSURE = new Error('syntax-only: unsure');

const enum T {
  EOF, Name, String, Number, Vararg,
  Semi, Comma, Assign, LParen, RParen, LBrace, RBrace, LBracket, RBracket, Dot, Colon,
  /** Operators that are only binary: + * / // % ^ .. == ~= < <= > >= << >> & | and or. */
  Binary,
  /** `-` and `~`: unary or binary. */
  MinusOrTilde,
  /** `#`: unary only. */
  Hash,
  /** `::` around a label. */
  Label,
  Break, Do, Else, Elseif, End, False, For, Function, Goto, If, In, Local, Nil, Not, Repeat, Return, Then, True, Until, While,
}

/** Character classes of ASCII codes: 1 name start, 2 digit, 4 whitespace. */
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) CLASS[c] = 1;
  else if (/[0-9]/.test(ch)) CLASS[c] = 2;
  else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) CLASS[c] = 4;
}
const NAME_START = 1;
const DIGIT = 2;
const SPACE = 4;

/** The closing brackets of long strings and comments, by level: `]]`, `]=]`, … */
const CLOSERS: string[] = [];

let src = '';
let end = 0;
let pos = 0;
let tok: T = T.EOF;
/** The next `\r` at or after the last line comment searched (end when none): line comments end at `\r` or `\n`. */
let nextCR = -1;
/** In the current function: `...` allowed, loops open. */
let vararg = true;
let loops = 0;
/** Recursion depth of blocks and expressions: a guard, far below what could overflow the stack. */
let depth = 0;
const MAX_DEPTH = 400;

/** True only when parseLua(text) would succeed; false when it would fail or this check is unsure. */
export function parsesCleanly(text: string): boolean {
  const source = prepareSource(text);
  src = source;
  end = src.length;
  pos = 0;
  nextCR = -1;
  vararg = true;
  loops = 0;
  depth = 0;
  resetScopes();
  try {
    next();
    pushScope();
    block();
    popScope();
    if (token() !== T.EOF) return false;
  } catch {
    // UNSURE, or anything this check did not foresee: the full parse decides.
    return false;
  } finally {
    src = '';
    resetScopes();
  }
  // Nesting Lua refuses is reported by parseLua (nesting.ts counts levels its own way).
  return tooDeepAt(source) < 0;
}

// ------------------------------------------------------------------ lexer

function next(): void {
  let c = 0;
  for (;;) {
    if (pos >= end) {
      tok = T.EOF;
      return;
    }
    c = src.charCodeAt(pos);
    if (c < 128 && CLASS[c] === SPACE) {
      pos++;
      continue;
    }
    if (c === 45 /* - */ && src.charCodeAt(pos + 1) === 45) {
      comment();
      continue;
    }
    break;
  }
  if (c >= 128) throw UNSURE;
  const cls = CLASS[c]!;
  if (cls === NAME_START) {
    name();
    return;
  }
  if (cls === DIGIT) {
    number();
    return;
  }
  const c1 = src.charCodeAt(pos + 1);
  switch (c) {
    case 34: case 39: // " '
      shortString(c);
      return;
    case 46: // .
      if (c1 >= 48 && c1 <= 57) {
        number();
        return;
      }
      if (c1 === 46) {
        if (src.charCodeAt(pos + 2) === 46) {
          pos += 3;
          tok = T.Vararg;
          return;
        }
        pos += 2;
        tok = T.Binary;
        return;
      }
      pos++;
      tok = T.Dot;
      return;
    case 91: // [
      if (c1 === 91 || c1 === 61) {
        pos = longBracket(pos);
        tok = T.String;
        return;
      }
      pos++;
      tok = T.LBracket;
      return;
    case 61: // = ==
      if (c1 === 61) {
        pos += 2;
        tok = T.Binary;
        return;
      }
      pos++;
      tok = T.Assign;
      return;
    case 60: case 62: // < <= << > >= >>
      pos += c1 === 61 || c1 === c ? 2 : 1;
      tok = T.Binary;
      return;
    case 126: // ~ ~=
      if (c1 === 61) {
        pos += 2;
        tok = T.Binary;
        return;
      }
      pos++;
      tok = T.MinusOrTilde;
      return;
    case 47: // / //
      pos += c1 === 47 ? 2 : 1;
      tok = T.Binary;
      return;
    case 58: // : ::
      if (c1 === 58) {
        pos += 2;
        tok = T.Label;
        return;
      }
      pos++;
      tok = T.Colon;
      return;
    case 42: case 94: case 37: case 38: case 124: case 43: // * ^ % & | +
      pos++;
      tok = T.Binary;
      return;
    case 45: pos++; tok = T.MinusOrTilde; return;
    case 35: pos++; tok = T.Hash; return;
    case 44: pos++; tok = T.Comma; return;
    case 59: pos++; tok = T.Semi; return;
    case 40: pos++; tok = T.LParen; return;
    case 41: pos++; tok = T.RParen; return;
    case 123: pos++; tok = T.LBrace; return;
    case 125: pos++; tok = T.RBrace; return;
    case 93: pos++; tok = T.RBracket; return;
    default:
      throw UNSURE;
  }
}

function name(): void {
  const start = pos;
  let i = pos + 1;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c < 128 && (CLASS[c]! & (NAME_START | DIGIT)) !== 0) i++;
    else break;
  }
  pos = i;
  tok = i - start <= 8 ? keyword(start, i - start) : T.Name;
}

function is(word: string, start: number): boolean {
  return src.startsWith(word, start);
}

function keyword(start: number, length: number): T {
  const c = src.charCodeAt(start);
  switch (length) {
    case 2:
      if (c === 100) return is('do', start) ? T.Do : T.Name;
      if (c === 105) return is('if', start) ? T.If : is('in', start) ? T.In : T.Name;
      if (c === 111) return is('or', start) ? T.Binary : T.Name;
      return T.Name;
    case 3:
      if (c === 97) return is('and', start) ? T.Binary : T.Name;
      if (c === 101) return is('end', start) ? T.End : T.Name;
      if (c === 102) return is('for', start) ? T.For : T.Name;
      if (c === 110) return is('nil', start) ? T.Nil : is('not', start) ? T.Not : T.Name;
      return T.Name;
    case 4:
      if (c === 101) return is('else', start) ? T.Else : T.Name;
      if (c === 116) return is('then', start) ? T.Then : is('true', start) ? T.True : T.Name;
      if (c === 103) return is('goto', start) ? T.Goto : T.Name;
      return T.Name;
    case 5:
      if (c === 98) return is('break', start) ? T.Break : T.Name;
      if (c === 102) return is('false', start) ? T.False : T.Name;
      if (c === 108) return is('local', start) ? T.Local : T.Name;
      if (c === 117) return is('until', start) ? T.Until : T.Name;
      if (c === 119) return is('while', start) ? T.While : T.Name;
      return T.Name;
    case 6:
      if (c === 101) return is('elseif', start) ? T.Elseif : T.Name;
      if (c === 114) return is('return', start) ? T.Return : is('repeat', start) ? T.Repeat : T.Name;
      return T.Name;
    case 8:
      return c === 102 && is('function', start) ? T.Function : T.Name;
    default:
      return T.Name;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** Decimal `12`, `1.5`, `.5`, `1e-3` and hex `0xFF`; anything else numeric is left to luaparse. */
function number(): void {
  let i = pos;
  if (src.charCodeAt(i) === 48 && (src.charCodeAt(i + 1) | 32) === 120) {
    i += 2;
    const digits = i;
    while (isHexDigit(src.charCodeAt(i))) i++;
    if (i === digits) throw UNSURE;
  } else {
    while (isDigit(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) === 46) {
      const fraction = ++i;
      while (isDigit(src.charCodeAt(i))) i++;
      if (i === fraction) throw UNSURE;
    }
    if ((src.charCodeAt(i) | 32) === 101) {
      i++;
      const sign = src.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      const exponent = i;
      while (isDigit(src.charCodeAt(i))) i++;
      if (i === exponent) throw UNSURE;
    }
  }
  // Lua reads a numeral greedily into the next letters, digits and dots (`1and`, `1..x`).
  const c = src.charCodeAt(i);
  if (c === 46 || (c < 128 && CLASS[c] !== 0 && CLASS[c] !== SPACE)) throw UNSURE;
  pos = i;
  tok = T.Number;
}

function shortString(quote: number): void {
  let i = pos + 1;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === quote) {
      pos = i + 1;
      tok = T.String;
      return;
    }
    if (c === 92) {
      i = escape(i + 1);
      continue;
    }
    if (c === 10 || c === 13 || i >= end) throw UNSURE;
    i++;
  }
}

/** The offset after the escape whose letter is at `i`. */
function escape(i: number): number {
  const c = src.charCodeAt(i);
  switch (c) {
    case 97: case 98: case 102: case 110: case 114: case 116: case 118: // a b f n r t v
    case 92: case 34: case 39: // \ " '
    case 10:
      return i + 1;
    case 13:
      return src.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    case 120: // x: exactly two hex digits
      if (isHexDigit(src.charCodeAt(i + 1)) && isHexDigit(src.charCodeAt(i + 2))) return i + 3;
      throw UNSURE;
    case 122: { // z: skips whitespace and line breaks
      let j = i + 1;
      for (;;) {
        const w = src.charCodeAt(j);
        if (w < 128 && CLASS[w] === SPACE) j++;
        else return j;
      }
    }
    default: {
      if (!isDigit(c)) throw UNSURE; // \u{…} and invalid escapes
      let j = i + 1;
      if (isDigit(src.charCodeAt(j))) j++;
      if (isDigit(src.charCodeAt(j))) j++;
      if (j - i === 3 && Number(src.slice(i, j)) > 255) throw UNSURE;
      return j;
    }
  }
}

/** `[[`, `[==[` … at `at`: the offset after its closing bracket. */
function longBracket(at: number): number {
  let level = 0;
  while (src.charCodeAt(at + 1 + level) === 61) level++;
  if (src.charCodeAt(at + 1 + level) !== 91) throw UNSURE; // `[=` opening nothing
  const closer = CLOSERS[level] ?? (CLOSERS[level] = `]${'='.repeat(level)}]`);
  const close = src.indexOf(closer, at + level + 2);
  if (close < 0) throw UNSURE;
  return close + closer.length;
}

function comment(): void {
  const body = pos + 2;
  if (src.charCodeAt(body) === 91) {
    let level = 0;
    while (src.charCodeAt(body + 1 + level) === 61) level++;
    if (src.charCodeAt(body + 1 + level) === 91) {
      directiveAt(body + level + 2);
      pos = longBracket(body);
      return;
    }
  }
  directiveAt(body);
  let lf = src.indexOf('\n', body);
  if (lf < 0) lf = end;
  if (nextCR < body) {
    nextCR = src.indexOf('\r', body);
    if (nextCR < 0) nextCR = end;
  }
  pos = lf < nextCR ? lf : nextCR;
}

/**
 * A comment whose text starts (after white space) with `patchlint-` is a directive, which only
 * the full parse reads (its comment nodes): unsure. As parseDirectives' `^\s*`, white space
 * includes the non-ASCII spaces JavaScript's \s knows.
 */
function directiveAt(from: number): void {
  let i = from;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c < 128 ? CLASS[c] === SPACE : c === c && /\s/.test(src[i]!)) i++;
    else break;
  }
  if (src.startsWith(DIRECTIVE_PREFIX, i)) throw UNSURE;
}

// ------------------------------------------------------------------ parser (luaparse's grammar)

/** The current token: read through this, as TypeScript would narrow `tok` itself across next() calls. */
function token(): T {
  return tok;
}

function expect(kind: T): void {
  if (token() !== kind) throw UNSURE;
  next();
}

function blockFollows(): boolean {
  return token() === T.EOF || token() === T.End || token() === T.Else || token() === T.Elseif || token() === T.Until;
}

function block(): void {
  if (++depth > MAX_DEPTH) throw UNSURE;
  while (!blockFollows()) {
    if (token() === T.Return) {
      deferredErrors();
      returnStatement();
      break;
    }
    statement();
  }
  depth--;
}

/** A block in a scope of its own (`do`, `then`, `else`, loop bodies), as luaparse opens them. */
function scopedBlock(isLoop: boolean): void {
  pushScope();
  if (isLoop) loops++;
  block();
  if (isLoop) loops--;
  popScope();
}

function returnStatement(): void {
  next();
  if (token() === T.End) return;
  // `return ,1`: luaparse takes the first expression as optional (leniency.ts); not here.
  if (startsExpression()) {
    expression();
    while (token() === T.Comma) {
      next();
      expression();
    }
  }
  if (token() === T.Semi) next();
}

function statement(): void {
  if (token() === T.Semi) {
    next();
    return;
  }
  if (token() === T.Label) {
    next();
    const label = nameText();
    expect(T.Label);
    addLabel(label);
    return;
  }
  deferredErrors();
  switch (token()) {
    case T.Local:
      next();
      if (token() === T.Function) {
        next();
        expect(T.Name);
        addLocal();
        functionBody();
        return;
      }
      do {
        expect(T.Name);
        addLocal();
      } while (token() === T.Comma && (next(), true));
      if (token() === T.Assign) {
        next();
        expressionList();
      }
      return;
    case T.If:
      next();
      expression();
      expect(T.Then);
      scopedBlock(false);
      while (token() === T.Elseif) {
        next();
        expression();
        expect(T.Then);
        scopedBlock(false);
      }
      if (token() === T.Else) {
        next();
        scopedBlock(false);
      }
      expect(T.End);
      return;
    case T.While:
      next();
      expression();
      expect(T.Do);
      scopedBlock(true);
      expect(T.End);
      return;
    case T.Do:
      next();
      scopedBlock(false);
      expect(T.End);
      return;
    case T.For:
      next();
      expect(T.Name);
      if (token() === T.Assign) {
        next();
        expression();
        expect(T.Comma);
        expression();
        if (token() === T.Comma) {
          next();
          expression();
        }
      } else {
        while (token() === T.Comma) {
          next();
          expect(T.Name);
        }
        expect(T.In);
        expressionList();
      }
      expect(T.Do);
      scopedBlock(true);
      expect(T.End);
      return;
    case T.Repeat:
      // The condition is inside the loop's scope, after its deferred goto errors.
      next();
      pushScope();
      loops++;
      block();
      expect(T.Until);
      deferredErrors();
      expression();
      loops--;
      popScope();
      return;
    case T.Function:
      next();
      expect(T.Name);
      while (token() === T.Dot) {
        next();
        expect(T.Name);
      }
      if (token() === T.Colon) {
        next();
        expect(T.Name);
      }
      functionBody();
      return;
    case T.Break:
      if (loops === 0) throw UNSURE;
      next();
      return;
    case T.Goto:
      next();
      addGoto(nameText());
      return;
    default:
      assignmentOrCall();
  }
}

/** The name at the current token (which must be one), then the next token. */
function nameText(): string {
  if (token() !== T.Name) throw UNSURE;
  const to = pos;
  let from = pos - 1;
  while (from > 0) {
    const c = src.charCodeAt(from - 1);
    if (c < 128 && (CLASS[c]! & (NAME_START | DIGIT)) !== 0) from--;
    else break;
  }
  next();
  return src.slice(from, to);
}

// ---- goto and labels: luaparse's FullFlowContext, whose checks decide what it accepts

interface PendingGoto {
  /** Scopes (of its function) the goto can still see a label in. */
  maxDepth: number;
  target: string;
  /** Locals declared in each of those scopes when the goto was read. */
  localCounts: number[];
}

/** The open scopes of every function being read; those of the current one start at flowBase. */
let scopeTop = 0;
let flowBase = 0;
const LOCALS: number[] = [];
const LABELS: (Set<string> | null)[] = [];
/** A goto in this scope jumps forward past a local: an error at the scope's next statement. */
const DEFERRED: boolean[] = [];
let pending: PendingGoto[] = [];

function resetScopes(): void {
  scopeTop = 0;
  flowBase = 0;
  pending = [];
}

function pushScope(): void {
  LOCALS[scopeTop] = 0;
  LABELS[scopeTop] = null;
  DEFERRED[scopeTop] = false;
  scopeTop++;
}

function popScope(): void {
  const depthInFunction = scopeTop - flowBase;
  for (const goto of pending) {
    if (goto.maxDepth >= depthInFunction && --goto.maxDepth <= 0) throw UNSURE; // no visible label
  }
  scopeTop--;
}

function addLocal(): void {
  LOCALS[scopeTop - 1]!++;
}

function deferredErrors(): void {
  if (DEFERRED[scopeTop - 1]) throw UNSURE; // the goto jumps into a local's scope
}

function addGoto(target: string): void {
  const localCounts: number[] = [];
  for (let i = flowBase; i < scopeTop; i++) {
    localCounts.push(LOCALS[i]!);
    if (LABELS[i]?.has(target)) return; // a label already seen: a backward jump
  }
  pending.push({ maxDepth: scopeTop - flowBase, target, localCounts });
}

function addLabel(name: string): void {
  const top = scopeTop - 1;
  const depthInFunction = scopeTop - flowBase;
  if (LABELS[top]?.has(name)) throw UNSURE; // already defined
  if (pending.length > 0) {
    pending = pending.filter((goto) => {
      if (goto.maxDepth < depthInFunction || goto.target !== name) return true;
      if (goto.localCounts[depthInFunction - 1]! < LOCALS[top]!) DEFERRED[top] = true;
      return false;
    });
  }
  (LABELS[top] ??= new Set()).add(name);
}

const enum Target { Variable, Call, Other }

function assignmentOrCall(): void {
  let targets = 0;
  let last = Target.Other;
  for (;;) {
    if (token() === T.Name) {
      next();
      last = Target.Variable;
    } else if (token() === T.LParen) {
      next();
      expression();
      expect(T.RParen);
      last = Target.Other;
    } else {
      throw UNSURE;
    }
    for (;;) {
      if (token() === T.Dot) {
        next();
        expect(T.Name);
        last = Target.Variable;
      } else if (token() === T.LBracket) {
        next();
        expression();
        expect(T.RBracket);
        last = Target.Variable;
      } else if (token() === T.Colon) {
        next();
        expect(T.Name);
        callArguments();
        last = Target.Call;
      } else if (token() === T.LParen || token() === T.LBrace || token() === T.String) {
        callArguments();
        last = Target.Call;
      } else {
        break;
      }
    }
    targets++;
    if (token() !== T.Comma) break;
    if (last !== Target.Variable) throw UNSURE;
    next();
  }
  if (targets === 1 && last === Target.Call) return;
  if (last !== Target.Variable) throw UNSURE;
  expect(T.Assign);
  expressionList();
}

function functionBody(): void {
  expect(T.LParen);
  // A function is a flow context of its own (luaparse's makeFlowContext): `...`, loops, labels.
  const outer = { vararg, loops, flowBase, pending };
  vararg = false;
  loops = 0;
  flowBase = scopeTop;
  pending = [];
  pushScope();
  if (token() !== T.RParen) {
    for (;;) {
      if (token() === T.Name) {
        next();
        if (token() === T.Comma) {
          next();
          continue;
        }
      } else if (token() === T.Vararg) {
        next();
        vararg = true;
      } else {
        throw UNSURE;
      }
      break;
    }
  }
  expect(T.RParen);
  block();
  popScope();
  expect(T.End);
  ({ vararg, loops, flowBase, pending } = outer);
}

function callArguments(): void {
  if (token() === T.String) {
    next();
    return;
  }
  if (token() === T.LBrace) {
    table();
    return;
  }
  expect(T.LParen);
  // `f(,1)`: luaparse takes the first argument as optional (leniency.ts); not here.
  if (token() !== T.RParen) expressionList();
  expect(T.RParen);
}

function expressionList(): void {
  expression();
  while (token() === T.Comma) {
    next();
    expression();
  }
}

function startsExpression(): boolean {
  switch (token()) {
    case T.Name: case T.String: case T.Number: case T.Vararg: case T.LParen: case T.LBrace:
    case T.Nil: case T.True: case T.False: case T.Function: case T.Not: case T.MinusOrTilde: case T.Hash:
      return true;
    default:
      return false;
  }
}

/** exp ::= {unop} simple {binop {unop} simple}: precedence does not change what parses. */
function expression(): void {
  if (++depth > MAX_DEPTH) throw UNSURE;
  while (token() === T.Not || token() === T.MinusOrTilde || token() === T.Hash) next();
  simpleExpression();
  binaryRest();
  depth--;
}

function binaryRest(): void {
  while (token() === T.Binary || token() === T.MinusOrTilde) {
    next();
    while (token() === T.Not || token() === T.MinusOrTilde || token() === T.Hash) next();
    simpleExpression();
  }
}

function simpleExpression(): void {
  switch (token()) {
    case T.Number: case T.String: case T.Nil: case T.True: case T.False:
      next();
      return;
    case T.Vararg:
      if (!vararg) throw UNSURE;
      next();
      return;
    case T.Function:
      next();
      functionBody();
      return;
    case T.LBrace:
      table();
      return;
    case T.Name:
      next();
      suffixes();
      return;
    case T.LParen:
      next();
      expression();
      expect(T.RParen);
      suffixes();
      return;
    default:
      throw UNSURE;
  }
}

/** The suffixes of a prefix expression: `.name`, `[exp]`, `:name args`, `args`. */
function suffixes(): void {
  for (;;) {
    if (token() === T.Dot) {
      next();
      expect(T.Name);
    } else if (token() === T.LBracket) {
      next();
      expression();
      expect(T.RBracket);
    } else if (token() === T.Colon) {
      next();
      expect(T.Name);
      callArguments();
    } else if (token() === T.LParen || token() === T.LBrace || token() === T.String) {
      callArguments();
    } else {
      return;
    }
  }
}

function table(): void {
  next(); // {
  for (;;) {
    if (token() === T.LBracket) {
      next();
      expression();
      expect(T.RBracket);
      expect(T.Assign);
      expression();
    } else if (token() === T.Name) {
      // `name = value`, or an expression that starts with the name.
      next();
      if (token() === T.Assign) {
        next();
        expression();
      } else {
        suffixes();
        binaryRest();
      }
    } else if (startsExpression()) {
      expression();
    } else {
      break;
    }
    if (token() !== T.Comma && token() !== T.Semi) break;
    next();
  }
  expect(T.RBrace);
}
