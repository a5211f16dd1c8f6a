// Small hand-made results for formatter unit tests (the fixture-set tests cover real output).
import path from 'node:path';
import { makeResult } from '../../src/engine/results.js';
import type { LintMessage, LintResult } from '../../src/shared/results.js';

export const CWD = path.resolve('/project');

export function result(relative: string, messages: LintMessage[]): LintResult {
  const r = makeResult(path.join(CWD, relative), messages);
  if (messages.length > 0) r.source = '-- source\n';
  return r;
}

export const upperKey: LintMessage = {
  ruleId: 'lowercase-key', severity: 2, messageId: 'upper',
  message: "Key 'Score' has upper-case letters.",
  line: 3, column: 40, endLine: 3, endColumn: 45,
};

export const nilValue: LintMessage = {
  ruleId: 'nil-value', severity: 1, messageId: 'nil',
  message: "'winner = nil' does nothing.",
  line: 4, column: 7, endLine: 4, endColumn: 13,
};

export const parseError: LintMessage = {
  ruleId: null, fatal: true, severity: 2, message: "Parsing error: '}' expected near ')'", line: 2, column: 52,
};
