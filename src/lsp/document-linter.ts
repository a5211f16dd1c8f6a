// Lints the open documents: debounced after changes, with the cross-file pass
// (duplicate-key-case) over all open documents, and publishes only what changed.
// It knows nothing about the connection: the server passes in how to publish and log.
import type { Diagnostic } from 'vscode-languageserver';
import { finishFiles, lintFile, type FileLint } from '../engine/index.js';
import { escapeForMessage } from '../shared/escape.js';
import type { ModuleLoader } from '../model/index.js';
import type { LintMessage, LintResult, ResolvedConfig } from '../shared/results.js';
import type { ConfigLookup } from './config.js';
import { configErrorDiagnostic, toDiagnostic } from './diagnostics.js';

export interface OpenDocument {
  uri: string;
  version: number;
  text: string;
  /** The file's path on disk (config lookup, messages naming other files), or null. */
  filePath: string | null;
}

/** A published diagnostic and the message it came from (code actions need its fix). */
export interface PublishedEntry {
  diagnostic: Diagnostic;
  message: LintMessage | null;
}

/** What a document looked like when it was last linted, with what was published for it. */
export interface LintedDocument {
  document: OpenDocument;
  lineStarts: number[];
  entries: PublishedEntry[];
  /** The config it was linted with (null: not linted, e.g. a broken config or an ignored file). */
  config: ResolvedConfig | null;
}

export interface DocumentLinterOptions {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  configFor(filePath: string | null): ConfigLookup;
  log(message: string): void;
  /** Quiet time after the last change before linting (default 150 ms). */
  debounceMs?: number;
  relatedInformation?: boolean;
  /** The loader of the modules documents require, made afresh for each lint run (modules change on disk). */
  modules?: () => ModuleLoader | null;
  /** The per-file linter (replaceable in tests). */
  lint?: typeof lintFile;
  /**
   * 'onType' (default): lint after each change. 'onSave': lint when the document opens and when
   * it is saved (vscode-eslint's `eslint.run`); edits in between leave the last diagnostics up.
   */
  run?: 'onType' | 'onSave';
}

interface DocumentState {
  document: OpenDocument;
  /** Needs linting again (text or config changed). */
  dirty: boolean;
  /** The per-file lint before the cross-file pass, or null when it could not run. */
  fileLint: FileLint | null;
  config: ResolvedConfig | null;
  /** Shown instead of lint results: a config that cannot be loaded, or a crash. */
  failure: Diagnostic | null;
  published: LintedDocument | null;
  publishedKey: string;
  /** With run 'onSave': the edited text not linted yet (null: none). */
  unsaved: OpenDocument | null;
}

export class DocumentLinter {
  private readonly states = new Map<string, DocumentState>();
  private timer: NodeJS.Timeout | null = null;
  private timerDue = 0;
  private readonly debounceMs: number;
  private readonly lint: typeof lintFile;

  constructor(private readonly options: DocumentLinterOptions) {
    this.debounceMs = options.debounceMs ?? 150;
    this.lint = options.lint ?? lintFile;
  }

  /** A newly opened document is linted at once (on the next turn, so opens batch). */
  open(document: OpenDocument): void {
    this.states.set(document.uri, { document, dirty: true, fileLint: null, config: null, failure: null, published: null, publishedKey: '', unsaved: null });
    this.schedule(0);
  }

  change(document: OpenDocument): void {
    const state = this.states.get(document.uri);
    if (!state) return this.open(document);
    // The editor library reports an open as a change too: nothing new to lint.
    if (sameText(state.document, document)) return;
    if (this.options.run === 'onSave') {
      state.unsaved = document;
      return;
    }
    state.document = document;
    state.dirty = true;
    this.schedule(this.debounceMs);
  }

  /** The document was saved: with run 'onSave', its edits are linted now. */
  saved(uri: string): void {
    const state = this.states.get(uri);
    if (state?.unsaved && this.takeUnsaved(state)) this.schedule(0);
  }

  /** Clears the closed document's diagnostics; the others may lose a cross-file report. */
  close(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    this.states.delete(uri);
    this.options.publish(uri, state.document.version, []);
    if (this.states.size > 0) this.schedule(0);
  }

  /** Configs changed on disk: lint every open document again. */
  configChanged(): void {
    for (const state of this.states.values()) state.dirty = true;
    this.schedule(0);
  }

  /**
   * The last linted state of a document, linting first when changes are pending. With run
   * 'onSave' and unsaved edits: null (the published ranges no longer match the text, so no
   * quick fix may be computed from them), unless `current` asks to lint the edited text now
   * (fix-all, which the editor requests just before saving).
   */
  linted(uri: string, current = false): LintedDocument | null {
    const state = this.states.get(uri);
    if (!state) return null;
    if (state.unsaved) {
      if (!current) return null;
      this.takeUnsaved(state);
    }
    if (state.dirty) this.flush();
    return state.published;
  }

