import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { lintFiles } from '../../src/node/lint-files.js';
import { finishFile, finishFiles } from '../../src/engine/finish.js';
import { lintFile } from '../../src/engine/lint-file.js';
import type { LintMessage } from '../../src/shared/results.js';
import { configFor } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const WHY = 'use one spelling.';
const sameFile = (path: string, first: string, line: number) => `Key '${path}' differs only in case from '${first}' on line ${line}: ${WHY}`;
const otherFile = (path: string, first: string, file: string, line: number) => `Key '${path}' differs only in case from '${first}' in ${file}:${line}: ${WHY}`;

ruleTester('duplicate-key-case', {
  valid: [
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "Send({ device = 'patch@1.0', cache = { score = 1, total = 2 } })",
    // The same spelling twice is not a case conflict.
    "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { score = 1 } })\n  ao.send({ device = 'patch@1.0', cache = { score = 2 } })\nend)",
    // The same word at different paths.
    "Send({ device = 'patch@1.0', cache = { total = '1', stats = { total = '2' }, history = { Total = '3' } } })",
    // Keys that cannot be resolved are never compared.
    "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { [msg.Tags.Key] = 1, [msg.Tags.key] = 2, score = 3 } })\nend)",
    // Wrapper calls with one spelling.
    "local function SendPatch(key, value)\n  Send({ device = 'patch@1.0', cache = { [key] = value } })\nend\nHandlers.add('A', 'A', function(msg)\n  SendPatch('balance', msg.Tags.Balance)\n  SendPatch('balance', '0')\nend)",
    // Envelope fields are not data keys (Target vs target, Data vs data).
    "Handlers.add('A', 'A', function(msg)\n  Send({ Target = msg.From, device = 'patch@1.0', cache = { target = msg.From, data = msg.Data } })\nend)",
    // Near keys that are not equal ignoring case.
    "Send({ device = 'patch@1.0', cache = { score = 1, scores = 2, score_1 = 3 } })",
    // IDs and addresses (32, 42, 43 bytes) are case-significant: two wallets, not one key twice.
    "Send({ device = 'patch@1.0', cache = { balances = { ['SBCCXwwecBlDqRLUjb8dYABExTJXLieawf7m2aBJ-KY'] = '1', ['sbccxwwecbldqrlujb8dyabextjxlieawf7m2abj-ky'] = '2' } } })",
    // A message that is not a patch is not exposed.
    "Send({ Target = ao.id, Action = 'Notify', Score = 1 })\nSend({ device = 'patch@1.0', cache = { score = 1 } })",
  ],
  invalid: [
    {
      name: 'within one table: every occurrence after the first',
      code: "Send({ device = 'patch@1.0', cache = { score = 1, Score = 2, SCORE = 3 } })",
      errors: [
        { messageId: 'sameFile', line: 1, column: 51, endLine: 1, endColumn: 56, message: sameFile('cache/Score', 'cache/score', 1) },
        { messageId: 'sameFile', line: 1, column: 62, endLine: 1, endColumn: 67, message: sameFile('cache/SCORE', 'cache/score', 1) },
      ],
    },
    {
      name: 'across the patches of one file, with ao.send and a message built first',
      code: [
        "Handlers.add('Mint', 'Mint', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { totalsupply = msg.Tags.Supply } })",
        'end)',
        "Handlers.add('Burn', 'Burn', function(msg)",
        "  local patch = { device = 'patch@1.0', cache = {} }",
        '  patch.cache.TotalSupply = msg.Tags.Supply',
        "  patch.cache['totalSupply'] = msg.Tags.Supply",
        '  ao.send(patch)',
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'sameFile', line: 6, column: 15, endLine: 6, endColumn: 26, message: sameFile('cache/TotalSupply', 'cache/totalsupply', 2) },
        { messageId: 'sameFile', line: 7, column: 15, endLine: 7, endColumn: 28, message: sameFile('cache/totalSupply', 'cache/totalsupply', 2) },
      ],
    },
    {
      name: 'through a wrapper: at the argument of the call',
      code: [
        'local function SendPatch(key, value)',
        "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
        'end',
        "Handlers.add('A', 'A', function(msg)",
        "  SendPatch('balance', msg.Tags.Balance)",
        "  SendPatch('Balance', msg.Tags.Balance)",
        'end)',
      ].join('\n'),
      errors: [{ messageId: 'sameFile', line: 6, column: 13, endLine: 6, endColumn: 22, message: sameFile('cache/Balance', 'cache/balance', 5) }],
    },
    {
      name: 'a computed key through a string constant',
      code: "local KEY = 'Score'\nHandlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { score = 1, [KEY] = 2 } })\nend)",
      errors: [{ messageId: 'sameFile', line: 3, column: 54, endLine: 3, endColumn: 57 }],
    },
    {
      name: 'nested keys compare by their full path; an ancestor that differs is reported once, at the ancestor',
      code: [
        "Handlers.add('A', 'A', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { stats = { score = 1, Score = 2 } } })",
        "  Send({ device = 'patch@1.0', cache = { Stats = { score = 1 } } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'sameFile', line: 2, column: 63, endLine: 2, endColumn: 68, message: sameFile('cache/stats/Score', 'cache/stats/score', 2) },
        { messageId: 'sameFile', line: 3, column: 42, endLine: 3, endColumn: 47, message: sameFile('cache/Stats', 'cache/stats', 2) },
      ],
    },
    {
      name: 'direct keys (root data keys) in the direct-keys style',
      directKeys: true,
      code: "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', counter = 1 })\n  Send({ device = 'patch@1.0', Counter = 2 })\nend)",
      errors: [{ messageId: 'sameFile', line: 3, column: 32, endLine: 3, endColumn: 39, message: sameFile('Counter', 'counter', 2) }],
    },
  ],
});

