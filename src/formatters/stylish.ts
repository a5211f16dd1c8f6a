// ESLint's stylish layout: a heading per file, one aligned row per problem, a summary.
import pc from 'picocolors';
import path from 'node:path';
import { escapeForMessage } from '../text.js';
import type { Formatter } from './types.js';
import { messageText } from './paths.js';

const stylish: Formatter = (results, context) => {
  const c = pc.createColors(context.color);
  let errors = 0, warnings = 0, fixableErrors = 0, fixableWarnings = 0;
  let out = '';
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    out += `\n${c.underline(displayPath(result.filePath, context.cwd))}\n`;
    const rows = result.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? c.red('error') : c.yellow('warning'),
      escapeForMessage(messageText(m, context.cwd), 10_000),
      c.dim(m.ruleId ?? ''),
    ]);
    const width = [0, 0];
    for (const r of result.messages.map((m) => [`${m.line}:${m.column}`, m.severity === 2 ? 'error' : 'warning'])) {
      width[0] = Math.max(width[0]!, r[0]!.length);
      width[1] = Math.max(width[1]!, r[1]!.length);
    }
    result.messages.forEach((m, i) => {
      const [pos, sev, text, rule] = rows[i]!;
      const sevWidth = (m.severity === 2 ? 'error' : 'warning').length;
      out += `  ${c.dim(pos!.padEnd(width[0]!))}  ${sev}${' '.repeat(width[1]! - sevWidth)}  ${text}  ${rule}\n`;
    });
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out += `\n${errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary))}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    const line = `  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`;
    out += `${errors > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line))}\n`;
  }
  return out;
};

export function displayPath(filePath: string, cwd: string): string {
  const rel = path.isAbsolute(filePath) ? path.relative(cwd, filePath) : filePath;
  return escapeForMessage(rel === '' ? filePath : rel, 10_000);
}

export default stylish;
