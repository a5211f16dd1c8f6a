// Issue 18, item 13: the results cache is keyed on the build (version + a hash of the sources),
// not on the version string alone, and what it holds is checked, not trusted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PATCH = "function h() Send({ device = 'patch@1.0', cache = { Score = 1 } }) end\n";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-cache-integrity-'));
  writeFileSync(path.join(dir, 'a.lua'), PATCH);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface CacheFile { version: string; entries: Record<string, { data: string }> }
const cacheFile = () => path.join(dir, '.patchlintcache');
const readCache = () => JSON.parse(readFileSync(cacheFile(), 'utf8')) as CacheFile;
/** Rewrites every stored message of every entry. */
function forge(edit: (m: Record<string, unknown>) => void, version?: string): void {
  const cache = readCache();
  if (version) cache.version = version;
  for (const entry of Object.values(cache.entries)) {
    const data = JSON.parse(entry.data) as { messages: Record<string, unknown>[] };
    data.messages.forEach(edit);
    entry.data = JSON.stringify(data);
  }
  writeFileSync(cacheFile(), JSON.stringify(cache));
}

describe('the results cache', () => {
  it('is keyed on the build: the version plus a hash of the sources', () => {
    runCli(['--cache', 'a.lua'], { cwd: dir });
    expect(readCache().version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
  });

  it('a cache of another build with the same version is not reused (its messages would be stale)', () => {
    const first = runCli(['--cache', 'a.lua'], { cwd: dir });
    const version = readCache().version.replace(/\+.*/, '+0000000000000000');
    forge((m) => { m.message = 'a stale message of another build'; }, version);
    const second = runCli(['--cache', 'a.lua'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).not.toContain('stale');
  });

  it('a forged entry whose severities are not 1 or 2 is linted again: the errors still count (exit 1)', () => {
    const first = runCli(['--cache', 'a.lua'], { cwd: dir });
    expect(first.status).toBe(1);
    forge((m) => { m.severity = 'a'; });
    const second = runCli(['--cache', 'a.lua'], { cwd: dir });
    expect(second.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
  });

  it('a forged entry with a message that is no message is linted again', () => {
    const first = runCli(['--cache', 'a.lua'], { cwd: dir });
    forge((m) => { m.line = 'x'; });
    expect(runCli(['--cache', 'a.lua'], { cwd: dir }).stdout).toBe(first.stdout);
  });

  it('--cache-location in a folder that does not exist yet: the folder is created (issue 16, as ESLint)', () => {
    const run = runCli(['--cache', '--cache-location', '.cache/patchlint/', 'a.lua'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, '.cache/patchlint/.patchlintcache'), 'utf8')).version).toMatch(/\+/);
  });
});
