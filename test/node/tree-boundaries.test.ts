// Issue 18 (items 2, 3, 17, 19, 22): what the walk reads and where reports are written. A
// folder it cannot read is named, links never lead out of the linted tree, `-o` never writes
// through a planted link, and odd names are read or explained.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const PATCH = "function h() Send({ device = 'patch@1.0', cache = { Score = 1 } }) end\n";
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let dir: string;
let outside: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-tree-'));
  outside = mkdtempSync(path.join(tmpdir(), 'patchlint-outside-'));
  chmodSync(dir, 0o755);
});
afterEach(() => {
  chmodSync(path.join(dir), 0o755);
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
const at = (name: string) => path.join(dir, name);
const asNobody = (args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/patchlint.js'), ...args], {
  cwd: dir, uid: NOBODY, gid: NOBODY, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
});
const files = (json: string) => (JSON.parse(json) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath));

describe('a folder it may not read (run as an unprivileged user; needs root to switch user)', () => {
  beforeEach(() => {
    writeFileSync(at('ok.lua'), 'x = 1\n');
    mkdirSync(at('sub'));
    writeFileSync(at('sub/bad.lua'), 'x = (\n');
    chmodSync(at('sub'), 0o000);
  });
  afterEach(() => chmodSync(at('sub'), 0o755));

  it.skipIf(!isRoot)('walking past it: one line naming it, exit 2, the other files reported', () => {
    const run = asNobody(['-f', 'json', '.']);
    expect(run.stderr).toBe(`patchlint: Cannot read ${at('sub')}: permission denied\n`);
    expect(run.status).toBe(2);
    expect(files(run.stdout)).toEqual(['ok.lua']);
  });

  it.skipIf(!isRoot)('naming it or a file in it', () => {
    expect(asNobody(['sub']).stderr).toBe(`patchlint: Cannot read ${at('sub')}: permission denied\n`);
    const named = asNobody(['sub/bad.lua']);
    expect(named.stderr).toBe('patchlint: Cannot read sub/bad.lua: permission denied\n');
    expect(named.status).toBe(2);
  });
});

describe('links out of the tree', () => {
  beforeEach(() => {
    writeFileSync(path.join(outside, 'secret.lua'), `-- SECRET=hunter2\n${PATCH}`);
    writeFileSync(at('a.lua'), PATCH);
  });

  it('walking a folder: a link to a file outside it is not read; a link inside is', () => {
    symlinkSync(path.join(outside, 'secret.lua'), at('env.lua'));
    symlinkSync('a.lua', at('inner.lua'));
    const run = runCli(['-f', 'json', '.'], { cwd: dir });
    expect(files(run.stdout)).toEqual(['a.lua', 'inner.lua']);
    expect(run.stdout).not.toContain('hunter2');
  });

  it('/proc/self/environ behind a link never reaches a report', () => {
    symlinkSync('/proc/self/environ', at('environ.lua'));
    const run = runCli(['-f', 'json', '.'], { cwd: dir, env: { SECRET_TOKEN: 'hunter2' } });
    expect(run.stdout).not.toContain('hunter2');
    expect(files(run.stdout)).toEqual(['a.lua']);
  });

  it('named on the command line (a staged link in pre-commit): one warning, never read, exit 0', () => {
    symlinkSync(path.join(outside, 'secret.lua'), at('env.lua'));
    const run = runCli(['-f', 'json', 'env.lua'], { cwd: dir });
    expect(run.stdout).not.toContain('hunter2');
    const [result] = JSON.parse(run.stdout) as { messages: { severity: number; message: string }[]; source?: string }[];
    expect(result!.messages).toEqual([{ ruleId: null, severity: 1, message: 'File not read: it is a symbolic link to a file outside the linted folder (patchlint never follows links out of the tree).', line: 0, column: 0 }]);
    expect(result!.source).toBeUndefined();
    expect(run.status).toBe(0);
  });

  it('--fix never rewrites a file outside the tree through a link', () => {
    symlinkSync(path.join(outside, 'secret.lua'), at('env.lua'));
    runCli(['--fix', '.'], { cwd: dir });
    runCli(['--fix', 'env.lua'], { cwd: dir });
    expect(readFileSync(path.join(outside, 'secret.lua'), 'utf8')).toBe(`-- SECRET=hunter2\n${PATCH}`);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(PATCH.replace('Score', 'score'));
  });
});

describe('-o FILE', () => {
  it('replaces a planted link instead of writing through it', () => {
    writeFileSync(at('a.lua'), 'x = 1\n');
    writeFileSync(path.join(outside, 'precious'), 'keep me');
    symlinkSync(path.join(outside, 'precious'), at('report.json'));
    const run = runCli(['-f', 'json', '-o', 'report.json', 'a.lua'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(outside, 'precious'), 'utf8')).toBe('keep me');
    expect(lstatSync(at('report.json')).isFile()).toBe(true);
    expect(files(readFileSync(at('report.json'), 'utf8'))).toEqual(['a.lua']);
  });

  it.skipIf(isRoot)('a report that cannot be written leaves the old one whole (root may write anywhere: needs an unprivileged run)', () => {
    writeFileSync(at('a.lua'), 'x = 1\n');
    mkdirSync(at('out'));
    writeFileSync(at('out/report.json'), 'old report');
    chmodSync(at('out'), 0o555);
    const run = runCli(['-o', 'out/report.json', 'a.lua'], { cwd: dir });
    chmodSync(at('out'), 0o755);
    expect(run.stderr).toBe('patchlint: Cannot write out/report.json: permission denied\n');
    expect(readFileSync(at('out/report.json'), 'utf8')).toBe('old report');
  });
  it('-o /dev/stdout writes into the stream (a device is not replaced)', () => {
    writeFileSync(at('a.lua'), 'x = 1\n');
    const run = runCli(['-f', 'json', '-o', '/dev/stdout', 'a.lua'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(files(run.stdout)).toEqual(['a.lua']);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});

describe('names', () => {
  it('a backslash in a file name is read (was "no such file": fast-glob turned it into a separator)', () => {
    writeFileSync(at('a\\b.lua'), PATCH);
    const run = runCli(['-f', 'json', '.'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(files(run.stdout)).toEqual(['a\\b.lua']);
    expect(run.status).toBe(1);
  });

  it('a name that is not valid UTF-8: one line saying so, exit 2, the others reported', () => {
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/c`), Buffer.from([0xff]), Buffer.from('.lua')]), 'x = 1\n');
    writeFileSync(at('ok.lua'), 'x = 1\n');
    const run = runCli(['-f', 'json', '.'], { cwd: dir });
    expect(run.stderr).toBe(`patchlint: Cannot read ${at('c\ufffd.lua')}: its name is not valid UTF-8, which patchlint cannot open (rename the file)\n`);
    expect(files(run.stdout)).toEqual(['ok.lua']);
    expect(run.status).toBe(2);
  });

  it('--ignore-pattern that takes every file says so, exit 2 (as ESLint)', () => {
    mkdirSync(at('src'));
    writeFileSync(at('src/a.lua'), PATCH);
    const run = runCli(['--ignore-pattern', '*', 'src'], { cwd: dir });
    expect(run.stderr).toBe('patchlint: All files matched by "src" are ignored.\n');
    expect(run.status).toBe(2);
  });
});
