// `--stdin`: lint text piped in by an editor or script as if it were the file `--stdin-filename`.
import path from 'node:path';
import { lintText } from './linter.js';
import type { LintFilesResult } from './lint-files.js';
import type { ResolvedConfig } from './types.js';

/** The name of a result whose text came from stdin without --stdin-filename (as in lintText). */
export const STDIN_NAME = '<text>';

export interface LintStdinOptions {
  cwd: string;
  /** The file the text stands for (--stdin-filename), relative to cwd or absolute. */
  filename?: string;
  /** The config for that file; default: the recommended preset. */
  config?: ResolvedConfig;
}

/** Reads all of standard input as UTF-8 (what an editor sends for an unsaved buffer). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function stdinFilePath(filename: string | undefined, cwd: string): string {
  return filename === undefined ? STDIN_NAME : path.resolve(cwd, filename);
}

export function lintStdin(text: string, options: LintStdinOptions): LintFilesResult {
  const filePath = stdinFilePath(options.filename, options.cwd);
  const result = lintText(text, options.config ? { filePath, config: options.config } : { filePath });
  return { results: [result], errors: [] };
}
