// Code actions in-process: where the disable comment goes (indentation, line endings, an
// existing comment above), matching diagnostics sent back by editors, and message ranges.
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { codeActionsFor, disableLineEdit } from '../../src/lsp/code-actions.js';
import { DocumentLinter, type LintedDocument } from '../../src/lsp/document-linter.js';
import { fixAllAction, wantsFixAll } from '../../src/lsp/fix-all.js';
import { messageRange } from '../../src/lsp/positions.js';
import { lintTexts } from '../../src/engine/pipeline.js';
import type { LintMessage } from '../../src/shared/results.js';

const URI = 'file:///ws/a.lua';

function lint(text: string): LintedDocument {
  const linter = new DocumentLinter({ publish: () => {}, configFor: () => ({ config: presetConfig('recommended') }), log: () => {} });
  linter.open({ uri: URI, version: 1, text, filePath: '/ws/a.lua' });
  const linted = linter.linted(URI)!;
  linter.dispose();
  return linted;
}

/** The document after applying one action's edits (ranges resolved on the given text). */
function apply(text: string, action: any): string {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).join('').length + p.character;
  const edits = [...action.edit.changes[URI]].sort((a: any, b: any) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const titles = (actions: any[]) => actions.map((a) => a.title);

describe('Disable <rule> for this line', () => {
  it('inserts the comment above with the line’s tab indentation and CRLF line ending', () => {
    const text = "Handlers.add('J', function()\r\n\tSend({ device = 'patch@1.0', cache = { Score = 1 } })\r\nend)\r\n";
    const linted = lint(text);
    const actions = codeActionsFor(linted, linted.entries.map((e) => e.diagnostic));
    expect(titles(actions)).toEqual(['Fix this lowercase-key problem', 'Disable lowercase-key for this line']);
    expect(apply(text, actions[1])).toBe(
      "Handlers.add('J', function()\r\n\t-- patchlint-disable-next-line lowercase-key\r\n\tSend({ device = 'patch@1.0', cache = { Score = 1 } })\r\nend)\r\n",
    );
    // And the comment really silences it.
    expect(lint(apply(text, actions[1])).entries).toEqual([]);
  });

  it('adds the rule to a disable-next-line comment already above, before its reason', () => {
    const text = [
      "Handlers.add('J', function()",
      '  -- patchlint-disable-next-line device-name -- legacy client',
      "  Send({ device = 'Patch@1.0', cache = { Score = 1 } })",
      'end)',
    ].join('\n');
    const linted = lint(text);
    expect(linted.entries.map((e) => e.diagnostic.code)).toEqual(['lowercase-key']);
    const [, disable] = codeActionsFor(linted, linted.entries.map((e) => e.diagnostic));
    expect(disable!.edit!.changes![URI]).toEqual([{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 44 } }, newText: ', lowercase-key' }]);
    expect(apply(text, disable).split('\n')[1]).toBe('  -- patchlint-disable-next-line device-name, lowercase-key -- legacy client');
    expect(lint(apply(text, disable)).entries).toEqual([]);
  });

  it('uses \\n on a last line without a line break, and offers nothing when the comment above already covers the rule', () => {
    const text = "Send({ device = 'patch@1.0', cache = { Score = 1 } })";
    const linted = lint(text);
    const message = linted.entries.find((e) => e.diagnostic.code === 'lowercase-key')!.message!;
    expect(disableLineEdit(linted, message)).toEqual({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '-- patchlint-disable-next-line lowercase-key\n' });

    const covered = lint(`-- patchlint-disable-next-line lowercase-key\n${text}`);
    const fake: LintMessage = { ...message, line: 2 };
    expect(disableLineEdit(covered, fake)).toBeNull();
    const all = lint(`-- patchlint-disable-next-line\n${text}`);
    expect(disableLineEdit(all, fake)).toBeNull();
  });
});

