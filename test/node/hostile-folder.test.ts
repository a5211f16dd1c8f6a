// End to end: a folder holding every kind of hostile or broken file a new user might have.
// The CLI must finish, report each file correctly, skip what is not a regular file, and
// exit with the documented code (docs/robustness.md).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const PATCH = "function h() Send({ device = 'patch@1.0', cache = { Score = 1 } }) end";
const ESC = '\x1b';
const HOSTILE_NAME = `evil${ESC}[31m\n.lua`;
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let dir: string;
let hasFifo = false;
const file = (name: string, content: string | Buffer) => writeFileSync(path.join(dir, name), content);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-hostile-'));
  chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
  file('good.lua', `${PATCH}\n`);
  file('unclosed-string.lua', "x = 1\ny = 'abc\n");
  file('unclosed-long-string.lua', 'x = [==[ never closed\n');
  file('bad-escape.lua', 'x = "\\q"\n');
  file('empty-first-argument.lua', 'x = a(,1)\n');
  file('glued-number.lua', 'for i = 1, 2do end\n');
  file('stray-character.lua', 'x = 1 @ 2\n');
  file('nbsp.lua', 'local a\u00a0= 1\n');
  file('deep-parens.lua', `x = ${'('.repeat(20_000)}1${')'.repeat(20_000)}\n`);
  file('parens-4000.lua', `x = ${'('.repeat(4000)}1${')'.repeat(4000)}\n`); // overflows the main thread's stack, not a worker's
  file('deep-power-chain.lua', `x = 2${'^2'.repeat(100_000)}\n`);
  file('not-10000.lua', `x = ${'not '.repeat(10_000)}1\n`); // fatal on the main thread, clean in a worker, before the count
  file('minus-10000.lua', `x = ${'- '.repeat(10_000)}1\n`);
  file('long-chain.lua', `x = 1${' + 1'.repeat(50_000)}\n${PATCH}\n`);
  file('bom-crlf.lua', `\ufeff-- header\r\n\r\n${PATCH}\r\n`);
  file('cr-only.lua', `-- header\r\r${PATCH}\r`);
  file('shebang.lua', `#!/usr/bin/env lua\n${PATCH}\n`);
  file('tabs-accents.lua', `\tlocal caf = '\u00e9t\u00e9 \u{1f600}'; ${PATCH}\n`);
  file('nul-in-code.lua', 'x = 1\u0000\n');
  file('invalid-utf8.lua', Buffer.concat([Buffer.from("x = '"), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`'\n${PATCH}\n`)]));
  file('empty.lua', '');
  file('only-comments.lua', '-- nothing\n--[[ at\nall ]]\n');
  file('with space \u00e9\u00e8 \u6f22\u5b57.lua', `${PATCH}\n`);
  file(HOSTILE_NAME, `${PATCH}\n`);
  file('not-lua.txt', 'x = (\n');
  mkdirSync(path.join(dir, 'folder.lua'));
  file('folder.lua/inner.lua', 'x = (\n');
  mkdirSync(path.join(dir, 'node_modules'));
  file('node_modules/dep.lua', 'x = (\n');
  mkdirSync(path.join(dir, '.hidden'));
  file('.hidden/secret.lua', 'x = (\n');
  symlinkSync('nowhere.lua', path.join(dir, 'broken-link.lua'));
  symlinkSync('good.lua', path.join(dir, 'link-to-good.lua'));
  mkdirSync(path.join(dir, 'loop'));
  symlinkSync('..', path.join(dir, 'loop', 'up'));
  symlinkSync('.', path.join(dir, 'loop', 'self'));
  symlinkSync('self-loop-b.lua', path.join(dir, 'self-loop-a.lua'));
  symlinkSync('self-loop-a.lua', path.join(dir, 'self-loop-b.lua'));
  hasFifo = spawnSync('mkfifo', [path.join(dir, 'fifo.lua')]).status === 0;
  // Config files are data: code-shaped configs are never run.
  const marker = JSON.stringify(path.join(dir, 'EXECUTED'));
  for (const name of ['patchlint.config.js', 'patchlint.config.mjs', 'patchlint.config.cjs', '.patchlintrc.js']) {
    file(name, `require('fs').writeFileSync(${marker}, 'x'); export default {};\n`);
  }
  file('unreadable.lua', `${PATCH}\n`);
  chmodSync(path.join(dir, 'unreadable.lua'), 0o000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonResult { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string }[] }