describe('duplicate-key-case: the in-file report names its first occurrence as a related location', () => {
  it('sets relatedLocation to the file and line of the first occurrence', () => {
    const code = "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { score = 1 } })\n  Send({ device = 'patch@1.0', cache = { Score = 1 } })\nend)";
    const result = finishFile(lintFile(code, { filePath: 'process.lua', config: configFor('duplicate-key-case') }), configFor('duplicate-key-case'));
    expect(result.messages.map((m) => [m.line, m.column, m.relatedLocation])).toEqual([[3, 42, { filePath: 'process.lua', line: 2 }]]);
  });
});

describe('duplicate-key-case across files (lintFile + finishFiles)', () => {
  const config = presetConfig('recommended');
  const handler = (name: string, body: string[]) => [`Handlers.add('${name}', '${name}', function(msg)`, ...body.map((l) => `  ${l}`), 'end)', ''].join('\n');

  function lintAll(files: Record<string, string>): Record<string, LintMessage[]> {
    // Linted in an order other than the sorted one: the project pass sorts by path.
    const linted = Object.entries(files).reverse().map(([filePath, text]) => lintFile(text, { filePath, config }));
    const out: Record<string, LintMessage[]> = {};
    for (const r of finishFiles(linted, () => config, (filePath) => files[filePath])) out[r.filePath] = r.messages.filter((m) => m.ruleId === 'duplicate-key-case');
    return out;
  }

  it('reports every occurrence after the first, in sorted path order, naming the first file:line', () => {
    const out = lintAll({
      'src/a.lua': handler('A', ["Send({ device = 'patch@1.0', cache = { score = msg.Tags.Score } })"]),
      'src/b.lua': handler('B', ["Send({ device = 'patch@1.0', cache = { Score = '1' } })", "ao.send({ device = 'patch@1.0', cache = { Score = '2' } })"]),
      'src/c.lua': handler('C', ['', "Send({ device = 'patch@1.0', cache = { SCORE = '3' } })"]),
    });
    expect(out['src/a.lua']).toEqual([]);
    expect(out['src/b.lua']!.map((m) => ({ line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message, related: m.relatedLocation }))).toEqual([
      { line: 2, column: 42, endLine: 2, endColumn: 47, message: otherFile('cache/Score', 'cache/score', 'src/a.lua', 2), related: { filePath: 'src/a.lua', line: 2 } },
      { line: 3, column: 45, endLine: 3, endColumn: 50, message: otherFile('cache/Score', 'cache/score', 'src/a.lua', 2), related: { filePath: 'src/a.lua', line: 2 } },
    ]);
    expect(out['src/c.lua']!.map((m) => ({ line: m.line, column: m.column, messageId: m.messageId, message: m.message, related: m.relatedLocation }))).toEqual([
      { line: 3, column: 42, messageId: 'otherFile', message: otherFile('cache/SCORE', 'cache/score', 'src/a.lua', 2), related: { filePath: 'src/a.lua', line: 2 } },
    ]);
  });

  it('counts the added errors in the results', () => {
    const a = lintFile(handler('A', ["Send({ device = 'patch@1.0', cache = { total = '1' } })"]), { filePath: 'a.lua', config });
    const b = lintFile(handler('B', ["Send({ device = 'patch@1.0', cache = { Total = '1' } })"]), { filePath: 'b.lua', config });
    const before = finishFile(b, config).errorCount;
    const [bResult, aResult] = finishFiles([b, a], () => config, () => undefined);
    expect(bResult!.errorCount).toBe(before + 1);
    expect(aResult!.errorCount).toBe(0);
  });

  it('does not report twice when a file also has its own in-file duplicate', () => {
    const out = lintAll({
      'a.lua': handler('A', ["Send({ device = 'patch@1.0', cache = { total = '1' } })"]),
      'b.lua': handler('B', ["Send({ device = 'patch@1.0', cache = { Total = '1', TOTAL = '2', total = '3' } })"]),
    });
    expect(out['b.lua']!.map((m) => ({ column: m.column, messageId: m.messageId, message: m.message }))).toEqual([
      { column: 42, messageId: 'otherFile', message: otherFile('cache/Total', 'cache/total', 'a.lua', 2) },
      { column: 55, messageId: 'sameFile', message: sameFile('cache/TOTAL', 'cache/Total', 2) },
      { column: 68, messageId: 'sameFile', message: sameFile('cache/total', 'cache/Total', 2) },
    ]);
  });

  it('compares full paths across files: cache/score and cache/stats/Score do not clash', () => {
    const out = lintAll({
      'a.lua': handler('A', ["Send({ device = 'patch@1.0', cache = { score = '1' } })"]),
      'b.lua': handler('B', ["Send({ device = 'patch@1.0', cache = { stats = { Score = '1' } } })"]),
    });
    expect(out).toEqual({ 'a.lua': [], 'b.lua': [] });
  });

  it('gives a file whose only problem comes from another file its source, as any file with problems', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-dup-source-'));
    try {
      const a = handler('A', ["Send({ device = 'patch@1.0', cache = { total = '1' } })"]);
      const b = handler('B', ["Send({ device = 'patch@1.0', cache = { Total = '1' } })"]);
      writeFileSync(path.join(dir, 'a.lua'), a);
      writeFileSync(path.join(dir, 'b.lua'), b);
      const quiet = presetConfig('recommended');
      quiet.rules['lowercase-key']!.severity = 0;
      const { results } = await lintFiles([dir], { config: quiet, workers: 0 });
      expect(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId), r.source])).toEqual([
        ['a.lua', [], undefined],
        ['b.lua', ['duplicate-key-case'], b],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips files where the rule is off, and files that failed to parse', () => {
    const off = presetConfig('recommended');
    off.rules['duplicate-key-case'] = { severity: 0, options: {} };
    const a = lintFile(handler('A', ["Send({ device = 'patch@1.0', cache = { total = '1' } })"]), { filePath: 'a.lua', config: off });
    const broken = lintFile("Send({ device = 'patch@1.0', cache = { Total = '1' } }", { filePath: 'b.lua', config });
    const c = lintFile(handler('C', ["Send({ device = 'patch@1.0', cache = { TOTAL = '1' } })"]), { filePath: 'c.lua', config });
    const results = finishFiles([a, broken, c], (p) => (p === 'a.lua' ? off : config), () => undefined);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'duplicate-key-case'))).toEqual([]);
  });
});

ruleFixture('duplicate-key-case', [20, 21, 27]);
