// Lints files on worker threads. Largest files first (a 50,000-line file must not start last),
// small batches handed out as workers drain theirs, one reply per file; the main thread can
// help with the smallest ones. A worker that dies
// takes only the file it was on: that file gets a fatal diagnostic, the rest of its batch
// goes back to the queue and a fresh worker takes over.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileLint } from '../../engine/index.js';
import type { ResolvedConfig } from '../../shared/results.js';
import type { LintBatch, LintTask, WorkerReply } from './protocol.js';

export interface PoolFile {
  index: number;
  filePath: string;
  config: ResolvedConfig;
  /** Bytes (for the order: largest first). */
  size: number;
}

export type PoolOutcome =
  | { lint: FileLint; contentHash?: string }
  | { readError: { code?: string; message: string } }
  | { crash: string };

export interface PoolOptions {
  /** Worker threads to start. */
  threads: number;
  /** The project folder the workers read required modules from. */
  root: string;
  wantHash: boolean;
  onOutcome(index: number, filePath: string, outcome: PoolOutcome): void;
  /**
   * Lints one file on this thread and records its outcome itself. The main thread then helps,
   * with the smallest files (short steps, so it answers the workers' messages quickly): that is
   * one JIT warm-up and one bundle load fewer than another worker.
   */
  lintHere?: (index: number, filePath: string) => void;
}

/**
 * The bundled worker script, dist/lint-worker.js. This module is always bundled into a file of
 * dist/chunks/ (a lazily loaded chunk of dist/cli.js and dist/index.js, or the one-script CLI
 * dist/chunks/cli.cjs; scripts/build.js checks it), so the script is one folder up. Run from
 * the TypeScript sources (tests) there is none: null, and the files are linted on this thread.
 */
