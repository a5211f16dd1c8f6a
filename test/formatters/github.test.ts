import { describe, expect, it } from 'vitest';
import github, { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { CWD, nilValue, parseError, result, upperKey } from './results.js';

describe('github formatter', () => {
  it('prints one ::error/::warning workflow command per problem with file, lines, columns and title', () => {
    const output = github([result('src/a.lua', [upperKey, nilValue]), result('b.lua', [parseError])], { cwd: CWD, color: false });
    expect(output).toBe([
      "::error file=src/a.lua,line=3,endLine=3,col=40,endColumn=45,title=patchlint/lowercase-key::Key 'Score' has upper-case letters.",
      "::warning file=src/a.lua,line=4,endLine=4,col=7,endColumn=13,title=patchlint/nil-value::'winner = nil' does nothing.",
      "::error file=b.lua,line=2,col=52,title=patchlint/parse-error::Parsing error: '}' expected near ')'",
      '',
    ].join('\n'));
  });

  it("escapes message data as @actions/core does: % CR LF (and other control characters)", () => {
    expect(escapeData('100% sure\r\nnext::line \x1b[31mred')).toBe('100%25 sure%0D%0Anext::line %1B[31mred');
  });

  it('escapes properties additionally for : and ,', () => {
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
  });

  it('cannot be broken out of by a file name or a message', () => {
    const message = { ...upperKey, message: "Key 'x\n::error file=pwned.lua::injected %0A' is bad" };
    const output = github([result('dir,line=99::x\n::warning file=y.lua.lua', [message])], { cwd: CWD, color: false });
    expect(output).toBe(
      "::error file=dir%2Cline=99%3A%3Ax%0A%3A%3Awarning file=y.lua.lua,line=3,endLine=3,col=40,endColumn=45,title=patchlint/lowercase-key::Key 'x%0A::error file=pwned.lua::injected %250A' is bad\n",
    );
    expect(output.split('\n')).toHaveLength(2);
  });
});
