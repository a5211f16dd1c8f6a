// Turns the paths and globs of the command line into a sorted list of Lua files.
import fg from 'fast-glob';
import { statSync } from 'node:fs';
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
    } else if (fg.isDynamicPattern(pattern)) {
      matched = await glob(pattern, cwd, ignore, cwd);
    } else {
      errors.push(`No such file or directory: ${pattern}`);
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
  const found = await fg(pattern, {
    cwd: base, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true, suppressErrors: true, ignore: anchored,
  });
  return found.map((f) => path.normalize(f));
}
