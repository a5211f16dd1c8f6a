// The per-file pass over many files (no fixes): cache lookups, then each file linted here or,
// when it needs a syntax tree and there are enough such files to pay for the threads, on a
// worker thread (this thread helping at the end). Lints come back in the order of `files`;
// the caller runs the cross-file pass and finishes the results.
//
// Each file is read just before it is linted, never all texts first: holding every text
// while parsing doubles luaparse's time (the garbage collector scans them again and again).
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { lintFile, needsSyntaxTree, type FileLint } from '../engine/index.js';
import { escapeForMessage } from '../shared/escape.js';
import type { ResolvedConfig } from '../shared/results.js';
import type { LintCache } from './cache.js';
import { cannotRead, describeError } from './errors.js';
import { moduleFiles } from './modules.js';
import type { LintPool, PoolOptions, WorkerScript } from './workers/pool.js';

export interface PerFileOptions {
  cwd: string;
  configFor: (filePath: string) => ResolvedConfig;
  /** Use the results cache at `cacheLocation` (default .patchlintcache in cwd): opened before, saved after. */
  cache: boolean;
  cacheLocation?: string | undefined;
  /**
   * Worker threads: 'auto' uses one fewer than the cores (at most 3) for the files that need a
   * syntax tree when they are many and large enough (docs/performance.md); a number forces that
   * many for every file (0: none). The main thread lints the rest, and helps with the smallest.
   * PATCHLINT_WORKERS overrides 'auto' the same way.
   */
  workers: number | 'auto';
  /** The worker script (default: the bundled dist/lint-worker.js; tests give one that crashes on purpose). */
  workerScript?: WorkerScript | null;
  /** Under 'auto', the expected bytes of process code from which workers start (default WORKER_TREE_BYTES; tests set it low). */
  workerTreeBytes?: number;
}

export interface PerFileOutcome {
  /** One per readable file, in the order given. */
  linted: FileLint[];
  errors: string[];
}

/** Fewer files than this are linted on this thread under 'auto' (a pre-commit run on a few files). */
export const WORKER_MIN_FILES = 8;
/**
 * Under 'auto', worker threads take the files that need a syntax tree (needsSyntaxTree: the
 * process code) when those can be expected to add up to this many bytes. A worker needs about
 * 0.1 s to start (a new V8 isolate) and 0.1–0.2 s more before its parser and model run at full
 * speed, and while both threads run each is slower (docs/performance.md): measured on the two
 * bench corpora, a worker saves about 0.023 s per MB of process code and costs 0.11 s, so it
 * pays from about 5 MB; below this, one thread is as fast and uses less CPU.
 */
export const WORKER_TREE_BYTES = 8_000_000;
/**
 * The estimate is made once, when this many bytes of such files have been read: their share of
 * the bytes read so far, times all the bytes to lint (the files not yet read taken at the mean
 * size of those read). Later, a worker would start too late to pay for its warm-up.
 */
export const WORKER_DECIDE_AT = 512 * 1024;
/** With workers running, this thread lets their replies in at least this often (ms). */
const YIELD_EVERY_MS = 4;

export async function lintPerFile(files: string[], options: PerFileOptions): Promise<PerFileOutcome> {
  let cache: LintCache | null = null;
  if (options.cache) {
    const { LintCache, resolveCacheLocation } = await import('./cache.js');
    const { patchlintBuild } = await import('../shared/version.js');
    cache = await LintCache.open(resolveCacheLocation(options.cacheLocation, options.cwd), patchlintBuild());
  }
  const outcome = await lintEach(files, cache, options);
  if (cache) {
    try {
      await cache.save();
    } catch (error) {
      outcome.errors.push(`Cannot write the cache file ${cache.location}: ${describeError(error as NodeJS.ErrnoException)}`);
    }
  }
  return outcome;
}

