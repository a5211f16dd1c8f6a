// The Node API's one call for configuration: find (or take) the config file, read and
// validate it, and return the resolver the CLI uses (config per file, ignores).
import path from 'node:path';
import { emptyConfig, findConfigFile, loadConfigFile } from './load.js';
import { createResolver, type ConfigResolver, type ResolveOptions } from './resolve.js';

export interface LoadConfigOptions extends Partial<ResolveOptions> {
  /** Where lookup starts and relative paths resolve (default: process.cwd()). */
  cwd?: string;
  /** Use this config file instead of looking one up (--config). */
  configFile?: string;
  /** false: use no config file at all (--no-config-lookup). */
  lookup?: boolean;
}

/** Throws a ConfigError (one line naming the file and JSON path) for a broken config. */
export function loadConfig(options: LoadConfigOptions = {}): ConfigResolver {
  const cwd = options.cwd ?? process.cwd();
  const found = options.configFile !== undefined ? path.resolve(cwd, options.configFile) : options.lookup === false ? null : findConfigFile(cwd);
  const config = found ? loadConfigFile(found, cwd) : emptyConfig(cwd);
  return createResolver(config, { ...options, cwd });
}