/** basename → ["rule@line:col", ...] (parse errors with their message). */
function summarise(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of JSON.parse(stdout) as JsonResult[]) {
    out[path.relative(dir, r.filePath)] = r.messages.map((m) => `${m.ruleId ?? 'fatal'}@${m.line}:${m.column}${m.ruleId ? '' : ` ${m.message}`}`);
  }
  return out;
}

const EXPECTED: Record<string, string[]> = {
  'bad-escape.lua': ["fatal@1:6 Parsing error: invalid escape sequence near '\\q'"],
  'bom-crlf.lua': ['lowercase-key@3:53'],
  'cr-only.lua': ['lowercase-key@3:53'],
  'deep-parens.lua': ['fatal@1:204 Parsing error: too deeply nested: 200 nested brackets, blocks, functions or operators (Lua 5.3 refuses to load this: too many C levels)'],
  'parens-4000.lua': ['fatal@1:204 Parsing error: too deeply nested: 200 nested brackets, blocks, functions or operators (Lua 5.3 refuses to load this: too many C levels)'],
  'deep-power-chain.lua': ['fatal@1:404 Parsing error: too deeply nested: 200 nested brackets, blocks, functions or operators (Lua 5.3 refuses to load this: too many C levels)'],
  'not-10000.lua': ['fatal@1:801 Parsing error: too deeply nested: 200 nested brackets, blocks, functions or operators (Lua 5.3 refuses to load this: too many C levels)'],
  'minus-10000.lua': ['fatal@1:403 Parsing error: too deeply nested: 200 nested brackets, blocks, functions or operators (Lua 5.3 refuses to load this: too many C levels)'],
  'empty-first-argument.lua': ["fatal@1:7 Parsing error: unexpected symbol near ','"],
  'empty.lua': [],
  [HOSTILE_NAME]: ['lowercase-key@1:53'],
  'folder.lua/inner.lua': ["fatal@2:1 Parsing error: <expression> expected near '<eof>'"],
  'glued-number.lua': ["fatal@1:12 Parsing error: malformed number near '2d'"],
  'good.lua': ['lowercase-key@1:53'],
  'invalid-utf8.lua': ['lowercase-key@2:53'],
  'link-to-good.lua': ['lowercase-key@1:53'],
  'long-chain.lua': ['lowercase-key@2:53'],
  'nbsp.lua': ["fatal@1:8 Parsing error: unexpected symbol near '<U+00A0>'"],
  'nul-in-code.lua': ["fatal@1:6 Parsing error: unexpected symbol near '<U+0000>'"],
  'only-comments.lua': [],
  'shebang.lua': ['lowercase-key@2:53'],
  'stray-character.lua': ["fatal@1:7 Parsing error: unexpected symbol near '@'"],
  'tabs-accents.lua': ['lowercase-key@1:76'],
  'unclosed-long-string.lua': ["fatal@2:1 Parsing error: unfinished long string (starting at line 1) near '<eof>'"],
  'unclosed-string.lua': ["fatal@2:5 Parsing error: unfinished string near ''abc'"],
  'with space \u00e9\u00e8 \u6f22\u5b57.lua': ['lowercase-key@1:53'],
};

describe('linting a hostile folder', () => {
  it('reports every regular .lua file correctly and skips links to nowhere, loops, FIFOs, folders and ignored paths', () => {
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    // As root the chmod 000 file is readable: it is linted like the others.
    const expected = isRoot ? { ...EXPECTED, 'unreadable.lua': ['lowercase-key@1:53'] } : EXPECTED;
    expect(summarise(run.stdout)).toEqual(expected);
    expect(run.stderr).toBe(isRoot ? '' : `patchlint: Cannot read ${path.join(dir, 'unreadable.lua')}: permission denied\n`);
    expect(run.status).toBe(isRoot ? 1 : 2);
    expect(existsSync(path.join(dir, 'EXECUTED')), 'a config file was executed').toBe(false);
  });

  it('worker threads give the same results (their JS stack is larger: nesting must not depend on it)', () => {
    const expected = isRoot ? { ...EXPECTED, 'unreadable.lua': ['lowercase-key@1:53'] } : EXPECTED;
    const run = runCli(['--format', 'json', '.'], { cwd: dir, env: { PATCHLINT_WORKERS: '2' } });
    expect(summarise(run.stdout)).toEqual(expected);
    expect(run.status).toBe(isRoot ? 1 : 2);
  });

  it.skipIf(!isRoot)('a file it may not read (run as an unprivileged user): one clear line, exit 2, the other files still reported', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/patchlint.js'), '--format', 'json', '.'], {
      cwd: dir, uid: NOBODY, gid: NOBODY, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe(`patchlint: Cannot read ${path.join(dir, 'unreadable.lua')}: permission denied\n`);
    expect(run.status).toBe(2);
    expect(summarise(run.stdout)).toEqual(EXPECTED);
  });

  it('stylish output keeps the hostile file name on one escaped line', () => {
    const run = runCli(['--format', 'stylish', HOSTILE_NAME], { cwd: dir });
    expect(run.stdout).not.toContain(ESC);
    expect(run.stdout.split('\n')[1]).toBe('evil\\u{1b}[31m\\n.lua');
    expect(run.status).toBe(1);
  });
});

