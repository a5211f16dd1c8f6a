// Syntax errors of every kind, at the start, middle and end of a file: one fatal diagnostic
// with Lua's wording and the line and column of the bad token (UTF-16 columns, 1-based).
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

function fatal(text: string) {
  const result = lintText(text, { filePath: 'broken.lua' });
  expect(result.messages).toHaveLength(1);
  expect(result.fatalErrorCount).toBe(1);
  expect(result.errorCount).toBe(1);
  const [m] = result.messages;
  expect(m).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
  return `${m!.line}:${m!.column} ${m!.message}`;
}

describe('syntax errors', () => {
  const cases: [string, string, string][] = [
    // unclosed strings: at the opening quote (ESLint points at the start of the bad token)
    ['unclosed string at the start', "'abc\nx = 1", "1:1 Parsing error: unfinished string near ''abc'"],
    ['unclosed string in the middle', 'x = 1\ny = "abc\nz = 2', '2:5 Parsing error: unfinished string near \'"abc\''],
    ['unclosed string at the end', "x = 1\ny = 2\nz = 'abc", "3:5 Parsing error: unfinished string near ''abc'"],
    // unclosed long brackets: at the end of the file, where Lua stops (the message names the start line)
    ['unclosed long string', 'x = 1\ny = [==[abc]=]\nz = 1', "3:6 Parsing error: unfinished long string (starting at line 2) near '<eof>'"],
    ['unclosed long comment', '--[[ never closed\nx = 1', "2:6 Parsing error: unfinished long comment (starting at line 1) near '<eof>'"],
    // bad escapes: at the backslash
    ['invalid escape', 'x = "\\q"', "1:6 Parsing error: invalid escape sequence near '\\q'"],
    ['short hex escape', 'x = 1\ny = "a\\xZZ"', "2:7 Parsing error: hexadecimal digit expected near '\\xZ'"],
    ['code point too large', 'x = "\\u{110000}"', "1:6 Parsing error: UTF-8 value too large near '\\u{110000}'"],
    ['decimal escape too large', 'x = "\\300"', "1:6 Parsing error: decimal escape too large near '\\300'"],
    ['unclosed \\u{', 'x = "\\u{41"', "1:6 Parsing error: missing '}' near '\\u{41\"'"],
    // stray characters: at the character, named as Lua names it
    ['stray character at the start', '$x = 1', "1:1 Parsing error: unexpected symbol near '$'"],
    ['stray character in the middle', 'x = 1 @ 2\ny = 3', "1:7 Parsing error: unexpected symbol near '@'"],
    ['stray character at the end', 'x = 1\n\ny = 2 `', "3:7 Parsing error: unexpected symbol near '`'"],
    ['a non-breaking space', 'local a\u00a0= 1', "1:8 Parsing error: unexpected symbol near '<U+00A0>'"],
    ['a non-ASCII letter as a name', 'x = 1\n\u00e9t\u00e9 = 2', "2:1 Parsing error: unexpected symbol near '<U+00E9>'"],
    // grammar errors
    ['missing end at the end of the file', 'function f()\n  return 1\n', "3:1 Parsing error: 'end' expected near '<eof>'"],
    ['unclosed table in a patch message', "Send({ device = 'patch@1.0', cache = { a = 1 }", "1:47 Parsing error: '}' expected near '<eof>'"],
    ['stray closing paren', 'x = 1\n\n\n)', "4:1 Parsing error: unexpected symbol ')' near '<eof>'"],
    ['empty middle argument', 'f(a,,1)', "1:5 Parsing error: <expression> expected near ','"],
    ['break outside a loop', 'break', "1:6 Parsing error: no loop to break near '<eof>'"],
    ['goto without a label', 'goto nowhere', "1:1 Parsing error: no visible label 'nowhere' for <goto>"],
    ['a Lua 5.4 attribute', 'local x <const> = 1', "1:9 Parsing error: unexpected symbol '<' near 'const'"],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(fatal(text)).toBe(expected));
});

