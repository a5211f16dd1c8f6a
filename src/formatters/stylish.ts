// ESLint's stylish layout: a heading per file, one aligned row per problem, a summary.
import pc from 'picocolors';
import path from 'node:path';
import { escapeForMessage } from '../shared/escape.js';
import { SUMMARY_AFTER_FILES, type Formatter } from './types.js';
import { messageText } from './paths.js';

const stylish: Formatter = (results, context) => {
  const c = pc.createColors(context.color);
  let errors = 0, warnings = 0, fixableErrors = 0, fixableWarnings = 0;
  // Pieces joined once at the end: `out +=` over thousands of rows left a deep rope that
  // V8 then flattened when the CLI wrote it.
  const out: string[] = [];
  for (const result of results) {
    const messages = result.messages;
    if (messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    out.push(`\n${c.underline(displayPath(result.filePath, context.cwd))}\n`);
    const positions = messages.map((m) => `${m.line}:${m.column}`);
    let posWidth = 0, sevWidth = 0;
    for (let i = 0; i < messages.length; i++) {
      posWidth = Math.max(posWidth, positions[i]!.length);
      sevWidth = Math.max(sevWidth, messages[i]!.severity === 2 ? 5 /* error */ : 7 /* warning */);
    }
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      const sev = m.severity === 2 ? c.red('error') : c.yellow('warning');
      const pad = ' '.repeat(sevWidth - (m.severity === 2 ? 5 : 7));
      const text = escapeForMessage(messageText(m, context.cwd), 10_000);
      out.push(`  ${c.dim(positions[i]!.padEnd(posWidth))}  ${sev}${pad}  ${text}  ${c.dim(m.ruleId ?? '')}\n`);
    }
  }
  const total = errors + warnings;
  const run = context.run && context.run.files > SUMMARY_AFTER_FILES ? context.run : undefined;
  const took = run ? `${run.files} files linted in ${(run.milliseconds / 1000).toFixed(2)} s` : '';
  if (total === 0) return run ? `${c.green('\u2714')} ${took}: no problems.\n` : '';
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push(`\n${errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary))}\n`);
  if (fixableErrors + fixableWarnings > 0) {
    const line = `  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`;
    out.push(`${errors > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line))}\n`);
  }
  if (run) out.push(`${c.dim(`  ${took}.`)}\n`);
  for (const note of context.notes ?? []) out.push(`\n${note}\n`);
  return out.join('');
};

export function displayPath(filePath: string, cwd: string): string {
  const rel = path.isAbsolute(filePath) ? path.relative(cwd, filePath) : filePath;
  return escapeForMessage(rel === '' ? filePath : rel, 10_000);
}

export default stylish;
