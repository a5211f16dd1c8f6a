// Position conversion between patchlint and LSP. Both count UTF-16 code units; patchlint's
// lines and columns are 1-based with an exclusive end, LSP's are 0-based (also exclusive end).
import type { Position, Range } from 'vscode-languageserver';
import { positionAt } from '../shared/positions.js';
import type { LintMessage } from '../shared/results.js';

/**
 * The LSP range of a message. A message without an end (a parsing error) becomes an empty
 * range at its start, as vscode-eslint does: editors then mark the token under it.
 */
export function messageRange(message: LintMessage): Range {
  const start: Position = { line: message.line - 1, character: message.column - 1 };
  if (message.endLine === undefined || message.endColumn === undefined) return { start, end: start };
  return { start, end: { line: message.endLine - 1, character: message.endColumn - 1 } };
}

/** The LSP position of a UTF-16 offset, from the line starts of the linted text. */
export function offsetPosition(lineStarts: number[], offset: number): Position {
  const p = positionAt(lineStarts, offset);
  return { line: p.line - 1, character: p.column - 1 };
}

/** The LSP range of a [start, end) offset pair (fixes and suggestions carry offsets). */
export function offsetRange(lineStarts: number[], range: readonly [number, number]): Range {
  return { start: offsetPosition(lineStarts, range[0]), end: offsetPosition(lineStarts, range[1]) };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
