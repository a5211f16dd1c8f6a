// Which config lints a document: the CLI's lookup (patchlint.config.json, .patchlintrc.json,
// package.json "patchlint"), started from the document's folder. Each lint looks the file up
// again and reuses the parsed config while the file's mtime and size are unchanged, so an
// edited config is picked up even by editors that do not report file changes.
import { statSync } from 'node:fs';
import path from 'node:path';
import { emptyConfig, findConfigFile, loadConfigFile } from '../config/load.js';
import { createResolver, type ConfigResolver } from '../config/resolve.js';
import type { ResolvedConfig } from '../shared/results.js';

export { CONFIG_FILE_NAMES } from '../config/load.js';

/** The config of a document, the reason it has none, or that the config ignores it. */
export type ConfigLookup = { config: ResolvedConfig } | { error: string } | { ignored: true };

const loaded = new Map<string, { stamp: string; resolver: ConfigResolver | null; error: string | null }>();
let noConfigFile: ConfigResolver | null = null;

/**
 * The config for a document at `filePath` (null: an unsaved buffer, looked up from `root`).
 * `root` (the workspace folder) only shortens config file names in messages. Never throws.
 */
export function configForDocument(filePath: string | null, root: string | null = null): ConfigLookup {
  try {
    const startDir = filePath ? path.dirname(filePath) : root;
    const found = startDir ? findConfigFile(startDir) : null;
    const resolver = found ? loadResolver(found, root) : (noConfigFile ??= createResolver(emptyConfig(root ?? '/'), { cwd: root ?? '/' }));
    if ('error' in resolver) return resolver;
    if (filePath && resolver.isIgnored(filePath)) return { ignored: true };
    return { config: resolver.configFor(filePath ?? path.join(root ?? '/', 'untitled.lua')) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function loadResolver(configPath: string, root: string | null): ConfigResolver | { error: string } {
  const stats = statSync(configPath, { throwIfNoEntry: false });
  const stamp = stats ? `${stats.mtimeMs}:${stats.size}` : 'missing';
  let entry = loaded.get(configPath);
  if (!entry || entry.stamp !== stamp) {
    // Names in messages are relative to the workspace when the config is inside it.
    const cwd = root ?? path.dirname(configPath);
    try {
      entry = { stamp, resolver: createResolver(loadConfigFile(configPath, cwd), { cwd }), error: null };
    } catch (error) {
      entry = { stamp, resolver: null, error: error instanceof Error ? error.message : String(error) };
    }
    loaded.set(configPath, entry);
  }
  return entry.resolver ?? { error: entry.error! };
}

/** Drops cached configs (a config file changed on disk). */
export function forgetConfigs(): void {
  loaded.clear();
  noConfigFile = null;
}
