// The configuration part of the command line: finds or reads the config file, applies
// --rule, --ignore-pattern, --no-ignore and --report-unused-disable-directives, and prints
// the resolved config of one file (--print-config). Any problem is a ConfigError (exit 2).
import path from 'node:path';
import { globProblem } from '../config/glob.js';
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
  /** --max-file-size as written: bytes, or a number with KB / MB. */
  maxFileSize?: string | undefined;
  /** false with --no-inline-config */
  inlineConfig?: boolean;
}

export function resolverFromFlags(flags: ConfigFlags, cwd: string): ConfigResolver {
  if (flags.config !== undefined && flags.config.trim() === '') throw new ConfigError('--config: expected a file name');
  flags.ignorePattern.forEach((pattern) => {
    if (pattern.trim() === '') throw new ConfigError('--ignore-pattern: expected a glob');
    const problem = globProblem(pattern);
    if (problem) throw new ConfigError(`--ignore-pattern: ${JSON.stringify(pattern)}: ${problem}`);
  });
  return loadConfig({
    cwd,
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    lookup: flags.configLookup,
    ruleFlags: flags.rule.map(parseRuleFlag),
    ignorePatterns: flags.ignorePattern,
    noIgnore: !flags.ignore,
    ...(flags.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
    ...(flags.maxFileSize !== undefined ? { maxFileSize: parseSize(flags.maxFileSize) } : {}),
    ...(flags.inlineConfig === false ? { noInlineConfig: true } : {}),
  });
}

/** `500000`, `512KB`, `20MB` (1 KB = 1024 bytes) → bytes. */
function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(kb|mb|b)?\s*$/i.exec(text);
  if (!match) throw new ConfigError(`--max-file-size: expected a size such as 500000, 512KB or 20MB (got ${JSON.stringify(text)})`);
  const unit = (match[2] ?? 'b').toLowerCase();
  return Math.floor(Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1));
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
