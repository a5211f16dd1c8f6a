// GitHub Actions workflow commands: one `::error ...::message` / `::warning ...::message` line
// per problem, which GitHub turns into annotations on the changed lines of a pull request.
// Escaping follows @actions/core (toCommandValue/escapeData/escapeProperty): nothing in a
// linted file (keys, file names) can end the command early or start another one.
import { BIDI_AND_SEPARATORS, visibleEscape } from '../shared/escape.js';
import type { Formatter } from './types.js';
import { messageText, relativePath } from './paths.js';
import { problemId } from './rule-ids.js';

const github: Formatter = (results, context) => {
  let out = '';
  for (const result of results) {
    const file = relativePath(result.filePath, context.cwd);
    for (const m of result.messages) {
      const properties = [`file=${escapeProperty(file)}`];
      // Line 0 means the whole file (an ignored file): an annotation on the file, not a line.
      if (m.line >= 1) {
        properties.push(`line=${m.line}`);
        if (m.endLine !== undefined) properties.push(`endLine=${m.endLine}`);
        properties.push(`col=${m.column}`);
        if (m.endColumn !== undefined) properties.push(`endColumn=${m.endColumn}`);
      }
      const id = problemId(m);
      properties.push(`title=${escapeProperty(id.startsWith('patchlint/') ? id : `patchlint/${id}`)}`);
      out += `::${m.severity === 2 ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(messageText(m, context.cwd))}\n`;
    }
  }
  return out;
};

/** Message text: GitHub decodes %25, %0D and %0A. Other control characters (ANSI escapes) are percent-encoded too. */
export function escapeData(s: string): string {
  // Bidi controls and separators (in a file name too: U+202E would reverse the rest of the line
  // in the log) become visible escapes, as in the other text formats.
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/[\x00-\x1f\x7f-\x9f]/g, percent).replace(BIDI_AND_SEPARATORS, visibleEscape);
}

/** Property values (file, title): additionally `:` and `,`, which end a value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function percent(ch: string): string {
  return `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

export default github;
