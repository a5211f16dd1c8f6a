// The results cache: hits and misses by content, config and version; a corrupt cache file;
// the cross-file pass (duplicate-key-case) still right on a warm cache; the CLI flags.
// The CLI cases need a fresh `node scripts/build.js` (npm test builds first).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LintCache, hashText, resolveCacheLocation } from '../../src/node/cache.js';
import { presetConfig } from '../../src/config/presets.js';
import { lintFiles, type LintFilesOptions } from '../../src/node/lint-files.js';
import { lintFile, type FileLint } from '../../src/engine/lint-file.js';
import type { LintResult } from '../../src/shared/results.js';
import { runCli } from '../helpers/run-cli.js';

/** No module file can be read (the lints here read none). */
const NO_MODULES = () => null;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

const A = "Handlers.add('a', 'a', function(msg)\n  Send({ device = 'patch@1.0', cache = { score = 1 } })\nend)\n";
const B = "Handlers.add('b', 'b', function(msg)\n  Send({ device = 'patch@1.0', cache = { Score = 2 } })\nend)\n";
const CLEAN = "Handlers.add('c', 'c', function(msg)\n  Send({ device = 'patch@1.0', cache = { total = 3 } })\nend)\n";

/** What the cache must reproduce: everything users see, per file. */
const view = (results: LintResult[]) =>
  results.map((r) => ({
    file: path.basename(r.filePath),
    source: r.source !== undefined,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    messages: r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}${m.relatedLocation ? ` @${path.basename(m.relatedLocation.filePath)}:${m.relatedLocation.line}` : ''}`),
  }));

/** Lints `dir` in-process (no workers: these tests are about the cache) and reads the cache's entries. */
async function lint(options: LintFilesOptions = {}) {
  const out = await lintFiles([dir], { cwd: dir, cache: true, workers: 0, ...options });
  const location = resolveCacheLocation(options.cacheLocation, dir);
  const file = existsSync(location) ? (JSON.parse(readFileSync(location, 'utf8')) as { entries: Record<string, { content: string; data: string }> }) : null;
  return { ...out, cacheFile: file };
}

describe('LintCache', () => {
  it('hits only for the same content, config and version', async () => {
    const location = path.join(dir, 'cache.json');
    const config = presetConfig('recommended');
    const text = "Send({ device = 'patch@1.0', cache = { Score = 1 } })\n";
    // Entries of files that no longer exist are dropped on save: the file must exist.
    const file = write('x/a.lua', text);
    const lint = lintFile(text, { filePath: file, config });
    const cache = await LintCache.open(location, '1.0.0');
    cache.store(file, config, lint, hashText(text), NO_MODULES);
    await cache.save();

    const again = await LintCache.open(location, '1.0.0');
    const hit = again.lookup(file, text, config, NO_MODULES);
    expect(hit).toEqual(lint);
    expect(again.lookup(file, `${text} `, config, NO_MODULES)).toBeNull();
    expect(again.lookup(file, text, presetConfig('direct-keys'), NO_MODULES)).toBeNull();
    expect(again.lookup('/x/other.lua', text, config, NO_MODULES)).toBeNull();
    // An equal config built separately is the same key (the key is its JSON).
    expect(again.lookup(file, text, presetConfig('recommended'), NO_MODULES)).not.toBeNull();

    const otherVersion = await LintCache.open(location, '1.0.1');
    expect(otherVersion.lookup(file, text, config, NO_MODULES)).toBeNull();

    // Format 1 files were written while workers could lint with the wrong config, format 2 ones
    // hold finished results, format 3 ones do not say which modules a lint read: never reused.
    writeFileSync(location, readFileSync(location, 'utf8').replace('"format":4', '"format":3'));
    expect(readFileSync(location, 'utf8')).toContain('"format":3');
    expect((await LintCache.open(location, '1.0.0')).lookup(file, text, config, NO_MODULES)).toBeNull();
  });

  it('gives fresh objects on each hit', async () => {
    const config = presetConfig('recommended');
    const text = "Send({ device = 'patch@1.0', cache = { Score = 1 } })\n";
    const cache = await LintCache.open(path.join(dir, 'c'), '1');
    cache.store('/x/a.lua', config, lintFile(text, { filePath: '/x/a.lua', config }), hashText(text), NO_MODULES);
    const first = cache.lookup('/x/a.lua', text, config, NO_MODULES)!;
    const ids = (lint: FileLint) => lint.messages.map((m) => m.ruleId).sort();
    expect(ids(first)).toEqual(['guard-top-level-sync', 'lowercase-key']);
    first.messages.length = 0;
    expect(ids(cache.lookup('/x/a.lua', text, config, NO_MODULES)!)).toEqual(['guard-top-level-sync', 'lowercase-key']);
  });

  it.each([
    ['not JSON', '{"format":1,'],
    ['another shape', '[1,2,3]'],
    ['an entry that is not usable', JSON.stringify({ format: 4, version: '1', entries: { '/x/a.lua': { content: 'h', config: 'c', data: 'not json' } } })],
    ['empty', ''],
  ])('treats a cache file that is %s as empty, and rewrites it', async (_label, content) => {
    const location = path.join(dir, 'cache.json');
    writeFileSync(location, content);
    const cache = await LintCache.open(location, '1');
    expect(cache.lookup('/x/a.lua', 'x = 1', presetConfig('recommended'), NO_MODULES)).toBeNull();
    await cache.save();
    expect(JSON.parse(readFileSync(location, 'utf8'))).toMatchObject({ format: 4, version: '1' });
  });

  it('resolves --cache-location: default file, a folder, a file', () => {
    mkdirSync(path.join(dir, 'sub'));
    expect(resolveCacheLocation(undefined, dir)).toBe(path.join(dir, '.patchlintcache'));
    expect(resolveCacheLocation('sub', dir)).toBe(path.join(dir, 'sub', '.patchlintcache'));
    expect(resolveCacheLocation('new-folder/', dir)).toBe(path.join(dir, 'new-folder', '.patchlintcache'));
    expect(resolveCacheLocation('my.cache', dir)).toBe(path.join(dir, 'my.cache'));
  });
});

describe('lintFiles with cache', () => {
  it('gives the same results cold and warm, including cross-file duplicate-key-case', async () => {
    write('a.lua', A);
    write('b.lua', B);
    write('c.lua', CLEAN);
    const uncached = await lintFiles([dir], { cwd: dir, workers: 0 });
    const cold = await lint();
    const warm = await lint();
    expect(view(cold.results)).toEqual(view(uncached.results));
    expect(view(warm.results)).toEqual(view(uncached.results));
    // The cross-file report is on b.lua and names a.lua, cold and warm.
    expect(view(warm.results)[1]!.messages).toContain(
      "2:42-2:47 duplicate-key-case Key 'cache/Score' differs only in case from 'cache/score' in " + path.join(dir, 'a.lua') + ':2: use one spelling. @a.lua:2',
    );
    // The stored per-file result has no project report (else it would be doubled on the next run).
    const storedB = JSON.parse(warm.cacheFile!.entries[path.join(dir, 'b.lua')]!.data) as { messages: LintResult['messages'] };
    expect(storedB.messages.map((m) => m.ruleId)).not.toContain('duplicate-key-case');
    expect(warm.results.map((r) => r.source)).toEqual([undefined, B, undefined]);
  });

  it('re-lints a file whose content changed and keeps the cross-file pass right', async () => {
    write('a.lua', A);
    write('b.lua', B);
    await lint();
    const before = (await lint()).cacheFile!.entries[path.join(dir, 'a.lua')]!.content;
    // a.lua now uses the same spelling as b.lua: the cross-file report must go away.
    write('a.lua', A.replace('score', 'Score'));
    const changed = await lint();
    expect(changed.cacheFile!.entries[path.join(dir, 'a.lua')]!.content).not.toBe(before);
    const uncached = await lintFiles([dir], { cwd: dir, workers: 0 });
    expect(view(changed.results)).toEqual(view(uncached.results));
    expect(changed.results.flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain('duplicate-key-case');
  });

  it('re-lints when the config changes', async () => {
    write('a.lua', "Send({ device = 'patch@1.0', cache = { Score = 1 } })\n");
    const recommended = await lint();
    expect(recommended.results[0]!.messages.map((m) => m.ruleId)).toEqual(['guard-top-level-sync', 'lowercase-key']);
    const config = presetConfig('recommended');
    config.rules['lowercase-key']!.severity = 0;
    const changed = await lint({ config });
    expect(changed.results[0]!.messages.map((m) => m.ruleId)).toEqual(['guard-top-level-sync']);
  });

  it('ignores and rewrites a corrupt cache file', async () => {
    write('a.lua', A);
    writeFileSync(path.join(dir, '.patchlintcache'), '\u0000garbage{');
    const out = await lint();
    expect(out.errors).toEqual([]);
    expect(Object.keys(out.cacheFile!.entries)).toEqual([path.join(dir, 'a.lua')]);
  });

  it('drops entries of files that no longer exist', async () => {
    write('a.lua', A);
    const gone = write('b.lua', B);
    await lint();
    rmSync(gone);
    expect(Object.keys((await lint()).cacheFile!.entries)).toEqual([path.join(dir, 'a.lua')]);
  });

  it('is not used with fix: fixed results come from a fresh lint', async () => {
    write('a.lua', "Handlers.add('a', 'a', function(msg)\n  Send({ device = 'Patch@1.0', cache = { total = 1 } })\nend)\n");
    await lint();
    const fixed = await lint({ fix: true });
    expect(fixed.results[0]!.output).toContain("device = 'patch@1.0'");
  });
});

describe('CLI --cache', () => {
  it('writes the cache at --cache-location and gives the same output warm', () => {
    write('a.lua', A);
    write('b.lua', B);
    const location = path.join(dir, 'where', 'lint.cache');
    mkdirSync(path.dirname(location));
    const cold = runCli(['--cache', '--cache-location', location, '--format', 'json', '.'], { cwd: dir });
    expect(existsSync(location)).toBe(true);
    const warm = runCli(['--cache', '--cache-location', location, '--format', 'json', '.'], { cwd: dir });
    expect(cold.status).toBe(1);
    expect(warm).toEqual(cold);
    expect(existsSync(path.join(dir, '.patchlintcache'))).toBe(false);
  });

  it('reports a cache file it cannot write in one line, with exit code 2', () => {
    write('a.lua', CLEAN);
    // A folder on the way is a regular file, so no folder can be created there.
    write('blocker', 'not a folder');
    const location = path.join(dir, 'blocker', 'deeper', 'file');
    const run = runCli(['--cache', '--cache-location', location, '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`patchlint: Cannot write the cache file ${location}: a part of the path is not a folder\n`);
  });
});
