// Messages between the main thread and a lint worker (structured-clone data only).
import type { FileLint } from '../../engine/index.js';
import type { ResolvedConfig } from '../../shared/results.js';

export interface LintTask {
  /** Position in the caller's list: results go back into it in order. */
  index: number;
  filePath: string;
  /** Number of the file's config: sent in `configs` of the first batch that needs it, then kept by the worker. */
  config: number;
}

export interface LintBatch {
  tasks: LintTask[];
  /** The configs this worker has not been sent yet, by number. */
  configs: Record<number, ResolvedConfig>;
  /** Also return the sha1 of the text that was linted (for the cache). */
  wantHash: boolean;
  /** The project folder required modules are read from. */
  root: string;
}

export type WorkerReply =
  | { index: number; lint: FileLint; contentHash?: string }
  | { index: number; readError: { code?: string; message: string } };
