// A finished result: messages in position order and ESLint's counts.
import type { LintMessage, LintResult } from '../shared/results.js';

/** Line, column, then rule id by code units (ids are ASCII; no locale rules on every message). */
export function byPosition(a: LintMessage, b: LintMessage): number {
  const x = a.ruleId ?? '';
  const y = b.ruleId ?? '';
  return a.line - b.line || a.column - b.column || (x < y ? -1 : x > y ? 1 : 0);
}

/** A result of these messages (sorted here) and suppressed messages, counted. */
export function makeResult(filePath: string, messages: LintMessage[], suppressedMessages: LintMessage[] = []): LintResult {
  messages.sort(byPosition);
  const result: LintResult = {
    filePath, messages, suppressedMessages,
    errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  recount(result);
  return result;
}

/** Sets the counts from the messages (after messages were added or filtered). */
export function recount(result: LintResult): void {
  let errors = 0, fatal = 0, warnings = 0, fixableErrors = 0, fixableWarnings = 0;
  for (const m of result.messages) {
    if (m.severity === 2) {
      errors++;
      if (m.fatal) fatal++;
      if (m.fix) fixableErrors++;
    } else {
      warnings++;
      if (m.fix) fixableWarnings++;
    }
  }
  result.errorCount = errors;
  result.fatalErrorCount = fatal;
  result.warningCount = warnings;
  result.fixableErrorCount = fixableErrors;
  result.fixableWarningCount = fixableWarnings;
}

/** A file that was not linted (ignored, crashed): one message, no source. */
export function singleMessageResult(filePath: string, message: LintMessage): LintResult {
  return makeResult(filePath, [message]);
}
