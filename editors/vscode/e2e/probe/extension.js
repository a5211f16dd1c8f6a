// Test-only extension that runs inside the real VS Code extension host next to patchlint's.
// It does what a user does, through VS Code's API, and writes what VS Code itself reports
// (diagnostics, code action titles, file texts) to $PATCHLINT_E2E_OUT/result.json for
// editors/vscode/e2e/run.mjs to check. Scenario from $PATCHLINT_E2E_SCENARIO: 'full' or 'startup'.
'use strict';
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const OUT = process.env.PATCHLINT_E2E_OUT;
const SCENARIO = process.env.PATCHLINT_E2E_SCENARIO || 'full';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const steps = [];
const step = (name, data) => {
  steps.push({ name, at: Date.now() - started, ...data });
  fs.writeFileSync(path.join(OUT, 'progress.json'), JSON.stringify(steps, null, 2));
};

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'patchlint').map((d) => ({
    code: typeof d.code === 'object' ? d.code.value : d.code,
    href: typeof d.code === 'object' ? String(d.code.target) : null,
    severity: d.severity,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    message: d.message.split('\n')[0],
  }));
}

async function until(what, test, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function open(name) {
  const uri = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, name));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { uri, document, editor };
}

async function full() {
  const root = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const { uri, document } = await open('process.lua');
  const first = await until('patchlint diagnostics on process.lua', () => { const d = ours(uri); return d.length > 0 && d; });
  step('diagnostics', { diagnostics: first });

  // A quick fix, as the light bulb offers it.
  const device = first.find((d) => d.code === 'device-name');
  const range = new vscode.Range(device.range[0], device.range[1], device.range[2], device.range[3]);
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.map((a) => a.title);
  step('quick fixes', { titles });
  const fix = actions.find((a) => a.title.startsWith('Fix this device-name problem'));
  if (!fix || !fix.edit) throw new Error(`no quick fix for device-name among ${JSON.stringify(titles)}`);
  await vscode.workspace.applyEdit(fix.edit);
  await document.save();
  step('after quick fix', { line: document.lineAt(device.range[0]).text });
  const afterFix = await until('diagnostics without device-name', () => { const d = ours(uri); return !d.some((x) => x.code === 'device-name') && d; });
  step('diagnostics after quick fix', { diagnostics: afterFix });

  // Editing the config re-lints the open file.
  fs.writeFileSync(path.join(root, 'patchlint.config.json'), JSON.stringify({ extends: 'recommended', rules: { 'lowercase-key': 'off' } }, null, 2) + '\n');
  const afterConfig = await until('diagnostics without lowercase-key', () => { const d = ours(uri); return !d.some((x) => x.code === 'lowercase-key') && d; });
  step('diagnostics after config edit', { diagnostics: afterConfig });

  // The command palette's "patchlint: Fix all patch problems" on another file.
  const second = await open('fixall.lua');
  await until('patchlint diagnostics on fixall.lua', () => ours(second.uri).length > 0);
  await vscode.commands.executeCommand('patchlint.fixAll');
  await until('fixall.lua changed', () => second.document.isDirty);
  step('after fix all', { text: second.document.getText() });
  await second.document.save();

  // Back to the first file with the config as it was (its error comes back), for the screenshot.
  fs.writeFileSync(path.join(root, 'patchlint.config.json'), '{ "extends": "recommended" }\n');
  await vscode.window.showTextDocument(document);
  const restored = await until('lowercase-key back', () => { const d = ours(uri); return d.some((x) => x.code === 'lowercase-key') && d; });
  step('diagnostics after config restored', { diagnostics: restored });
  step('commands', { commands: (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('patchlint.')).sort() });
}

async function startup() {
  const { uri } = await open('process.lua');
  step('diagnostics', { diagnostics: await until('patchlint diagnostics on process.lua', () => { const d = ours(uri); return d.length > 0 && d; }) });
}

exports.activate = () => {
  if (!OUT) return;
  (SCENARIO === 'full' ? full() : startup()).then(
    () => fs.writeFileSync(path.join(OUT, 'result.json'), JSON.stringify({ ok: true, steps }, null, 2)),
    (error) => fs.writeFileSync(path.join(OUT, 'result.json'), JSON.stringify({ ok: false, error: String(error && error.stack || error), steps }, null, 2)),
  );
};
exports.deactivate = () => {};
