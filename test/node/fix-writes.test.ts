// --fix writes atomically (temporary file + rename), never truncates or half-writes a file on
// error, leaves a file alone that changed on disk after it was read, and leaves a file alone
// whose bytes are not valid UTF-8 (they would not survive being written back).
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/node/lint-files.js';
import { outputFixes } from '../../src/node/write-atomic.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const BEFORE = "function h()\n  Send({ device = 'patch@1.0', cache = { Score = 1 } })\nend\n";
const AFTER = BEFORE.replace('Score', 'score');
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-fix-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

describe('--fix', () => {
  it('rewrites the file in place, keeps its mode and leaves no temporary file behind', () => {
    writeFileSync(at('a.lua'), BEFORE, { mode: 0o640 });
    chmodSync(at('a.lua'), 0o640);
    const run = runCli(['--fix', 'a.lua'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(AFTER);
    expect(statSync(at('a.lua')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.lua']);
  });

  it('keeps a BOM and CRLF line ends', () => {
    writeFileSync(at('a.lua'), `\ufeff${BEFORE.replaceAll('\n', '\r\n')}`);
    expect(runCli(['--fix', 'a.lua'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(`\ufeff${AFTER.replaceAll('\n', '\r\n')}`);
  });

  it('writes through a symbolic link: the target changes, the link stays a link', () => {
    writeFileSync(at('target.lua'), BEFORE);
    symlinkSync('target.lua', at('link.lua'));
    expect(runCli(['--fix', 'link.lua'], { cwd: dir }).status).toBe(0);
    expect(lstatSync(at('link.lua')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('target.lua'), 'utf8')).toBe(AFTER);
  });

  it('leaves a file alone that changed on disk after it was read', async () => {
    writeFileSync(at('a.lua'), BEFORE);
    const { results } = await lintFiles(['a.lua'], { cwd: dir, fix: true });
    expect(results[0]!.output).toBe(AFTER);
    const edited = `${BEFORE}-- saved by an editor meanwhile\n`;
    writeFileSync(at('a.lua'), edited);
    expect(await outputFixes(results)).toEqual([
      `Cannot write the fixed ${at('a.lua')}: it changed on disk while patchlint ran; not overwritten (run patchlint --fix again)`,
    ]);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(edited);
    expect(readdirSync(dir)).toEqual(['a.lua']);
  });

  it('writes when the file is as it was read', async () => {
    writeFileSync(at('a.lua'), BEFORE);
    const { results } = await lintFiles(['a.lua'], { cwd: dir, fix: true });
    expect(await outputFixes(results)).toEqual([]);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(AFTER);
  });

  it('leaves a file alone whose bytes are not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from("x = '"), Buffer.from([0xe9, 0xff]), Buffer.from(`'\n${BEFORE}`)]);
    writeFileSync(at('latin1.lua'), bytes);
    const run = runCli(['--fix', 'latin1.lua'], { cwd: dir });
    expect(run.stderr).toBe(`patchlint: Cannot write the fixed ${at('latin1.lua')}: it is not valid UTF-8; not overwritten (fix it by hand)\n`);
    expect(run.status).toBe(2);
    expect(readFileSync(at('latin1.lua')).equals(bytes)).toBe(true);
  });

  it.skipIf(!isRoot)('a folder it may not write to: one clear line, exit 2, the file untouched (run as an unprivileged user)', () => {
    chmodSync(dir, 0o755);
    writeFileSync(at('a.lua'), BEFORE, { mode: 0o644 });
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/patchlint.js'), '--fix', 'a.lua'], {
      cwd: dir, uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe(`patchlint: Cannot write the fixed ${at('a.lua')}: permission denied\n`);
    expect(run.status).toBe(2);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(BEFORE);
    expect(readdirSync(dir)).toEqual(['a.lua']);
  });

  it('--fix-dry-run writes nothing', () => {
    writeFileSync(at('a.lua'), BEFORE);
    const run = runCli(['--fix-dry-run', '--format', 'json', 'a.lua'], { cwd: dir });
    expect(JSON.parse(run.stdout)[0].output).toBe(AFTER);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(BEFORE);
  });
});
