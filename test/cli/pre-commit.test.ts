// The hook of .pre-commit-hooks.yaml, run by the real pre-commit (`pre-commit try-repo`) on a
// sample repository, exactly as a user's pre-commit installs it: clone, `npm install` (which
// runs the `prepare` build), `npm pack`, `npm install -g` of the tarball, then `patchlint <files>`.
// The hook repository is a git snapshot of this working tree (try-repo needs a commit).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
const SKIP_TITLE = 'the patchlint hook — SKIPPED: `pre-commit` is not on PATH (apt-get install pre-commit; .ci/run does it)';

const GIT_IDENTITY = ['-c', 'user.name=patchlint test', '-c', 'user.email=test@patchlint.invalid', '-c', 'commit.gpgsign=false'];
let tmp = '';
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' });
}

/** Tracked and new (not ignored) files of the working tree, committed into a fresh repository. */
function snapshotWorkingTree(target: string): void {
  const listed = git(REPO_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of listed) {
    const from = path.join(REPO_ROOT, file);
    let isFile = false;
    try {
      isFile = statSync(from).isFile();
    } catch {
      // Deleted in the working tree but still in the index.
    }
    if (!isFile) continue;
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(from, path.join(target, file));
  }
  git(target, 'init', '-q');
  git(target, 'add', '-A');
  git(target, 'commit', '-q', '-m', 'snapshot');
}

const BAD = "Handlers.add('B', function() Send({ device = 'patch@1.0', cache = { Score = 2 } }) end)\n";
const GOOD = "Handlers.add('A', function() Send({ device = 'patch@1.0', cache = { score = 1 } }) end)\n";
let hookRepo = '';

/** A repository with a clean and a bad Lua file (staged) and a text file that is not Lua. */
function sampleRepo(name: string): string {
  const sample = path.join(tmp, name);
  mkdirSync(sample);
  git(sample, 'init', '-q');
  writeFileSync(path.join(sample, 'a-good.lua'), GOOD);
  writeFileSync(path.join(sample, 'b-bad.lua'), BAD);
  writeFileSync(path.join(sample, 'notes.txt'), "Send({ device = 'patch@1.0', cache = { Score = 2 } })\n");
  git(sample, 'add', '-A');
  return sample;
}

function preCommit(cwd: string, args: string[]) {
  const run = spawnSync('pre-commit', args, {
    cwd,
    encoding: 'utf8',
    // The npm cache is usually warm: use it before the registry.
    env: { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'home'), npm_config_prefer_offline: 'true', NO_COLOR: '1' },
    timeout: 240_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

function expectHookFailedOnBadFile({ status, output }: { status: number | null; output: string }): void {
  expect(status, output).toBe(1);
  expect(output).toMatch(/^patchlint\.+Failed$/m);
  expect(output).toContain('- exit code: 1');
  const column = BAD.indexOf('Score') + 1;
  // One process sees both Lua files (require_serial), so the key is compared across them.
  expect(output).toMatch(new RegExp(`^b-bad\\.lua\\n  1:${column}  error  Key 'cache/Score' differs only in case from 'cache/score' in a-good\\.lua:1: .*duplicate-key-case$`, 'm'));
  expect(output).toMatch(new RegExp(`^  1:${column}  error  Key 'Score' has upper-case letters: .*lowercase-key$`, 'm'));
  // Only Lua files are passed (types: [lua]); the clean one produces no heading.
  expect(output).not.toContain('notes.txt');
  expect(output).not.toMatch(/^a-good\.lua$/m);
}

describe.skipIf(!hasPreCommit)('pre-commit', () => {
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'patchlint-pre-commit-'));
    hookRepo = path.join(tmp, 'patchlint');
    snapshotWorkingTree(hookRepo);
  });

  it('try-repo runs the patchlint hook on the Lua files and fails on the bad one', () => {
    const sample = sampleRepo('try-repo');
    expectHookFailedOnBadFile(preCommit(sample, ['try-repo', hookRepo, 'patchlint', '--all-files', '--color', 'never']));
  }, 300_000);

  it("the README's .pre-commit-config.yaml works as written (repo and rev pointed at the snapshot)", () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Pre-commit'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(yaml).toMatch(/^ {2}- repo: https:\/\/\S+$/m);
    const head = git(hookRepo, 'rev-parse', 'HEAD').trim();
    const config = yaml.replace(/^( {2}- repo: ).*$/m, `$1${hookRepo}`).replace(/^( {4}rev: ).*$/m, `$1${head}`);
    const sample = sampleRepo('readme');
    writeFileSync(path.join(sample, '.pre-commit-config.yaml'), config);
    git(sample, 'add', '.pre-commit-config.yaml');
    expectHookFailedOnBadFile(preCommit(sample, ['run', '--all-files', '--color', 'never']));
  }, 300_000);
});

if (!hasPreCommit) {
  describe('pre-commit', () => {
    it.skip(SKIP_TITLE, () => {});
  });
}
