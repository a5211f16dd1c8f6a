// `patchlint --lsp`: the language server over stdio. Wires the connection to the document
// linter and code actions; nothing here lints or converts positions itself.
import {
  CodeActionKind, DidChangeWatchedFilesNotification, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocumentSyncKind,
  TextDocuments, createConnection, type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from './code-actions.js';
import { CONFIG_FILE_NAMES, configForDocument, forgetConfigs } from './config.js';
import { DocumentLinter, type OpenDocument } from './document-linter.js';
import { FIX_ALL_KIND, fixAllAction, wantsFixAll } from './fix-all.js';
import { filePathOf, isLuaDocument } from './uri.js';
import { moduleFiles } from '../node/modules.js';

declare const PATCHLINT_VERSION: string;

export function runLanguageServer(): void {
  // A malformed header (no or a bad Content-Length) leaves the byte stream without framing:
  // nothing after it can be read reliably, and the reader would stay deaf until stdin closes.
  // Say so on stderr and exit, so that the client sees the server end and restarts it (as
  // vscode-languageclient and Neovim do) instead of waiting forever.
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    // A body that is not JSON keeps the framing: logged by the connection, and serving goes on.
    if (!/^(?:Header must|Content-Length)/.test(String(error.message))) return;
    process.stderr.write(`patchlint: the language client sent a malformed message (${String(error.message).split('\n')[0]}); exiting, as the stream cannot be read past it\n`);
    process.exit(1);
  });
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  // Given a reader rather than the stream, the library no longer ends the process when stdin
  // ends: do it here, as it did (the protocol's exit codes: 0 after shutdown, else 1).
  let shutdownReceived = false;
  const end = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // The editor is gone (closed pipe): the connection's end handler exits the process.
    }
  };
  // A language server must outlive any bug: log it and keep serving.
  process.on('uncaughtException', (error) => log(`patchlint: internal error: ${error?.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => log(`patchlint: internal error: ${String(reason)}`));

  let linter: DocumentLinter | null = null;
  let watchConfigs = false;
  let root: string | null = null;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    watchConfigs = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    root = rootUri ? filePathOf(rootUri) : null;
    // `initializationOptions.run` (the VS Code extension's patchlint.run): 'onType' or 'onSave'.
    const options = params.initializationOptions as { run?: unknown } | null | undefined;
    linter = new DocumentLinter({
      run: options?.run === 'onSave' ? 'onSave' : 'onType',
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
      configFor: (filePath) => configForDocument(filePath, root),
      // Modules come from the workspace, open documents as edited.
      modules: () => (root ? moduleFiles(root, (filePath) => openText(filePath)).loader : null),
      log,
      relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'patchlint', version: PATCHLINT_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (!watchConfigs) return;
    const watchers = CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` }));
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error: unknown) => log(`patchlint: cannot watch config files: ${String(error)}`));
  });

  const openText = (filePath: string): string | undefined => {
    for (const document of documents.all()) if (filePathOf(document.uri) === filePath) return document.getText();
    return undefined;
  };

  const toOpen = (document: TextDocument): OpenDocument | null =>
    isLuaDocument(document.uri, document.languageId)
      ? { uri: document.uri, version: document.version, text: document.getText(), filePath: filePathOf(document.uri) }
      : null;

  documents.onDidOpen(({ document }) => {
    const open = toOpen(document);
    if (open) linter?.open(open);
  });
  documents.onDidChangeContent(({ document }) => {
    const open = toOpen(document);
    if (open) linter?.change(open);
  });
  documents.onDidClose(({ document }) => linter?.close(document.uri));
  documents.onDidSave(({ document }) => linter?.saved(document.uri));

  connection.onDidChangeWatchedFiles((params) => {
    const touched = params.changes.some((change) => CONFIG_FILE_NAMES.some((name) => change.uri.endsWith(`/${name}`)));
    if (!touched) return;
    forgetConfigs();
    linter?.configChanged();
  });

  connection.onCodeAction((params) => {
    try {
      const fixAllWanted = wantsFixAll(params.context.only);
      const linted = linter?.linted(params.textDocument.uri, fixAllWanted);
      if (!linted) return [];
      const actions = codeActionsFor(linted, params.context.diagnostics, params.context.only);
      // Fix-all runs the fixer over the whole file: only when asked for (e.g. on save), not on every cursor move.
      const fixAll = fixAllWanted && linted.config ? fixAllAction(linted, linted.config, linted.document.filePath ?? linted.document.uri) : null;
      return fixAll ? [...actions, fixAll] : actions;
    } catch (error) {
      log(`patchlint: code actions failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  });

  connection.onShutdown(() => {
    shutdownReceived = true;
    linter?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
