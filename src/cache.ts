// The results cache (`--cache`): per file, the per-file lint result and the project facts of
// its last lint, keyed by a hash of the file's text, a hash of its resolved config and
// patchlint's version. Project facts are kept so the cross-file pass (duplicate-key-case)
// still runs over cached files and its reports stay correct.
//
// One JSON file. Each entry's data is stored as a JSON string and parsed only on a hit: a hit
// gets fresh objects (the project pass adds to results in place) and entries of files not
// linted in this run cost nothing. Written atomically (temporary file, then rename); a file
// that is not a cache of this version is ignored and replaced, never an error.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileFacts, FileLint } from './linter.js';
import { lineStarts } from './text.js';
import type { LintResult, ResolvedConfig } from './types.js';

export const DEFAULT_CACHE_FILE = '.patchlintcache';
// 2: worker threads had linted every batch after a worker's first with the default config
// instead of the file's own (fixed in src/workers/lint-worker.ts); format 1 files may hold such
// results under the right config's hash, so they are dropped.
const FORMAT = 2;

interface Entry {
  /** sha1 of the file's text. */
  content: string;
  /** sha1 of the file's resolved config (JSON). */
  config: string;
  /** JSON of `StoredLint`. */
  data: string;
}

/** What is kept of a FileLint: no text-derived parts (source, line starts), no path. */
interface StoredLint {
  result: Omit<LintResult, 'source' | 'output' | 'filePath'>;
  hasSource: boolean;
  project: FileFacts['project'];
  directives?: FileFacts['directives'];
}

interface CacheFile {
  format: typeof FORMAT;
  version: string;
  entries: Record<string, Entry>;
}

/**
 * `--cache-location`: a file, or a folder (an existing one, or a path ending with a separator)
 * that gets `.patchlintcache` inside. Relative to cwd.
 */
export function resolveCacheLocation(location: string | undefined, cwd: string): string {
  if (location === undefined || location === '') return path.join(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  const endsWithSeparator = location.endsWith('/') || location.endsWith(path.sep);
  let isDirectory = false;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    // Not there yet: a file path, unless it ends with a separator.
  }
  return endsWithSeparator || isDirectory ? path.join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

export class LintCache {
  private readonly entries: Map<string, Entry>;
  private readonly configHashes = new WeakMap<ResolvedConfig, string>();
  private changed: boolean;

  private constructor(readonly location: string, readonly version: string, entries: Map<string, Entry>, changed: boolean) {
    this.entries = entries;
    this.changed = changed;
  }

  /** Reads the cache file; a missing, corrupt or other-version file gives an empty cache. */
  static async open(location: string, version: string): Promise<LintCache> {
    let text: string | null = null;
    try {
      text = await readFile(location, 'utf8');
    } catch {
      return new LintCache(location, version, new Map(), true);
    }
    const entries = parseCacheFile(text, version);
    return new LintCache(location, version, entries ?? new Map(), entries === null);
  }

  hash(text: string): string {
    return hashText(text);
  }

  /** The cached lint of this text under this config, as fresh objects; null on a miss. */
  lookup(filePath: string, text: string, config: ResolvedConfig, contentHash = hashText(text)): FileLint | null {
    const entry = this.entries.get(filePath);
    if (!entry || entry.content !== contentHash || entry.config !== this.configHash(config)) return null;
    let stored: StoredLint | null = null;
    try {
      const data: unknown = JSON.parse(entry.data);
      if (isRecord(data) && isRecord(data.result) && Array.isArray(data.result.messages) && isRecord(data.project)) stored = data as unknown as StoredLint;
    } catch {
      // Handled below, as any other unusable entry.
    }
    if (!stored) {
      this.entries.delete(filePath);
      this.changed = true;
      return null;
    }
    const result: LintResult = { filePath, ...stored.result };
    if (stored.hasSource) result.source = text;
    const facts: FileFacts = { filePath, project: stored.project, lineStarts: lineStarts(text) };
    if (stored.directives) facts.directives = stored.directives;
    return { result, facts };
  }

  /**
   * Remembers the per-file lint of a text with this hash (`hashText`). Call it before the project pass changes the result: what is
   * stored is serialised now. A result with fixed `output` is not stored (its text is stale).
   */
  store(filePath: string, config: ResolvedConfig, lint: FileLint, contentHash: string): void {
    const { result, facts } = lint;
    if (result.output !== undefined) return;
    const { source, output: _output, filePath: _path, ...rest } = result;
    const stored: StoredLint = { result: rest, hasSource: source !== undefined, project: facts.project };
    if (facts.directives) stored.directives = facts.directives;
    this.entries.set(filePath, { content: contentHash, config: this.configHash(config), data: JSON.stringify(stored) });
    this.changed = true;
  }

  /**
   * Writes the cache when something changed, dropping entries of files that no longer
   * exist. Atomic: a temporary file beside it, then a rename.
   */
  async save(): Promise<void> {
    for (const filePath of this.entries.keys()) {
      if (!existsSync(filePath)) {
        this.entries.delete(filePath);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const file: CacheFile = { format: FORMAT, version: this.version, entries: Object.fromEntries(this.entries) };
    const temp = `${this.location}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(file));
      await rename(temp, this.location);
      this.changed = false;
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  private configHash(config: ResolvedConfig): string {
    let hash = this.configHashes.get(config);
    if (hash === undefined) {
      hash = hashText(JSON.stringify(config));
      this.configHashes.set(config, hash);
    }
    return hash;
  }
}

/** The entries of a cache file of this format and version; null when it is anything else. */
function parseCacheFile(text: string, version: string): Map<string, Entry> | null {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(file) || file.format !== FORMAT || file.version !== version || !isRecord(file.entries)) return null;
  const entries = new Map<string, Entry>();
  for (const [filePath, entry] of Object.entries(file.entries)) {
    if (isRecord(entry) && typeof entry.content === 'string' && typeof entry.config === 'string' && typeof entry.data === 'string') {
      entries.set(filePath, { content: entry.content, config: entry.config, data: entry.data });
    }
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
