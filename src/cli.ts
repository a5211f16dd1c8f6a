// The command line: arguments → lint → format → exit code (0 clean, 1 problems, 2 usage,
// unreadable input or internal error). Everything else lives in the library.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import pc from 'picocolors';
import { ignoredFileResult, lintFiles } from './lint-files.js';
import { FORMATTER_NAMES, loadFormatter } from './formatters/index.js';
import type { LintResult } from './types.js';
import { recount } from './linter.js';
import { escapeForMessage } from './text.js';
import { ConfigError } from './config/load.js';
import type { ConfigResolver } from './config/resolve.js';
import { printConfig, resolverFromFlags, stringList } from './cli-config.js';

declare const PATCHLINT_VERSION: string;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  // The language server owns stdin/stdout: start it before anything else (its code is a lazy chunk).
  if (argv.includes('--lsp')) {
    const extra = argv.filter((a) => a !== '--lsp' && a !== '--stdio' && !a.startsWith('--clientProcessId'));
    if (extra.length > 0) throw new UsageError(`--lsp takes no other arguments (got: ${extra.join(' ')})`);
    const { runLanguageServer } = await import('./lsp/server.js');
    runLanguageServer();
    return 0;
  }
  let usageError: string | null = null;
  const parser = yargs(argv)
    .scriptName('patchlint')
    .usage('$0 [paths or globs...]\n\nLint the patch@1.0 messages of AO process Lua scripts.')
    .option('format', { alias: 'f', type: 'string', default: 'stylish', describe: `Output format: ${FORMATTER_NAMES.join(', ')}` })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('max-warnings', { type: 'number', describe: 'Exit with 1 when there are more warnings than this' })
    .option('color', { type: 'boolean', describe: 'Force colours on or off (--no-color); NO_COLOR and FORCE_COLOR are honoured' })
    .option('lsp', { type: 'boolean', describe: 'Run the language server over stdio (for editors; see docs/editors.md)' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of standard output' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Lint the text on standard input' })
    .option('stdin-filename', { type: 'string', describe: 'With --stdin: the path the text stands for (result filePath)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (JSON) instead of looking one up' })
    .option('config-lookup', { type: 'boolean', default: true, describe: 'Look up patchlint.config.json, .patchlintrc.json or package.json "patchlint" from the current folder upward (--no-config-lookup: use none)' })
    .option('rule', { type: 'string', describe: "Set a rule, after the config: 'id: severity' or 'id: [\"error\", {...}]' (repeatable)" })
    .option('print-config', { type: 'string', describe: 'Print the resolved config for this file and exit' })
    .option('ignore-pattern', { type: 'string', describe: 'Skip files matching this glob, relative to the current folder (repeatable)' })
    .option('ignore', { type: 'boolean', default: true, describe: 'Honour the config ignores and --ignore-pattern (--no-ignore: lint everything)' })
    .option('error-on-unmatched-pattern', { type: 'boolean', default: true, describe: 'Exit with 2 when a path or glob matches no file (--no-error-on-unmatched-pattern: carry on)' })
    .option('fix', { type: 'boolean', default: false, describe: 'Apply safe fixes to the files' })
    .option('fix-dry-run', { type: 'boolean', default: false, describe: 'Compute fixes without writing them (the JSON output carries "output")' })
    .option('report-unused-disable-directives', { type: 'boolean', default: false, describe: 'Report patchlint-disable comments that suppress nothing (fixable)' })
    .option('cache', { type: 'boolean', default: false, describe: 'Only re-lint files whose text, config or patchlint version changed' })
    .option('cache-location', { type: 'string', describe: 'The cache file, or a folder for it (default: .patchlintcache)' })
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
  if (args['stdin-filename'] !== undefined && !args.stdin) throw new UsageError('--stdin-filename requires --stdin');
  if (args['output-file'] === '') throw new UsageError('Invalid value for --output-file: expected a file name');
  const cwd = process.cwd();
  const patterns = args._.map(String);
  if (args.fix && args['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be combined');
  if (args.fix && args.stdin) throw new UsageError('--fix cannot be used with --stdin (use --fix-dry-run: the JSON output carries the fixed text)');
  let resolver: ConfigResolver;
  try {
    resolver = resolverFromFlags({
      config: args.config, configLookup: args['config-lookup'] !== false, rule: stringList(args.rule),
      ignorePattern: stringList(args['ignore-pattern']), ignore: args.ignore !== false,
      reportUnusedDisableDirectives: args['report-unused-disable-directives'] === true,
    }, cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`patchlint: ${error.message}\n`);
    return 2;
  }
  if (args['print-config'] !== undefined) {
    process.stdout.write(printConfig(resolver, String(args['print-config']), cwd));
    return 0;
  }
  const fixing = args.fix === true || args['fix-dry-run'] === true;
  const { results, errors } = args.stdin
    ? await lintStandardInput(patterns, args['stdin-filename'], cwd, resolver, fixing)
    : await lintFiles(patterns, {
      cwd, config: resolver.configFor, isIgnored: resolver.isIgnored, fix: fixing, cache: args.cache, cacheLocation: args['cache-location'],
      errorOnUnmatchedPattern: args['error-on-unmatched-pattern'] !== false,
    });
  if (args.fix) {
    const { outputFixes } = await import('./write-atomic.js');
    errors.push(...(await outputFixes(results)));
  }

  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const shown = args.quiet ? results.map(onlyErrors) : results;

  const color = args.color ?? pc.isColorSupported;
  const formatter = await loadFormatter(format);
  const output = formatter(shown, { cwd, color });
  if (args['output-file'] !== undefined) {
    const { writeReport } = await import('./output-file.js');
    const failure = await writeReport(String(args['output-file']), cwd, output);
    if (failure) errors.push(failure);
  } else if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  // File names in these lines come from the linted folder: no raw control characters on the terminal.
  for (const e of errors) process.stderr.write(`patchlint: ${escapeForMessage(e, 10_000)}\n`);
  if (errors.length > 0) return 2;
  if (errorCount > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warningCount > maxWarnings) {
    process.stderr.write(`patchlint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

async function lintStandardInput(patterns: string[], filename: string | undefined, cwd: string, resolver: ConfigResolver, fixDryRun: boolean) {
  if (patterns.length > 0) throw new UsageError('--stdin cannot be combined with paths or globs');
  const { lintStdin, readStdin, stdinFilePath } = await import('./stdin.js');
  const text = await readStdin();
  // As ESLint: text standing for an ignored file is not linted; one warning says why.
  if (filename !== undefined && resolver.isIgnored(stdinFilePath(filename, cwd))) return { results: [ignoredFileResult(stdinFilePath(filename, cwd))], errors: [] };
  const config = resolver.configFor(stdinFilePath(filename, cwd));
  if (fixDryRun) {
    const { lintTextWithFixes } = await import('./lint-with-fixes.js');
    return { results: [lintTextWithFixes(text, stdinFilePath(filename, cwd), config)], errors: [] };
  }
  return lintStdin(text, { cwd, config, ...(filename !== undefined ? { filename } : {}) });
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
    process.stderr.write(error instanceof UsageError ? `patchlint: ${message}\nRun 'patchlint --help' for usage.\n` : `patchlint: internal error: ${escapeForMessage(message, 10_000)}\n`);
    process.exitCode = 2;
  },
);
