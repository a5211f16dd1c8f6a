// The command line: arguments → lint → format → exit code (0 clean, 1 problems, 2 usage,
// unreadable input or internal error). Everything else lives in the library.
import { ConfigError } from '../config/load.js';
import type { ConfigResolver } from '../config/resolve.js';
import { recount, rulesMeta, runNotes } from '../engine/index.js';
import { FORMATTER_NAMES, loadFormatter } from '../formatters/index.js';
import { describeError } from '../node/errors.js';
import { lintFiles } from '../node/lint-files.js';
import { escapeForMessage } from '../shared/escape.js';
import type { LintResult } from '../shared/results.js';
import { parseArgsFast } from './args-fast.js';
import { useColor } from './color.js';
import { printConfig, resolverFromFlags, stringList } from './config-flags.js';

declare const PATCHLINT_VERSION: string;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  // The language server owns stdin/stdout: start it before anything else (its code is a lazy chunk).
  if (argv.includes('--lsp')) {
    const extra = argv.filter((a) => a !== '--lsp' && a !== '--stdio' && !a.startsWith('--clientProcessId'));
    if (extra.length > 0) throw new UsageError(`--lsp takes no other arguments (got: ${extra.join(' ')})`);
    const { runLanguageServer } = await import('../lsp/server.js');
    runLanguageServer();
    return 0;
  }
  // Everyday command lines skip yargs (a large module to load); it still parses anything else.
  let args = parseArgsFast(argv);
  if (!args) {
    const parsed = await (await import('./args-yargs.js')).parseArgsWithYargs(argv);
    if ('usageError' in parsed) throw new UsageError(parsed.usageError);
    if ('done' in parsed) return 0;
    args = parsed.args;
  }

  if (args.init) {
    const { init } = await import('./init.js');
    const outcome = await init(args._.map(String), process.cwd());
    (outcome.written ? process.stdout : process.stderr).write(`${outcome.written ? '' : 'patchlint: '}${outcome.text.split('\n').map((line) => escapeForMessage(line, 10_000)).join('\n')}\n`);
    return outcome.written ? 0 : 2;
  }
  const format = String(args.format);
  const printingPaths = args['print-paths'];
  if (printingPaths && !['stylish', 'json'].includes(format)) throw new UsageError(`--print-paths writes stylish or json, not '${format}'`);
  if (printingPaths && (args.fix || args['fix-dry-run'] || args.stdin)) throw new UsageError(`--print-paths cannot be combined with --${args.stdin ? 'stdin' : args.fix ? 'fix' : 'fix-dry-run'}`);
  if (!FORMATTER_NAMES.includes(format)) {
    throw new UsageError(`Invalid value for --format: '${format}' (expected one of: ${FORMATTER_NAMES.join(', ')})`);
  }
  const maxWarnings = args['max-warnings'];
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < -1)) {
    throw new UsageError('Invalid value for --max-warnings: expected an integer');
  }
  if (args.verify !== undefined || args['verify-setup']) {
    const { verifyCommand } = await import('./verify.js');
    return verifyCommand(args, process.cwd());
  }
  if (args.messages !== undefined || args['aos-module'] !== undefined) throw new UsageError(`--${args.messages !== undefined ? 'messages' : 'aos-module'} requires --verify`);
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
      reportUnusedDisableDirectives: args['report-unused-disable-directives'] === true, maxFileSize: args['max-file-size'],
      inlineConfig: args['inline-config'] !== false,
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
  if (args.stdin && patterns.length > 0) throw new UsageError('--stdin cannot be combined with paths or globs');
  const { results, errors } = args.stdin
    ? { results: [await (await import('./stdin.js')).lintStdin(args['stdin-filename'], cwd, resolver, fixing)], errors: [] }
    : await lintFiles(patterns, {
      cwd, config: resolver.configFor, isIgnored: resolver.isIgnored, fix: fixing, cache: args.cache, cacheLocation: args['cache-location'],
      errorOnUnmatchedPattern: args['error-on-unmatched-pattern'] !== false,
    });
  if (args.fix) {
    const { outputFixes } = await import('../node/write-atomic.js');
    errors.push(...(await outputFixes(results)));
  }

  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const shown = args.quiet ? results.map(onlyErrors) : results;

  const color = useColor(args.color, process.env, args['output-file'] === undefined ? 'stdout' : 'file', process.stdout.isTTY === true);
  let output: string;
  if (printingPaths) {
    const { printPaths } = await import('./print-paths.js');
    output = printPaths(results, resolver.configFor, cwd, format, color);
  } else {
    const formatter = await loadFormatter(format);
    // The footer's total (stylish), timed from the process start as a user times it; not with
    // --quiet, which asks for errors only.
    const run = args.quiet ? undefined : { files: results.length, milliseconds: performance.now() };
    output = formatter(shown, { cwd, color, rulesMeta: rulesMeta(), notes: runNotes(shown), ...(run ? { run } : {}) });
  }
  if (args['output-file'] !== undefined) {
    const { writeReport } = await import('./output-file.js');
    const failure = await writeReport(String(args['output-file']), cwd, output);
    if (failure) errors.push(failure);
  } else if (output) {
    const failure = await writeStdout(output.endsWith('\n') ? output : `${output}\n`);
    // A reader that went away (`patchlint . | head -1`) wants no more: end quietly.
    if (failure === 'closed') return exitCodeFor(errors, errorCount, warningCount, maxWarnings, true);
    if (failure) errors.push(failure);
  }

  // File names in these lines come from the linted folder: no raw control characters on the terminal.
  for (const e of errors) process.stderr.write(`patchlint: ${escapeForMessage(e, 10_000)}\n`);
  // The map is the output asked for, not a verdict (as --print-config): 0 unless something could not be read.
  if (printingPaths) return errors.length > 0 ? 2 : 0;
  return exitCodeFor(errors, errorCount, warningCount, maxWarnings, false);
}

