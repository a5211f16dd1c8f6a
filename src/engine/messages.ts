// Rule reports as the messages users read: positions from the line starts, the message text
// from the rule's templates, and internal errors that name the rule and keep the run going.
import type { Report } from '../../rules/kit.js';
import { escapeForMessage } from '../shared/escape.js';
import { positionAt } from '../shared/positions.js';
import type { LintMessage, Range, Severity } from '../shared/results.js';

/** A rule reported a message id its `messages` do not define: a bug in the rule. */
export class UnknownMessageIdError extends Error {}

/** A report at a range of the text whose line starts are `starts`. */
export function toMessage(ruleId: string, messages: Record<string, string>, severity: Severity, report: Report & { range: Range }, starts: number[]): LintMessage {
  const start = positionAt(starts, report.range[0]);
  const end = positionAt(starts, report.range[1]);
  const message: LintMessage = {
    ruleId,
    severity: severity === 2 ? 2 : 1,
    message: render(messages, report.messageId, report.data),
    messageId: report.messageId,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (report.fix) message.fix = { range: report.fix.range, text: report.fix.text };
  if (report.suggest?.length) {
    message.suggestions = report.suggest.map((s) => ({
      desc: render(messages, s.messageId, s.data),
      messageId: s.messageId,
      fix: { range: s.fix.range, text: s.fix.text },
    }));
  }
  return message;
}

function render(messages: Record<string, string>, messageId: string, data: Record<string, string | number> | undefined): string {
  if (!Object.hasOwn(messages, messageId)) throw new UnknownMessageIdError(`unknown messageId '${messageId}'`);
  return interpolate(messages[messageId]!, data);
}

/** `{{name}}` placeholders; text from the linted file is escaped so it cannot carry control characters. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : escapeForMessage(String(value));
  });
}

/** A rule (or the model) that threw: one fatal message on line 1 naming it. */
export function internalError(ruleId: string | null, error: unknown, where = 'on this file'): LintMessage {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = 'a value that cannot be shown'; // e.g. a thrown object without a prototype
  }
  const detail = escapeForMessage(text, 200);
  const message = ruleId ? `Rule '${ruleId}' failed ${where}: ${detail}` : `Internal error while analysing this file: ${detail}`;
  return { ruleId, fatal: true, severity: 2, message, line: 1, column: 1 };
}
