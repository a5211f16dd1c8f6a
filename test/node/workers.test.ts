// Worker threads: the same results as linting on the main thread, in the same order; a worker
// that dies reports the file it was on, not the run. Uses the built package (dist/, where the
// worker script is bundled; `npm test` builds first) so the worker is found as users run it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintInWorkers, workerScript, type PoolOutcome } from '../../src/node/workers/pool.js';
import { presetConfig } from '../../src/config/presets.js';
import { finishFiles } from '../../src/engine/finish.js';
import { lintPerFile, readTextIfPossible } from '../../src/node/per-file.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../../src/index.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

let api: typeof Api;
let corpus: string;

/**
 * A worker script that dies on the batch that starts with a file ending in `suffix` (by throwing
 * or by exiting) before the real worker (dist/lint-worker.js) lints any of it: its message
 * listener is registered first, by a module imported before the real one, and empties the batch
 * (both listeners get the same object; an exception in a port listener does not stop the next).
 */
function crashingWorker(mode: 'throw' | 'exit', suffix: string): URL {
  const first = path.join(corpus, `crash-${mode}-first.mjs`);
  writeFileSync(first, [
    "import { parentPort } from 'node:worker_threads';",
    'parentPort.on(\'message\', (batch) => {',
    `  if (!batch.tasks[0]?.filePath.endsWith(${JSON.stringify(suffix)})) return;`,
    mode === 'exit' ? '  process.exit(70);' : "  batch.tasks.length = 0;\n  throw new Error('simulated worker crash');",
    '});',
  ].join('\n'));
  const script = path.join(corpus, `crash-${mode}.mjs`);
  writeFileSync(script, `import ${JSON.stringify(pathToFileURL(first).href)};\nimport ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/lint-worker.js')).href)};\n`);
  return pathToFileURL(script);
}

/** What lintFiles gives for these files, with the per-file pass on this worker script. */
async function lintWith(files: string[], workers: number | 'auto', workerScript: URL) {
  const configFor = () => presetConfig('recommended');
  const outcome = await lintPerFile(files, { cwd: corpus, configFor, cache: false, workers, workerScript: { url: workerScript, launcher: false } });
  return { results: finishFiles(outcome.linted, configFor, readTextIfPossible), errors: outcome.errors };
}

beforeAll(async () => {
  api = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist/index.js')).href)) as typeof Api;
  const generator = (await import(pathToFileURL(path.join(REPO_ROOT, 'bench/generate.js')).href)) as {
    generateCorpus(dir: string, options: { seed: number; files: number; huge: boolean }): { files: number };
  };
  corpus = mkdtempSync(path.join(tmpdir(), 'patchlint-workers-'));
  generator.generateCorpus(corpus, { seed: 99, files: 60, huge: false });
  // A file that does not parse, and two files whose keys clash across files.
  writeFileSync(path.join(corpus, 'broken.lua'), 'local x = = 1\n');
  // dup-a.lua is padded to be the largest file: largest files go to the workers first (the
  // main thread helps with the smallest), so the crash hook below fires in a worker.
  writeFileSync(path.join(corpus, 'dup-a.lua'), `Handlers.add('a', 'a', function(msg) Send({ device = 'patch@1.0', cache = { volume = 1 } }) end)\n${'-- padding\n'.repeat(20_000)}`);
  writeFileSync(path.join(corpus, 'dup-b.lua'), "Handlers.add('b', 'b', function(msg) Send({ device = 'patch@1.0', cache = { Volume = 2 } }) end)\n");
});
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