async function lintEach(files: string[], cache: LintCache | null, options: PerFileOptions): Promise<PerFileOutcome> {
  const { configFor } = options;
  // Modules the linted files require, read for analysis from the project below cwd.
  const modules = moduleFiles(options.cwd);
  const slots: (FileLint | null)[] = new Array<FileLint | null>(files.length).fill(null);
  const errors: (string | null)[] = new Array<string | null>(files.length).fill(null);
  const readError = (i: number, error: { code?: string; message: string }) => {
    const e: NodeJS.ErrnoException = Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
    errors[i] = cannotRead(files[i]!, e);
  };
  const read = (index: number, filePath: string): string | null => {
    try {
      return readFileSync(filePath, 'utf8');
    } catch (error) {
      readError(index, error as NodeJS.ErrnoException);
      return null;
    }
  };
  const lintText = (index: number, filePath: string, text: string, config: ResolvedConfig, needsTree?: boolean) => {
    const lint = lintFile(text, { filePath, config, modules: modules.loader, ...(needsTree !== undefined ? { needsTree } : {}) });
    cache?.store(filePath, config, lint, cache.hash(text), modules.currentText);
    slots[index] = lint;
  };
  const lintHere = (index: number, filePath: string) => {
    const text = read(index, filePath);
    if (text !== null) lintText(index, filePath, text, configFor(filePath));
  };
  const poolOptions = (threads: number): PoolOptions => ({
    threads,
    root: options.cwd,
    lintHere,
    wantHash: cache !== null,
    onOutcome(index, filePath, outcome) {
      if ('readError' in outcome) readError(index, outcome.readError);
      else if ('crash' in outcome) slots[index] = crashedFile(filePath, outcome.crash);
      else {
        slots[index] = outcome.lint;
        if (cache && outcome.contentHash) cache.store(filePath, configFor(filePath), outcome.lint, outcome.contentHash, modules.currentText);
      }
    },
  });
  const done = () => ({
    linted: slots.filter((s): s is FileLint => s !== null),
    errors: errors.filter((e): e is string => e !== null),
  });

  const forced = forcedThreads(options.workers);
  if (forced !== null) {
    // A number of workers asked for: every file not in the cache goes to them, the largest first.
    let misses: { index: number; size: number }[] = [];
    if (cache) {
      for (let i = 0; i < files.length; i++) {
        const filePath = files[i]!;
        const text = read(i, filePath);
        if (text === null) continue;
        const hit = cache.lookup(filePath, text, configFor(filePath), modules.currentText);
        if (hit) slots[i] = hit;
        else misses.push({ index: i, size: text.length });
      }
    } else {
      misses = files.map((_, index) => ({ index, size: -1 }));
    }
    const script = forced > 0 && misses.length > 0 ? await workerScriptFor(options) : null;
    if (script) {
      const { lintInWorkers } = await import('./workers/pool.js');
      const poolFiles = misses.map(({ index, size }) => ({ index, filePath: files[index]!, config: configFor(files[index]!), size: size >= 0 ? size : fileSize(files[index]!) }));
      const unfinished = await lintInWorkers(poolFiles, script, poolOptions(forced));
      // Workers that could not start at all: lint what is left here.
      misses = unfinished.sort((a, b) => a - b).map((index) => ({ index, size: -1 }));
    }
    for (const { index } of misses) lintHere(index, files[index]!);
    return done();
  }

  // 'auto': this thread reads every file in turn and lints at once those that need no syntax
  // tree (most of a real repository); the others go to worker threads once there can be expected
  // to be enough of them to pay (WORKER_TREE_BYTES), and this thread helps with the smallest at
  // the end.
  const cores = availableParallelism();
  let mayThread = cores >= 2 && files.length >= WORKER_MIN_FILES;
  let pool: LintPool | null = null;
  let heavyBytes = 0;
  let bytesRead = 0;
  const treeBytes = options.workerTreeBytes ?? WORKER_TREE_BYTES;
  const decideAt = Math.min(WORKER_DECIDE_AT, treeBytes);
  let lastYield = 0;
  for (let i = 0; i < files.length; i++) {
    const filePath = files[i]!;
    const text = read(i, filePath);
    if (text === null) continue;
    bytesRead += text.length;
    const config = configFor(filePath);
    if (cache) {
      const hit = cache.lookup(filePath, text, config, modules.currentText);
      if (hit) {
        slots[i] = hit;
        continue;
      }
    }
    const needsTree = needsSyntaxTree(text, config);
    if (needsTree && !pool && mayThread) {
      heavyBytes += text.length;
      if (heavyBytes >= decideAt) {
        mayThread = false; // decided once
        // Their share of the bytes read so far, times the bytes still to read (estimated from the
        // files read so far: no stat calls).
        const ahead = (bytesRead / (i + 1)) * (files.length - i - 1);
        const expected = heavyBytes + (heavyBytes / bytesRead) * ahead;
        const script = expected >= treeBytes ? await workerScriptFor(options) : null;
        if (script) pool = (await import('./workers/pool.js')).openPool(script, poolOptions(Math.min(cores, 4) - 1));
      }
    }
    if (needsTree && pool) pool.add({ index: i, filePath, config, size: text.length });
    else lintText(i, filePath, text, config, needsTree);
    if (pool && performance.now() - lastYield >= YIELD_EVERY_MS) {
      // Let the workers' replies in (they ask for their next batch).
      await new Promise((next) => setImmediate(next));
      lastYield = performance.now();
    }
  }
  if (pool) {
    // Workers that could not run: what they were left is linted here.
    for (const index of (await pool.drain()).sort((a, b) => a - b)) lintHere(index, files[index]!);
  }
  return done();
}

/** The worker script to use (null: none, lint here). */
async function workerScriptFor(options: PerFileOptions): Promise<WorkerScript | null> {
  if (options.workerScript !== undefined) return options.workerScript;
  return (await import('./workers/pool.js')).workerScript();
}

/** A number of threads asked for (`workers: N` or PATCHLINT_WORKERS=N), or null for 'auto'. */
function forcedThreads(setting: number | 'auto'): number | null {
  if (setting !== 'auto') return setting;
  const fromEnv = process.env.PATCHLINT_WORKERS;
  return fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : null;
}

function fileSize(filePath: string): number {
  try {
    return statSync(filePath).size;
  } catch {
    return 0; // The worker reports the read error.
  }
}

/** A file whose worker died: one fatal diagnostic, as for a file that does not parse. */
function crashedFile(filePath: string, reason: string): FileLint {
  const message = `Internal error: patchlint crashed while linting this file (${escapeForMessage(reason, 200)}). The other files were linted.`;
  return { filePath, messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }], project: {}, lineStarts: [0], directives: null, modules: [], elsewhere: [] };
}

export function readTextIfPossible(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}
