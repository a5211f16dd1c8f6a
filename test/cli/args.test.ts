// The two argument parsers agree: every command line the fast path (Node's util.parseArgs)
// accepts parses to exactly what full yargs gives, and everything else is left to yargs, whose
// help, version and error messages the user sees. In process on many vectors (listed and
// generated), then through the built CLI (`npm test` builds first) comparing exit code,
// stdout and stderr with a twin command line that goes through yargs; and the built bundle
// loads yargs only through import().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgsFast } from '../../src/cli/args-fast.js';
import type { YargsOutcome } from '../../src/cli/args-yargs.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

let parseArgsWithYargs: (argv: string[]) => Promise<YargsOutcome>;
beforeAll(async () => {
  // The build defines PATCHLINT_VERSION; here it is a global.
  (globalThis as { PATCHLINT_VERSION?: string }).PATCHLINT_VERSION = '0.0.0-test';
  ({ parseArgsWithYargs } = await import('../../src/cli/args-yargs.js'));
});

/** Both parsers on one command line: the fast result must be yargs' result, or null. */
async function expectAgreement(argv: string[]): Promise<'fast' | 'yargs'> {
  const fast = parseArgsFast(argv);
  if (fast === null) return 'yargs';
  const full = await parseArgsWithYargs(argv);
  expect(full, argv.join(' ')).toEqual({ args: fast });
  return 'fast';
}

// Command lines of everyday use: these must not load yargs (start-up, issue 7).
const FAST = [
  [],
  ['a.lua'],
  ['src/process.lua', 'src/token.lua', 'lib/util.lua'],
  ['true', 'null', 'x=1.lua', 'dir with spaces/ü.lua', '.lua'],
  ['abc', 'a.lua'], ['deadbeef'], ['e5'],
  ['**/*.lua'],
  ['--format', 'json', 'a.lua'],
  ['--format=json', 'a.lua'],
  ['-f', 'sarif', 'a.lua'],
  ['-f', 'nope', 'a.lua'],
  ['--format', '', 'a.lua'],
  ['--quiet', 'a.lua'],
  ['a.lua', '--quiet'],
  ['--max-warnings', '0', 'a.lua'],
  ['--max-warnings=10', 'a.lua'],
  ['--max-warnings', '1.5', 'a.lua'],
  ['--max-warnings', 'abc', 'a.lua'],
  ['--color', 'a.lua'],
  ['--no-color', 'a.lua'],
  ['--output-file', 'report.json', '-f', 'json', 'a.lua'],
  ['-o', 'out.txt', 'a.lua'],
  ['--output-file=', 'a.lua'],
  ['--stdin'],
  ['--stdin', '--stdin-filename', 'src/a.lua'],
  ['--stdin-filename', 'x.lua'],
  ['--config', 'custom.json', 'a.lua'],
  ['-c', 'custom.json', 'a.lua'],
  ['--no-config-lookup', 'a.lua'],
  ['--rule', 'nil-value: off', 'a.lua'],
  ['--rule', 'nil-value: off', '--rule', 'private-key: warn', 'a.lua'],
  ['--rule=nil-value: ["error", {}]', 'a.lua'],
  ['--print-config', 'a.lua'],
  ['--ignore-pattern', 'vendor/**', '--ignore-pattern', 'build/**', '.'],
  ['--no-ignore', '.'],
  ['--no-error-on-unmatched-pattern', 'missing/*.lua'],
  ['--fix', 'a.lua'],
  ['--fix-dry-run', '--format', 'json', 'a.lua'],
  ['--fix', '--fix-dry-run', 'a.lua'],
  ['--report-unused-disable-directives', 'a.lua'],
  ['--cache', 'a.lua'],
  ['--cache', '--cache-location', '/tmp/pl-cache', 'a.lua'],
  ['a b.lua', 'ünïcode.lua', 'x=1.lua'],
];

