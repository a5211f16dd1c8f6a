// The fast argument parser: the command lines of everyday use (`patchlint file.lua`, a
// pre-commit hook's `patchlint --format json a.lua b.lua`) read with Node's own util.parseArgs
// from the same option table as yargs (options.ts). Full yargs costs more start-up than linting
// one file, so it is loaded only when this returns null: --help, --version, --lsp, unknown
// options, `--`, short-option groups, numeric positionals, anything yargs could read, coerce
// or reject otherwise. Every command line accepted here parses to the same CliArgs under yargs
// (test/cli/args.test.ts checks many).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CLI_OPTIONS, type CliArgs, type CliOption } from './options.js';

const OPTIONS: Record<string, CliOption> = CLI_OPTIONS;
/** Options that may be given more than once (yargs collects them into an array). */
const REPEATABLE = new Set(['rule', 'ignore-pattern']);

export function parseArgsFast(argv: string[]): CliArgs | null {
  if (argv.length > 0 && argv.every(isCertainlyPath)) return withDefaults({ _: [...argv] });
  let tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>;
  try {
    tokens = parseArgs({ args: argv, options: parserOptions(), strict: true, allowPositionals: true, tokens: true }).tokens!;
  } catch {
    return null; // unknown option, missing value, a value that looks like an option...: yargs says what is wrong
  }
  const args: Record<string, unknown> = { _: [] };
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'option-terminator') return null;
    if (token.kind === 'positional') {
      // yargs turns positionals such as `1` or `0x10` into numbers, and `-` means something to it.
      if (token.value === '' || token.value === '-' || looksLikeNumber(token.value)) return null;
      (args._ as string[]).push(token.value);
      continue;
    }
    // `-qf` (a group of short options) and `-fjson` (a value glued on): yargs reads them its own way.
    if (token.rawName.length === 2 && (token.inlineValue === true || tokens[i + 1]?.index === token.index)) return null;
    const negated = token.name.startsWith('no-') && !Object.hasOwn(OPTIONS, token.name);
    const name = negated ? token.name.slice(3) : token.name;
    const option = OPTIONS[name]!;
    if (seen.has(name) && !REPEATABLE.has(name)) return null;
    seen.add(name);
    if (option.type === 'boolean') {
      // `--fix true` / `--fix false`: yargs reads the next word as the flag's value.
      const next = tokens[i + 1];
      if (next?.kind === 'positional' && (next.value === 'true' || next.value === 'false')) return null;
      args[name] = !negated;
    } else if (option.type === 'number') {
      if (token.value === '') return null;
      args[name] = Number(token.value);
    } else if (REPEATABLE.has(name)) {
      args[name] = args[name] === undefined ? token.value : [...[args[name]].flat(), token.value];
    } else {
      args[name] = token.value;
    }
  }
  return withDefaults(args);
}

/**
 * A token yargs can only take as a path: no leading `-`, and a character no number has (so
 * neither yargs' number parsing nor anything else applies). `a.lua` and `src/` are; `1e3`,
 * `0x10`, `abc` (hex digits only) are left to the general path above. A command line of such
 * paths alone (the pre-commit case) is not parsed at all.
 */
function isCertainlyPath(token: string): boolean {
  return token.charCodeAt(0) !== 45 /* - */ && /[^0-9a-fA-FxX.+-]/.test(token);
}

/** yargs-parser's test for a word it turns into a number. */
function looksLikeNumber(word: string): boolean {
  if (/^0x[0-9a-f]+$/i.test(word)) return true;
  if (/^0[^.]/.test(word)) return false;
  return /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(word);
}

/** Every option of the table, at its default unless given (what yargs returns). */
function withDefaults(given: Record<string, unknown>): CliArgs {
  const args: Record<string, unknown> = { _: given._ };
  for (const [name, option] of Object.entries(OPTIONS)) args[name] = Object.hasOwn(given, name) ? given[name] : option.default;
  return args as unknown as CliArgs;
}

let cachedOptions: NonNullable<ParseArgsConfig['options']> | undefined;

/**
 * The table as util.parseArgs options: numbers are read as strings (converted above), and each
 * boolean that yargs lets one negate (`--no-color`) is a second boolean option. `--lsp` is not
 * here: the CLI starts the language server before parsing.
 */
function parserOptions(): NonNullable<ParseArgsConfig['options']> {
  if (cachedOptions) return cachedOptions;
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, option] of Object.entries(OPTIONS)) {
    if (name === 'lsp') continue;
    const type = option.type === 'boolean' ? 'boolean' : 'string';
    options[name] = option.alias ? { type, short: option.alias } : { type };
    if (option.type === 'boolean') options[`no-${name}`] = { type: 'boolean' };
  }
  cachedOptions = options;
  return options;
}
