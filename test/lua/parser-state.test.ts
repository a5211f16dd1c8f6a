// Issue 18, items 6 and 14: luaparse keeps its lexer's last tokens in module state, so a file
// whose first token is an error got a message naming the previous file's token (or "the parser
// failed … reading 'range'" when there was none), and the answer differed between threads.
// Every file must get Lua's message at Lua's place, whatever was parsed before it.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const verdict = (text: string) => lintText(text).messages.map((m) => `${m.line}:${m.column} ${m.message}`);

describe('the parser starts every file afresh', () => {
  // What luac5.3 -p says for each (its line; the column is where its token starts).
  const cases: [string, string][] = [
    ['@x=1\n', "1:1 Parsing error: unexpected symbol near '@'"],
    ['$', "1:1 Parsing error: unexpected symbol near '$'"],
    ['x=1\n@', "2:1 Parsing error: unexpected symbol near '@'"],
    ['[=a', "1:1 Parsing error: invalid long string delimiter near '[='"],
    ['[==', "1:1 Parsing error: invalid long string delimiter near '[=='"],
    ['x = [=a', "1:5 Parsing error: invalid long string delimiter near '[='"],
    ['local x = 1 [=a', "1:13 Parsing error: invalid long string delimiter near '[='"],
    ["s = '[=' t = [=[ ok ]=] u = [=x", "1:29 Parsing error: invalid long string delimiter near '[='"],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} alone and after another file`, () => {
      expect(verdict(text)).toEqual([expected]);
      lintText("local t = { f(1, 'a') .. y }\nreturn t\n");
      expect(verdict(text)).toEqual([expected]);
      lintText('x = (');
      expect(verdict(text)).toEqual([expected]);
    });
  }

  it('a `(,` inside a string before the error is not the error (item 14: luac says line 2)', () => {
    expect(verdict('x = "(,"\n@\n')).toEqual(["2:1 Parsing error: unexpected symbol near '@'"]);
    expect(verdict("x = 'return ,'\ny = [[(,]]\n-- (,\n@\n")).toEqual(["4:1 Parsing error: unexpected symbol near '@'"]);
  });

  it('a real `(,` before a later error is still reported first, as Lua does', () => {
    expect(verdict('x = "a"\nf(, 1 @\n')).toEqual(["2:3 Parsing error: unexpected symbol near ','"]);
    expect(verdict("x = 'return ,'\nreturn , @\n")).toEqual(["2:8 Parsing error: unexpected symbol near ','"]);
    expect(verdict('f(, 1) [=')).toEqual(["1:3 Parsing error: unexpected symbol near ','"]);
  });

  it('many such strings before an error: one linear scan (450 KB was 3.8 s)', () => {
    const text = `${'x = "(,"\n'.repeat(50_000)}@\n`;
    expect(verdict(text)).toEqual(["50001:1 Parsing error: unexpected symbol near '@'"]);
  });
});