// Left to yargs: help, version, errors, and whatever yargs may read differently.
const YARGS = [
  ['--help'], ['-h'], ['--version'], ['-v'], ['a.lua', '--help'],
  ['--lsp'], ['--no-lsp', 'a.lua'],
  ['--bogus'], ['-x'], ['--Format', 'json'], ['--maxWarnings', '3'], ['--format.x', 'y'],
  ['--format'], ['--format', '--quiet'], ['-f'], ['--config'], ['--max-warnings', '-1'],
  ['--no-format', 'a.lua'], ['--no-rule', 'a.lua'], ['--no-no-color'],
  ['--fix=false'], ['--fix', 'true', 'a.lua'], ['--quiet', 'false'],
  ['--format', 'json', '--format', 'sarif'], ['--color', '--no-color'],
  ['-fjson', 'a.lua'], ['-qf', 'json'], ['--', 'a.lua'], ['-', 'a.lua'],
  ['1'], ['a.lua', '0x10'], ['1e3'], ['.5'], ['a.lua', '-0'], [''],
];

describe('fast argument parser', () => {
  it.each(FAST.map((argv) => [argv.join(' ') || '(no arguments)', argv]))('parses %s as yargs does', async (_title, argv) => {
    expect(await expectAgreement(argv)).toBe('fast');
  });

  it.each(YARGS.map((argv) => [argv.join(' '), argv]))('leaves %s to yargs', (_title, argv) => {
    expect(parseArgsFast(argv)).toBeNull();
  });

  it('gives the CLI the values and defaults it reads', () => {
    expect(parseArgsFast(['-f', 'json', '--max-warnings', '3', '--no-color', '--rule', 'a: off', '--rule', 'b: warn', 'x.lua'])).toEqual({
      _: ['x.lua'], format: 'json', quiet: false, 'max-warnings': 3, color: false, init: false, lsp: undefined, 'output-file': undefined,
      stdin: false, 'stdin-filename': undefined, config: undefined, 'config-lookup': true, rule: ['a: off', 'b: warn'],
      'print-config': undefined, 'ignore-pattern': undefined, ignore: true, 'error-on-unmatched-pattern': true, fix: false,
      'fix-dry-run': false, 'inline-config': true, 'report-unused-disable-directives': false, 'print-paths': false, verify: undefined,
      'verify-setup': false, messages: undefined, 'aos-module': undefined, cache: false, 'cache-location': undefined,
    });
  });

  it('agrees with yargs on generated command lines', async () => {
    const token = fc.constantFrom(
      'a.lua', 'dir', '**/*.lua', '1', '-1', '0x1', '1e3', 'abc', 'true', 'false', 'json', '', '-', '--', '-x', '--bogus', '--no-bogus',
      '--format', '--format=json', '--format=', '-f', '--quiet', '--no-quiet', '--quiet=true', '--max-warnings', '--max-warnings=2',
      '--color', '--no-color', '-o', '--output-file', '--stdin', '--stdin-filename', '-c', '--config', '--no-config-lookup',
      '--rule', '--rule=x: off', '--print-config', '--ignore-pattern', '--no-ignore', '--no-error-on-unmatched-pattern',
      '--fix', '--fix-dry-run', '--report-unused-disable-directives', '--cache', '--cache-location', '-qf', '-fc', '--Fix', '--no-inline-config', '--max-file-size',
      '--print-paths', '--verify', '--messages',
    );
    let fastCount = 0;
    await fc.assert(fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (argv) => {
      if ((await expectAgreement(argv)) === 'fast') fastCount++;
    }), { numRuns: 400, seed: 7 });
    // The generator must exercise the fast path, not only the hand-over.
    expect(fastCount).toBeGreaterThan(50);
  });
});

