// The tree-less syntax check (src/lua/syntax-only.ts) may say "parses" only when parseLua
// accepts the text: it must never accept a text parseLua rejects (a syntax error would go
// unreported). Being unsure costs only time, but it must be sure of ordinary code, or it saves
// nothing: both directions are checked here, on hand-picked texts, generated corpora and
// token mutations.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLua } from '../../src/lua/parse.js';
import { parsesCleanly } from '../../src/lua/syntax-only.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { RUNS, SEED, applyEdit, editArbitrary, mutatedSeed, tokenSoup, tokenize } from '../fuzz/corpus.js';

/** Texts the check accepts although parseLua rejects them (must stay empty). */
function wronglyAccepted(texts: string[]): string[] {
  return texts.filter((t) => parsesCleanly(t) && !parseLua(t).ok).map((t) => JSON.stringify(t.slice(0, 300)));
}

describe('parsesCleanly is sure of ordinary Lua', () => {
  it.each([
    ['assignments and calls', 'local a, b = 1, 2\nx.y[z] = f(a)(b):m"s"{1};\n(f)().x = 1; g{} h[[s]] a, b.c, d[1] = 1, 2'],
    ['every statement', 'do end while x do break end repeat local y until y for i = 1, 2, 3 do end for k, v in pairs(t) do end if a then elseif b then else end function a.b.c:d(...) return ... end local function e() return end'],
    ['operators', 'x = -1 + 2 * 3 / 4 // 5 % 6 ^ 7 .. "a" == b ~= c < d <= e > f >= g and not h or #i & j | k ~ l << m >> ~n'],
    ['tables', 'local t = { 1, "a"; [k] = v, name = f(x), {}, f = function() end, }'],
    ['numbers', 'x = 0 + 12 + 1.5 + .5 + 1e10 + 1E-3 + 2.5e+7 + 0xFF + 0Xab'],
    ['strings and escapes', [String.raw`x = "a\n\t\\\"\'\a\b\f\r\v\065\x41\z`, '   b" .. \'q\' .. "line\\', 'next"'].join('\n')],
    ['long strings and comments', 'x = [[a]] .. [==[b ]] c]==]\n-- line\n--[[ block\n]] --[=[ x ]=] y = 1 -- end'],
    ['goto and labels', 'for i = 1, 3 do if i == 2 then goto continue end print(i) ::continue:: end\ndo goto done end ::done::\n::top:: x = 1 goto top'],
    ['a label at the end of a block after a local', 'do goto l local x = 1 ::l:: end'],
    ['varargs in vararg functions', 'local n = select("#", ...) local f = function(a, ...) return {...} end'],
    ['CRLF, a lone CR, a BOM and a shebang', '\ufeff#!/usr/bin/lua\r\nx = 1 -- c\r\ny = 2\rz = 3'],
    ['an empty text and white space', ' \t\v\f\n'],
    ['return with and without values', 'if a then return end if b then return 1, 2; end do return f() end'],
  ])('%s', (_name, text) => {
    expect(parseLua(text).ok).toBe(true);
    expect(parsesCleanly(text)).toBe(true);
  });
});

describe('parsesCleanly leaves to the full parse what parseLua rejects', () => {
  it.each([
    // luaparse's own errors
    ['a missing end', 'if x then y = 1'],
    ['a call that is no statement', 'x'],
    ['an expression as statement', '(a) = 1'],
    ['a call as target', 'f() = 1'],
    ['break outside a loop', 'break'],
    ['break in a function inside a loop', 'while x do local f = function() break end end'],
    ['... outside a vararg function', 'function f() return ... end'],
    ['an unfinished string', 'x = "abc\ny = 1'],
    ['an unfinished long string', 'x = [==[ abc ]] '],
    ['an unfinished long comment', '--[[ abc'],
    ['an invalid escape', 'x = "\\q"'],
    ['a too large decimal escape', 'x = "\\300"'],
    ['a short hex escape', 'x = "\\x4"'],
    ['goto without a label', 'goto nowhere'],
    ['goto into the scope of a local', 'goto l local x = 1 ::l:: y = 2'],
    ['a label defined twice', '::a:: ::a::'],
    ['goto as a name', 'local goto = 1'],
    ['a [= that opens nothing', 'x = t[=1]'],
    ['a stray character', 'x = 1 @'],
    ['non-ASCII outside strings', 'x\u00e9 = 1'],
    ['return not last', 'return 1 x = 2'],
    ['Lua 5.4 attributes', 'local x <const> = 1'],
    // luaparse accepts these, Lua (and so parseLua, src/lua/leniency.ts) does not
    ['a leading comma in arguments', 'f(,1)'],
    ['a leading comma in return', 'return ,1'],
    ['a numeral glued to a keyword', 'x = 1and 2'],
    ['a numeral glued to ..', 'x = 1..2'],
    ['too deep nesting', `x = ${'('.repeat(250)}1${')'.repeat(250)}`],
  ])('%s', (_name, text) => {
    expect(parseLua(text).ok).toBe(false);
    expect(parsesCleanly(text)).toBe(false);
  });

  it.each([
    // Valid, but rare or treated by luaparse in a way of its own: the full parse decides.
    ['a \\u escape', 'x = "\\u{48}"'],
    ['a hex float', 'x = 0x1p4'],
    ['a numeral ending in a dot', 'x = 5.'],
    ['a directive comment', 'x = 1 -- patchlint-disable-line'],
    ['a directive in a block comment', '--[[\n  patchlint-disable\n]] x = 1'],
    ['a directive after a no-break space', '--\u00a0patchlint-disable\nx = 1'],
  ])('unsure of %s (parseLua accepts it)', (_name, text) => {
    expect(parseLua(text).ok).toBe(true);
    expect(parsesCleanly(text)).toBe(false);
  });

  it('a comment that only mentions patchlint is no directive', () => {
    expect(parsesCleanly('-- see the patchlint-disable docs\n---patchlint-disable\nx = 1')).toBe(true);
    expect(parsesCleanly('-- run patchlint before committing\nx = 1')).toBe(true);
    expect(parsesCleanly('-- é, 中文 comments are fine\nx = "é"')).toBe(true);
  });
});

