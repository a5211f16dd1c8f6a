// The lint worker's loop: reads and lints the files of each batch in order and replies once
// per file, so when a worker dies the main thread knows which file it was on. Run by
// dist/lint-worker.js (the Node API's workers), or by the CLI's own entry when the launcher
// starts a worker thread (pool.ts: the CLI's code cache then serves the worker too).
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { lintFile } from '../../engine/index.js';
import type { ResolvedConfig } from '../../shared/results.js';
import { hashText } from '../cache.js';
import { moduleFiles, type ModuleFiles } from '../modules.js';
import type { LintBatch, WorkerReply } from './protocol.js';

export function serveLintBatches(): void {
  // Every config this worker was sent, by number: the pool sends each one once, with the first
  // batch that needs it, and later batches refer to it by number only.
  const configs = new Map<number, ResolvedConfig>();
  // The modules required files load, read once per worker (the project folder is the same for every batch).
  let modules: ModuleFiles | null = null;
  parentPort!.on('message', (batch: LintBatch) => {
    for (const [id, config] of Object.entries(batch.configs)) configs.set(Number(id), config);
    modules ??= moduleFiles(batch.root);
    for (const task of batch.tasks) {
      let text: string;
      try {
        text = readFileSync(task.filePath, 'utf8');
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        parentPort!.postMessage({ index: task.index, readError: { ...(e.code ? { code: e.code } : {}), message: String(e.message) } } satisfies WorkerReply);
        continue;
      }
      const config = configs.get(task.config);
      // Never lint with a default in place of the user's config (a pool bug): fail this file loudly.
      if (!config) throw new Error(`no config ${task.config} was sent to this worker`);
      const lint = lintFile(text, { filePath: task.filePath, config, modules: modules.loader });
      const reply: WorkerReply = batch.wantHash ? { index: task.index, lint, contentHash: hashText(text) } : { index: task.index, lint };
      parentPort!.postMessage(reply);
    }
  });
}
