// Inline directives: each form, reasons, unknown ids, unused reports (with their fixes), and
// suppression of cross-file reports added by the project pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDirectives } from '../../src/engine/directives/apply.js';
import { presetConfig } from '../../src/config/presets.js';
import { applyFixes } from '../../src/engine/fix.js';
import { finishFiles } from '../../src/engine/finish.js';
import { lintFile } from '../../src/engine/lint-file.js';
import { lintText } from '../../src/index.js';
import type { LintMessage, ResolvedConfig } from '../../src/shared/results.js';

const recommended = presetConfig('recommended');
const reporting: ResolvedConfig = { ...recommended, reportUnusedDisableDirectives: true };

const brief = (m: LintMessage) => `${m.line}:${m.column} ${m.ruleId ?? '-'}${m.messageId ? ` ${m.messageId}` : ''}`;
function lint(code: string, config = recommended) {
  const result = lintText(code, { filePath: 'test.lua', config });
  return { kept: result.messages.map(brief), suppressed: result.suppressedMessages.map(brief), result };
}
/** A handler (not load time) that sends two upper-case keys: lowercase-key at columns 42 and 53 of line `line`. */
const send = "  Send({ device = 'patch@1.0', cache = { MyKey = 1, Other = 2 } })";
const handler = (...lines: string[]) => ["Handlers.add('x', 'x', function(msg)", ...lines, 'end)', ''].join('\n');

describe('inline directives', () => {
  it('reports both keys without directives', () => {
    expect(lint(handler(send)).kept).toEqual(['2:42 lowercase-key upper', '2:53 lowercase-key upper']);
  });

  it('patchlint-disable-line with a rule list and a reason', () => {
    const { kept, suppressed, result } = lint(handler(`${send} -- patchlint-disable-line lowercase-key -- ids come from the client`));
    expect(kept).toEqual([]);
    expect(suppressed).toEqual(['2:42 lowercase-key upper', '2:53 lowercase-key upper']);
    expect(result.suppressedMessages[0]!.suppressions).toEqual([{ kind: 'directive', justification: 'ids come from the client' }]);
    expect(result.errorCount).toBe(0);
  });

  it('patchlint-disable-next-line without a list suppresses every rule on the next line only', () => {
    const { kept, suppressed, result } = lint(handler('  -- patchlint-disable-next-line', send, send));
    expect(suppressed).toEqual(['3:42 lowercase-key upper', '3:53 lowercase-key upper']);
    expect(kept).toEqual(['4:42 lowercase-key upper', '4:53 lowercase-key upper']);
    expect(result.suppressedMessages[0]!.suppressions).toEqual([{ kind: 'directive', justification: '' }]);
  });

  it('patchlint-disable-next-line with a list leaves other rules alone', () => {
    const code = handler('  -- patchlint-disable-next-line private-key, nil-value', "  Send({ device = 'patch@1.0', cache = { MyKey = nil, privkey = 1 } })");
    expect(lint(code).kept).toEqual(['3:42 lowercase-key upper']);
    expect(lint(code).suppressed).toEqual(['3:42 nil-value nil', '3:55 private-key private']);
  });

  it('patchlint-disable / patchlint-enable blocks, for all rules and for one', () => {
    const all = lint(handler('  -- patchlint-disable', send, '  -- patchlint-enable', send));
    expect(all.suppressed).toEqual(['3:42 lowercase-key upper', '3:53 lowercase-key upper']);
    expect(all.kept).toEqual(['5:42 lowercase-key upper', '5:53 lowercase-key upper']);
    const one = lint(handler('  -- patchlint-disable lowercase-key', send, '  -- patchlint-enable lowercase-key', send));
    expect(one.suppressed).toHaveLength(2);
    expect(one.kept).toEqual(['5:42 lowercase-key upper', '5:53 lowercase-key upper']);
  });

  it('re-enables one rule inside a disable-all block', () => {
    const code = handler('  -- patchlint-disable', '  -- patchlint-enable lowercase-key', "  Send({ device = 'patch@1.0', cache = { MyKey = nil, n = 1 } })");
    expect(lint(code).kept).toEqual(['4:42 lowercase-key upper']);
    expect(lint(code).suppressed).toEqual(['4:42 nil-value nil']);
  });

  it('a disable block without enable lasts to the end of the file, starting at the comment', () => {
    const code = handler(send, '  -- patchlint-disable lowercase-key', send, send);
    expect(lint(code).kept).toEqual(['2:42 lowercase-key upper', '2:53 lowercase-key upper']);
    expect(lint(code).suppressed).toHaveLength(4);
  });

  it('works inside --[[ ]] block comments, also before code on the same line', () => {
    expect(lint(handler(`  --[[ patchlint-disable-next-line lowercase-key -- legacy names ]]`, send)).kept).toEqual([]);
    expect(lint(handler(`  --[==[ patchlint-disable lowercase-key ]==] Send({ device = 'patch@1.0', cache = { MyKey = 1 } })`)).kept).toEqual([]);
  });

  it('ignores comments that only mention a directive', () => {
    expect(lint(handler(`${send} -- see patchlint-disable-line in the docs`)).kept).toHaveLength(2);
    expect(lint(handler(`${send} -- patchlint-disable-lines`)).kept).toHaveLength(2);
  });

  it('reports an unknown rule id (error, ruleId null) with the closest id, and still applies the known ones', () => {
    const { kept, result } = lint(handler(`${send} -- patchlint-disable-line lowercase-keys, nil-value, lowercase-key`));
    expect(kept).toEqual(['2:94 - unknownRuleInDirective']);
    expect(result.messages[0]).toMatchObject({
      severity: 2, endLine: 2, endColumn: 108,
      message: "Unknown rule 'lowercase-keys' in a patchlint-disable-line comment (did you mean 'lowercase-key'?): it suppresses nothing. Use a rule id from the docs, and put a reason after ' -- '.",
    });
    expect(result.errorCount).toBe(1);
  });

  it('does not turn a list of unknown ids into "all rules"', () => {
    expect(lint(handler(`${send} -- patchlint-disable-line semi`)).kept).toEqual(['2:42 lowercase-key upper', '2:53 lowercase-key upper', '2:94 - unknownRuleInDirective']);
  });

  it('reports a disable-line block comment spanning lines, and ignores it', () => {
    const code = handler(`${send} --[[ patchlint-disable-line`, ']]');
    expect(lint(code).kept).toEqual(['2:42 lowercase-key upper', '2:53 lowercase-key upper', '2:68 - directiveSpansLines']);
  });

  it('never suppresses a parse error', () => {
    expect(lint('-- patchlint-disable\nlocal = 1\n').kept).toEqual(['2:7 -']);
  });
});

