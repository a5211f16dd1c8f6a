// The command line: arguments → lint → format → exit code (0 clean, 1 problems, 2 usage,
// unreadable input or internal error). Everything else lives in the library.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import pc from 'picocolors';
import { lintFiles } from './lint-files.js';
import { FORMATTER_NAMES, loadFormatter } from './formatters/index.js';
import type { LintResult } from './types.js';
import { recount } from './linter.js';

declare const PATCHLINT_VERSION: string;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let usageError: string | null = null;
  const parser = yargs(argv)
    .scriptName('patchlint')
    .usage('$0 [paths or globs...]\n\nLint the patch@1.0 messages of AO process Lua scripts.')
    .option('format', { alias: 'f', type: 'string', default: 'stylish', describe: `Output format: ${FORMATTER_NAMES.join(', ')}` })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('max-warnings', { type: 'number', describe: 'Exit with 1 when there are more warnings than this' })
    .option('color', { type: 'boolean', describe: 'Force colours on or off (--no-color); NO_COLOR and FORCE_COLOR are honoured' })
    .strictOptions()
    .help('help')
    .alias('help', 'h')
    .version('version', 'Show the version', PATCHLINT_VERSION)
    .alias('version', 'v')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      usageError = msg ?? err?.message ?? 'invalid arguments';
    });
  const args = await parser.parse();
  if (usageError) throw new UsageError(usageError);
  if (args.help || args.version) return 0;

  const format = String(args.format);
  if (!FORMATTER_NAMES.includes(format)) {
    throw new UsageError(`Invalid value for --format: '${format}' (expected one of: ${FORMATTER_NAMES.join(', ')})`);
  }
  const maxWarnings = args['max-warnings'];
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < -1)) {
    throw new UsageError('Invalid value for --max-warnings: expected an integer');
  }
  const cwd = process.cwd();
  const patterns = args._.map(String);
  const { results, errors } = await lintFiles(patterns, { cwd });

  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const shown = args.quiet ? results.map(onlyErrors) : results;

  const color = args.color ?? pc.isColorSupported;
  const formatter = await loadFormatter(format);
  const output = formatter(shown, { cwd, color });
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  for (const e of errors) process.stderr.write(`patchlint: ${e}\n`);
  if (errors.length > 0) return 2;
  if (errorCount > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warningCount > maxWarnings) {
    process.stderr.write(`patchlint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function onlyErrors(result: LintResult): LintResult {
  const copy = { ...result, messages: result.messages.filter((m) => m.severity === 2) };
  recount(copy);
  return copy;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(error instanceof UsageError ? `patchlint: ${message}\nRun 'patchlint --help' for usage.\n` : `patchlint: internal error: ${message}\n`);
    process.exitCode = 2;
  },
);