describe('matching the diagnostics an editor sends back', () => {
  const text = "Send({ device = 'patch@1.0', cache = { ['🎉'] = 1, Score = 1 } }) -- 中文\n";

  it('finds a diagnostic whose columns Neovim 0.7 turned into bytes', () => {
    const linted = lint(text);
    const lowercase = linted.entries.find((e) => e.diagnostic.code === 'lowercase-key')!.diagnostic;
    const inBytes = { ...lowercase, range: { start: { line: 0, character: 53 }, end: { line: 0, character: 58 } } };
    expect(lowercase.range.start.character).toBe(51);
    expect(titles(codeActionsFor(linted, [inBytes]))).toEqual(['Fix this lowercase-key problem', 'Disable lowercase-key for this line']);
  });

  it('offers nothing for another line, another message, or kinds other than quick fixes', () => {
    const linted = lint(text);
    const lowercase = linted.entries.find((e) => e.diagnostic.code === 'lowercase-key')!.diagnostic;
    const otherLine = { ...lowercase, range: { start: { line: 1, character: 51 }, end: { line: 1, character: 56 } } };
    expect(codeActionsFor(linted, [otherLine])).toEqual([]);
    expect(codeActionsFor(linted, [{ ...lowercase, message: 'x' }])).toEqual([]);
    expect(codeActionsFor(linted, [lowercase], ['source.fixAll'])).toEqual([]);
    expect(titles(codeActionsFor(linted, [lowercase], ['quickfix']))).toHaveLength(2);
    expect(titles(codeActionsFor(linted, [lowercase], ['']))).toHaveLength(2);
  });

  it('offers the fix of an unused directive report (it has no rule id) without a disable action', () => {
    const linter = new DocumentLinter({
      publish: () => {},
      configFor: () => ({ config: { ...presetConfig('recommended'), reportUnusedDisableDirectives: true } }),
      log: () => {},
    });
    const source = "-- patchlint-disable-next-line nil-value\nlocal x = 1\n";
    linter.open({ uri: URI, version: 1, text: source, filePath: '/ws/a.lua' });
    const linted = linter.linted(URI)!;
    linter.dispose();
    const actions = codeActionsFor(linted, linted.entries.map((e) => e.diagnostic));
    expect(titles(actions)).toEqual(['Remove this unused directive']);
    expect(apply(source, actions[0])).toBe('local x = 1\n');
  });
});

describe('messageRange', () => {
  it('converts 1-based columns with an exclusive end to 0-based LSP positions; no end gives an empty range', () => {
    expect(messageRange({ ruleId: 'x', severity: 2, message: '', line: 3, column: 5, endLine: 4, endColumn: 1 })).toEqual({ start: { line: 2, character: 4 }, end: { line: 3, character: 0 } });
    expect(messageRange({ ruleId: null, severity: 2, message: '', line: 1, column: 11, fatal: true })).toEqual({ start: { line: 0, character: 10 }, end: { line: 0, character: 10 } });
  });
});

describe('fix all (source.fixAll.patchlint)', () => {
  it('is wanted for source, source.fixAll, its own kind and the empty kind only', () => {
    expect([undefined, ['quickfix'], ['refactor'], ['source.organizeImports']].map((o) => wantsFixAll(o))).toEqual([false, false, false, false]);
    expect([[''], ['source'], ['source.fixAll'], ['source.fixAll.patchlint']].map((o) => wantsFixAll(o))).toEqual([true, true, true, true]);
  });

  it('gives the same text as the CLI fixer, as one edit that keeps emoji between the fixes whole', () => {
    const text = "Send({ device = 'Patch@1.0', cache = { ['🎉x'] = 1, Score = 1 } })\n";
    const linted = lint(text);
    const action = fixAllAction(linted, presetConfig('recommended'), '/ws/a.lua')!;
    expect(action.kind).toBe('source.fixAll.patchlint');
    expect(action.edit!.changes![URI]).toHaveLength(1);
    expect(apply(text, action)).toBe("Send({ device = 'patch@1.0', cache = { ['🎉x'] = 1, score = 1 } })\n");
    expect(apply(text, action)).toBe(lintTexts([{ filePath: '/ws/a.lua', text }], () => presetConfig('recommended'), { fix: true })[0]!.output);
    expect(fixAllAction(lint(apply(text, action)), presetConfig('recommended'), '/ws/a.lua')).toBeNull();
  });
});
