// The Node API: `import { lintText, lintFiles, loadConfig, formatters } from 'patchlint'`.
import { presetConfig } from './config/presets.js';
import { finishFiles, lintFile, rulesMeta } from './engine/index.js';
import { loadFormatter as loadRawFormatter, FORMATTER_NAMES, type Formatter, type FormatterName } from './formatters/index.js';
import type { LintResult, ResolvedConfig } from './shared/results.js';

export interface LintTextOptions {
  /** The file the text stands for (the result's `filePath`; default `<text>`). */
  filePath?: string;
  /** Default: the recommended preset. */
  config?: ResolvedConfig;
}

let recommended: ResolvedConfig | null = null;

/** Lints one text on its own (no file system, no cross-file checks), as ESLint's Linter does. */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const config = options.config ?? (recommended ??= presetConfig('recommended'));
  return finishFiles([lintFile(text, { filePath: options.filePath ?? '<text>', config })], () => config)[0]!;
}

const loaded = new Map<string, Formatter>();

/** A formatter by name; its context's `rulesMeta` defaults to patchlint's rules. */
export async function loadFormatter(name: string): Promise<Formatter> {
  let formatter = loaded.get(name);
  if (!formatter) {
    const raw = await loadRawFormatter(name);
    formatter = (results, context) => raw(results, { ...context, rulesMeta: context.rulesMeta ?? rulesMeta() });
    loaded.set(name, formatter);
  }
  return formatter;
}

/**
 * The formatters, each loaded on first use:
 * `const sarif = await formatters.sarif(); sarif(results, { cwd, color: false })`.
 */
export const formatters = Object.freeze(
  Object.fromEntries(FORMATTER_NAMES.map((name) => [name, () => loadFormatter(name)])),
) as Readonly<Record<FormatterName, () => Promise<Formatter>>>;

export { FORMATTER_NAMES };
export type { Formatter, FormatterContext, FormatterName } from './formatters/index.js';
export { lintFiles } from './node/lint-files.js';
export type { LintFilesOptions, LintFilesResult } from './node/lint-files.js';
export { presetConfig, PRESET_NAMES } from './config/presets.js';
export type { PresetName } from './config/presets.js';
export { findConfigFile, loadConfigFile, emptyConfig, parseRuleFlag, ConfigError, CONFIG_FILE_NAMES } from './config/load.js';
export type { ConfigFile, ConfigOverride, RuleEntry } from './config/load.js';
export { createResolver } from './config/resolve.js';
export { loadConfig } from './config/load-config.js';
export type { LoadConfigOptions } from './config/load-config.js';
export type { ConfigResolver, ResolveOptions } from './config/resolve.js';
export { outputFixes } from './node/write-atomic.js';
export { rules } from '../rules/index.js';
export type * from './shared/results.js';
export type { PatchModel, PatchMessage, ExposedEntry, Entry, Key, Value, TableShape, LoadTimeSend, GuardInfo } from './model/index.js';
export type { Rule, RuleMeta, RuleContext, Report } from '../rules/kit.js';