  private takeUnsaved(state: DocumentState): boolean {
    const document = state.unsaved!;
    state.unsaved = null;
    if (sameText(state.document, document)) return false;
    state.document = document;
    state.dirty = true;
    return true;
  }

  /** Lints what is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      this.run();
    } catch (error) {
      // Never let one bad document stop the server.
      this.options.log(`patchlint: linting failed: ${describe(error)}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    // A change restarts the quiet period; an open or a config change lints on the next turn
    // (and takes pending changes along).
    if (this.timer && delayMs === 0 && this.timerDue <= Date.now()) return;
    this.reschedule(delayMs);
  }

  private reschedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = Date.now() + delayMs;
    this.timer = setTimeout(() => this.flush(), delayMs);
  }

  private run(): void {
    const modules = this.options.modules?.() ?? null;
    // A document that read a module is linted again: the module may have changed.
    for (const state of this.states.values()) if (state.dirty || (state.fileLint?.modules.length ?? 0) > 0) this.lintOne(state, modules);
    this.crossFilePass();
  }

  private lintOne(state: DocumentState, modules: ModuleLoader | null): void {
    state.dirty = false;
    state.fileLint = null;
    state.config = null;
    state.failure = null;
    const { document } = state;
    const lookup = this.options.configFor(document.filePath);
    if ('error' in lookup) {
      state.failure = configErrorDiagnostic(lookup.error);
      this.options.log(`patchlint: ${lookup.error}`);
      return;
    }
    // The config's "ignores" name this file: no diagnostics, as the CLI does not lint it.
    if ('ignored' in lookup) return;
    try {
      state.fileLint = this.lint(document.text, { filePath: lintPath(document), config: lookup.config, modules });
      state.config = lookup.config;
    } catch (error) {
      const detail = describe(error);
      this.options.log(`patchlint: internal error while linting ${document.uri}: ${detail}`);
      state.failure = { ...configErrorDiagnostic(`internal error: ${detail}`) };
    }
  }

  /** Finishes the per-file lints with the cross-file reports among open documents, publishes changes. */
  private crossFilePass(): void {
    const linted: FileLint[] = [];
    const configs = new Map<string, ResolvedConfig>();
    const byPath = new Map<string, DocumentState>();
    for (const state of this.states.values()) {
      if (!state.fileLint || !state.config) continue;
      const path = lintPath(state.document);
      linted.push(state.fileLint);
      configs.set(path, state.config);
      byPath.set(path, state);
    }
    const resultByState = new Map<DocumentState, { result: LintResult; lineStarts: number[] }>();
    try {
      const results = finishFiles(linted, (filePath) => configs.get(filePath)!, (filePath) => byPath.get(filePath)?.document.text);
      results.forEach((result, i) => resultByState.set(byPath.get(result.filePath)!, { result, lineStarts: linted[i]!.lineStarts }));
    } catch (error) {
      // Never lose every document's diagnostics to one failure: each file's own then.
      this.options.log(`patchlint: cross-file check failed: ${describe(error)}`);
      for (const file of linted) resultByState.set(byPath.get(file.filePath)!, { result: finishFiles([file], () => configs.get(file.filePath)!)[0]!, lineStarts: file.lineStarts });
    }
    const uriOf = (filePath: string): string | null => byPath.get(filePath)?.document.uri ?? null;
    const diagnosticOptions = { uriOf, relatedInformation: this.options.relatedInformation ?? false };

    for (const state of this.states.values()) {
      const file = resultByState.get(state);
      const entries: PublishedEntry[] = state.failure
        ? [{ diagnostic: state.failure, message: null }]
        : (file?.result.messages ?? []).map((message) => ({ diagnostic: toDiagnostic(message, diagnosticOptions), message }));
      const lineStarts = file?.lineStarts ?? [0];
      const key = `${state.document.version}\0${JSON.stringify(entries.map((e) => e.diagnostic))}`;
      const unchanged = key === state.publishedKey;
      state.published = { document: state.document, lineStarts, entries, config: state.config };
      if (unchanged) continue;
      state.publishedKey = key;
      this.options.publish(state.document.uri, state.document.version, entries.map((e) => e.diagnostic));
    }
  }
}

/** The same version with the same text: nothing new to lint. */
function sameText(a: OpenDocument, b: OpenDocument): boolean {
  return a.version === b.version && a.text === b.text;
}

/** The path messages and the cross-file pass use: the file's path (absolute, as the CLI's), or the URI. */
function lintPath(document: OpenDocument): string {
  return document.filePath ?? document.uri;
}

/** An error's message, safe to show (it may quote the linted text). */
function describe(error: unknown): string {
  return escapeForMessage(error instanceof Error ? error.message : String(error), 200);
}
