// The fast argument parser: the command lines of everyday use (`patchlint file.lua`, a
// pre-commit hook's `patchlint --format json a.lua b.lua`) parsed by yargs-parser, the parser
// yargs itself runs, with the same option table (src/cli-options.ts). Full yargs costs more
// start-up than linting one file, so it is loaded only when this returns null: --help,
// --version, --lsp, unknown options, `--`, short-option groups, numeric positionals,
// anything yargs could read, coerce or reject otherwise. Every command line accepted here
// parses to the same CliArgs under yargs (test/cli-args.test.ts checks many).
import yargsParser from 'yargs-parser';
import { CLI_OPTIONS, pickCliArgs, type CliArgs, type CliOption, type CliOptionName } from './cli-options.js';

const OPTIONS: Record<string, CliOption> = CLI_OPTIONS;
const BY_ALIAS = new Map(Object.entries(OPTIONS).filter(([, o]) => o.alias).map(([name, o]) => [o.alias!, name]));
/** Options that may be given more than once (yargs collects them into an array). */
const REPEATABLE = new Set<CliOptionName>(['rule', 'ignore-pattern']);

export function parseArgsFast(argv: string[]): CliArgs | null {
  if (argv.length > 0 && argv.every(isCertainlyPath)) return onlyPaths(argv);
  if (!isPlainCommandLine(argv)) return null;
  const parsed = yargsParser.detailed(argv, parserOptions());
  if (parsed.error) return null;
  return pickCliArgs(parsed.argv);
}

/**
 * A token yargs can only take as a path: no leading `-`, and a character no number has (so
 * neither yargs' number parsing nor anything else applies). `a.lua` and `src/` are; `1e3`,
 * `0x10`, `abc` (hex digits only) are left to the general path below.
 */
function isCertainlyPath(token: string): boolean {
  return token.charCodeAt(0) !== 45 /* - */ && /[^0-9a-fA-FxX.+-]/.test(token);
}

/**
 * `patchlint a.lua b.lua` (the pre-commit case): what yargs-parser gives for paths alone,
 * every option at its default, without running it (about 1 ms of a 30 ms start in V8's
 * interpreter).
 */
function onlyPaths(argv: string[]): CliArgs {
  const args: Record<string, unknown> = { _: [...argv] };
  for (const [name, option] of Object.entries(OPTIONS)) args[name] = option.default;
  return args as unknown as CliArgs;
}

/** True when every token is one this parser reads exactly as yargs does. */
function isPlainCommandLine(argv: string[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('-')) {
      // yargs turns positionals such as `1` or `0x10` into numbers: leave those to it.
      if (token === '' || yargsParser.looksLikeNumber(token)) return false;
      continue;
    }
    const long = /^--([a-z][a-z-]*[a-z])(=[\s\S]*)?$/.exec(token);
    const short = /^-([a-z])$/.exec(token);
    let name: string | undefined;
    let negated = false;
    if (long) {
      name = long[1]!;
      if (!Object.hasOwn(OPTIONS, name) && name.startsWith('no-')) {
        name = name.slice(3);
        negated = true;
      }
    } else if (short) name = BY_ALIAS.get(short[1]!);
    if (name === undefined || !Object.hasOwn(OPTIONS, name) || name === 'lsp') return false;
    const option = OPTIONS[name]!;
    if (seen.has(name) && !REPEATABLE.has(name as CliOptionName)) return false;
    seen.add(name);
    const inlineValue = long?.[2] !== undefined;
    if (option.type === 'boolean') {
      // `--fix=false` and `--fix false` (yargs reads the next word) are left to yargs.
      if (inlineValue) return false;
      const next = argv[i + 1];
      if (next === 'true' || next === 'false') return false;
      continue;
    }
    if (negated) return false;
    if (inlineValue) continue;
    // The value is the next word; a missing one, or one that starts with '-', is left to yargs.
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('-')) return false;
    i++;
  }
  return true;
}

let cachedOptions: yargsParser.Options | undefined;

/** The yargs-parser options yargs builds from the same table. */
function parserOptions(): yargsParser.Options {
  if (cachedOptions) return cachedOptions;
  const options = { alias: {} as Record<string, string[]>, boolean: [] as string[], string: [] as string[], number: [] as string[], default: {} as Record<string, unknown> };
  for (const [name, option] of Object.entries(OPTIONS)) {
    options[option.type].push(name);
    if (option.alias) options.alias[name] = [option.alias];
    if (option.default !== undefined) options.default[name] = option.default;
  }
  cachedOptions = { ...options, configuration: { 'parse-positional-numbers': false } };
  return cachedOptions;
}