describe('lintFiles on worker threads', () => {
  it('gives exactly the in-process results, sorted by path', async () => {
    const inProcess = await api.lintFiles([corpus], { workers: 0 });
    const threaded = await api.lintFiles([corpus], { workers: 2 });
    expect(inProcess.results).toHaveLength(63);
    expect(threaded).toEqual(inProcess);
    const paths = threaded.results.map((r) => r.filePath);
    expect(paths).toEqual([...paths].sort());
    // The cases that must survive the trip: a parse error, a cross-file report.
    const byName = (name: string) => threaded.results.find((r) => r.filePath === path.join(corpus, name))!;
    expect(byName('broken.lua').messages[0]).toMatchObject({ ruleId: null, fatal: true, line: 1, column: 11 });
    expect(byName('dup-b.lua').messages.find((m) => m.ruleId === 'duplicate-key-case')?.relatedLocation).toEqual({ filePath: path.join(corpus, 'dup-a.lua'), line: 1 });
  });

  it("lints every batch with its file's config, not only the first batch a worker gets", async () => {
    // The pool sends each config to a worker once; later batches refer to it by number.
    const config = presetConfig('all');
    config.rules['lowercase-key']!.severity = 0;
    const perFile = (filePath: string) => (filePath.endsWith('dup-b.lua') ? presetConfig('recommended') : config);
    for (const options of [{ config }, { config: perFile }]) {
      const inProcess = await api.lintFiles([corpus], { ...options, workers: 0 });
      expect(inProcess.results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'lowercase-key')).toHaveLength(options.config === config ? 0 : 1);
      expect(await api.lintFiles([corpus], { ...options, workers: 1 })).toEqual(inProcess);
      expect(await api.lintFiles([corpus], { ...options, workers: 3 })).toEqual(inProcess);
    }
  });

  it('gives the same results with one worker as with several', async () => {
    expect(await api.lintFiles([corpus], { workers: 1 })).toEqual(await api.lintFiles([corpus], { workers: 3 }));
  });

  it.each([
    ['throws', 'throw', 'simulated worker crash'],
    ['exits', 'exit', 'the worker exited with code 70'],
  ])('reports only the file a worker %s on as a fatal diagnostic', async (_label, mode, reason) => {
    const inProcess = await api.lintFiles([corpus], { workers: 0 });
    const files = inProcess.results.map((r) => r.filePath);
    const threaded = await lintWith(files, 2, crashingWorker(mode as 'throw' | 'exit', `${path.sep}dup-a.lua`));
    const crashed = path.join(corpus, 'dup-a.lua');
    expect(threaded.errors).toEqual([]);
    expect(threaded.results.map((r) => r.filePath)).toEqual(inProcess.results.map((r) => r.filePath));
    for (const [i, result] of threaded.results.entries()) {
      if (result.filePath !== crashed) {
        // dup-b.lua loses its cross-file report: its partner was not linted.
        if (result.filePath.endsWith('dup-b.lua')) expect(result.messages.map((m) => m.ruleId)).toEqual(['lowercase-key']);
        else expect(result).toEqual(inProcess.results[i]);
        continue;
      }
      expect(result.messages).toEqual([{
        ruleId: null, fatal: true, severity: 2, line: 1, column: 1,
        message: `Internal error: patchlint crashed while linting this file (${reason}). The other files were linted.`,
      }]);
      expect(result.errorCount).toBe(1);
      expect(result.fatalErrorCount).toBe(1);
    }
  });

  it('lints a few small files on the main thread under "auto" (a worker that would crash never starts)', async () => {
    const saved = process.env.PATCHLINT_WORKERS;
    delete process.env.PATCHLINT_WORKERS;
    const few = await lintWith([path.join(corpus, 'dup-a.lua'), path.join(corpus, 'dup-b.lua')], 'auto', crashingWorker('throw', `${path.sep}dup-a.lua`));
    expect(few.results[0]!.messages).toEqual([]);
    if (saved !== undefined) process.env.PATCHLINT_WORKERS = saved;
    expect(few.results[1]!.messages.map((m) => m.ruleId)).toEqual(['duplicate-key-case', 'lowercase-key']);
  });

  it('under "auto", sends only the files that need a syntax tree to the workers and lints the rest here', async () => {
    const saved = process.env.PATCHLINT_WORKERS;
    delete process.env.PATCHLINT_WORKERS;
    try {
      const inProcess = await api.lintFiles([corpus], { workers: 0 });
      const files = inProcess.results.map((r) => r.filePath);
      // A worker that dies on any batch holding a library module (which needs no tree) or dup-a.lua (which does).
      const hook = path.join(corpus, 'crash-routing-first.mjs');
      writeFileSync(hook, [
        "import { parentPort } from 'node:worker_threads';",
        "parentPort.on('message', (batch) => {",
        `  if (!batch.tasks.some((t) => t.filePath.includes(${JSON.stringify(`${path.sep}lib${path.sep}`)}) || t.filePath.endsWith('dup-a.lua'))) return;`,
        '  process.exit(70);',
        '});',
      ].join('\n'));
      const script = path.join(corpus, 'crash-routing.mjs');
      writeFileSync(script, `import ${JSON.stringify(pathToFileURL(hook).href)};\nimport ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/lint-worker.js')).href)};\n`);
      const configFor = () => presetConfig('recommended');
      const run = async (workerTreeBytes?: number) => {
        const outcome = await lintPerFile(files, { cwd: corpus, configFor, cache: false, workers: 'auto', workerScript: { url: pathToFileURL(script), launcher: false }, ...(workerTreeBytes ? { workerTreeBytes } : {}) });
        return finishFiles(outcome.linted, configFor, readTextIfPossible);
      };
      // Workers started from the first file that needs a tree: dup-a.lua went to one, no library module did.
      const routed = await run(1);
      const crashed = routed.filter((r) => r.messages.some((m) => m.message.startsWith('Internal error: patchlint crashed')));
      expect(crashed.map((r) => path.basename(r.filePath))).toEqual(['dup-a.lua']);
      const libraries = routed.filter((r) => r.filePath.includes(`${path.sep}lib${path.sep}`));
      expect(libraries.length).toBeGreaterThan(10);
      expect(libraries).toEqual(inProcess.results.filter((r) => r.filePath.includes(`${path.sep}lib${path.sep}`)));
      // The processes that need a tree (far less than WORKER_TREE_BYTES): no worker starts.
      expect(await run()).toEqual(inProcess.results);
    } finally {
      if (saved !== undefined) process.env.PATCHLINT_WORKERS = saved;
    }
  });

  it('the CLI prints the same report with workers forced on and off', () => {
    const on = runCli(['--format', 'json', corpus], { env: { PATCHLINT_WORKERS: '2' } });
    const off = runCli(['--format', 'json', corpus], { env: { PATCHLINT_WORKERS: '0' } });
    expect(on.status).toBe(1);
    expect(on).toEqual(off);
  });

  it('the CLI starts its workers through bin/patchlint.js (its code cache), and they lint as the ESM worker does', async () => {
    const files = () => ['dup-a.lua', 'dup-b.lua'].map((name, index) => ({ index, filePath: path.join(corpus, name), config: presetConfig('recommended'), size: 10 }));
    const outcomes = new Map<string, unknown>();
    const unfinished = await lintInWorkers(files(), { url: pathToFileURL(path.join(REPO_ROOT, 'bin/patchlint.js')), launcher: true }, { threads: 2, wantHash: false, root: corpus, onOutcome: (_i, f, o) => outcomes.set(f, o) });
    const viaEsm = new Map<string, unknown>();
    await lintInWorkers(files(), { url: pathToFileURL(path.join(REPO_ROOT, 'dist/lint-worker.js')), launcher: false }, { threads: 2, wantHash: false, root: corpus, onOutcome: (_i, f, o) => viaEsm.set(f, o) });
    expect(unfinished).toEqual([]);
    expect(outcomes.size).toBe(files().length);
    expect(outcomes).toEqual(viaEsm);
  });

  it('the pool picks the launcher only in a process bin/patchlint.js started; the marker in a shell does not make the CLI a worker', () => {
    const launcher = path.join(REPO_ROOT, 'bin/patchlint.js');
    const mark = globalThis as { __patchlintLauncher?: string };
    mark.__patchlintLauncher = launcher;
    const script = workerScript();
    delete mark.__patchlintLauncher;
    expect(script).toEqual({ url: pathToFileURL(launcher), launcher: true });
    // Without the mark (the Node API), from the TypeScript sources: no bundled worker, one thread.
    expect(workerScript()).toBeNull();
    const marked = runCli(['--format', 'json', corpus], { env: { PATCHLINT_WORKERS: '0', PATCHLINT_LINT_WORKER: '1' } });
    expect(marked).toEqual(runCli(['--format', 'json', corpus], { env: { PATCHLINT_WORKERS: '0' } }));
  });
});