describe('parsesCleanly never accepts what parseLua rejects (fuzzing)', () => {
  it('seeded token mutations of the examples and snippets', () => {
    expect(wronglyAccepted(fc.sample(mutatedSeed, { numRuns: RUNS * 20, seed: SEED + 10 }))).toEqual([]);
  });

  it('seeded token soups', () => {
    expect(wronglyAccepted(fc.sample(tokenSoup, { numRuns: RUNS * 20, seed: SEED + 11 }))).toEqual([]);
  });

  it('generated blocks of goto, labels, locals, loops and functions agree both ways', () => {
    const program = fc.letrec<{ statement: string; block: string }>((tie) => ({
      statement: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('goto a', 'goto b', '::a::', '::b::', 'local x = 1', 'local y', 'x = 1', 'f()', ';', 'break', 'return', 'return 1', 'local function g() end'),
        tie('block').map((b) => `do ${b} end`),
        tie('block').map((b) => `while x do ${b} end`),
        tie('block').map((b) => `repeat ${b} until x`),
        tie('block').map((b) => `for i = 1, 2 do ${b} end`),
        tie('block').map((b) => `if x then ${b} else ${b} end`),
        tie('block').map((b) => `f(function() ${b} end)`),
      ),
      block: fc.array(tie('statement'), { maxLength: 5 }).map((list) => list.join(' ')),
    })).block;
    const texts = fc.sample(program, { numRuns: RUNS * 20, seed: SEED + 12 });
    // Every verdict the same as parseLua's: the flow checks are luaparse's own.
    const differ = texts.filter((t) => parsesCleanly(t) !== parseLua(t).ok);
    expect(differ).toEqual([]);
    // Not vacuous: both verdicts occur.
    expect(texts.filter((t) => parseLua(t).ok).length).toBeGreaterThan(RUNS);
    expect(texts.filter((t) => !parseLua(t).ok).length).toBeGreaterThan(RUNS);
  });
});

describe('parsesCleanly on code shaped like real repositories', () => {
  let dir: string;
  let texts: string[];
  beforeAll(async () => {
    const generator = (await import(pathToFileURL(path.join(REPO_ROOT, 'bench/generate.js')).href)) as {
      generateRealCorpus(dir: string, options: { seed: number; files: number }): unknown;
    };
    dir = mkdtempSync(path.join(tmpdir(), 'patchlint-syntax-only-'));
    generator.generateRealCorpus(dir, { seed: 5, files: 300 });
    const files: string[] = [];
    const collect = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) collect(path.join(d, e.name));
        else if (e.name.endsWith('.lua')) files.push(path.join(d, e.name));
      }
    };
    collect(dir);
    texts = files.map((f) => readFileSync(f, 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is sure of every generated file (all valid Lua 5.3)', () => {
    expect(texts.length).toBeGreaterThan(250);
    expect(texts.filter((t) => !parsesCleanly(t)).map((t) => t.slice(0, 80))).toEqual([]);
  });

  it('never accepts a mutation of them that parseLua rejects', () => {
    const small = texts.filter((t) => t.length < 3000).slice(0, 60).map(tokenize);
    const mutated = fc.tuple(fc.constantFrom(...small), fc.array(editArbitrary, { minLength: 1, maxLength: 3 })).map(([tokens, edits]) => edits.reduce(applyEdit, tokens).join(''));
    expect(wronglyAccepted(fc.sample(mutated, { numRuns: RUNS * 10, seed: SEED + 13 }))).toEqual([]);
  });

  it('is sure of every fixture file that parses', () => {
    const fixtures: string[] = [];
    const collect = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) collect(path.join(d, e.name));
        else if (e.name.endsWith('.lua')) fixtures.push(path.join(d, e.name));
      }
    };
    collect(path.join(REPO_ROOT, 'fixtures'));
    expect(fixtures.length).toBeGreaterThan(10);
    const unsure = fixtures.filter((f) => parseLua(readFileSync(f, 'utf8')).ok && !parsesCleanly(readFileSync(f, 'utf8')));
    expect(unsure.map((f) => path.relative(REPO_ROOT, f))).toEqual([]);
  });
});
