// Turns the paths and globs of the command line into a sorted list of Lua files.
// fast-glob is loaded only for folders and globs: linting named files (pre-commit) starts faster.
const loadFastGlob = async () => (await import('fast-glob')).default;
import { lstatSync, readdir, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeError } from './errors.js';
import { isInside } from './inside.js';

export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface FindFilesOptions {
  cwd: string;
  /** Extra ignore globs (config `ignores`, --ignore-pattern), relative to cwd. */
  ignore?: string[];
  /** Report patterns that match nothing (default true). */
  errorOnUnmatchedPattern?: boolean;
}

export interface FoundFiles {
  files: string[];
  /** One line each: a pattern that matched nothing, a path or folder that cannot be read. */
  errors: string[];
  /** Symbolic links named on the command line whose target lies outside the linted tree: not read. */
  linksOut: string[];
}

export async function findFiles(patterns: string[], options: FindFilesOptions): Promise<FoundFiles> {
  const { cwd } = options;
  const ignore = [...ALWAYS_IGNORED, ...(options.ignore ?? [])];
  const files = new Set<string>();
  const errors: string[] = [];
  const linksOut: string[] = [];
  const realCwd = realOrResolved(cwd);
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    let statError: NodeJS.ErrnoException | undefined;
    try {
      stat = statSync(absolute);
    } catch (error) {
      statError = error as NodeJS.ErrnoException;
    }
    let matched: string[];
    const errorsBefore = errors.length;
    if (stat?.isFile()) {
      // A named link is read only when it stays inside the project (a staged link to
      // /proc/self/environ must not put the environment into a report).
      if (isLink(absolute) && !isInside(realCwd, realOrResolved(absolute))) {
        linksOut.push(absolute);
        continue;
      }
      matched = [absolute];
    } else if (stat?.isDirectory()) {
      matched = await glob('**/*.lua', absolute, ignore, cwd, errors);
    } else if (stat) {
      // A FIFO would block the read forever; sockets and devices are no source files either.
      errors.push(`Cannot read ${pattern}: not a regular file`);
      continue;
    } else if (statError && !['ENOENT', 'ENOTDIR', 'ELOOP'].includes(statError.code ?? '')) {
      // It exists but cannot be reached (a folder on the way may not be searched, the path is too long).
      errors.push(`Cannot read ${pattern}: ${describeError(statError)}`);
      continue;
    } else if ((await loadFastGlob()).isDynamicPattern(pattern)) {
      matched = await glob(pattern, cwd, ignore, cwd, errors);
    } else {
      const link = brokenLink(absolute);
      // A path that does not exist is a pattern that matches nothing (as in ESLint).
      if (link || options.errorOnUnmatchedPattern !== false) errors.push(`${link ?? 'No such file or directory'}: ${pattern}`);
      continue;
    }
    // A folder that could not be read already has its line: no "No files matching" beside it.
    if (matched.length === 0 && options.errorOnUnmatchedPattern !== false && errors.length === errorsBefore) {
      // Nothing typed: say what was searched, not a pattern the user never wrote.
      errors.push(patterns.length === 0
        ? `No .lua files in the current folder or below (${cwd}). Name the files or folders to lint: patchlint src/ 'process/**/*.lua'`
        : `No files matching the pattern "${pattern}" were found.`);
    }
    for (const f of matched) files.add(f);
  }
  return { files: [...files].sort(), errors, linksOut };
}

async function glob(pattern: string, base: string, ignore: string[], cwd: string, errors: string[]): Promise<string[]> {
  // Ignore globs are relative to cwd; re-anchor them when searching below another folder.
  const rel = path.relative(base, cwd);
  const anchored = ignore.map((g) => (g.startsWith('**/') || rel === '' ? g : path.posix.join(rel.split(path.sep).join('/'), g)));
  // Symbolic links to files are linted when their target stays inside the folder searched or
  // the project; links to folders are not followed (a link to `..` or to itself would never
  // end, and a link can lead out of the project). Broken links, FIFOs, sockets and folders
  // named like `x.lua` are skipped: only regular files are read.
  const fg = await loadFastGlob();
  const found = await fg(pattern, {
    cwd: base, absolute: false, onlyFiles: false, objectMode: true, dot: false, followSymbolicLinks: false, ignore: anchored,
    // A folder that cannot be listed (no permission, a path past PATH_MAX) is reported, not
    // skipped in silence (fast-glob's suppressErrors) nor allowed to stop the whole walk.
    fs: { readdir: reportingReaddir(base, errors) },
  });
  const roots = [realOrResolved(base), realOrResolved(cwd)];
  const files: string[] = [];
  for (const entry of found) {
    // Joined here, not by fast-glob's `absolute`, which turns a `\` in a name into a separator.
    const full = path.join(base, entry.path);
    if (entry.dirent.isFile()) files.push(full);
    else if (entry.dirent.isSymbolicLink() && isFileBehindLink(full) && roots.some((r) => isInside(r, realOrResolved(full)))) files.push(full);
  }
  return files;
}

type Listing = (error: NodeJS.ErrnoException | null, entries: never[]) => void;

/**
 * fs.readdir in the two forms fast-glob calls (with file types, and names only) that reports
 * a folder it cannot list and goes on with the others.
 */
function reportingReaddir(base: string, errors: string[]) {
  const listed = (folder: string, callback: Listing) => (error: NodeJS.ErrnoException | null, entries: unknown[]) => {
    if (error && error.code !== 'ENOENT') {
      errors.push(`Cannot read ${path.resolve(base, folder)}: ${describeError(error)}`);
      callback(null, []);
    } else callback(error, entries as never[]);
  };
  function reporting(folder: string, callback: Listing): void;
  function reporting(folder: string, options: { withFileTypes: true }, callback: Listing): void;
  function reporting(folder: string, second: Listing | { withFileTypes: true }, third?: Listing): void {
    if (typeof second === 'function') readdir(folder, listed(folder, second));
    else readdir(folder, second, listed(folder, third!));
  }
  return reporting;
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function isFileBehindLink(link: string): boolean {
  try {
    return statSync(link).isFile();
  } catch {
    return false;
  }
}

/** Why a named path that cannot be stat'ed still exists as a link, or null. */
function brokenLink(absolute: string): string | null {
  try {
    if (!lstatSync(absolute).isSymbolicLink()) return null;
  } catch {
    return null;
  }
  try {
    statSync(absolute);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'Symbolic link loop' : 'Broken symbolic link';
  }
}
