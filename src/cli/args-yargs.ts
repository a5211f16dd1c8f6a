// The full argument parser (yargs): --help, --version, and the error message of any command
// line the fast path (args-fast.ts) is not sure about. Loaded only then: yargs and its
// help-text dependencies cost more to compile than linting one file.
import yargs from 'yargs';
import { closestMatch } from '../shared/closest.js';
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
    .group(['format', 'output-file', 'quiet', 'max-warnings', 'color'], 'Output:')
    .group(['config', 'config-lookup', 'rule', 'print-config', 'inline-config', 'report-unused-disable-directives'], 'Configuration:')
    .group(['ignore-pattern', 'ignore', 'error-on-unmatched-pattern', 'max-file-size', 'stdin', 'stdin-filename'], 'Files:')
    .group(['fix', 'fix-dry-run'], 'Fixes:')
    .group(['print-paths', 'verify', 'messages', 'aos-module', 'verify-setup'], 'What the process exposes:')
    .group(['cache', 'cache-location'], 'Cache:')
    .group(['init', 'lsp', 'help', 'version'], 'Other:')
    .example('$0', 'Lint every .lua file under the current folder')
    .example('$0 --init', 'Write a config with the preset that matches the project')
    .example("$0 'process/**/*.lua' --fix", 'Lint the files a glob matches and apply the safe fixes')
    .example('$0 -f sarif -o patchlint.sarif .', 'Write a SARIF report for code scanning')
    .example('$0 --print-paths process/', 'Show the HTTP paths the patch messages expose')
    .example('$0 --verify process.lua --messages scenario.json', 'Run the script in the real aos module and show what it exposes')
    .example('cat a.lua | $0 --stdin --stdin-filename a.lua', 'Lint text from an editor or a script')
    .epilogue('Exit codes: 0 no errors (and no more warnings than --max-warnings); 1 errors, or too many warnings; 2 a usage error, a broken config, an unreadable file or an internal error.\n\nRules and configuration: docs/rules/ and docs/configuration.md in the package.')
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
  if (usageError) return { usageError: withSuggestions(usageError, argv) };
  if (args.help || args.version) return { done: true };
  return { args: pickCliArgs(args) };
}

/**
 * yargs' "Unknown arguments: fromat, qiet" as the options typed, each with the nearest known
 * one: "Unknown options: --fromat (did you mean --format?), --qiet (did you mean --quiet?)".
 */
export function withSuggestions(message: string, argv: string[]): string {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match) return message;
  const listed = match[1]!.split(', ');
  // yargs lists a camelCase copy of each kebab-case name (`inlinConfig` beside `inlin-config`).
  const names = listed.filter((n) => !/[A-Z]/.test(n) || !listed.includes(n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
  const known = [...Object.keys(CLI_OPTIONS), 'help', 'version'];
  const described = names.map((name) => {
    if (name.length === 1) return `-${name}`;
    // `--no-inlin-config` reaches yargs' message as `inlin-config`.
    const prefix = argv.some((a) => a === `--no-${name}` || a.startsWith(`--no-${name}=`)) ? '--no-' : '--';
    const near = closestMatch(name, known);
    return near ? `${prefix}${name} (did you mean ${prefix}${near}?)` : `${prefix}${name}`;
  });
  return `Unknown option${described.length === 1 ? '' : 's'}: ${described.join(', ')}`;
}
