// Stable ids for problems that no rule reports (ruleId null in ESLint's JSON), so formats that
// need an id for every problem (SARIF, GitHub titles, compact) can name them.
import type { LintMessage } from '../shared/results.js';

export const PARSE_ERROR_ID = 'patchlint/parse-error';
export const INTERNAL_ERROR_ID = 'patchlint/internal-error';
export const DIRECTIVE_ID = 'patchlint/directive';
export const IGNORED_FILE_ID = 'patchlint/ignored-file';

/** The built-in ids, with what each one means (SARIF lists them beside the rules). */
export const BUILT_IN_IDS: readonly { id: string; description: string; level: 'error' | 'warning' }[] = [
  { id: PARSE_ERROR_ID, description: 'The file is not valid Lua 5.3, so it was not analysed.', level: 'error' },
  { id: INTERNAL_ERROR_ID, description: 'patchlint failed while analysing this file; please report it.', level: 'error' },
  { id: DIRECTIVE_ID, description: 'A problem with an inline patchlint directive comment.', level: 'error' },
  { id: IGNORED_FILE_ID, description: 'A file named explicitly is ignored by the configuration, so it was not linted.', level: 'warning' },
];

/** A message's id in formats that need one: its rule, or the built-in id for what it is. */
export function problemId(message: LintMessage): string {
  // A fatal message is never the rule's own finding: a rule that throws is an internal error.
  if (message.fatal) return message.message.startsWith('Parsing error') ? PARSE_ERROR_ID : INTERNAL_ERROR_ID;
  if (message.ruleId !== null) return message.ruleId;
  // The two other sources of rule-less problems: an ignored file named explicitly
  // (src/node/lint-files.ts, as ESLint words it) and the inline directives.
  return message.message.startsWith('File ignored') ? IGNORED_FILE_ID : DIRECTIVE_ID;
}
