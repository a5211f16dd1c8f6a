// lintFiles: find, read and lint files, then run the cross-file pass.
import { readFile } from 'node:fs/promises';
import { findFiles } from './files.js';
import { lintProject, lintSource, type FileLint } from './linter.js';
import { presetConfig } from './config/presets.js';
import type { LintResult, ResolvedConfig } from './types.js';

export interface LintFilesOptions {
  /** Folder that relative patterns start from (default: process.cwd()). */
  cwd?: string;
  /** One config for all files, or one per file. Default: the recommended preset. */
  config?: ResolvedConfig | ((filePath: string) => ResolvedConfig);
  /** Extra ignore globs, relative to cwd. */
  ignore?: string[];
  errorOnUnmatchedPattern?: boolean;
}

export interface LintFilesResult {
  /** One result per file, sorted by path. */
  results: LintResult[];
  /** One line per pattern that matched nothing or file that could not be read. */
  errors: string[];
}

export async function lintFiles(patterns: string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const found = await findFiles(patterns, { cwd, ignore: options.ignore ?? [], errorOnUnmatchedPattern: options.errorOnUnmatchedPattern ?? true });
  const errors = [...found.errors];
  const fixed = options.config;
  const recommended = presetConfig('recommended');
  const configFor = typeof fixed === 'function' ? fixed : () => fixed ?? recommended;
  const linted: FileLint[] = [];
  const texts = await Promise.all(found.files.map((f) => readFile(f, 'utf8').then((t) => ({ ok: true as const, t }), (e: NodeJS.ErrnoException) => ({ ok: false as const, e }))));
  found.files.forEach((filePath, i) => {
    const read = texts[i]!;
    if (!read.ok) {
      errors.push(`Cannot read ${filePath}: ${describeError(read.e)}`);
      return;
    }
    linted.push(lintSource(read.t, { filePath, config: configFor(filePath) }));
  });
  lintProject(linted, configFor);
  return { results: linted.map((l) => l.result), errors };
}

export function describeError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOENT':
      return 'no such file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e.code ?? e.message;
  }
}
