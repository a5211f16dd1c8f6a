// The patchlint extension: starts patchlint's language server (`patchlint --lsp`) for Lua files
// and shows its state in the status bar. Diagnostics, quick fixes, "Disable … for this line"
// and fix-all (source.fixAll.patchlint, for editor.codeActionsOnSave) all come from the server;
// the extension only chooses which patchlint runs (server-location.ts) and how.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { describeLocation, locateServer } from './server-location.js';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('patchlint');
/** Settings that need a new server when they change (the server reads them at start). */
const RESTART_SETTINGS = ['patchlint.enable', 'patchlint.run', 'patchlint.path', 'patchlint.runtime', 'patchlint.useBundled'];

let client: LanguageClient | null = null;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let context: vscode.ExtensionContext;

export async function activate(extensionContext: vscode.ExtensionContext): Promise<void> {
  context = extensionContext;
  output = vscode.window.createOutputChannel('patchlint', { log: true });
  status = vscode.window.createStatusBarItem('patchlint.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'patchlint';
  status.command = 'patchlint.showOutput';
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('patchlint.showOutput', () => output.show()),
    vscode.commands.registerCommand('patchlint.restart', () => restart()),
    vscode.commands.registerCommand('patchlint.fixAll', () => fixAll()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((name) => event.affectsConfiguration(name))) void restart();
    }),
    // Trust granted: the workspace's patchlint may now run instead of the bundled one.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const settings = vscode.workspace.getConfiguration('patchlint');
  if (!settings.get<boolean>('enable', true)) {
    output.info('patchlint is disabled (patchlint.enable).');
    showStatus('off');
    return;
  }
  const located = locateServer({
    settingPath: settings.get<string | null>('path', null),
    useBundled: settings.get<boolean>('useBundled', false),
    trusted: vscode.workspace.isTrusted,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    extensionPath: context.extensionPath,
  });
  for (const note of located.notes) output.info(note);
  if ('error' in located) {
    output.error(`Cannot start patchlint: ${located.error}`);
    showStatus('error', located.error);
    return;
  }
  const { location } = located;
  output.info(describeLocation(location));
  const runtime = vscode.workspace.isTrusted ? settings.get<string | null>('runtime', null) : null;
  const run = settings.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType';
  // `module`: VS Code's own Node runs the server; `command`: the runtime the user chose.
  const serverOptions: ServerOptions = runtime
    ? { command: runtime, args: [location.bin, '--lsp'], transport: TransportKind.stdio }
    : { module: location.bin, args: ['--lsp'], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'lua' }, { scheme: 'untitled', language: 'lua' }],
    initializationOptions: { run },
    outputChannel: output,
    // Beside the Lua language server: only diagnostics and code actions, all marked source "patchlint".
    diagnosticCollectionName: 'patchlint',
  };
  const created = new LanguageClient('patchlint', 'patchlint', serverOptions, clientOptions);
  created.onDidChangeState(({ newState }) => {
    if (client !== created) return;
    if (newState === State.Running) showStatus('running', `${describeLocation(location)} Lints ${run === 'onSave' ? 'on save' : 'as you type'}.`);
    else if (newState === State.Starting) showStatus('starting');
    else showStatus('error', 'The patchlint server stopped. Click for its output; "patchlint: Restart server" starts it again.');
  });
  client = created;
  showStatus('starting');
  try {
    await created.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`The patchlint server did not start: ${message}`);
    showStatus('error', message);
  }
}

async function stop(): Promise<void> {
  const stopping = client;
  client = null;
  if (stopping?.isRunning()) await stopping.stop().catch((error: unknown) => output.warn(`Stopping the server: ${String(error)}`));
}

async function restart(): Promise<void> {
  output.info('Restarting patchlint.');
  await stop();
  await start();
}

/** "patchlint: Fix all patch problems": the server's fix-all action on the active Lua document. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'lua') {
    void vscode.window.showInformationMessage('patchlint: open a Lua file to fix its patch problems.');
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND.value);
  const ours = (actions ?? []).find((a) => a.kind && FIX_ALL_KIND.contains(a.kind) && a.edit);
  if (!ours?.edit) {
    void vscode.window.setStatusBarMessage('patchlint: nothing to fix automatically', 3000);
    return;
  }
  await vscode.workspace.applyEdit(ours.edit);
}

function showStatus(state: 'starting' | 'running' | 'error' | 'off', detail?: string): void {
  const icon = { starting: '$(sync~spin)', running: '$(check)', error: '$(error)', off: '$(circle-slash)' }[state];
  status.text = `${icon} patchlint`;
  status.tooltip = detail ?? { starting: 'patchlint is starting', running: 'patchlint is running', error: 'patchlint failed', off: 'patchlint is disabled (patchlint.enable)' }[state];
  status.backgroundColor = state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}
