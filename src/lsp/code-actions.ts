// Code actions for the diagnostics an editor asks about: the rule's fix (preferred), its
// suggestions, and "Disable <rule> for this line" (a patchlint-disable-next-line comment).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Fix, LintMessage } from '../shared/results.js';
import type { LintedDocument, PublishedEntry } from './document-linter.js';
import { offsetRange, sameRange } from './positions.js';

/**
 * `only` is the kinds the editor asked for (codeAction context.only); all actions here are
 * quick fixes. Diagnostics that do not match a published one (stale, or from another tool)
 * get no actions.
 */
export function codeActionsFor(linted: LintedDocument, requested: Diagnostic[], only?: string[]): CodeAction[] {
  // Kinds are hierarchical: '' (CodeActionKind.Empty) covers all, 'quickfix' covers 'quickfix.x'.
  if (only && !only.some((kind) => kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
  const fixes: CodeAction[] = [];
  const suggestions: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const diagnostic of requested) {
    const entry = findEntry(linted.entries, diagnostic);
    const message = entry?.message;
    if (!entry || !message) continue;
    if (message.fix) {
      fixes.push({
        title: fixTitle(message),
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics: [entry.diagnostic],
        edit: editOf(linted, [toTextEdit(linted, message.fix)]),
      });
    }
    for (const suggestion of message.suggestions ?? []) {
      suggestions.push({
        title: suggestion.desc,
        kind: CodeActionKind.QuickFix,
        diagnostics: [entry.diagnostic],
        edit: editOf(linted, [toTextEdit(linted, suggestion.fix)]),
      });
    }
    const once = `${message.ruleId}\0${message.line}`;
    if (message.ruleId === null || disabled.has(once)) continue;
    disabled.add(once);
    const edit = disableLineEdit(linted, message);
    if (edit) {
      disables.push({
        title: `Disable ${message.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [entry.diagnostic],
        edit: editOf(linted, [edit]),
      });
    }
  }
  return [...fixes, ...suggestions, ...disables];
}

function fixTitle(message: LintMessage): string {
  if (message.ruleId) return `Fix this ${message.ruleId} problem`;
  return message.messageId === 'unusedDirective' ? 'Remove this unused directive' : 'Fix this problem';
}

/**
 * The published entry a requested diagnostic stands for: same code, message and start line;
 * the exact range when there is one, else the nearest start. The range alone is not enough:
 * Neovim 0.7 sends back byte columns where it received UTF-16 ones.
 */
function findEntry(entries: PublishedEntry[], diagnostic: Diagnostic): PublishedEntry | undefined {
  const candidates = entries.filter(
    (e) => e.diagnostic.code === diagnostic.code && e.diagnostic.message === diagnostic.message && e.diagnostic.range.start.line === diagnostic.range.start.line,
  );
  const exact = candidates.find((e) => sameRange(e.diagnostic.range, diagnostic.range));
  if (exact) return exact;
  const distance = (e: PublishedEntry) => Math.abs(e.diagnostic.range.start.character - diagnostic.range.start.character);
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
}

function toTextEdit(linted: LintedDocument, fix: Fix): TextEdit {
  return { range: offsetRange(linted.lineStarts, fix.range), newText: fix.text };
}

function editOf(linted: LintedDocument, edits: TextEdit[]) {
  return { changes: { [linted.document.uri]: edits } };
}

/**
 * Inserts `-- patchlint-disable-next-line <rule>` above the message's line with that line's
 * indentation and line ending, or adds the rule to such a comment already there. Returns null
 * when the comment above already disables the rule (or all rules).
 */
export function disableLineEdit(linted: LintedDocument, message: LintMessage): TextEdit | null {
  const { text } = linted.document;
  const starts = linted.lineStarts;
  const line = message.line - 1;
  const lineText = lineAt(text, starts, line);
  const previous = line > 0 ? lineAt(text, starts, line - 1) : null;
  const existing = previous === null ? null : /^([ \t]*--[ \t]*patchlint-disable-next-line)(?=\s|$)(.*)$/.exec(previous);
  if (existing) {
    const rest = existing[2]!;
    const reasonAt = rest.search(/\s--(\s|$)/);
    const list = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
    const ruleIds = list.split(',').map((r) => r.trim()).filter(Boolean);
    if (ruleIds.length === 0 || ruleIds.includes(message.ruleId!)) return null;
    const character = existing[1]!.length + list.trimEnd().length;
    const at = { line: line - 1, character };
    return { range: { start: at, end: at }, newText: `, ${message.ruleId}` };
  }
  const indentation = /^[ \t]*/.exec(lineText)![0];
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indentation}-- patchlint-disable-next-line ${message.ruleId}${lineEnding(text, starts, line)}` };
}

/** The text of a 0-based line without its line break. */
function lineAt(text: string, starts: number[], line: number): string {
  const start = starts[line] ?? text.length;
  const next = starts[line + 1] ?? text.length;
  return text.slice(start, next).replace(/\r?\n$|\r$/, '');
}

/** The line break ending that line, else the file's first one, else \n. */
function lineEnding(text: string, starts: number[], line: number): string {
  const index = starts[line + 1] !== undefined ? line : 0;
  const next = starts[index + 1];
  if (next === undefined) return '\n';
  if (text[next - 1] === '\n') return text[next - 2] === '\r' ? '\r\n' : '\n';
  return '\r';
}
