import { describe, expect, it } from 'vitest';
import compact from '../../src/formatters/compact.js';
import { CWD, nilValue, parseError, result, upperKey } from './results.js';

describe('compact formatter', () => {
  it('prints path:line:col: severity message [rule-id], one line per problem, paths relative to cwd', () => {
    const output = compact([result('src/a.lua', [upperKey, nilValue]), result('b.lua', [parseError])], { cwd: CWD, color: false });
    expect(output).toBe([
      "src/a.lua:3:40: error Key 'Score' has upper-case letters. [lowercase-key]",
      "src/a.lua:4:7: warning 'winner = nil' does nothing. [nil-value]",
      "b.lua:2:52: error Parsing error: '}' expected near ')' [patchlint/parse-error]",
      '',
    ].join('\n'));
  });

  it('prints nothing at all when there are no problems (no summary line)', () => {
    expect(compact([result('a.lua', [])], { cwd: CWD, color: false })).toBe('');
  });

  it('names a rule that crashed on a file as an internal error', () => {
    const crashed = { ruleId: 'nil-value', fatal: true as const, severity: 2 as const, message: "Rule 'nil-value' failed on this file: boom", line: 1, column: 1 };
    expect(compact([result('a.lua', [crashed])], { cwd: CWD, color: false })).toBe("a.lua:1:1: error Rule 'nil-value' failed on this file: boom [patchlint/internal-error]\n");
  });

  it('keeps a file name with a line break or an ANSI escape on its own line, made visible', () => {
    const output = compact([result('evil\n\x1b[31mname.lua', [upperKey])], { cwd: CWD, color: false });
    expect(output).toBe("evil\\n\\u{1b}[31mname.lua:3:40: error Key 'Score' has upper-case letters. [lowercase-key]\n");
  });
});
