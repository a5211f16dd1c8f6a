// The configuration part of the command line: finds or reads the config file, applies
// --rule, --ignore-pattern, --no-ignore and --report-unused-disable-directives, and prints
// the resolved config of one file (--print-config). Any problem is a ConfigError (exit 2).
import path from 'node:path';
import { ConfigError, parseRuleFlag } from '../config/load.js';
import { loadConfig } from '../config/load-config.js';
import { printableConfig, type ConfigResolver } from '../config/resolve.js';

export interface ConfigFlags {
  /** --config FILE */
  config?: string | undefined;
  /** false with --no-config-lookup */
  configLookup: boolean;
  rule: string[];
  ignorePattern: string[];
  /** false with --no-ignore */
  ignore: boolean;
  reportUnusedDisableDirectives: boolean;
}

export function resolverFromFlags(flags: ConfigFlags, cwd: string): ConfigResolver {
  if (flags.config !== undefined && flags.config.trim() === '') throw new ConfigError('--config: expected a file name');
  flags.ignorePattern.forEach((pattern) => {
    if (pattern.trim() === '') throw new ConfigError('--ignore-pattern: expected a glob');
  });
  return loadConfig({
    cwd,
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    lookup: flags.configLookup,
    ruleFlags: flags.rule.map(parseRuleFlag),
    ignorePatterns: flags.ignorePattern,
    noIgnore: !flags.ignore,
    ...(flags.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
  });
}

/** --print-config FILE: the config that applies to FILE, as JSON (the file need not exist). */
export function printConfig(resolver: ConfigResolver, file: string, cwd: string): string {
  const filePath = path.resolve(cwd, file);
  const extra = {
    configFile: resolver.config.filePath,
    extends: resolver.config.extends,
    ignored: resolver.isIgnored(filePath),
  };
  return `${JSON.stringify(printableConfig(resolver.configFor(filePath), extra), null, 2)}\n`;
}

/** Repeatable string options arrive as a string, an array, or nothing. */
export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
