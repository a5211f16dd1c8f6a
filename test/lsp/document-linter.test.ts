// The document linter in-process: debounce, publishing only what changed, and staying up
// when a config is broken or linting throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lintFile } from '../../src/engine/lint-file.js';
import { presetConfig } from '../../src/config/presets.js';
import type { ConfigLookup } from '../../src/lsp/config.js';
import { DocumentLinter, type OpenDocument } from '../../src/lsp/document-linter.js';

const CODE = "Handlers.add('J', function()\n  Send({ device = 'patch@1.0', cache = { Score = 1 } })\nend)\n";
const CLEAN = "Handlers.add('J', function()\n  Send({ device = 'patch@1.0', cache = { score = 1 } })\nend)\n";
const recommended: ConfigLookup = { config: presetConfig('recommended') };

const doc = (name: string, version: number, text: string): OpenDocument => ({ uri: `file:///ws/${name}`, version, text, filePath: `/ws/${name}` });

function setup(configFor: (filePath: string | null) => ConfigLookup = () => recommended, lint = vi.fn(lintFile), run: 'onType' | 'onSave' = 'onType') {
  const published: { uri: string; version: number; codes: (string | number | undefined)[]; messages: string[] }[] = [];
  const logs: string[] = [];
  const linter = new DocumentLinter({
    publish: (uri, version, diagnostics) => published.push({ uri, version, codes: diagnostics.map((d) => d.code), messages: diagnostics.map((d) => d.message) }),
    configFor,
    log: (message) => logs.push(message),
    lint,
    run,
  });
  return { linter, published, logs, lint };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('DocumentLinter', () => {
  it('lints an opened document on the next turn, and changes once after 150 ms of quiet', () => {
    const { linter, published, lint } = setup();
    linter.open(doc('a.lua', 1, CODE));
    expect(published).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(published).toEqual([{ uri: 'file:///ws/a.lua', version: 1, codes: ['lowercase-key'], messages: [expect.any(String)] }]);

    linter.change(doc('a.lua', 2, CODE.replace('Score', 'Scor')));
    vi.advanceTimersByTime(100);
    linter.change(doc('a.lua', 3, CODE.replace('Score', 'Sco')));
    vi.advanceTimersByTime(100);
    linter.change(doc('a.lua', 4, CLEAN));
    vi.advanceTimersByTime(149);
    expect(published).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(published).toHaveLength(2);
    expect(published[1]).toEqual({ uri: 'file:///ws/a.lua', version: 4, codes: [], messages: [] });
    expect(lint).toHaveBeenCalledTimes(2);
  });

  it('ignores a change that repeats the open (same version and text)', () => {
    const { linter, lint } = setup();
    linter.open(doc('a.lua', 1, CODE));
    linter.change(doc('a.lua', 1, CODE));
    vi.runAllTimers();
    expect(lint).toHaveBeenCalledTimes(1);
  });

  it('republishes another document only when its cross-file diagnostics change', () => {
    const { linter, published } = setup();
    linter.open(doc('a.lua', 1, CLEAN));
    linter.open(doc('b.lua', 1, CLEAN));
    vi.runAllTimers();
    expect(published.map((p) => `${p.uri} ${p.codes}`)).toEqual(['file:///ws/a.lua ', 'file:///ws/b.lua ']);
    linter.change(doc('b.lua', 2, CLEAN.replace('{ score = 1 }', '{ score = 1, x = 2 }')));
    vi.runAllTimers();
    expect(published.slice(2).map((p) => `${p.uri} v${p.version} ${p.codes}`)).toEqual(['file:///ws/b.lua v2 ']);
    linter.change(doc('b.lua', 3, CODE));
    vi.runAllTimers();
    // b.lua now spells the key Score: both its own rule and the cross-file one report it; a.lua is untouched.
    expect(published.slice(3).map((p) => `${p.uri} v${p.version} ${p.codes}`)).toEqual(['file:///ws/b.lua v3 duplicate-key-case,lowercase-key']);
    linter.close('file:///ws/a.lua');
    vi.runAllTimers();
    expect(published.slice(4).map((p) => `${p.uri} v${p.version} ${p.codes}`)).toEqual(['file:///ws/a.lua v1 ', 'file:///ws/b.lua v3 lowercase-key']);
  });

  it('shows a config error as one diagnostic at line 1 and logs it', () => {
    let lookup: ConfigLookup = { error: 'patchlint.config.json:1:2: invalid JSON: unexpected end' };
    const { linter, published, logs } = setup(() => lookup);
    linter.open(doc('a.lua', 1, CODE));
    vi.runAllTimers();
    expect(published).toEqual([{ uri: 'file:///ws/a.lua', version: 1, codes: [undefined], messages: ['patchlint cannot lint this file: patchlint.config.json:1:2: invalid JSON: unexpected end'] }]);
    expect(logs).toEqual(['patchlint: patchlint.config.json:1:2: invalid JSON: unexpected end']);
    lookup = recommended;
    linter.configChanged();
    vi.runAllTimers();
    expect(published[1]!.codes).toEqual(['lowercase-key']);
  });

  it('turns an exception inside linting into a logged message and a diagnostic, and keeps going', () => {
    const lint = vi.fn((text: string, options: Parameters<typeof lintFile>[1]) => {
      if (text.includes('boom')) throw new Error('boom\x1b[31m');
      return lintFile(text, options);
    });
    const { linter, published, logs } = setup(undefined, lint);
    linter.open(doc('a.lua', 1, '-- boom\n'));
    linter.open(doc('b.lua', 1, CODE));
    vi.runAllTimers();
    // The error text is escaped: no terminal escape sequences reach the editor.
    expect(logs).toEqual(['patchlint: internal error while linting file:///ws/a.lua: boom\\u{1b}[31m']);
    expect(published).toEqual([
      { uri: 'file:///ws/a.lua', version: 1, codes: [undefined], messages: ['patchlint cannot lint this file: internal error: boom\\u{1b}[31m'] },
      { uri: 'file:///ws/b.lua', version: 1, codes: ['lowercase-key'], messages: [expect.any(String)] },
    ]);
    linter.change(doc('a.lua', 2, CLEAN));
    vi.runAllTimers();
    expect(published[2]).toEqual({ uri: 'file:///ws/a.lua', version: 2, codes: [], messages: [] });
  });

  it('lints pending changes first when code actions ask for a document', () => {
    const { linter } = setup();
    linter.open(doc('a.lua', 1, CLEAN));
    vi.runAllTimers();
    linter.change(doc('a.lua', 2, CODE));
    const linted = linter.linted('file:///ws/a.lua')!;
    expect(linted.document.version).toBe(2);
    expect(linted.entries.map((e) => e.diagnostic.code)).toEqual(['lowercase-key']);
    expect(linter.linted('file:///ws/unknown.lua')).toBeNull();
  });
});

describe('DocumentLinter with run onSave (the VS Code extension\'s patchlint.run)', () => {
  it('lints on open and on save, not while typing; no quick fixes from stale ranges', () => {
    const { linter, published, lint } = setup(undefined, vi.fn(lintFile), 'onSave');
    linter.open(doc('a.lua', 1, CODE));
    vi.runAllTimers();
    expect(published.map((p) => [p.version, p.codes])).toEqual([[1, ['lowercase-key']]]);
    linter.change(doc('a.lua', 2, CLEAN));
    vi.runAllTimers();
    expect(published).toHaveLength(1);
    expect(linter.linted('file:///ws/a.lua')).toBeNull();
    linter.saved('file:///ws/a.lua');
    vi.runAllTimers();
    expect(published.map((p) => [p.version, p.codes])).toEqual([[1, ['lowercase-key']], [2, []]]);
    expect(linter.linted('file:///ws/a.lua')!.document.version).toBe(2);
    expect(lint).toHaveBeenCalledTimes(2);
  });

  it('fix-all (current) lints the edited text at once, before the save', () => {
    const { linter, published } = setup(undefined, vi.fn(lintFile), 'onSave');
    linter.open(doc('a.lua', 1, CLEAN));
    vi.runAllTimers();
    linter.change(doc('a.lua', 2, CODE));
    const current = linter.linted('file:///ws/a.lua', true)!;
    expect(current.document.version).toBe(2);
    expect(current.entries.map((e) => e.diagnostic.code)).toEqual(['lowercase-key']);
    expect(published.map((p) => [p.version, p.codes])).toEqual([[1, []], [2, ['lowercase-key']]]);
    // The save that follows has nothing new to lint.
    linter.saved('file:///ws/a.lua');
    vi.runAllTimers();
    expect(published).toHaveLength(2);
  });
});
