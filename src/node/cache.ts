// The results cache (`--cache`): per file, its last per-file lint (messages, project facts,
// directives), keyed by a hash of the file's text, a hash of its resolved config and
// patchlint's version. Project facts are kept so the cross-file pass (duplicate-key-case)
// still runs over cached files and its reports stay correct.
//
// One JSON file. Each entry's data is stored as a JSON string and parsed only on a hit:
// entries of files not linted in this run cost nothing. Written atomically (temporary file, then rename); a file
// that is not a cache of this version is ignored and replaced, never an error.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileLint } from '../engine/index.js';
import { lineStarts } from '../shared/positions.js';
import type { ResolvedConfig } from '../shared/results.js';

export const DEFAULT_CACHE_FILE = '.patchlintcache';
// 2: worker threads had linted every batch after a worker's first with the default config
// instead of the file's own (fixed in src/node/workers/lint-worker.ts); format 1 files may hold
// such results under the right config's hash, so they are dropped.
// 3: entries hold the lint before directives (the engine's FileLint), not a finished result.
// 4: entries name the module files the lint read (call results followed into modules).
const FORMAT = 4;

interface Entry {
  /** sha1 of the file's text. */
  content: string;
  /** sha1 of the file's resolved config (JSON). */
  config: string;
  /** JSON of `StoredLint`. */
  data: string;
  /** The module files the lint read, each with the sha1 of its text then (missing: none). */
  modules?: [string, string][];
}

/** What is kept of a FileLint: no text-derived parts (source, line starts), no path. */
interface StoredLint {
  messages: FileLint['messages'];
  project: FileLint['project'];
  directives: FileLint['directives'];
  elsewhere: FileLint['elsewhere'];
  hasSource: boolean;
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

  /**
   * The cached lint of this text under this config, when the modules it read still hold the
   * same texts (`currentText` reads one); null on a miss.
   */
  lookup(filePath: string, text: string, config: ResolvedConfig, currentText: (filePath: string) => string | null, contentHash = hashText(text)): FileLint | null {
    const entry = this.entries.get(filePath);
    if (!entry || entry.content !== contentHash || entry.config !== this.configHash(config)) return null;
    for (const [module, hash] of entry.modules ?? []) {
      const now = currentText(module);
      if (now === null || hashText(now) !== hash) return null;
    }
    let stored: StoredLint | null = null;
    try {
      const data: unknown = JSON.parse(entry.data);
      // Every message is checked, not trusted: a forged or damaged entry whose severities are not
      // 1 or 2 would be counted as no error at all (a run with errors exiting 0).
      if (isRecord(data) && Array.isArray(data.messages) && data.messages.every(isStoredMessage) && isRecord(data.project)) stored = data as unknown as StoredLint;
    } catch {
      // Handled below, as any other unusable entry.
    }
    if (!stored) {
      this.entries.delete(filePath);
      this.changed = true;
      return null;
    }
    const lint: FileLint = {
      filePath, messages: stored.messages, project: stored.project, lineStarts: lineStarts(text), directives: stored.directives ?? null,
      modules: (entry.modules ?? []).map(([m]) => m), elsewhere: stored.elsewhere ?? [],
    };
    if (stored.hasSource) lint.source = text;
    return lint;
  }

  /**
   * Remembers the per-file lint of a text with this hash (`hashText`), with the texts of the
   * modules it read (`currentText`); a lint whose module cannot be read again is not stored.
   */
  store(filePath: string, config: ResolvedConfig, lint: FileLint, contentHash: string, currentText: (filePath: string) => string | null): void {
    const modules: [string, string][] = [];
    for (const module of lint.modules) {
      const text = currentText(module);
      if (text === null) return;
      modules.push([module, hashText(text)]);
    }
    const stored: StoredLint = { messages: lint.messages, project: lint.project, directives: lint.directives, elsewhere: lint.elsewhere, hasSource: lint.source !== undefined };
    const entry: Entry = { content: contentHash, config: this.configHash(config), data: JSON.stringify(stored) };
    if (modules.length > 0) entry.modules = modules;
    this.entries.set(filePath, entry);
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
      // As ESLint: a cache folder that does not exist yet is created.
      await mkdir(path.dirname(this.location), { recursive: true });
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

function isStoredMessage(m: unknown): boolean {
  return isRecord(m) && (m.severity === 1 || m.severity === 2) && (m.ruleId === null || typeof m.ruleId === 'string') && typeof m.message === 'string'
    && Number.isInteger(m.line) && Number.isInteger(m.column) && (m.fatal === undefined || typeof m.fatal === 'boolean');
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
      const modules = Array.isArray(entry.modules) && entry.modules.every((m) => Array.isArray(m) && m.length === 2 && m.every((x) => typeof x === 'string'))
        ? (entry.modules as [string, string][]) : undefined;
      if (entry.modules !== undefined && !modules) continue;
      entries.set(filePath, { content: entry.content, config: entry.config, data: entry.data, ...(modules ? { modules } : {}) });
    }
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