describe('paths on the command line', () => {
  const cases: [string, string[], string, number][] = [
    ['a FIFO', ['fifo.lua'], 'patchlint: Cannot read fifo.lua: not a regular file\n', 2],
    ['a broken symbolic link', ['broken-link.lua'], 'patchlint: Broken symbolic link: broken-link.lua\n', 2],
    ['a symbolic link loop', ['self-loop-a.lua'], 'patchlint: Symbolic link loop: self-loop-a.lua\n', 2],
    ['a missing file', ['missing.lua'], 'patchlint: No such file or directory: missing.lua\n', 2],
    ['a glob that matches nothing', ['nothing/**/*.lua'], 'patchlint: No files matching the pattern "nothing/**/*.lua" were found.\n', 2],
    ['a folder of links that loop', ['loop'], 'patchlint: No files matching the pattern "loop" were found.\n', 2],
    ['a glob that matches nothing, allowed', ['--no-error-on-unmatched-pattern', 'nothing/**/*.lua'], '', 0],
    ['a missing file, allowed', ['--no-error-on-unmatched-pattern', 'missing.lua', 'empty.lua'], '', 0],
    ['a broken link is still an error when unmatched patterns are allowed', ['--no-error-on-unmatched-pattern', 'broken-link.lua'], 'patchlint: Broken symbolic link: broken-link.lua\n', 2],
    ['a file with another extension, named explicitly, is linted', ['not-lua.txt'], '', 1],
    ['a folder named like a Lua file is searched, not read', ['folder.lua'], '', 1],
  ];
  for (const [name, args, stderr, status] of cases) {
    it(name, (context) => {
      if (args.includes('fifo.lua') && !hasFifo) context.skip(); // no mkfifo here
      const run = runCli(['--format', 'compact', ...args], { cwd: dir });
      expect(run.stderr).toBe(stderr);
      expect(run.status).toBe(status);
    });
  }

  it('no path argument lints the current folder', () => {
    const run = runCli(['--format', 'json'], { cwd: path.join(dir, 'folder.lua') });
    expect(summarise(run.stdout)).toEqual({ 'folder.lua/inner.lua': ["fatal@2:1 Parsing error: <expression> expected near '<eof>'"] });
    expect(run.status).toBe(1);
  });

  it('no path argument in a folder without Lua files: a clear message and exit 2', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'patchlint-empty-'));
    try {
      const run = runCli([], { cwd: empty });
      // Nothing typed: the message names the folder searched, not a pattern (issue 16).
      expect(run.stderr).toBe(`patchlint: No .lua files in the current folder or below (${realpathSync(empty)}). Name the files or folders to lint: patchlint src/ 'process/**/*.lua'\n`);
      expect(run.stdout).toBe('');
      expect(run.status).toBe(2);
      expect(runCli(['.'], { cwd: empty }).stderr).toBe('patchlint: No files matching the pattern "." were found.\n');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('config files are data', () => {
  it('a config nested too deeply for any parser: one clear line, exit 2, no stack trace', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'patchlint-config-'));
    try {
      writeFileSync(path.join(folder, 'a.lua'), 'x = 1\n');
      writeFileSync(path.join(folder, 'patchlint.config.json'), `{"rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
      const run = runCli(['a.lua'], { cwd: folder });
      expect(run.stderr).toMatch(/^patchlint: patchlint\.config\.json:1:\d+: invalid JSON: nested too deeply, found "\["\n$/);
      expect(run.status).toBe(2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
