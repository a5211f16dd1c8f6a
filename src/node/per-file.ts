// The per-file pass over many files (no fixes): cache lookups, then the files left linted on
// worker threads (with this thread helping) when there are enough of them to pay for the
// threads, else here. Lints come back in the order of `files`; the caller runs the
// cross-file pass and finishes the results.
//
// Each file is read just before it is linted, never all texts first: holding every text
// while parsing doubles luaparse's time (the garbage collector scans them again and again).
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { lintFile, type FileLint } from '../engine/index.js';
import { escapeForMessage } from '../shared/escape.js';
import type { ResolvedConfig } from '../shared/results.js';
import type { LintCache } from './cache.js';
import { cannotRead, describeError } from './errors.js';
import { moduleFiles } from './modules.js';
import type { WorkerScript } from './workers/pool.js';

export interface PerFileOptions {
  cwd: string;
  configFor: (filePath: string) => ResolvedConfig;
  /** Use the results cache at `cacheLocation` (default .patchlintcache in cwd): opened before, saved after. */
  cache: boolean;
  cacheLocation?: string | undefined;
  /**
   * Worker threads: 'auto' uses one fewer than the cores when the files to lint are many and
   * large enough (docs/performance.md), a number forces that many (0: none). The main thread
   * lints the smallest files meanwhile. PATCHLINT_WORKERS overrides 'auto' the same way.
   */
  workers: number | 'auto';
  /** The worker script (default: the bundled dist/lint-worker.js; tests give one that crashes on purpose). */
  workerScript?: WorkerScript | null;
}

export interface PerFileOutcome {
  /** One per readable file, in the order given. */
  linted: FileLint[];
  errors: string[];
}

/**
 * Below this many bytes to lint, threads cost more than they save: each worker loads the
 * bundle and warms up the parser's JIT again (about 0.3 s of CPU each, measured), which pays
 * off only when linting here would take over about a second (docs/performance.md).
 */
export const WORKER_MIN_BYTES = 4_000_000;
export const WORKER_MIN_FILES = 8;

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

  // Cache lookups need the text (its hash is the key); misses are linted below.
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

  const lintHere = (index: number, filePath: string) => {
    const text = read(index, filePath);
    if (text === null) return;
    const config = configFor(filePath);
    const lint = lintFile(text, { filePath, config, modules: modules.loader });
    cache?.store(filePath, config, lint, cache.hash(text), modules.currentText);
    slots[index] = lint;
  };

  const threads = workerThreads(options.workers, misses, files);
  const pool = threads > 0 ? await import('./workers/pool.js') : null;
  const script = pool ? options.workerScript ?? pool.workerScript() : null;
  if (pool && script) {
    const { lintInWorkers } = pool;
    const unfinished = await lintInWorkers(
      misses.map(({ index, size }) => ({ index, filePath: files[index]!, config: configFor(files[index]!), size: size >= 0 ? size : fileSize(files[index]!) })),
      script,
      {
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
      },
    );
    // Workers that could not start at all: lint what is left here.
    misses = unfinished.sort((a, b) => a - b).map((index) => ({ index, size: -1 }));
  }
  for (const { index } of misses) lintHere(index, files[index]!);
  return {
    linted: slots.filter((s): s is FileLint => s !== null),
    errors: errors.filter((e): e is string => e !== null),
  };
}

/** How many threads to use for these misses (0: lint on this thread). */
function workerThreads(setting: number | 'auto', misses: { index: number; size: number }[], files: string[]): number {
  const fromEnv = process.env.PATCHLINT_WORKERS;
  const forced = setting !== 'auto' ? setting : fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : null;
  if (forced !== null) return misses.length > 0 ? forced : 0;
  const cores = availableParallelism();
  if (cores < 2 || misses.length < WORKER_MIN_FILES) return 0;
  let bytes = 0;
  for (const m of misses) {
    bytes += m.size >= 0 ? m.size : fileSize(files[m.index]!);
    // The main thread lints too: one core is already busy.
    if (bytes >= WORKER_MIN_BYTES) return Math.min(cores, 4) - 1;
  }
  return 0;
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