// luaparse 0.3.1 accepts these; Lua 5.3 (`luac5.3 -p`) rejects them with these messages.
describe('text luaparse accepts but Lua rejects', () => {
  const cases: [string, string, string][] = [
    ['empty first call argument', 'x = a(,1)', "1:7 Parsing error: unexpected symbol near ','"],
    ['empty first argument on the next line', 'local t = {}\nt.x = f(\n  , 2)', "3:3 Parsing error: unexpected symbol near ','"],
    ['empty first argument of a method call', 'obj:m(, 1)', "1:7 Parsing error: unexpected symbol near ','"],
    ['empty first return value', 'return , 1', "1:8 Parsing error: unexpected symbol near ','"],
    ['empty first argument before a later error', 'f(, 1\nx = = 2', "1:3 Parsing error: unexpected symbol near ','"],
    ['number glued to a keyword', 'for i=1,2do end', "1:9 Parsing error: malformed number near '2d'"],
    ['number glued to and', 'x = 1and 2', "1:5 Parsing error: malformed number near '1a'"],
    ['number glued to ..', 'x = 1..2', "1:5 Parsing error: malformed number near '1..2'"],
    ['number glued to .. and a name', 'x = 1..y', "1:5 Parsing error: malformed number near '1..'"],
    ['hex number glued to p', 'x = 0x10print', "1:5 Parsing error: malformed number near '0x10p'"],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(fatal(text)).toBe(expected));

  it('still accepts the valid forms next to them', () => {
    const valid = [
      'f()', 'f(1, 2)', 'f((1), 2)', '(f)(1)', 'f(--[[,]] 1)', 'f(-- a, comment\n 1)', "f(',', 1)", 'return', 'return;',
      'return 1, 2', 'local x = 1 and 2', 'x = 1 .. 2', 'x = 0x1p4', 'x = 0xA.8p1', 'x = 3e-2', 'x = .5', 'x = 5.', 'x = 0x10 + 1',
      'for i = 1, 2 do end', 'x = 1;y = 2', 'x = {1,2}', 'f{1}', 'f"s"',
    ];
    for (const text of valid) expect(lintText(text).messages.filter((m) => m.fatal), text).toEqual([]);
  });
});

describe('positions after BOMs, shebangs, tabs, CRLF and non-ASCII text', () => {
  const cases: [string, string, string][] = [
    ['a BOM', "\ufeffx = 'abc", "1:6 Parsing error: unfinished string near ''abc'"],
    ['a #! line', "#!/usr/bin/lua\nx = 'abc", "2:5 Parsing error: unfinished string near ''abc'"],
    ['a BOM then #!', '\ufeff#!/x\ny = (', "2:6 Parsing error: <expression> expected near '<eof>'"],
    ['a plain # line', '# not Lua at all (\ny = )', "2:5 Parsing error: <expression> expected near ')'"],
    ['tabs and accents (one UTF-16 unit each)', "\tx = '\u00e9' .. '\u00fc' .. (", "1:21 Parsing error: <expression> expected near '<eof>'"],
    ['an emoji (two UTF-16 units)', "x = '\u{1f600}' .. @", "1:13 Parsing error: unexpected symbol near '@'"],
    ['CRLF line ends', 'x = 1\r\ny = 2\r\nz = @\r\n', "3:5 Parsing error: unexpected symbol near '@'"],
    ['CR line ends', 'x = 1\ry = 2\rz = @\r', "3:5 Parsing error: unexpected symbol near '@'"],
    ['a NUL byte in code', 'x = 1\u0000', "1:6 Parsing error: unexpected symbol near '<U+0000>'"],
    ['a lone NUL byte', '\u0000', "1:1 Parsing error: unexpected symbol near '<U+0000>'"],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(fatal(text)).toBe(expected));
});
