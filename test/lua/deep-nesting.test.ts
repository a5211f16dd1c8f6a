// Nesting that Lua refuses to load (it stops at 200 "C levels") gets one fatal diagnostic at
// the construct that goes too deep, whatever the JS stack (main thread, worker, language
// server): src/lua/nesting.ts finds it before the parser recurses (brackets, blocks, `..` and `^`
// chains, prefix operators). Deep nesting it does not count and that overflows the parser's
// recursion gets the same kind of diagnostic at 1:1. Deep but parseable ASTs (long left-associative chains, which luaparse
// builds in a loop) are analysed without recursion and linted normally.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const TOO_DEEP = 'Parsing error: too deeply nested: 200 nested brackets, blocks, functions or operators (Lua 5.3 refuses to load this: too many C levels)';
const PATCH = (value: string) => `Send({ device = 'patch@1.0', cache = { k = ${value} } })`;

describe('nesting Lua refuses to load', () => {
  const N = 20_000;
  const cases: [string, string, number][] = [
    ['nested parentheses', `x = ${'('.repeat(N)}1${')'.repeat(N)}`, 204],
    ['nested tables', `x = ${'{'.repeat(N)}${'}'.repeat(N)}`, 204],
    ['nested functions (two levels each: the call and the function)', `${'f(function() '.repeat(N)}${'end)'.repeat(N)}`, 1290],
    ['nested do blocks', `${'do '.repeat(N)}${'end '.repeat(N)}`, 598],
    ['nested ifs', `${'if x then '.repeat(N)}${'end '.repeat(N)}`, 1991],
    ['nested index expressions', `x = ${'a['.repeat(N)}1${']'.repeat(N)}`, 404],
    ['a long .. chain (right-associative: each .. one level deeper)', `x = 'a'${"..'a'".repeat(100_000)}`, 1003],
    ['a long ^ chain (right-associative)', `x = 2${'^2'.repeat(100_000)}`, 404],
    ['a long not chain (each prefix operator one level deeper)', `x = ${'not '.repeat(100_000)}1`, 801],
    ['a long unary minus chain', `x = ${'- '.repeat(10_000)}1`, 403],
    ['a long # chain', `x = ${'#'.repeat(10_000)}t`, 204],
    ['prefix operators and ^ on top of a .. chain', `x = 'a'${"..'a'".repeat(100)} .. ${'not '.repeat(100)}1`, 904],
    ['nested tables inside a patch message', PATCH(`${'{a='.repeat(N)}1${'}'.repeat(N)}`), 632],
  ];
  for (const [name, text, column] of cases) {
    it(name, () => {
      const result = lintText(text, { filePath: 'deep.lua' });
      expect(result.messages).toEqual([{ ruleId: null, fatal: true, severity: 2, line: 1, column, message: TOO_DEEP }]);
      expect(result.fatalErrorCount).toBe(1);
    });
  }

  it('points at the line of the construct that goes too deep', () => {
    const text = `local t = {}\n${'do\n'.repeat(250)}${'end\n'.repeat(250)}`;
    expect(lintText(text).messages).toMatchObject([{ line: 201, column: 1, message: TOO_DEEP }]);
  });

  it('199 nested blocks, which Lua accepts, are linted normally', () => {
    const text = `${'do '.repeat(199)}${'end '.repeat(199)}\nfunction h() Send({ device = 'patch@1.0', cache = { Key = 1 } }) end`;
    expect(lintText(text).messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['lowercase-key@2:53']);
  });

  it('brackets inside strings and comments do not count', () => {
    const text = `x = "${'('.repeat(500)}"\n-- ${'{'.repeat(500)}\ny = [[${'['.repeat(500)}]]\n--[==[ ${'do '.repeat(500)} ]==]`;
    expect(lintText(text).messages).toEqual([]);
  });

  it('binary operators end a run of prefix operators and ^ (Lua returns to the outer level)', () => {
    for (const text of [`x = 1${' - -1'.repeat(5000)}`, `x = 2^2${' * 2^2'.repeat(5000)}`, `x = a${' - b'.repeat(5000)}`, `x = -a${' + -a'.repeat(5000)}`, `x = #t${' + #t'.repeat(5000)}`]) {
      expect(lintText(text).messages).toEqual([]);
    }
  });

  it('as many prefix operators as luac5.3 accepts load (197), and 200 are refused', () => {
    expect(lintText(`x = ${'not '.repeat(197)}1`).messages).toEqual([]);
    expect(lintText(`x = ${'not '.repeat(200)}1`).messages).toMatchObject([{ message: TOO_DEEP }]);
  });

  it('reports the file, not the whole run: the next file lints normally', () => {
    lintText(`x = 2${'^2'.repeat(100_000)}`);
    expect(lintText(PATCH("'v'")).messages.map((m) => m.ruleId)).toEqual(['guard-top-level-sync']);
  });
});

describe('deep ASTs the parser builds in a loop', () => {
  const N = 100_000;
  const clean: Record<string, string> = {
    'a long + chain (left-deep)': `x = 1${'+1'.repeat(N)}`,
    'a long and chain': `x = a${' and a'.repeat(N)}`,
    'a long member chain': `x = a${'.b'.repeat(N)}`,
    'a long call chain': `x = f${'()'.repeat(N)}`,
    'a long index chain': `x = a${'[1]'.repeat(N)}`,
    'a long function name': `function a${'.b'.repeat(N)}() end`,
    'a long member chain as an if condition': `if a${'.b'.repeat(N)} then x = 1 end`,
  };
  for (const [name, text] of Object.entries(clean)) {
    it(name, () => expect(lintText(text).messages).toEqual([]));
  }

  it('a patch message with a long + chain value', () => {
    const result = lintText(PATCH(`1${'+1'.repeat(N)}`));
    expect(result.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['guard-top-level-sync@1:1']);
  });

  it('a guard flag with a long member path', () => {
    const flag = `State${'.b'.repeat(N)}`;
    const text = `if not ${flag} then\n  ${PATCH('1')}\n  ${flag} = true\nend`;
    expect(lintText(text).messages).toEqual([]);
  });

  it('a chain of 20 000 locals, each the previous one', () => {
    const lines = ["local v0 = 'V'", ...Array.from({ length: 20_000 }, (_, i) => `local v${i + 1} = v${i}`)];
    const text = `${lines.join('\n')}\nfunction h() Send({ device = 'patch@1.0', cache = { [v20000] = 1 } }) end`;
    // The evaluator's depth cap gives up long before the chain ends: nothing is guessed.
    expect(lintText(text).messages).toEqual([]);
  });

  it('a chain of 20 000 wrappers', () => {
    const n = 20_000;
    const lines = Array.from({ length: n }, (_, i) => `local function w${i + 1}(k, v) w${i}(k, v) end`);
    lines[0] = "local function w1(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end";
    const text = `${lines.join('\n')}\nfunction h() w${n}('Key', 1) end`;
    // Too long a chain to follow: the key stays unknown, nothing is reported and nothing throws.
    expect(lintText(text).messages).toEqual([]);
  });

  it('a short wrapper chain is still followed', () => {
    const text = [
      "local function w1(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end",
      'local function w2(k, v) w1(k, v) end',
      'local function w3(k, v) w2(k, v) end',
      "function h() w3('Key', 1) end",
    ].join('\n');
    expect(lintText(text).messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['lowercase-key@4:17']);
  });
});