export function workerScript(): WorkerScript | null {
  // The CLI started by bin/patchlint.js: its workers start the same way, so they compile the CLI
  // from its V8 code cache too instead of compiling the ESM chunks from source (about 28 ms less
  // per worker, docs/performance.md). The launcher marks the process; the Node API's never is.
  const launcher = (globalThis as { [LAUNCHER_MARK]?: string })[LAUNCHER_MARK];
  if (typeof launcher === 'string' && existsSync(launcher)) return { url: pathToFileURL(launcher), launcher: true };
  const url = new URL('../lint-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? { url, launcher: false } : null;
}

/** The global bin/patchlint.js sets to its own path. */
const LAUNCHER_MARK = '__patchlintLauncher';
/** Set for a worker started through the launcher: the CLI's entry then serves lint batches (src/cli/main.ts). */
export const LINT_WORKER_ENV = 'PATCHLINT_LINT_WORKER';

export interface WorkerScript {
  url: URL;
  /** bin/patchlint.js, run as a worker: it must be told to serve batches instead of running the CLI. */
  launcher: boolean;
}

interface Slot {
  worker: Worker;
  /** Tasks sent and not yet answered, in the order the worker handles them. */
  inFlight: LintTask[];
  /** Config ids this worker has been sent. */
  knownConfigs: Set<number>;
  done: boolean;
  answered: boolean;
  /** The uncaught error that is ending the worker, if any. */
  error?: string;
}

/** Workers in a row that die before answering anything: the script itself is broken. */
const MAX_SILENT_DEATHS = 3;

/**
 * Resolves with the indexes of files left unlinted when workers cannot even start (the
 * caller lints those itself); otherwise every file got an outcome.
 */
export function lintInWorkers(files: PoolFile[], script: WorkerScript, options: PoolOptions): Promise<number[]> {
  const pool = openPool(script, { ...options, threads: Math.max(1, Math.min(options.threads, files.length)) });
  // Added largest first, each file joins the end of the queue: no insertion in the middle (a
  // splice per file cost 1.4 s for 100,000 files, measured on the queue alone).
  for (const file of [...files].sort((a, b) => b.size - a.size)) pool.add(file);
  return pool.drain();
}

/** A pool that takes files while the caller is still finding them (per-file.ts routes the costly ones here). */
export interface LintPool {
  add(file: PoolFile): void;
  /**
   * No more files: the main thread helps with the smallest files still queued (options.lintHere)
   * until every file has an outcome. Resolves with the indexes of files left unlinted because
   * workers could not run.
   */
  drain(): Promise<number[]>;
}

export function openPool(script: WorkerScript, options: PoolOptions): LintPool {
  const configIds = new Map<ResolvedConfig, number>();
  const configs: ResolvedConfig[] = [];
  /** Tasks not yet sent, largest file first (the last ones are the main thread's). */
  const queue: LintTask[] = [];
  const sizes = new Map<number, number>();
  const slots = new Set<Slot>();
  let remaining = 0;
  let silentDeaths = 0;
  let settled = false;
  let closed = false;
  /** Files handed back because the workers could not run (settled early). */
  const handedBack: number[] = [];
  let resolveDrain: ((unfinished: number[]) => void) | null = null;

  const settle = (unfinished: number[]) => {
    settled = true;
    stopAll();
    handedBack.push(...unfinished);
    resolveDrain?.(handedBack);
  };
  const stopAll = () => {
    for (const slot of slots) {
      slot.done = true;
      void slot.worker.terminate();
    }
    slots.clear();
  };
  const finishIfDone = () => {
    if (closed && remaining === 0 && !settled) settle([]);
  };
  const everythingLeft = (extra: LintTask[] = []) => [...queue.splice(0), ...extra, ...[...slots].flatMap((s) => s.inFlight)].map((t) => t.index);

  const feed = (slot: Slot) => {
    if (settled) return;
    // Small enough to balance the end of the run, large enough to keep messages few; two
    // batches in flight, so the worker never waits for the next one.
    const batchSize = Math.max(1, Math.min(16, Math.floor(queue.length / (options.threads * 8))));
    while (slot.inFlight.length < batchSize * 2 && queue.length > 0) {
      const tasks = queue.splice(0, batchSize);
      const batch: LintBatch = { tasks, configs: {}, wantHash: options.wantHash, root: options.root };
      for (const t of tasks) {
        if (!slot.knownConfigs.has(t.config)) {
          slot.knownConfigs.add(t.config);
          batch.configs[t.config] = configs[t.config]!;
        }
      }
      slot.inFlight.push(...tasks);
      try {
        slot.worker.postMessage(batch);
      } catch {
        // A config that cannot be cloned (not plain data): lint everything left on the main thread.
        settle(everythingLeft());
        return;
      }
    }
  };

  // Called on 'exit', after Node has delivered every message the worker posted (an 'error'
  // event can come before them, so it only records the reason): the first unanswered task
  // is the file the worker died on.
  const died = (slot: Slot, reason: string) => {
    if (slot.done || settled) return;
    slot.done = true;
    slots.delete(slot);
    silentDeaths = slot.answered ? 0 : silentDeaths + 1;
    if (silentDeaths >= MAX_SILENT_DEATHS) {
      settle(everythingLeft(slot.inFlight));
      return;
    }
    const [culprit, ...rest] = slot.inFlight;
    slot.inFlight = [];
    if (culprit) {
      remaining--;
      options.onOutcome(culprit.index, culprit.filePath, { crash: reason });
    }
    queue.unshift(...rest);
    if (queue.length > 0 || !closed) start();
    finishIfDone();
  };

  const start = () => {
    if (settled) return;
    const worker = script.launcher ? new Worker(script.url, { env: { ...process.env, [LINT_WORKER_ENV]: '1' } }) : new Worker(script.url);
    const slot: Slot = { worker, inFlight: [], knownConfigs: new Set(), done: false, answered: false };
    slots.add(slot);
    slot.worker.on('message', (reply: WorkerReply) => {
      if (slot.done) return;
      slot.answered = true;
      const at = slot.inFlight.findIndex((t) => t.index === reply.index);
      if (at < 0) return;
      const [task] = slot.inFlight.splice(at, 1);
      remaining--;
      options.onOutcome(task!.index, task!.filePath, 'readError' in reply ? { readError: reply.readError } : reply);
      feed(slot);
      finishIfDone();
    });
    slot.worker.on('error', (error) => {
      slot.error ??= error instanceof Error ? error.message : String(error);
    });
    slot.worker.on('exit', (code) => died(slot, slot.error ?? `the worker exited with code ${code}`));
    feed(slot);
  };

  /** Where a file of this size goes in the queue: after every larger one (and equal ones added before). */
  const insertAt = (size: number) => {
    if (queue.length === 0 || sizes.get(queue[queue.length - 1]!.index)! >= size) return queue.length;
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sizes.get(queue[mid]!.index)! >= size) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  let started = false;
  return {
    add(file) {
      if (settled) {
        handedBack.push(file.index);
        return;
      }
      let id = configIds.get(file.config);
      if (id === undefined) {
        id = configs.length;
        configs.push(file.config);
        configIds.set(file.config, id);
      }
      sizes.set(file.index, file.size);
      queue.splice(insertAt(file.size), 0, { index: file.index, filePath: file.filePath, config: id });
      remaining++;
      if (!started) {
        started = true;
        for (let i = 0; i < options.threads; i++) start();
      } else {
        for (const slot of slots) feed(slot);
      }
    },
    drain() {
      closed = true;
      return new Promise<number[]>((resolve) => {
        if (settled) {
          resolve(handedBack);
          return;
        }
        resolveDrain = resolve;
        finishIfDone();
        // Between two files, let the workers' messages in (they ask for their next batch).
        const lintHere = options.lintHere;
        if (!lintHere) return;
        const help = async () => {
          while (!settled && queue.length > 0) {
            const task = queue.pop()!;
            lintHere(task.index, task.filePath);
            remaining--;
            finishIfDone();
            await new Promise((next) => setImmediate(next));
          }
        };
        void help();
      });
    },
  };
}
