// Turns a loaded config file plus command-line settings into one ResolvedConfig per file:
// preset → "rules" → matching "overrides" in order → --rule flags (later entries win).
// Globs are matched against the path relative to the config file's folder; a file outside
// that folder gets the top-level settings only (no override or ignore can name it).
import path from 'node:path';
import { ruleById } from '../../rules/index.js';
import type { ResolvedConfig } from '../shared/results.js';
import { compileGlob, matchesPathOrParent, type PathMatcher } from './glob.js';
import type { ConfigFile, RuleEntry } from './load.js';
import { presetConfig } from './presets.js';

export interface ResolveOptions {
  /** Folder the command runs in: --ignore-pattern globs are relative to it. */
  cwd: string;
  /** --rule flags, applied last in order. */
  ruleFlags?: { id: string; entry: RuleEntry }[];
  /** --ignore-pattern globs (relative to cwd). */
  ignorePatterns?: string[];
  /** --no-ignore: neither the config's `ignores` nor --ignore-pattern apply. */
  noIgnore?: boolean;
  /** --report-unused-disable-directives (overrides the config's setting when given). */
  reportUnusedDisableDirectives?: boolean;
  /** --max-file-size in bytes. */
  maxFileSize?: number;
  /** --no-inline-config: directive comments are ignored. */
  noInlineConfig?: boolean;
}

export interface ConfigResolver {
  config: ConfigFile;
  configFor(filePath: string): ResolvedConfig;
  isIgnored(filePath: string): boolean;
}

export function createResolver(config: ConfigFile, options: ResolveOptions): ConfigResolver {
  const overrides = config.overrides.map((o) => ({ matchers: o.files.map(compileGlob), rules: o.rules }));
  const configIgnores = options.noIgnore ? [] : config.ignores.map(compileGlob);
  const flagIgnores = options.noIgnore ? [] : (options.ignorePatterns ?? []).map(compileGlob);
  const reportUnused = options.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives ?? false;
  const byOverrideSet = new Map<string, ResolvedConfig>();

  function configFor(filePath: string): ResolvedConfig {
    // Without overrides every file gets the same config: no path to work out (once per file).
    const relative = overrides.length === 0 ? null : relativeInside(config.baseDir, filePath);
    const matched = relative === null ? [] : overrides.flatMap((o, i) => (o.matchers.some((m) => m(relative)) ? [i] : []));
    const key = matched.join(',');
    let resolved = byOverrideSet.get(key);
    if (!resolved) {
      resolved = presetConfig(config.extends);
      applyRules(resolved, config.rules);
      for (const i of matched) applyRules(resolved, overrides[i]!.rules);
      for (const flag of options.ruleFlags ?? []) applyRules(resolved, { [flag.id]: flag.entry });
      if (reportUnused) resolved.reportUnusedDisableDirectives = true;
      if (options.maxFileSize !== undefined) resolved.maxFileSize = options.maxFileSize;
      if (options.noInlineConfig) resolved.noInlineConfig = true;
      byOverrideSet.set(key, resolved);
    }
    return resolved;
  }

  function isIgnored(filePath: string): boolean {
    return ignoredBy(configIgnores, config.baseDir, filePath) || ignoredBy(flagIgnores, options.cwd, filePath);
  }

  return { config, configFor, isIgnored };
}

function applyRules(resolved: ResolvedConfig, rules: Record<string, RuleEntry>): void {
  for (const [id, entry] of Object.entries(rules)) {
    const defaults = ruleById.get(id)!.meta.defaults as Record<string, unknown>;
    const previous = resolved.rules[id]?.options ?? { ...defaults };
    // As in ESLint: a severity alone keeps the options set before; new options replace them (over the defaults).
    resolved.rules[id] = { severity: entry.severity, options: entry.options ? { ...defaults, ...entry.options } : previous };
  }
}

function ignoredBy(matchers: PathMatcher[], dir: string, filePath: string): boolean {
  if (matchers.length === 0) return false; // the common case: no path to work out
  const relative = relativeInside(dir, filePath);
  return relative !== null && matchers.some((m) => matchesPathOrParent(m, relative));
}

/** `/`-separated path of `filePath` below `dir`, or null when it is not inside. */
function relativeInside(dir: string, filePath: string): string | null {
  const relative = path.relative(dir, path.resolve(dir, filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

/** The resolved config as users write it (`--print-config`): severities by name, options in full. */
export function printableConfig(resolved: ResolvedConfig, extra: Record<string, unknown>): Record<string, unknown> {
  const names = ['off', 'warn', 'error'] as const;
  const rules: Record<string, unknown> = {};
  for (const [id, setting] of Object.entries(resolved.rules)) rules[id] = [names[setting.severity], setting.options];
  return { ...extra, reportUnusedDisableDirectives: resolved.reportUnusedDisableDirectives ?? false, rules };
}
