// Turns the paths and globs of the command line into a sorted list of Lua files.
// fast-glob is loaded only for folders and globs: linting named files (pre-commit) starts faster.
const loadFastGlob = async () => (await import('fast-glob')).default;
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';

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
  /** One line each: a pattern that matched nothing, a path that cannot be read. */
  errors: string[];
}

export async function findFiles(patterns: string[], options: FindFilesOptions): Promise<FoundFiles> {
  const { cwd } = options;
  const ignore = [...ALWAYS_IGNORED, ...(options.ignore ?? [])];
  const files = new Set<string>();
  const errors: string[] = [];
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(absolute);
    } catch {
      stat = undefined;
    }
    let matched: string[];
    if (stat?.isFile()) {
      matched = [absolute];
    } else if (stat?.isDirectory()) {
      matched = await glob('**/*.lua', absolute, ignore, cwd);
    } else if (stat) {
      // A FIFO would block the read forever; sockets and devices are no source files either.
      errors.push(`Cannot read ${pattern}: not a regular file`);
      continue;
    } else if ((await loadFastGlob()).isDynamicPattern(pattern)) {
      matched = await glob(pattern, cwd, ignore, cwd);
    } else {
      const link = brokenLink(absolute);
      // A path that does not exist is a pattern that matches nothing (as in ESLint).
      if (link || options.errorOnUnmatchedPattern !== false) errors.push(`${link ?? 'No such file or directory'}: ${pattern}`);
      continue;
    }
    if (matched.length === 0 && options.errorOnUnmatchedPattern !== false) {
      errors.push(`No files matching the pattern "${pattern}" were found.`);
    }
    for (const f of matched) files.add(f);
  }
  return { files: [...files].sort(), errors };
}

async function glob(pattern: string, base: string, ignore: string[], cwd: string): Promise<string[]> {
  // Ignore globs are relative to cwd; re-anchor them when searching below another folder.
  const rel = path.relative(base, cwd);
  const anchored = ignore.map((g) => (g.startsWith('**/') || rel === '' ? g : path.posix.join(rel.split(path.sep).join('/'), g)));
  // Symbolic links to files are linted; links to folders are not followed (a link to `..` or
  // to itself would never end, and a link can lead out of the project). Broken links, FIFOs,
  // sockets and folders named like `x.lua` are skipped: only regular files are read.
  const fg = await loadFastGlob();
  const found = await fg(pattern, {
    cwd: base, absolute: true, onlyFiles: false, objectMode: true, dot: false, followSymbolicLinks: false, suppressErrors: true, ignore: anchored,
  });
  const files: string[] = [];
  for (const entry of found) {
    if (entry.dirent.isFile() || (entry.dirent.isSymbolicLink() && isFileBehindLink(entry.path))) files.push(path.normalize(entry.path));
  }
  return files;
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
