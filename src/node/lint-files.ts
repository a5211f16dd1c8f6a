// lintFiles: find and read files, lint each (cache, worker threads), then the cross-file pass
// and the finishing step of the engine.
import path from 'node:path';
import { presetConfig } from '../config/presets.js';
import { finishFiles, lintTexts, makeResult, type SourceFile } from '../engine/index.js';
import type { LintResult, ResolvedConfig } from '../shared/results.js';
import { readFileSync, realpathSync } from 'node:fs';
import { cannotRead } from './errors.js';
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
  /** Worker threads: 'auto' (default) uses them for the process code of large runs (docs/performance.md); a number sends every file to that many (0: none). */
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
  const ignoredResults: LintResult[] = found.linksOut.map(linkOutResult);
  const toLint = found.files.filter((filePath) => {
    if (!options.isIgnored?.(filePath)) return true;
    if (patterns.some((p) => path.resolve(cwd, p) === filePath)) ignoredResults.push(ignoredFileResult(filePath));
    return false;
  });
  // As ESLint: files were found, but the ignore patterns took every one of them.
  if (found.files.length > 0 && toLint.length === 0 && ignoredResults.length === 0 && (options.errorOnUnmatchedPattern ?? true)) {
    errors.push(`All files matched by ${patterns.length > 0 ? patterns.map((p) => `"${p}"`).join(', ') : '"."'} are ignored.`);
  }
  let results: LintResult[];
  if (options.fix) {
    // One file at a time (never past the open-file limit), each path once: a file and a link
    // to it are one file, or the second write would find the first one's change.
    const sources: SourceFile[] = [];
    const seen = new Set<string>();
    for (const filePath of preferRealPaths(toLint)) {
      try {
        const real = realpathSync(filePath);
        if (seen.has(real)) continue;
        seen.add(real);
        sources.push({ filePath, text: readFileSync(filePath, 'utf8') });
      } catch (error) {
        errors.push(cannotRead(filePath, error as NodeJS.ErrnoException));
      }
    }
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

/** The files, those that are no link first: of a file and a link to it, the file is kept. */
function preferRealPaths(files: string[]): string[] {
  const real = (f: string) => {
    try {
      return realpathSync(f) === f;
    } catch {
      return false;
    }
  };
  return [...files.filter(real), ...files.filter((f) => !real(f))];
}

/** A link named on the command line whose target is outside the linted tree: one warning, never read. */
function linkOutResult(filePath: string): LintResult {
  const message = 'File not read: it is a symbolic link to a file outside the linted folder (patchlint never follows links out of the tree).';
  return makeResult(filePath, [{ ruleId: null, severity: 1, message, line: 0, column: 0 }]);
}

/** As ESLint: a file named on the command line but ignored by the config gets one warning. */
export function ignoredFileResult(filePath: string): LintResult {
  const message = 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.';
  return makeResult(filePath, [{ ruleId: null, severity: 1, message, line: 0, column: 0 }]);
}
