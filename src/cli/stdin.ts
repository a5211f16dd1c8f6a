// `--stdin`: lint text piped in by an editor or script as if it were the file `--stdin-filename`.
import path from 'node:path';
import type { ConfigResolver } from '../config/resolve.js';
import { lintTexts } from '../engine/index.js';
import { ignoredFileResult } from '../node/lint-files.js';
import { moduleFiles } from '../node/modules.js';
import type { LintResult } from '../shared/results.js';

/** The name of a result whose text came from stdin without --stdin-filename. */
export const STDIN_NAME = '<text>';

/**
 * Reads standard input and lints it alone; with `fix` (--fix-dry-run), fixed in passes
 * (`output` when it changed).
 */
export async function lintStdin(filename: string | undefined, cwd: string, resolver: ConfigResolver, fix: boolean): Promise<LintResult> {
  const text = await readStdin();
  const filePath = filename === undefined ? STDIN_NAME : path.resolve(cwd, filename);
  // As ESLint: text standing for an ignored file is not linted; one warning says why.
  if (filename !== undefined && resolver.isIgnored(filePath)) return ignoredFileResult(filePath);
  const config = resolver.configFor(filePath);
  return lintTexts([{ filePath, text }], () => config, { fix, modules: (textOf) => moduleFiles(cwd, textOf).loader })[0]!;
}

/** All of standard input as UTF-8 (what an editor sends for an unsaved buffer). */
async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