describe('unused directives (reportUnusedDisableDirectives)', () => {
  it('are not reported by default', () => {
    expect(lint(handler('  -- patchlint-disable-next-line nil-value', send)).kept).toHaveLength(2);
  });

  it('are reported as fixable warnings that remove the whole comment line', () => {
    const code = handler('  -- patchlint-disable-next-line nil-value', send);
    const { kept, result } = lint(code, reporting);
    expect(kept).toEqual(['2:3 - unusedDirective', '3:42 lowercase-key upper', '3:53 lowercase-key upper']);
    expect(result.messages[0]).toMatchObject({
      severity: 1, endLine: 2, endColumn: 43,
      message: "Unused patchlint-disable-next-line directive (no problems were reported from 'nil-value'): remove it so it cannot hide a future problem.",
    });
    expect(result.fixableWarningCount).toBe(1);
    expect(applyFixes(code, [result.messages[0]!.fix!]).output).toBe(handler(send));
  });

  it('removes a trailing directive with the spaces before it, and keeps CRLF line ends', () => {
    const code = handler(`  local x = 1 -- patchlint-disable-line`).replace(/\n/g, '\r\n');
    const { result } = lint(code, reporting);
    expect(result.messages.map(brief)).toEqual(['2:15 - unusedDirective']);
    expect(result.messages[0]!.message).toBe('Unused patchlint-disable-line directive (no problems were reported): remove it so it cannot hide a future problem.');
    expect(applyFixes(code, [result.messages[0]!.fix!]).output).toBe(handler('  local x = 1').replace(/\n/g, '\r\n'));
  });

  it('removes only the unused id from a partly used list', () => {
    const code = handler(`${send} -- patchlint-disable-line nil-value, lowercase-key -- reason`);
    const { kept, result } = lint(code, reporting);
    expect(kept).toEqual(['2:68 - unusedDirective']);
    expect(result.messages[0]!.message).toContain("(no problems were reported from 'nil-value')");
    expect(applyFixes(code, [result.messages[0]!.fix!]).output).toBe(handler(`${send} -- patchlint-disable-line lowercase-key -- reason`));
  });

  it('counts a block directive as used when it suppressed something', () => {
    expect(lint(handler('  -- patchlint-disable lowercase-key', send), reporting).kept).toEqual([]);
  });

  it('removes a directive on the last line of a file without a final newline', () => {
    const code = 'local x = 1\n-- patchlint-disable';
    const { result } = lint(code, reporting);
    expect(applyFixes(code, [result.messages[0]!.fix!]).output).toBe('local x = 1');
  });
});

