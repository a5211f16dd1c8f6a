// One line per problem, `path:line:col: severity message [rule-id]`, for error-format parsers
// (vim's default errorformat, emacs compilation-mode) and grep. No summary line; the run's notes
// (advice such as the direct-keys preset, rare) follow as lines that do not parse as problems.
import { escapeForMessage } from '../shared/escape.js';
import type { Formatter } from './types.js';
import { messageText, relativePath } from './paths.js';
import { problemId } from './rule-ids.js';

const compact: Formatter = (results, context) => {
  let out = '';
  for (const result of results) {
    // Control characters in a file name become visible escapes: a name cannot start a new line.
    const file = escapeForMessage(relativePath(result.filePath, context.cwd), 10_000);
    for (const m of result.messages) {
      const severity = m.severity === 2 ? 'error' : 'warning';
      out += `${file}:${m.line}:${m.column}: ${severity} ${escapeForMessage(messageText(m, context.cwd), 10_000)} [${escapeForMessage(problemId(m), 200)}]\n`;
    }
  }
  for (const note of context.notes ?? []) out += `${note}\n`;
  return out;
};

export default compact;