describe('the CLI gives the same answer through either parser', () => {
  // `--cache=false` means what leaving it out means, but sends the command line to yargs.
  const THROUGH_YARGS = '--cache=false';
  const cases = [
    ['fixtures/examples/mistakes.lua'],
    ['fixtures/examples/token.lua', '--quiet'],
    ['-f', 'json', 'fixtures/examples/mistakes.lua'],
    ['--format', 'compact', '--max-warnings', '0', 'fixtures/examples/token.lua', 'fixtures/examples/mistakes.lua'],
    ['--rule', 'nil-value: off', '--rule', 'private-key: off', 'fixtures/examples/mistakes.lua'],
    ['--print-config', 'fixtures/examples/mistakes.lua'],
    ['--format', 'nope', 'a.lua'],
    ['--max-warnings', 'abc', 'a.lua'],
    ['--stdin-filename', 'x.lua'],
    ['--fix', '--fix-dry-run', 'a.lua'],
    ['no/such/file.lua'],
  ];
  it.each(cases.map((argv) => [argv.join(' '), argv]))('%s', (_title, argv) => {
    expect(parseArgsFast(argv)).not.toBeNull();
    expect(parseArgsFast([...argv, THROUGH_YARGS])).toBeNull();
    const fast = runCli(argv);
    expect(fast.status).not.toBeNull();
    expect(runCli([...argv, THROUGH_YARGS])).toEqual(fast);
  });

  it('keeps yargs messages for what the fast path leaves to it', () => {
    expect(runCli(['--bogus', 'a.lua'])).toEqual({ status: 2, stdout: '', stderr: "patchlint: Unknown option: --bogus\nRun 'patchlint --help' for usage.\n" });
    expect(runCli(['-x', 'a.lua'])).toEqual({ status: 2, stdout: '', stderr: "patchlint: Unknown option: -x\nRun 'patchlint --help' for usage.\n" });
    expect(runCli(['--no-format', 'a.lua'])).toEqual({ status: 2, stdout: '', stderr: "patchlint: Invalid value for --format: 'false' (expected one of: stylish, json, sarif, github, compact)\nRun 'patchlint --help' for usage.\n" });
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    // (stderr may carry Node's warning about the helper's NO_COLOR and FORCE_COLOR.)
    for (const flag of ['--version', '-v']) expect(runCli([flag])).toMatchObject({ status: 0, stdout: `${version}\n` });
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
    expect(help.stdout).toContain('Output format: stylish, json, sarif, github, compact');
  });

  it('suggests the nearest option for a mistyped one, also in its --no- form (issue 16)', () => {
    const usage = "\nRun 'patchlint --help' for usage.\n";
    expect(runCli(['--fromat', 'json', 'a.lua']).stderr).toBe(`patchlint: Unknown option: --fromat (did you mean --format?)${usage}`);
    expect(runCli(['--fromat', 'json', '--qiet', 'a.lua']).stderr).toBe(`patchlint: Unknown options: --fromat (did you mean --format?), --qiet (did you mean --quiet?)${usage}`);
    expect(runCli(['--no-inlin-config', 'a.lua']).stderr).toBe(`patchlint: Unknown option: --no-inlin-config (did you mean --no-inline-config?)${usage}`);
  });

  it('--help shows every option in a group, examples and the exit codes (issue 16)', () => {
    const help = runCli(['--help']).stdout;
    const headings = help.split('\n').filter((line) => /^[A-Z][a-z ]+:$/.test(line));
    expect(headings).toEqual(['Output:', 'Configuration:', 'Files:', 'Fixes:', 'What the process exposes:', 'Cache:', 'Other:', 'Examples:']);
    expect(help).toMatch(/^Exit codes: 0 no errors .*; 1 errors, or too many warnings;\s+2 a usage error/m);
  });
});

describe('the built CLI (start-up)', () => {
  const DIST = path.join(REPO_ROOT, 'dist');
  const read = (file: string) => readFileSync(path.join(DIST, file), 'utf8');
  /** Every file Node loads for `patchlint a.lua` before any dynamic import(). */
  function loadedAtStartup(): string[] {
    const seen = new Set(['cli.js']);
    const queue = ['cli.js'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      for (const m of read(file).matchAll(/^import\s(?:[^;]*?from\s*)?"(\.[^"]+)"/gm)) {
        const next = path.posix.join(path.posix.dirname(file), m[1]!);
        if (!seen.has(next)) (seen.add(next), queue.push(next));
      }
    }
    return [...seen];
  }

  it('loads no argument parser library until the fast path hands over to yargs', () => {
    const files = loadedAtStartup();
    for (const file of files) expect(read(file), file).not.toMatch(/\/\/ node_modules\/(yargs|yargs-parser|cliui|y18n|string-width)\//);
    const lazy = /import\("\.\/(chunks\/args-yargs-[A-Z0-9]+\.js)"\)/.exec(read('cli.js'));
    expect(lazy).not.toBeNull();
    expect(read(lazy![1]!)).toContain('// node_modules/yargs/build/lib/yargs-factory.js');
  });
});
