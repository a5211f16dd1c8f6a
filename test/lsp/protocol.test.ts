import { readFileSync } from 'node:fs';
// Drives `patchlint --lsp` over stdio with JSON-RPC, as an editor would.
// Runs the built server (bin/patchlint.js → dist/): `npm test` builds first; alone, run `node scripts/build.js` before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { ruleById } from '../../rules/index.js';
import { LspClient, initializeParams } from './client.js';

// Rule links point at the pages shipped beside the code (docs/ is in the package): they open offline.
const DOCS = new URL('../../docs/rules/', import.meta.url).href;

let workspace: string;
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'patchlint-lsp-'));
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

// Emoji (2 UTF-16 units each) and CJK (1 unit each) before the problems on the same line.
const GAME = [
  "Handlers.add('Join', function(msg)",
  "  local s = '🎉中文'; Send({ device = 'Patch@1.0', cache = { Score = 1, items = { a = 1 } } })",
  'end)',
  '',
].join('\n');

/** The text an LSP range covers, computed independently of the server: lines split, UTF-16 indices. */
function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  expect(range.start.line).toBe(range.end.line);
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

/** A compact, exact view of diagnostics: range, severity, code, link. */
function summary(diagnostics: any[]): string[] {
  return diagnostics.map((d) => {
    const r = d.range;
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} sev${d.severity} ${d.code ?? '-'} ${d.codeDescription?.href ?? '-'} ${d.source}`;
  });
}

describe('patchlint --lsp over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient(['--lsp', '--stdio']);
    const init = await client.request('initialize', initializeParams(pathToFileURL(workspace).href, {
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    }));
    expect(init).toEqual({
      capabilities: { textDocumentSync: { openClose: true, change: 2, save: { includeText: false } }, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.patchlint'] } },
      serverInfo: { name: 'patchlint', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
    });
    client.notify('initialized', {});
  });
  afterAll(() => client.kill());

  let published: any;

  it('publishes exact diagnostics on open, in UTF-16 positions after emoji and CJK text', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf('game.lua'), languageId: 'lua', version: 1, text: GAME } });
    published = await client.diagnostics(uriOf('game.lua'));
    expect(published.version).toBe(1);
    expect(summary(published.diagnostics)).toEqual([
      `1:36-1:47 sev1 device-name ${DOCS}device-name.md patchlint`,
      `1:59-1:64 sev1 lowercase-key ${DOCS}lowercase-key.md patchlint`,
      `1:70-1:75 sev2 serialize-complex-value ${DOCS}serialize-complex-value.md patchlint`,
    ]);
    expect(published.diagnostics.map((d: any) => textAt(GAME, d.range))).toEqual(["'Patch@1.0'", 'Score', 'items']);
    // Messages are exactly the core's (the rules own their wording), then the rule's why as a second paragraph.
    expect(published.diagnostics.map((d: any) => d.message)).toEqual(lintText(GAME).messages.map((m) => `${m.message}\n\n${ruleById.get(m.ruleId!)!.meta.why}`));
  });

  it('offers the fix, the suggestion and a disable comment as code actions with exact edits', async () => {
    const [device, lowercase, complex] = published.diagnostics;
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri: uriOf('game.lua') },
      range: lowercase.range,
      context: { diagnostics: [lowercase, complex] },
    });
    const edit = (start: number, end: number, newText: string, line = 1) => ({
      changes: { [uriOf('game.lua')]: [{ range: { start: { line, character: start }, end: { line, character: end } }, newText }] },
    });
    expect(actions).toEqual([
      { title: 'Fix this lowercase-key problem', kind: 'quickfix', isPreferred: true, diagnostics: [lowercase], edit: edit(59, 64, 'score') },
      { title: lintText(GAME).messages[2]!.suggestions![0]!.desc, kind: 'quickfix', diagnostics: [complex], edit: edit(78, 87, 'json.encode({ a = 1 })') },
      { title: 'Disable lowercase-key for this line', kind: 'quickfix', diagnostics: [lowercase], edit: edit(0, 0, '  -- patchlint-disable-next-line lowercase-key\n') },
      { title: 'Disable serialize-complex-value for this line', kind: 'quickfix', diagnostics: [complex], edit: edit(0, 0, '  -- patchlint-disable-next-line serialize-complex-value\n') },
    ]);
    // The device fix replaces the whole string literal.
    const deviceActions = await client.request('textDocument/codeAction', { textDocument: { uri: uriOf('game.lua') }, range: device.range, context: { diagnostics: [device] } });
    expect(deviceActions[0].edit).toEqual(edit(36, 47, "'patch@1.0'"));
    // Fix all (as VS Code's codeActionsOnSave asks for it): both fixes, as one edit over the changed span.
    const fixAll = await client.request('textDocument/codeAction', { textDocument: { uri: uriOf('game.lua') }, range: device.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(fixAll).toEqual([{ title: 'Fix all auto-fixable patchlint problems', kind: 'source.fixAll.patchlint', edit: edit(37, 60, "patch@1.0', cache = { s") }]);
    // An editor asking only for refactorings gets none; a diagnostic the server never sent gets none.
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: uriOf('game.lua') }, range: device.range, context: { diagnostics: [device], only: ['refactor'] } })).toEqual([]);
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: uriOf('game.lua') }, range: device.range, context: { diagnostics: [{ ...device, message: 'other' }] } })).toEqual([]);
  });

  it('lints again after an incremental change (version 2)', async () => {
    client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf('game.lua'), version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 59 }, end: { line: 1, character: 64 } }, text: 'score' }],
    });
    const next = await client.diagnostics(uriOf('game.lua'), 2);
    expect(summary(next.diagnostics)).toEqual([
      `1:36-1:47 sev1 device-name ${DOCS}device-name.md patchlint`,
      `1:70-1:75 sev2 serialize-complex-value ${DOCS}serialize-complex-value.md patchlint`,
    ]);
  });

  it('reports duplicate-key-case across open documents, and drops it when the other closes', async () => {
    const other = "Handlers.add('Reset', function()\n  Send({ device = 'patch@1.0', cache = { SCORE = 0 } })\nend)\n";
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf('reset.lua'), languageId: 'lua', version: 7, text: other } });
    const dup = await client.diagnostics(uriOf('reset.lua'), 7);
    expect(summary(dup.diagnostics)).toEqual([
      `1:41-1:46 sev1 duplicate-key-case ${DOCS}duplicate-key-case.md patchlint`,
      `1:41-1:46 sev1 lowercase-key ${DOCS}lowercase-key.md patchlint`,
    ]);
    // The first occurrence is named by its absolute path, as the CLI does.
    expect(dup.diagnostics[0].message).toMatch(/^Key 'cache\/SCORE' differs only in case from 'cache\/score' in (.*):2: /);
    expect(dup.diagnostics[0].message).toContain(`'cache/score' in ${path.join(workspace, 'game.lua')}:2: `);
    expect(dup.diagnostics[0].relatedInformation).toEqual([
      { location: { uri: uriOf('game.lua'), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } }, message: 'First spelling of this key' },
    ]);
    // game.lua's diagnostics did not change, so they were not published again.
    expect(client.queued('textDocument/publishDiagnostics').filter((n) => n.params.uri === uriOf('game.lua'))).toEqual([]);
    client.notify('textDocument/didClose', { textDocument: { uri: uriOf('game.lua') } });
    expect((await client.diagnostics(uriOf('game.lua'))).diagnostics).toEqual([]);
    const alone = await client.diagnostics(uriOf('reset.lua'));
    expect(summary(alone.diagnostics)).toEqual([`1:41-1:46 sev1 lowercase-key ${DOCS}lowercase-key.md patchlint`]);
  });

  it('survives a syntax error, a 5 MB document and non-Lua documents', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf('broken.lua'), languageId: 'lua', version: 1, text: 'local x = = 1\n' } });
    const broken = await client.diagnostics(uriOf('broken.lua'));
    expect(broken.diagnostics).toEqual([
      { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, severity: 1, source: 'patchlint', message: expect.stringMatching(/^Parsing error: /) },
    ]);

    const lines: string[] = [];
    for (let size = 0, i = 0; size < 5 * 1024 * 1024; i++) {
      const line = `Counter${i % 1000} = (Counter${i % 1000} or 0) + ${i} -- 数 🎉`;
      lines.push(line);
      size += line.length + 1;
    }
    lines.push("Handlers.add('x', function() Send({ device = 'patch@1.0', cache = { Big = 1 } }) end)", '');
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf('huge.lua'), languageId: 'lua', version: 1, text: lines.join('\n') } });
    const huge = await client.diagnostics(uriOf('huge.lua'));
    expect(summary(huge.diagnostics)).toEqual([`${lines.length - 2}:68-${lines.length - 2}:71 sev1 lowercase-key ${DOCS}lowercase-key.md patchlint`]);

    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf('notes.md'), languageId: 'markdown', version: 1, text: "Send({ device = 'patch@1.0' })" } });
    // Still answering requests; the markdown document was never linted.
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: uriOf('notes.md') }, range: broken.diagnostics[0].range, context: { diagnostics: [] } })).toEqual([]);
    expect(client.queued('textDocument/publishDiagnostics').filter((n) => n.params.uri === uriOf('notes.md'))).toEqual([]);
  });

  it('shuts down and exits with 0', async () => {
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).toBe('');
  });
});

describe('patchlint --lsp arguments', () => {
  it('refuses other arguments with a one-line message and exit code 2', async () => {
    const client = new LspClient(['--lsp', 'src']);
    expect(await client.exited).toBe(2);
    expect(client.stderr).toBe("patchlint: --lsp takes no other arguments (got: src)\nRun 'patchlint --help' for usage.\n");
  });

  it('exits with 1 when the editor goes away without shutdown', async () => {
    const client = new LspClient(['--lsp']);
    client.child.stdin.end();
    expect(await client.exited).toBe(1);
  });
});

describe('patchlint --lsp and config files', () => {
  let client: LspClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const configChanged = (type: number) =>
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('patchlint.config.json'), type }] });
  const CODE = "Handlers.add('Join', function()\n  Send({ device = 'patch@1.0', cache = { Score = 1 } })\nend)\n";

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'patchlint-lsp-config-'));
    client = new LspClient(['--lsp']);
    await client.request('initialize', initializeParams(pathToFileURL(dir).href, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }));
    client.notify('initialized', {});
  });
  afterAll(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks the editor to watch the config files', async () => {
    const registration = await client.waitFor('client/registerCapability');
    expect(registration.registrations).toEqual([
      {
        id: expect.any(String),
        method: 'workspace/didChangeWatchedFiles',
        registerOptions: { watchers: [{ globPattern: '**/patchlint.config.json' }, { globPattern: '**/.patchlintrc.json' }, { globPattern: '**/package.json' }] },
      },
    ]);
  });

  it('lints again when the config changes, and shows a broken config as one diagnostic at line 1', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: uri('game.lua'), languageId: 'lua', version: 1, text: CODE } });
    expect((await client.diagnostics(uri('game.lua'))).diagnostics.map((d: any) => d.code)).toEqual(['lowercase-key']);

    writeFileSync(path.join(dir, 'patchlint.config.json'), '{ "rules": { "lowercase-key": "warn" } }\n');
    configChanged(1);
    expect((await client.diagnostics(uri('game.lua'))).diagnostics.map((d: any) => `${d.code} sev${d.severity}`)).toEqual(['lowercase-key sev2']);

    writeFileSync(path.join(dir, 'patchlint.config.json'), '{ "rules": { "lowercase-key": "warn" }\n');
    configChanged(2);
    const broken = await client.diagnostics(uri('game.lua'));
    expect(broken.diagnostics).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        source: 'patchlint',
        message: expect.stringMatching(/^patchlint cannot lint this file: patchlint\.config\.json:2:1: invalid JSON: .+/),
      },
    ]);
    // Logged for the output panel as well.
    expect((await client.waitFor('window/logMessage')).message).toMatch(/^patchlint: patchlint\.config\.json:2:1: invalid JSON: /);

    // An unknown rule is a broken config too; the server keeps serving.
    writeFileSync(path.join(dir, 'patchlint.config.json'), '{ "rules": { "lowercase-keys": "off" } }\n');
    configChanged(2);
    expect((await client.diagnostics(uri('game.lua'))).diagnostics.map((d: any) => d.message)).toEqual([
      "patchlint cannot lint this file: patchlint.config.json: rules.lowercase-keys: unknown rule 'lowercase-keys' (did you mean 'lowercase-key'?)",
    ]);

    rmSync(path.join(dir, 'patchlint.config.json'));
    configChanged(3);
    expect((await client.diagnostics(uri('game.lua'))).diagnostics.map((d: any) => `${d.code} sev${d.severity}`)).toEqual(['lowercase-key sev1']);
  });

  it('publishes nothing for a file the config ignores', async () => {
    writeFileSync(path.join(dir, 'patchlint.config.json'), '{ "ignores": ["vendor/**"] }\n');
    client.notify('textDocument/didOpen', { textDocument: { uri: uri('vendor/lib.lua'), languageId: 'lua', version: 1, text: CODE } });
    expect((await client.diagnostics(uri('vendor/lib.lua'))).diagnostics).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });
});

describe('patchlint --lsp with initializationOptions.run = onSave', () => {
  it('lints on open and after didSave, not on didChange', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-lsp-save-'));
    const client = new LspClient(['--lsp']);
    try {
      const uri = pathToFileURL(path.join(dir, 'a.lua')).href;
      await client.request('initialize', { ...(initializeParams(pathToFileURL(dir).href) as object), initializationOptions: { run: 'onSave' } });
      client.notify('initialized', {});
      const upper = "Handlers.add('J', function()\n  Send({ device = 'patch@1.0', cache = { Score = 1 } })\nend)\n";
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'lua', version: 1, text: upper } });
      expect((await client.diagnostics(uri, 1)).diagnostics.map((d: any) => d.code)).toEqual(['lowercase-key']);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: upper.replace('Score', 'score') }] });
      // A code-action round trip proves the change was handled: nothing is published for version 2 before the save.
      expect(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
      expect(client.queued('textDocument/publishDiagnostics').filter((n: any) => n.params.version === 2)).toEqual([]);
      client.notify('textDocument/didSave', { textDocument: { uri } });
      expect((await client.diagnostics(uri, 2)).diagnostics).toEqual([]);
    } finally {
      client.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
