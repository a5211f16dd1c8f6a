// "Fix all" (code action kind source.fixAll.patchlint, e.g. VS Code's codeActionsOnSave): the
// same passes as `patchlint --fix` on one document, sent as one edit spanning only what changed.
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import { lintTexts } from '../engine/index.js';
import type { ResolvedConfig } from '../shared/results.js';
import type { LintedDocument } from './document-linter.js';
import { offsetRange } from './positions.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.patchlint`;

/** Whether the editor's `only` kinds ask for the fix-all action ('source' and 'source.fixAll' include it). */
export function wantsFixAll(only: string[] | undefined): boolean {
  return only !== undefined && only.some((kind) => kind === '' || FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

export function fixAllAction(linted: LintedDocument, config: ResolvedConfig, filePath: string): CodeAction | null {
  const { text } = linted.document;
  const output = lintTexts([{ filePath, text }], () => config, { fix: true })[0]!.output;
  if (output === undefined || output === text) return null;
  return {
    title: 'Fix all auto-fixable patchlint problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [linted.document.uri]: [changedSpan(linted.lineStarts, text, output)] } },
  };
}

/** One edit replacing the part between the common prefix and suffix, so cursors and marks elsewhere stay put. */
function changedSpan(lineStarts: number[], before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { range: offsetRange(lineStarts, [start, before.length - end]), newText: after.slice(start, after.length - end) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
