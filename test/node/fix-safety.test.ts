// Issue 18 (items 1, 8, 9, 20, 24): --fix under pressure. Many files past the open-file limit,
// read-only files, another owner's file, hard links, a file named twice through a link, very
// long names, and runs that are interrupted.
import { chmodSync, chownSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../../src/node/errors.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const BEFORE = "function h()\n  Send({ device = 'patch@1.0', cache = { Score = 1 } })\nend\n";
const AFTER = BEFORE.replace('Score', 'score');
const isRoot = process.getuid?.() === 0;
const BIN = path.join(REPO_ROOT, 'bin/patchlint.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-fix-safety-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

describe('--fix reads files one at a time', () => {
  it('300 files with an open-file limit of 256: every file fixed, no EMFILE', () => {
    for (let i = 0; i < 300; i++) writeFileSync(at(`f${i}.lua`), BEFORE);
    const run = spawnSync('sh', ['-c', `ulimit -n 256 && exec "${process.execPath}" "${BIN}" --fix .`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const unfixed = readdirSync(dir).filter((f) => readFileSync(at(f), 'utf8') !== AFTER);
    expect(unfixed).toEqual([]);
  });

  it('--fix-dry-run under the same limit reports all 300', () => {
    for (let i = 0; i < 300; i++) writeFileSync(at(`f${i}.lua`), BEFORE);
    const run = spawnSync('sh', ['-c', `ulimit -n 256 && exec "${process.execPath}" "${BIN}" --fix-dry-run -f json .`], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { output?: string }[];
    expect(results.filter((r) => r.output === AFTER)).toHaveLength(300);
  });
});

describe('--fix respects what the file is', () => {
  it('a read-only file (0444) is not rewritten: one line, exit 2', () => {
    writeFileSync(at('a.lua'), BEFORE);
    chmodSync(at('a.lua'), 0o444);
    const run = runCli(['--fix', 'a.lua'], { cwd: dir });
    expect(run.stderr).toBe(`patchlint: Cannot write the fixed ${at('a.lua')}: the file is read-only; not overwritten\n`);
    expect(run.status).toBe(2);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(BEFORE);
  });

  it.skipIf(!isRoot)("run as root, a user's 0640 file keeps its owner and mode (needs root to chown)", () => {
    writeFileSync(at('a.lua'), BEFORE);
    chmodSync(at('a.lua'), 0o640);
    chownSync(at('a.lua'), 65534, 65534);
    expect(runCli(['--fix', 'a.lua'], { cwd: dir }).status).toBe(0);
    const after = statSync(at('a.lua'));
    expect([after.uid, after.gid, after.mode & 0o777]).toEqual([65534, 65534, 0o640]);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(AFTER);
  });

  it('a file with two hard links is fixed in place: both names see the fix', () => {
    writeFileSync(at('a.lua'), BEFORE);
    linkSync(at('a.lua'), at('b.lua'));
    expect(runCli(['--fix', 'a.lua'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(at('b.lua'), 'utf8')).toBe(AFTER);
    expect(statSync(at('a.lua')).nlink).toBe(2);
    expect(statSync(at('a.lua')).ino).toBe(statSync(at('b.lua')).ino);
  });

  it('a file and a link to it in one run: fixed once, exit 0 (was "changed on disk", exit 2)', () => {
    writeFileSync(at('a.lua'), BEFORE);
    symlinkSync('a.lua', at('link.lua'));
    const run = runCli(['--fix', '.'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(at('a.lua'), 'utf8')).toBe(AFTER);
    expect(statSync(at('link.lua')).isFile()).toBe(true);
  });

  it('a name of 240 bytes is fixed (the temporary name stays under 255 bytes)', () => {
    const name = `${'é'.repeat(118)}.lua`; // 236 + 4 bytes
    expect(Buffer.byteLength(name)).toBe(240);
    writeFileSync(at(name), BEFORE);
    const run = runCli(['--fix', name], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(readFileSync(at(name), 'utf8')).toBe(AFTER);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('write errors are sentences, not bare codes', () => {
    const e = (code: string) => describeError(Object.assign(new Error('x'), { code }));
    expect(['EACCES', 'EMFILE', 'ENOSPC', 'EROFS', 'ENAMETOOLONG', 'EWEIRD'].map(e)).toEqual([
      'permission denied', 'too many open files', 'no space left on the device', 'the file system is read-only', 'the path is too long', 'eweird error (EWEIRD)',
    ]);
  });
});

describe('temporary files', () => {
  it('a stale temporary file of a run that died is removed by the next --fix of that file', () => {
    writeFileSync(at('a.lua'), BEFORE);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `.a.lua.${dead}.0badf00d.patchlint-tmp`;
    writeFileSync(at(stale), 'half');
    writeFileSync(at('.b.lua.1.0badf00d.patchlint-tmp'), 'pid 1 is alive: not removed');
    expect(runCli(['--fix', 'a.lua'], { cwd: dir }).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.b.lua.1.0badf00d.patchlint-tmp', 'a.lua']);
  });

  it('a run interrupted by SIGTERM between writing and renaming removes its temporary file', async () => {
    // The writer, bundled on its own, stops itself at the worst moment: the temporary file written, not yet renamed.
    const bundle = at('writer.mjs');
    buildSync({ entryPoints: [path.join(REPO_ROOT, 'src/node/write-atomic.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    writeFileSync(at('run.mjs'), `import { replaceAtomically } from './writer.mjs';
await replaceAtomically(${JSON.stringify(at('out.json'))}, 'new', { beforeRename: () => { setInterval(() => {}, 1000); process.kill(process.pid, 'SIGTERM'); return new Promise(() => {}); } });`);
    const child = spawn(process.execPath, [at('run.mjs')], { cwd: dir });
    const signal = await new Promise((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGTERM');
    expect(readdirSync(dir).filter((f) => f.endsWith('.patchlint-tmp'))).toEqual([]);
  });
});