describe('directives and the cross-file pass', () => {
  const a = "Handlers.add('a', 'a', function() Send({ device = 'patch@1.0', cache = { score = 1 } }) end)\n";
  const b = (comment: string) => `${comment}Handlers.add('b', 'b', function() Send({ device = 'patch@1.0', cache = { Score = 1 } }) end)\n`;
  const config = { ...presetConfig('recommended'), reportUnusedDisableDirectives: true };
  config.rules['lowercase-key'] = { severity: 0, options: { ignoreIds: true, allow: [] } };
  function project(bText: string) {
    const files = [lintFile(a, { filePath: '/p/a.lua', config }), lintFile(bText, { filePath: '/p/b.lua', config })];
    return finishFiles(files, () => config, (filePath) => (filePath === '/p/a.lua' ? a : bText))[1]!;
  }

  it('reports duplicate-key-case across files without a directive', () => {
    expect(project(b('')).messages.map(brief)).toEqual(['1:74 duplicate-key-case otherFile']);
    // Its only problem comes from the cross-file pass: the result still carries its text.
    expect(project(b('')).source).toBe(b(''));
  });

  it('suppresses it with a directive, which then counts as used', () => {
    const result = project(b('-- patchlint-disable-next-line duplicate-key-case -- legacy client\n'));
    expect(result.messages).toEqual([]);
    expect(result.suppressedMessages.map(brief)).toEqual(['2:74 duplicate-key-case otherFile']);
    expect(result.suppressedMessages[0]!.suppressions).toEqual([{ kind: 'directive', justification: 'legacy client' }]);
    expect(result.errorCount).toBe(0);
  });
});

describe('directive text in outputs', () => {
  it('escapes control and bidi characters of a reason', () => {
    const { result } = lint(handler(`${send} -- patchlint-disable-line -- a\u001b[31m\u202Eb`));
    expect(result.suppressedMessages[0]!.suppressions).toEqual([{ kind: 'directive', justification: 'a\\u{1b}[31m\\u{202e}b' }]);
  });
});

describe('the post-pass is a pure function of the messages (it runs once, after the cross-file pass)', () => {
  const directive = fc.constantFrom(
    '', '  -- patchlint-disable-next-line', '  -- patchlint-disable-next-line lowercase-key', '  -- patchlint-disable lowercase-key',
    '  -- patchlint-enable', '  -- patchlint-disable', '  -- patchlint-enable lowercase-key', '  -- patchlint-disable-next-line nil-value -- why',
    '  -- patchlint-disable-next-line lowercase-keys',
  );
  const line = fc.tuple(directive, fc.constantFrom(send, "  Send({ device = 'patch@1.0', cache = { a = nil } })", '  local y = 2'));
  it('gives the same result when applied twice, and keeps every message exactly once', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const code = handler(...lines.flatMap(([d, s]) => (d ? [d, s] : [s])));
        const linted = lintFile(code, { filePath: 'p.lua', config: reporting });
        const raw = structuredClone(linted.messages);
        const once = applyDirectives(linted.messages, linted.directives!, true);
        expect(applyDirectives(linted.messages, linted.directives!, true)).toEqual(once);
        expect(linted.messages).toEqual(raw);
        const plain = lintText(code, { filePath: 'p.lua', config: recommended });
        const ruleMessages = (ms: LintMessage[]) => ms.filter((m) => m.ruleId !== null).length;
        expect(ruleMessages(plain.messages) + plain.suppressedMessages.length).toBe(ruleMessages(once.messages) + once.suppressedMessages.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('many directives on one line (issue 18, item 15)', () => {
  it('40,000 disable-line comments on one line: all of them suppress the problem (was quadratic: 16 s, past the test timeout)', () => {
    const comments = Array.from({ length: 40_000 }, () => '--[[ patchlint-disable-line lowercase-key ]]').join(' ');
    const code = `Send({ device = 'patch@1.0', cache = { Key = 1 } }) ${comments}\n`;
    const result = lintText(code, { filePath: 'test.lua', config: reporting });
    expect(result.suppressedMessages.map(brief)).toEqual(['1:40 lowercase-key upper']);
    expect(result.messages.map(brief)).toEqual(['1:1 guard-top-level-sync unguarded']);
    expect(result.suppressedMessages[0]!.suppressions).toHaveLength(40_000);
  });
});

describe('--no-inline-config (issue 16, as ESLint)', () => {
  const code = handler(`${send} -- patchlint-disable-line`, '  -- patchlint-disable-line not-a-rule');

  it('ignores every directive comment: nothing suppressed, no directive problems', () => {
    const ignored = lint(code, { ...recommended, noInlineConfig: true, reportUnusedDisableDirectives: true });
    expect(ignored.kept).toEqual(['2:42 lowercase-key upper', '2:53 lowercase-key upper']);
    expect(ignored.suppressed).toEqual([]);
  });

  it('from the command line', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const honoured = runCli(['--stdin', '-f', 'compact'], { input: code });
    expect(honoured.stdout).not.toContain('lowercase-key');
    const ignored = runCli(['--stdin', '-f', 'compact', '--no-inline-config'], { input: code });
    expect(ignored.stdout).toBe("<text>:2:42: error Key 'MyKey' has upper-case letters: current HyperBEAM serves it only as written; use 'mykey'. [lowercase-key]\n"
      + "<text>:2:53: error Key 'Other' has upper-case letters: current HyperBEAM serves it only as written; use 'other'. [lowercase-key]\n");
    expect(ignored.status).toBe(1);
  });
});
