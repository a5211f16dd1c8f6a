// The full argument parser (yargs): --help, --version, and the error message of any command
// line the fast path (args-fast.ts) is not sure about. Loaded only then: yargs and its
// help-text dependencies cost more to compile than linting one file.
import yargs from 'yargs';
import { CLI_OPTIONS, pickCliArgs, type CliArgs } from './options.js';

declare const PATCHLINT_VERSION: string;

/** `args`; `usageError` (yargs' message); or `done` when --help or --version printed. */
export type YargsOutcome = { args: CliArgs } | { usageError: string } | { done: true };

export async function parseArgsWithYargs(argv: string[]): Promise<YargsOutcome> {
  let usageError: string | null = null;
  const parser = yargs(argv)
    .scriptName('patchlint')
    .usage('$0 [paths or globs...]\n\nLint the patch@1.0 messages of AO process Lua scripts.')
    .options(CLI_OPTIONS)
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
  if (usageError) return { usageError };
  if (args.help || args.version) return { done: true };
  return { args: pickCliArgs(args) };
}
