// The CLI's fast start (bin/patchlint.js): the build leaves dist/chunks/cli.cjs and a V8 code cache
// that this Node accepts; without the cache, or with a damaged one, the CLI gives the same
// output. Needs a built dist/ (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const LAUNCHER = path.join(REPO_ROOT, 'bin/patchlint.js');
const LUA = "Send({ device = 'patch@1.0', Cache = { score = 1 } })\n";

/** Runs `code` in a fresh node (no flags from vitest) with the launcher's exports as `launcher`. */
function nodeWithLauncher(launcher: string, code: string): string {
  const run = spawnSync(process.execPath, ['-e', `const launcher = require(${JSON.stringify(launcher)}); ${code}`], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('the code cache made by the build', () => {
  it('exists for this Node and V8 accepts it for dist/chunks/cli.cjs', () => {
    const accepted = nodeWithLauncher(LAUNCHER, `
      const build = launcher.readCjsBuild();
      const data = launcher.cachedDataFor(build, require('node:fs').readFileSync(launcher.CACHE_FILE));
      process.stdout.write(String(data !== null && launcher.compileCjsBuild(build.source, data).cachedDataRejected === false));`);
    expect(accepted).toBe('true');
  });
});

describe('the CLI from a copy of the package', () => {
  let copy: string;
  const cli = (args: string[]) => {
    const run = spawnSync(process.execPath, [path.join(copy, 'bin/patchlint.js'), ...args], { cwd: copy, input: LUA, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const cacheFiles = () => readdirSync(path.join(copy, 'dist/chunks')).filter((f) => f.endsWith('.cache')).map((f) => path.join(copy, 'dist/chunks', f));

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'patchlint-code-cache-'));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(REPO_ROOT, part), path.join(copy, part), { recursive: true });
    writeFileSync(path.join(copy, 'a.lua'), LUA);
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('gives the same output with the cache, a damaged cache and none', () => {
    const args = ['--format', 'json', 'a.lua'];
    const cached = cli(args);
    expect(cached.status).toBe(1);
    expect(JSON.parse(cached.stdout)[0].messages.length).toBeGreaterThan(0);
    expect(cached.stderr).toBe('');
    // Right build hash, damaged V8 data: V8 rejects it and compiles dist/chunks/cli.cjs itself.
    for (const file of cacheFiles()) writeFileSync(file, Buffer.concat([readFileSync(file).subarray(0, 16), Buffer.from('not a code cache')]));
    expect(cli(args)).toEqual(cached);
    // Another build's cache: the ESM build runs.
    for (const file of cacheFiles()) writeFileSync(file, 'not this build\'s cache');
    expect(cli(args)).toEqual(cached);
    for (const file of cacheFiles()) rmSync(file);
    expect(cli(args)).toEqual(cached);
    expect(cli(['--stdin', '--format', 'compact'])).toMatchObject({ status: 1, stderr: '' });
  });

  it('does not use a cache made for another build of dist/chunks/cli.cjs', () => {
    const launcher = path.join(copy, 'bin/patchlint.js');
    const matches = () => nodeWithLauncher(launcher, `
      process.stdout.write(String(launcher.cachedDataFor(launcher.readCjsBuild(), require('node:fs').readFileSync(launcher.CACHE_FILE)) !== null));`);
    cpSync(path.join(REPO_ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
    expect(matches()).toBe('true');
    const cjs = path.join(copy, 'dist/chunks/cli.cjs');
    writeFileSync(cjs, readFileSync(cjs, 'latin1').replace(/^\/\/ [0-9a-f]{16}\n/, '// 0123456789abcdef\n'), 'latin1');
    expect(matches()).toBe('false');
    expect(cli(['--format', 'json', 'a.lua'])).toMatchObject({ status: 1, stderr: '' });
  });
});
