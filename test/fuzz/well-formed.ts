// What every lint result must satisfy whatever the input: ESLint's result shape, counts that
// match the messages, positions and fix ranges inside the text.
import { expect } from 'vitest';
import { lineStarts } from '../../src/shared/positions.js';
import type { LintMessage, LintResult } from '../../src/shared/results.js';

const MESSAGE_KEYS = new Set([
  'ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'fatal', 'fix', 'suggestions', 'relatedLocation', 'suppressions',
]);
const RESULT_KEYS = new Set([
  'filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount',
  'usedDeprecatedRules', 'source', 'output',
]);

export function expectWellFormed(result: LintResult, text: string): void {
  for (const key of Object.keys(result)) expect(RESULT_KEYS.has(key), `unexpected result key ${key}`).toBe(true);
  expect(Array.isArray(result.messages) && Array.isArray(result.suppressedMessages) && Array.isArray(result.usedDeprecatedRules)).toBe(true);
  const errors = result.messages.filter((m) => m.severity === 2);
  expect(result.errorCount).toBe(errors.length);
  expect(result.warningCount).toBe(result.messages.length - errors.length);
  expect(result.fatalErrorCount).toBe(errors.filter((m) => m.fatal).length);
  expect(result.fixableErrorCount).toBe(errors.filter((m) => m.fix).length);
  expect(result.fixableWarningCount).toBe(result.messages.filter((m) => m.severity === 1 && m.fix).length);
  if (result.messages.length > 0) expect(result.source).toBe(text);
  const starts = lineStarts(text);
  for (const m of [...result.messages, ...result.suppressedMessages]) expectMessageInside(m, text, starts);
}

function expectMessageInside(m: LintMessage, text: string, starts: number[]): void {
  for (const key of Object.keys(m)) expect(MESSAGE_KEYS.has(key), `unexpected message key ${key}`).toBe(true);
  expect(m.ruleId === null || /^[a-z][a-z0-9-]*(\/[a-z0-9-]+)?$/.test(m.ruleId), String(m.ruleId)).toBe(true);
  expect([1, 2]).toContain(m.severity);
  expect(typeof m.message === 'string' && m.message.length > 0).toBe(true);
  if (m.fatal) expect(m.ruleId === null || m.message.startsWith('Rule ')).toBe(true);
  /** The column just past a line's text (its line break excluded): the last valid column. */
  const pastEnd = (line: number) => {
    let end = line < starts.length ? starts[line]! - 1 : text.length;
    if (line < starts.length && text[end] === '\n' && text[end - 1] === '\r') end--;
    return end - starts[line - 1]! + 1;
  };
  const inside = (line: number, column: number) => {
    expect(Number.isInteger(line) && line >= 1 && line <= starts.length, `line ${line} of ${starts.length}`).toBe(true);
    expect(Number.isInteger(column) && column >= 1 && column <= pastEnd(line), `column ${column} on line ${line}`).toBe(true);
  };
  inside(m.line, m.column);
  if (m.endLine !== undefined || m.endColumn !== undefined) {
    inside(m.endLine!, m.endColumn!);
    expect(m.endLine! > m.line || (m.endLine === m.line && m.endColumn! >= m.column), 'end before start').toBe(true);
  }
  const ranges = [m.fix?.range, ...(m.suggestions ?? []).map((s) => s.fix.range)].filter((r) => r !== undefined);
  for (const [a, b] of ranges) expect(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= text.length, `fix range ${a}-${b}`).toBe(true);
}
