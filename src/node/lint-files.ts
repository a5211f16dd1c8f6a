// lintFiles: find and read files, lint each (cache, worker threads), then the cross-file pass
// and the finishing step of the engine.
import path from 'node:path';
import { presetConfig } from '../config/presets.js';
import { finishFiles, lintTexts, makeResult, type SourceFile } from '../engine/index.js';
import type { LintResult, ResolvedConfig } from '../shared/results.js';
import { describeError } from './errors.js';
import { findFiles } from './find-files.js';
import { moduleFiles } from './modules.js';
import { lintPerFile, readTextIfPossible } from './per-file.js';
import { rememberReadText } from './read-snapshot.js';

export interface LintFilesOptions {
  /** Folder that relative patterns start from (default: process.cwd()). */
  cwd?: string;
  /** One config for all files, or one per file. Default: the recommended preset. */
  config?: ResolvedConfig | ((filePath: string) => ResolvedConfig);
  /** Extra ignore globs, relative to cwd. */
  ignore?: string[];
  errorOnUnmatchedPattern?: boolean;
  /** Files to skip (config `ignores`, --ignore-pattern); a file named explicitly gets a warning instead. */
  isIgnored?: (filePath: string) => boolean;
  /** Apply fixes in passes and put the fixed text in each changed result's `output` (nothing is written). */
  fix?: boolean;
  /** Reuse the results of unchanged files (`--cache`); not used with `fix`. See docs/performance.md. */
  cache?: boolean;
  /** The cache file, or a folder for it (default: `.patchlintcache` in cwd). */
  cacheLocation?: string;
  /** Worker threads: 'auto' (default) uses them when there are many files; a number forces it (0: none). */
  workers?: number | 'auto';
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
  const ignoredResults: LintResult[] = [];
  const toLint = found.files.filter((filePath) => {
    if (!options.isIgnored?.(filePath)) return true;
    if (patterns.some((p) => path.resolve(cwd, p) === filePath)) ignoredResults.push(ignoredFileResult(filePath));
    return false;
  });
  let results: LintResult[];
  if (options.fix) {
    // Loaded here, not at start-up: node:fs/promises brings Node's readline and fs watcher
    // modules along (about 1 ms of a one-file run), and only --fix reads files this way.
    const { readFile } = await import('node:fs/promises');
    const texts = await Promise.all(toLint.map((f) => readFile(f, 'utf8').then((t) => ({ ok: true as const, t }), (e: NodeJS.ErrnoException) => ({ ok: false as const, e }))));
    const sources: SourceFile[] = [];
    toLint.forEach((filePath, i) => {
      const read = texts[i]!;
      if (read.ok) sources.push({ filePath, text: read.t });
      else errors.push(`Cannot read ${filePath}: ${describeError(read.e)}`);
    });
    results = lintTexts(sources, configFor, { fix: true, modules: (textOf) => moduleFiles(cwd, textOf).loader });
    results.forEach((r, i) => r.output !== undefined && rememberReadText(r, sources[i]!.text));
  } else {
    // Reading file by file, the cache and worker threads: per-file.ts.
    const outcome = await lintPerFile(toLint, { cwd, configFor, cache: options.cache ?? false, cacheLocation: options.cacheLocation, workers: options.workers ?? 'auto' });
    errors.push(...outcome.errors);
    // A file that gets its first problem from the cross-file pass is read again for its `source`.
    results = finishFiles(outcome.linted, configFor, readTextIfPossible);
  }
  results.push(...ignoredResults);
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { results, errors };
}

/** As ESLint: a file named on the command line but ignored by the config gets one warning. */
export function ignoredFileResult(filePath: string): LintResult {
  const message = 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.';
  return makeResult(filePath, [{ ruleId: null, severity: 1, message, line: 0, column: 0 }]);
}
