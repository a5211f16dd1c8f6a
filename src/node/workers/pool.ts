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
  const configIds = new Map<ResolvedConfig, number>();
  const configs: ResolvedConfig[] = [];
  const queue: LintTask[] = [...files]
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map((f) => {
      let id = configIds.get(f.config);
      if (id === undefined) {
        id = configs.length;
        configs.push(f.config);
        configIds.set(f.config, id);
      }
      return { index: f.index, filePath: f.filePath, config: id };
    });
  const threads = Math.max(1, Math.min(options.threads, queue.length));
  // Small enough to balance the end of the run, large enough to keep messages few.
  const batchSize = Math.max(1, Math.min(16, Math.floor(queue.length / (threads * 8))));

  return new Promise<number[]>((resolve) => {
    const slots = new Set<Slot>();
    let remaining = queue.length;
    let silentDeaths = 0;
    let settled = false;
    const settle = (unfinished: number[]) => {
      settled = true;
      stopAll();
      resolve(unfinished);
    };

    const stopAll = () => {
      for (const slot of slots) {
        slot.done = true;
        void slot.worker.terminate();
      }
      slots.clear();
    };
    const finishIfDone = () => {
      if (remaining === 0 && !settled) settle([]);
    };

    const feed = (slot: Slot) => {
      if (settled) return;
      // Two batches in flight: the worker never waits for the next one.
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
          settle([...queue, ...[...slots].flatMap((s) => s.inFlight)].map((t) => t.index));
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
        settle([...queue, ...slot.inFlight, ...[...slots].flatMap((s) => s.inFlight)].map((t) => t.index));
        return;
      }
      const [culprit, ...rest] = slot.inFlight;
      slot.inFlight = [];
      if (culprit) {
        remaining--;
        options.onOutcome(culprit.index, culprit.filePath, { crash: reason });
      }
      queue.unshift(...rest);
      if (queue.length > 0) start();
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

    // Between two files, let the workers' messages in (they ask for their next batch).
    const helpHere = async (lintHere: (index: number, filePath: string) => void) => {
      while (!settled && queue.length > 0) {
        const task = queue.pop()!;
        lintHere(task.index, task.filePath);
        remaining--;
        finishIfDone();
        await new Promise((next) => setImmediate(next));
      }
    };

    if (remaining === 0) resolve([]);
    else {
      for (let i = 0; i < threads; i++) start();
      if (options.lintHere) void helpHere(options.lintHere);
    }
  });
}