function exitCodeFor(errors: string[], errorCount: number, warningCount: number, maxWarnings: number | undefined, quiet: boolean): number {
  if (errors.length > 0) return 2;
  if (errorCount > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warningCount > maxWarnings) {
    if (!quiet) process.stderr.write(`patchlint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/**
 * Writes the report to standard output and waits until it is out: null when written,
 * 'closed' when the reader closed the pipe (EPIPE), else the one-line reason (a full disk).
 */
function writeStdout(text: string): Promise<string | null | 'closed'> {
  return new Promise((resolve) => {
    const failed = (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'EPIPE' ? 'closed' : `Cannot write the report to standard output: ${describeError(error)}`);
    };
    // Later errors of the same stream (the rest of a large write) must not become a crash.
    process.stdout.on('error', failed);
    process.stdout.write(text, (error) => (error ? failed(error) : resolve(null)));
  });
}

function onlyErrors(result: LintResult): LintResult {
  const copy = { ...result, messages: result.messages.filter((m) => m.severity === 2) };
  recount(copy);
  return copy;
}

function run(): Promise<void> {
  return main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(error instanceof UsageError ? `patchlint: ${message}\nRun 'patchlint --help' for usage.\n` : `patchlint: internal error: ${escapeForMessage(message, 10_000)}\n`);
      process.exitCode = 2;
    },
  );
}

/** A worker thread started by the CLI's own worker pool (through bin/patchlint.js): it serves lint batches. */
async function isLintWorker(): Promise<boolean> {
  // LINT_WORKER_ENV of src/node/workers/pool.ts, written out: importing it here would load
  // the worker code on every start (test/cli/cjs-lazy.test.ts).
  if (process.env.PATCHLINT_LINT_WORKER !== '1') return false;
  return !(await import('node:worker_threads')).isMainThread;
}

void isLintWorker().then(async (worker) => {
  if (worker) (await import('../node/workers/serve.js')).serveLintBatches();
  else await run();
});