describe('lintInWorkers when workers cannot work', () => {
  const files = () => [0, 1, 2].map((index) => ({ index, filePath: path.join(corpus, `dup-${index}.lua`), config: presetConfig('recommended'), size: 10 }));

  it('hands every file back when the worker script cannot even load (a broken install)', async () => {
    const script = path.join(corpus, 'broken-worker.mjs');
    writeFileSync(script, "throw new Error('broken install');\n");
    const outcomes: PoolOutcome[] = [];
    const unfinished = await lintInWorkers(files(), { url: pathToFileURL(script), launcher: false }, { threads: 2, wantHash: false, root: corpus, onOutcome: (_i, _f, o) => outcomes.push(o) });
    // Two silent deaths blame one file each; the third gives up and hands the rest back.
    expect(outcomes).toEqual([{ crash: 'broken install' }, { crash: 'broken install' }]);
    expect(unfinished).toHaveLength(1);
  });

  it('hands every file back when a config cannot be sent to a worker', async () => {
    const config = { ...presetConfig('recommended'), notData: () => 1 };
    const unfinished = await lintInWorkers(files().map((f) => ({ ...f, config })), { url: pathToFileURL(path.join(REPO_ROOT, 'dist/lint-worker.js')), launcher: false }, { threads: 2, wantHash: false, root: corpus, onOutcome: () => undefined });
    expect(unfinished.sort()).toEqual([0, 1, 2]);
  });
});
